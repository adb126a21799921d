//go:build unix

package index

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// fileLock is a flock(2) lock on the index's LockFile. The kernel drops
// it when the process ends, however it ends, so a killed writer leaves
// no stale lock behind.
type fileLock struct{ f *os.File }

// lock takes the index's lock without waiting: exclusive for the writer,
// shared for readers. When another process holds it, the error names
// the writer's process id.
func lock(dir string, exclusive bool) (*fileLock, error) {
	path := filepath.Join(dir, LockFile)
	flag := os.O_RDONLY
	if exclusive {
		flag = os.O_RDWR | os.O_CREATE
	}
	f, err := os.OpenFile(path, flag, 0o644)
	if errors.Is(err, os.ErrNotExist) && !exclusive {
		// No writer ever ran here (or the folder is read-only and was
		// copied without it): nothing to share.
		return &fileLock{}, nil
	}
	if err != nil {
		return nil, err
	}
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	if err := flock(f, how|syscall.LOCK_NB); err != nil {
		defer f.Close()
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("%s: locking: %w", path, err)
		}
		if exclusive && flock(f, syscall.LOCK_SH|syscall.LOCK_NB) == nil {
			// Readers hold it, not a writer.
			flock(f, syscall.LOCK_UN)
			return nil, &openError{dir, ErrLocked, "the index is open for searching in another contractlint process; try again when it finishes"}
		}
		who := "another contractlint process"
		if pid := holder(f); pid > 0 {
			who = fmt.Sprintf("another contractlint process (pid %d)", pid)
		}
		if exclusive {
			return nil, &openError{dir, ErrLocked, "the index is being written by " + who + "; one writer at a time: wait for it to finish"}
		}
		return nil, &openError{dir, ErrLocked, "the index is being written by " + who + "; try again when it finishes"}
	}
	if exclusive {
		// Record who writes, for the error another process gets.
		f.Truncate(0)
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return &fileLock{f}, nil
}

func flock(f *os.File, how int) error {
	for {
		err := syscall.Flock(int(f.Fd()), how)
		if err != syscall.EINTR {
			return err
		}
	}
}

// holder reads the process id the writer recorded.
func holder(f *os.File) int {
	buf := make([]byte, 32)
	n, _ := f.ReadAt(buf, 0)
	pid, err := strconv.Atoi(strings.TrimSpace(string(buf[:n])))
	if err != nil {
		return 0
	}
	return pid
}

func (l *fileLock) unlock() {
	if l == nil || l.f == nil {
		return
	}
	flock(l.f, syscall.LOCK_UN)
	l.f.Close()
	l.f = nil
}

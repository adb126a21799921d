//go:build !unix

package index

import (
	"errors"
	"os"
	"path/filepath"
)

// fileLock is, without flock(2), a lock file created exclusively by the
// writer and removed by Close. A writer that was killed leaves it behind:
// the error says to remove it when no contractlint process runs.
type fileLock struct{ path string }

func lock(dir string, exclusive bool) (*fileLock, error) {
	path := filepath.Join(dir, LockFile)
	if !exclusive {
		if _, err := os.Stat(path); err == nil {
			return nil, &openError{dir, ErrLocked, "the index is being written by another contractlint process; try again when it finishes (if none runs, remove " + path + ")"}
		}
		return &fileLock{}, nil
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return nil, &openError{dir, ErrLocked, "the index is being written by another contractlint process; one writer at a time (if none runs, remove " + path + ")"}
	}
	if err != nil {
		return nil, err
	}
	f.Close()
	return &fileLock{path}, nil
}

func (l *fileLock) unlock() {
	if l != nil && l.path != "" {
		os.Remove(l.path)
		l.path = ""
	}
}

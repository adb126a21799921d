package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// The files of an index folder.
const (
	// MetaFile records the format version; it is written before anything
	// else and read before the index is opened.
	MetaFile = "contractlint-index.json"
	// LockFile is locked by the writer (exclusively) and by readers
	// (shared); it holds the writer's process id.
	LockFile = "lock"
	// bleveDir holds the bleve (scorch) index.
	bleveDir = "bleve"
)

// meta is the content of MetaFile.
type meta struct {
	// Format is FormatVersion of the binary that created the index.
	Format int `json:"format"`
	// Engine names the implementation that wrote the folder.
	Engine string `json:"engine"`
}

const engineName = "bleve/v2 scorch"

// openError is an error opening the index at dir: Kind is one of the
// package's errors, Msg says what to do.
type openError struct {
	Dir  string
	Kind error
	Msg  string
}

func (e *openError) Error() string { return e.Dir + ": " + e.Msg }
func (e *openError) Unwrap() error { return e.Kind }

// Open opens the index in the folder dir. ReadWrite creates the folder
// and the index when they do not exist, and holds the index alone until
// Close; ReadOnly needs an index and shares it with other readers. An
// index written in another format, a folder that holds something else,
// and an index another process holds are errors that say what to do.
func Open(dir string, mode Mode) (Index, error) {
	if mode == ReadWrite {
		return openWriter(dir)
	}
	return openReader(dir)
}

func openReader(dir string) (Index, error) {
	m, err := readMeta(dir)
	if errors.Is(err, os.ErrNotExist) {
		if st, serr := os.Stat(dir); serr == nil && st.IsDir() {
			return nil, notIndex(dir)
		}
		return nil, &openError{dir, ErrNotIndex, "no index here: create one with 'contractlint index --index " + dir + " FILE...'"}
	}
	if err != nil {
		return nil, err
	}
	if err := checkFormat(dir, m); err != nil {
		return nil, err
	}
	l, err := lock(dir, false)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(dir, bleveDir)); errors.Is(err, os.ErrNotExist) {
		l.unlock()
		return nil, &openError{dir, ErrNotIndex, "the index holds no agreements yet: add some with 'contractlint index --index " + dir + " FILE...'"}
	}
	b, err := openBleve(dir, true)
	if err != nil {
		l.unlock()
		return nil, err
	}
	b.lock = l
	return b, nil
}

func openWriter(dir string) (Index, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	m, err := readMeta(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		// A new index: the folder must be empty (or hold only a lock
		// file left by a run that stopped before writing anything).
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if e.Name() != LockFile {
				return nil, notIndex(dir)
			}
		}
	case err != nil:
		return nil, err
	default:
		if err := checkFormat(dir, m); err != nil {
			return nil, err
		}
	}
	l, err := lock(dir, true)
	if err != nil {
		return nil, err
	}
	if m == nil {
		if err := writeMeta(dir); err != nil {
			l.unlock()
			return nil, err
		}
	}
	b, err := openBleve(dir, false)
	if err != nil {
		l.unlock()
		return nil, err
	}
	b.lock = l
	return b, nil
}

func notIndex(dir string) error {
	return &openError{dir, ErrNotIndex, "not a contractlint index (it has no " + MetaFile + "): name a new or empty folder to create one"}
}

func readMeta(dir string) (*meta, error) {
	data, err := os.ReadFile(filepath.Join(dir, MetaFile))
	if err != nil {
		return nil, err
	}
	var m meta
	if err := json.Unmarshal(data, &m); err != nil || m.Format == 0 {
		return nil, &openError{dir, ErrFormat, MetaFile + " is not valid: the index is damaged or not contractlint's; index the agreements again into a new folder"}
	}
	return &m, nil
}

// checkFormat refuses an index of another format, saying which way.
func checkFormat(dir string, m *meta) error {
	switch {
	case m.Format > FormatVersion:
		return &openError{dir, ErrFormat, fmt.Sprintf("index format %d is newer than this contractlint reads (format %d): use the contractlint that wrote it, or a newer one", m.Format, FormatVersion)}
	case m.Format < FormatVersion:
		return &openError{dir, ErrFormat, fmt.Sprintf("index format %d is older than this contractlint reads (format %d): index the agreements again into a new folder", m.Format, FormatVersion)}
	}
	return nil
}

// writeMeta writes MetaFile through a temporary file renamed into place,
// so that a reader never sees half of it.
func writeMeta(dir string) error {
	data, err := json.MarshalIndent(meta{Format: FormatVersion, Engine: engineName}, "", "  ")
	if err != nil {
		return err
	}
	tmp := filepath.Join(dir, MetaFile+".tmp")
	if err := os.WriteFile(tmp, append(data, '\n'), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, MetaFile))
}

package corpus

import (
	"errors"
	"fmt"
)

// Sentinel errors for input that cannot be read. Extractors wrap them with
// detail (fmt.Errorf("%w: ...", ErrCorrupt)); callers test with errors.Is.
var (
	// ErrEncrypted: the PDF needs a password.
	ErrEncrypted = errors.New("encrypted")
	// ErrNoTextLayer: a PDF whose pages carry no text, typically a scan.
	ErrNoTextLayer = errors.New("no text layer: the file looks scanned; run OCR first")
	// ErrCorrupt: the file claims a format but cannot be parsed.
	ErrCorrupt = errors.New("corrupt or truncated file")
	// ErrUnsupported: the bytes are neither PDF, DOCX nor text.
	ErrUnsupported = errors.New("unsupported format")
	// ErrTooLarge: the file, or a part of it once decompressed, exceeds a limit.
	ErrTooLarge = errors.New("too large")
	// ErrTimeout: reading the file took longer than the time allowed for one
	// file.
	ErrTimeout = errors.New("timed out")
)

// InputError names the file that could not be read and why. Its message is
// one line: "contract.pdf: corrupt PDF: no xref table".
type InputError struct {
	Path string
	Err  error
}

func (e *InputError) Error() string { return e.Path + ": " + oneLine(e.Err.Error()) }

// Unwrap returns the cause, so errors.Is(err, ErrEncrypted) works.
func (e *InputError) Unwrap() error { return e.Err }

// Errorf wraps a cause into an InputError for path.
func Errorf(path string, cause error, format string, args ...any) error {
	return &InputError{Path: path, Err: fmt.Errorf("%w: "+format, append([]any{cause}, args...)...)}
}

// oneLine keeps an error message on one line.
func oneLine(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c == '\n' || c == '\r' {
			b[i] = ' '
		}
	}
	return string(b)
}

// Package extract reads agreements of any supported format into
// corpus.Documents: it sniffs the format from the bytes (never the file
// name), applies the size limits, and calls the right extractor.
package extract

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/contractlint/contractlint/corpus"
	"github.com/contractlint/contractlint/corpus/docx"
	"github.com/contractlint/contractlint/corpus/pdf"
	"github.com/contractlint/contractlint/corpus/text"
)

// MaxFileSize is the largest input file read, in bytes. Agreements are
// rarely above a few megabytes; a file beyond this is refused rather than
// read into memory.
const MaxFileSize = 256 << 20

// Stdin is the path that names standard input.
const Stdin = "-"

// File reads and extracts the file at path ("-" for standard input, read
// from stdin). Errors are *corpus.InputError values naming path.
func File(path string, stdin io.Reader) (*corpus.Document, error) {
	data, err := read(path, stdin)
	if err != nil {
		return nil, err
	}
	return Bytes(path, data)
}

func read(path string, stdin io.Reader) ([]byte, error) {
	var r io.Reader
	if path == Stdin {
		if stdin == nil {
			stdin = os.Stdin
		}
		r = stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, &corpus.InputError{Path: path, Err: unwrapPathError(err)}
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return nil, &corpus.InputError{Path: path, Err: unwrapPathError(err)}
		}
		if st.IsDir() {
			return nil, &corpus.InputError{Path: path, Err: errors.New("is a directory")}
		}
		if st.Size() > MaxFileSize {
			return nil, corpus.Errorf(path, corpus.ErrTooLarge, "%d bytes exceeds the limit of %d", st.Size(), MaxFileSize)
		}
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, &corpus.InputError{Path: path, Err: unwrapPathError(err)}
	}
	if len(data) > MaxFileSize {
		return nil, corpus.Errorf(path, corpus.ErrTooLarge, "more than %d bytes", MaxFileSize)
	}
	return data, nil
}

// unwrapPathError drops the *os.PathError's repetition of the path, which the
// InputError already names.
func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Bytes extracts an agreement held in memory; path names it in errors and in
// the Document.
func Bytes(path string, data []byte) (*corpus.Document, error) {
	format, err := Sniff(data)
	if err != nil {
		return nil, &corpus.InputError{Path: path, Err: err}
	}
	switch format {
	case corpus.FormatPDF:
		return pdf.Extract(path, data)
	case corpus.FormatDOCX:
		return docx.Extract(path, data)
	default:
		return text.Extract(path, data, format)
	}
}

// Sniff tells the format from the first bytes of a file. It returns an error
// wrapping corpus.ErrUnsupported or corpus.ErrCorrupt for anything that is
// not a PDF, a Word document or text.
func Sniff(data []byte) (corpus.Format, error) {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	switch {
	case len(data) == 0:
		return "", fmt.Errorf("%w: the file is empty", corpus.ErrUnsupported)
	case bytes.Contains(head, []byte("%PDF-")):
		return corpus.FormatPDF, nil
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06")):
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return "", fmt.Errorf("%w: a ZIP archive that cannot be opened (%v); a DOCX file may be truncated", corpus.ErrCorrupt, err)
		}
		for _, f := range zr.File {
			if f.Name == "word/document.xml" {
				return corpus.FormatDOCX, nil
			}
		}
		return "", fmt.Errorf("%w: a ZIP archive that is not a Word document (no word/document.xml)", corpus.ErrUnsupported)
	case bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		return "", fmt.Errorf("%w: a legacy Word .doc (or other OLE) file; save it as DOCX or PDF", corpus.ErrUnsupported)
	case bytes.HasPrefix(data, []byte(`{\rtf`)):
		return "", fmt.Errorf("%w: an RTF file; save it as DOCX or PDF", corpus.ErrUnsupported)
	}
	if text.LooksBinary(data) {
		return "", fmt.Errorf("%w: binary data, not a PDF, DOCX or text file", corpus.ErrUnsupported)
	}
	if text.LooksMarkdown(data) {
		return corpus.FormatMarkdown, nil
	}
	return corpus.FormatText, nil
}

// Package extract reads agreements of any supported format into
// corpus.Documents: it sniffs the format from the bytes (never the file
// name), applies the size limits, and calls the right extractor.
package extract

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strings"
	"time"

	"github.com/contractlint/contractlint/corpus"
	"github.com/contractlint/contractlint/corpus/docx"
	"github.com/contractlint/contractlint/corpus/pdf"
	"github.com/contractlint/contractlint/corpus/text"
)

// Limits bound what reading one file may cost: its size, what a DOCX may
// decompress to, a PDF's pages, and the time. A zero field sets no limit;
// DefaultLimits are the command's defaults.
type Limits struct {
	// MaxFileSize refuses a larger input file before reading it, in bytes.
	// Agreements are rarely above a few megabytes.
	MaxFileSize int64
	// MaxPartSize caps the decompressed size of one part of a file: a
	// DOCX part, or a PDF content stream.
	MaxPartSize int64
	// MaxDecompressedSize caps the decompressed size of all the parts of
	// one DOCX read.
	MaxDecompressedSize int64
	// MaxPages refuses a PDF with more pages.
	MaxPages int
	// Timeout is the time allowed for reading and extracting one file.
	// Extraction runs in its own goroutine: when the time is up, File
	// returns an error wrapping corpus.ErrTimeout at once, and the
	// extractor stops at its next check of the context (the PDF extractor
	// checks between pages and every few thousand operators, the DOCX
	// extractor between stages); work inside a third-party parser may go
	// on until it returns or the process exits.
	Timeout time.Duration
	// Workers is how many goroutines may share the work of one file (a
	// PDF's pages); 0 for one per CPU.
	Workers int
}

// DefaultLimits are the limits the command applies unless told otherwise:
// 256 MiB a file, 64 MiB a DOCX part and 96 MiB for all of them
// decompressed, 5,000 PDF pages, and 60 seconds a file.
func DefaultLimits() Limits {
	d := docx.DefaultOptions()
	return Limits{
		MaxFileSize:         256 << 20,
		MaxPartSize:         d.MaxPartSize,
		MaxDecompressedSize: d.MaxTotalSize,
		MaxPages:            5000,
		Timeout:             60 * time.Second,
	}
}

// Stdin is the path that names standard input.
const Stdin = "-"

// File reads and extracts the file at path ("-" for standard input, read
// from stdin) within DefaultLimits. Errors are *corpus.InputError values
// naming path.
func File(path string, stdin io.Reader) (*corpus.Document, error) {
	return DefaultLimits().File(context.Background(), path, stdin)
}

// Bytes extracts an agreement held in memory within DefaultLimits; path
// names it in errors and in the Document.
func Bytes(path string, data []byte) (*corpus.Document, error) {
	return DefaultLimits().Bytes(context.Background(), path, data)
}

// File reads and extracts the file at path ("-" for standard input, read
// from stdin) within the limits. Errors are *corpus.InputError values
// naming path; one wrapping corpus.ErrTimeout when l.Timeout ran out.
func (l Limits) File(ctx context.Context, path string, stdin io.Reader) (*corpus.Document, error) {
	return l.timed(ctx, path, func(ctx context.Context) (*corpus.Document, error) {
		data, err := l.read(path, stdin)
		if err != nil {
			return nil, err
		}
		return l.extract(ctx, path, data)
	})
}

// Bytes extracts an agreement held in memory within the limits (all but
// MaxFileSize, which is for reading files).
func (l Limits) Bytes(ctx context.Context, path string, data []byte) (*corpus.Document, error) {
	return l.timed(ctx, path, func(ctx context.Context) (*corpus.Document, error) {
		return l.extract(ctx, path, data)
	})
}

// timed runs f in a goroutine under l.Timeout and returns when it does or
// when the time is up, whichever comes first; in the second case f's
// goroutine is left to notice its context and end on its own.
func (l Limits) timed(ctx context.Context, path string, f func(context.Context) (*corpus.Document, error)) (*corpus.Document, error) {
	if l.Timeout <= 0 {
		return f(ctx)
	}
	ctx, cancel := context.WithTimeout(ctx, l.Timeout)
	defer cancel()
	type result struct {
		doc *corpus.Document
		err error
	}
	done := make(chan result, 1) // buffered: a late result is dropped
	go func() {
		d, err := f(ctx)
		done <- result{d, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-ctx.Done():
		r.err = ctx.Err()
	}
	if errors.Is(r.err, context.DeadlineExceeded) {
		return nil, &corpus.InputError{Path: path, Err: fmt.Errorf("%w after %s, the limit for one file; reading stopped (a file built to stall a reader, or a very large one)", corpus.ErrTimeout, seconds(l.Timeout))}
	}
	if r.err != nil {
		var ie *corpus.InputError
		if !errors.As(r.err, &ie) {
			r.err = &corpus.InputError{Path: path, Err: r.err}
		}
		return nil, r.err
	}
	return r.doc, nil
}

// seconds prints a duration as people write timeouts: "60s", "1.5s".
func seconds(d time.Duration) string {
	if d >= time.Second && d%time.Second == 0 {
		return fmt.Sprintf("%ds", d/time.Second)
	}
	return d.String()
}

func (l Limits) read(path string, stdin io.Reader) ([]byte, error) {
	limit := l.MaxFileSize
	if limit <= 0 {
		limit = math.MaxInt64 - 1
	}
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
			return nil, &corpus.InputError{Path: path, Err: errors.New("is a directory, not a file; name the files in it")}
		}
		if st.Size() > limit {
			return nil, corpus.Errorf(path, corpus.ErrTooLarge, "%d bytes exceeds the limit of %d", st.Size(), limit)
		}
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, &corpus.InputError{Path: path, Err: unwrapPathError(err)}
	}
	if int64(len(data)) > limit {
		return nil, corpus.Errorf(path, corpus.ErrTooLarge, "more than %d bytes, the limit", limit)
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

func (l Limits) extract(ctx context.Context, path string, data []byte) (*corpus.Document, error) {
	format, err := Sniff(data)
	if err != nil {
		return nil, &corpus.InputError{Path: path, Err: err}
	}
	switch format {
	case corpus.FormatPDF:
		return pdf.ExtractContext(ctx, path, data, pdf.Options{MaxPages: l.MaxPages, MaxStreamSize: l.MaxPartSize, Workers: l.Workers})
	case corpus.FormatDOCX:
		return docx.ExtractContext(ctx, path, data, docx.Options{MaxPartSize: l.MaxPartSize, MaxTotalSize: l.MaxDecompressedSize})
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
		// A Word package has its parts under word/; the DOCX extractor
		// finds the main part (or says it is missing). Excel and
		// PowerPoint files are the same kind of package.
		office := false
		for _, f := range zr.File {
			switch name := strings.ToLower(strings.TrimPrefix(f.Name, "/")); {
			case strings.HasPrefix(name, "word/"):
				return corpus.FormatDOCX, nil
			case strings.HasPrefix(name, "xl/"):
				return "", fmt.Errorf("%w: an Excel workbook, not a Word document; save the agreement as DOCX or PDF", corpus.ErrUnsupported)
			case strings.HasPrefix(name, "ppt/"):
				return "", fmt.Errorf("%w: a PowerPoint file, not a Word document; save the agreement as DOCX or PDF", corpus.ErrUnsupported)
			case name == "[content_types].xml":
				office = true
			}
		}
		if office {
			return "", fmt.Errorf("%w: an Office package without a Word document in it (no word/ parts)", corpus.ErrCorrupt)
		}
		return "", fmt.Errorf("%w: a ZIP archive that is not a Word document (no word/document.xml)", corpus.ErrUnsupported)
	case bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		return "", fmt.Errorf("%w: a legacy Word .doc (or other OLE) file; save it as DOCX or PDF", corpus.ErrUnsupported)
	case bytes.HasPrefix(data, []byte(`{\rtf`)):
		return "", fmt.Errorf("%w: an RTF file; save it as DOCX or PDF", corpus.ErrUnsupported)
	}
	if text.LooksBinary(data) {
		if text.OtherEncoding(data) {
			return "", fmt.Errorf("%w: text in an encoding contractlint does not read, such as Shift-JIS or GB18030 (it reads UTF-8, UTF-16 with a byte-order mark and Windows-1252); save it as UTF-8 and try again", corpus.ErrUnsupported)
		}
		return "", fmt.Errorf("%w: binary data, not a PDF, DOCX or text file", corpus.ErrUnsupported)
	}
	if text.LooksMarkdown(data) {
		return corpus.FormatMarkdown, nil
	}
	return corpus.FormatText, nil
}

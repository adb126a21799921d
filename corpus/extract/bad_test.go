package extract

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/contractlint/contractlint/corpus"
)

// TestBadInput: every kind of unreadable file gives one error line that
// names the file and the problem, wrapping the matching sentinel, and
// never a panic or a partial document.
func TestBadInput(t *testing.T) {
	bad := filepath.Join("..", "..", "testdata", "bad")
	for _, c := range []struct {
		file string
		want error
		says string
	}{
		{"encrypted.pdf", corpus.ErrEncrypted, "password"},
		{"scanned.pdf", corpus.ErrNoTextLayer, "run OCR first"},
		{"truncated.pdf", corpus.ErrCorrupt, "PDF"},
		{"corrupt.pdf", corpus.ErrCorrupt, "PDF"},
		{"random.bin", corpus.ErrUnsupported, "not a PDF, DOCX or text"},
		{"legacy.doc", corpus.ErrUnsupported, ".doc"},
		{"empty.txt", corpus.ErrUnsupported, "empty"},
		{"../docx/zip-bomb.docx", corpus.ErrTooLarge, "limit"},
		{"../docx/truncated.docx", corpus.ErrCorrupt, "DOCX"},
		{"../docx/malformed-xml.docx", corpus.ErrCorrupt, "DOCX"},
		{"../docx/crc-error.docx", corpus.ErrCorrupt, "DOCX"},
	} {
		t.Run(filepath.Base(c.file), func(t *testing.T) {
			checkRefused(t, filepath.Join(bad, c.file), c.want, c.says)
		})
	}
}

// checkRefused reads a file that must be refused: no document, one error
// line naming the file and wrapping want, and the file left as it was.
func checkRefused(t *testing.T, path string, want error, says string) {
	t.Helper()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	doc, err := File(path, nil)
	if d := time.Since(start); d > time.Second {
		t.Logf("%s took %v", path, d) // measured, not asserted: machines differ
	}
	if doc != nil {
		t.Errorf("got a document with %d blocks; want none", len(doc.Blocks))
	}
	checkInputError(t, err, path, want, says)
	if after, _ := os.ReadFile(path); string(before) != string(after) {
		t.Errorf("%s was modified", path)
	}
}

func checkInputError(t *testing.T, err error, path string, want error, says string) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Fatalf("err = %v; want %v", err, want)
	}
	var ie *corpus.InputError
	if !errors.As(err, &ie) || ie.Path != path {
		t.Errorf("err = %#v; want an *corpus.InputError naming %s", err, path)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, path+": ") || strings.ContainsAny(msg, "\n\r") || !strings.Contains(msg, says) {
		t.Errorf("message %q: want one line starting with the path and saying %q", msg, says)
	}
}

// TestOwnerPasswordOnly: a PDF encrypted with an empty user password (an
// owner password restricting printing or copying) opens without one, as
// in every PDF reader.
func TestOwnerPasswordOnly(t *testing.T) {
	doc, err := File(filepath.Join("..", "..", "testdata", "bad", "owner-password-only.pdf"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Text, "Ridgeback IT Services LLC") {
		t.Errorf("text does not name the provider: %.200q", doc.Text)
	}
}

// TestTooLarge refuses a file over the default MaxFileSize before reading it. The file
// is sparse, so the test costs no disk.
func TestTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.pdf")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("%PDF-1.7\n"); err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(DefaultLimits().MaxFileSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = File(path, nil)
	checkInputError(t, err, path, corpus.ErrTooLarge, "limit")
}

// TestSniffIgnoresName: the format comes from the bytes, so a PDF named
// .txt is read as a PDF and a Markdown file named .pdf as Markdown.
func TestSniffIgnoresName(t *testing.T) {
	pdf, err := os.ReadFile(filepath.Join("..", "..", "testdata", "corpus", "synthetic", "docs", "syn-01-ridgeback.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Bytes("agreement.txt", pdf)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != corpus.FormatPDF || doc.Pages != 3 {
		t.Errorf("format %s, %d pages; want pdf, 3 pages", doc.Format, doc.Pages)
	}
	doc, err = Bytes("agreement.pdf", []byte("# Terms\n\n1. **Security.** Provider shall encrypt Customer Data.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != corpus.FormatMarkdown {
		t.Errorf("format %s; want markdown", doc.Format)
	}
}

// TestStdin reads "-" from the reader given.
func TestStdin(t *testing.T) {
	doc, err := File(Stdin, strings.NewReader("MASTER SERVICES AGREEMENT\n\n1. Provider shall notify Customer within 24 hours.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Path != "-" || len(doc.Blocks) < 2 {
		t.Errorf("path %q, %d blocks; want -, at least 2", doc.Path, len(doc.Blocks))
	}
}

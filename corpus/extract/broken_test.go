package extract

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/contractlint/contractlint/corpus"
)

var brokenDir = filepath.Join("..", "..", "testdata", "broken")

// TestBroken reads every fixture of testdata/broken with the default
// limits: each gives one error line naming the file, wrapping the sentinel
// that says what is wrong, and no document; the file is not modified. A
// fixture added to the folder without a row here fails the test.
func TestBroken(t *testing.T) {
	cases := []struct {
		file string
		want error
		says string
	}{
		{"broken-xref.pdf", corpus.ErrCorrupt, "cross-reference table points to the wrong place for object 1"},
		{"encrypted-owner.pdf", corpus.ErrEncrypted, "opens without a password but is encrypted with AES-256"},
		{"cycle-pages.pdf", corpus.ErrCorrupt, "page tree is broken (it reaches object 2 twice: a cycle)"},
		{"cycle-xref.pdf", corpus.ErrCorrupt, "cross-reference sections form a loop"},
		{"cycle-objstm.pdf", corpus.ErrCorrupt, "object streams extend each other in a loop"},
		{"empty-pages.pdf", corpus.ErrTooLarge, "10000 pages, more than the limit of 5000"},
		{"stream-bomb.pdf", corpus.ErrTooLarge, "a content stream of page 1 decompresses beyond the 64 MiB limit"},
		{"random.pdf", corpus.ErrUnsupported, "binary data, not a PDF, DOCX or text file"},
		{"no-document.docx", corpus.ErrCorrupt, "has no word/document.xml, the part that holds the text"},
		{"zip-bomb.docx", corpus.ErrTooLarge, "word/document.xml decompresses beyond the 64 MiB limit"},
		{"billion-laughs.docx", corpus.ErrCorrupt, "declares a DTD"},
		{"external-entity.docx", corpus.ErrCorrupt, "declares a DTD"},
		{"shift-jis.txt", corpus.ErrUnsupported, "save it as UTF-8"},
	}
	covered := map[string]bool{"README.md": true, "cycle-forms.pdf": true} // cycle-forms: TestCycleForms
	for _, c := range cases {
		covered[c.file] = true
		t.Run(c.file, func(t *testing.T) {
			checkRefused(t, filepath.Join(brokenDir, c.file), c.want, c.says)
		})
	}
	entries, err := os.ReadDir(brokenDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !covered[e.Name()] {
			t.Errorf("testdata/broken/%s has no case in TestBroken", e.Name())
		}
	}
}

// TestCycleForms: two form XObjects that draw each other are a cycle the
// PDF extractor cuts: the text they hold is read once, and the file is an
// agreement like any other.
func TestCycleForms(t *testing.T) {
	doc, err := File(filepath.Join(brokenDir, "cycle-forms.pdf"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(doc.Text, "within 24 hours"); n != 1 {
		t.Errorf("the clause appears %d times; want once:\n%s", n, doc.Text)
	}
}

// TestLimits: each limit is applied when set and not when zero.
func TestLimits(t *testing.T) {
	ctx := context.Background()
	pages := filepath.Join(brokenDir, "empty-pages.pdf")
	_, err := Limits{MaxPages: 20000}.File(ctx, pages, nil)
	checkInputError(t, err, pages, corpus.ErrNoTextLayer, "run OCR first")
	_, err = Limits{MaxPages: 10}.File(ctx, pages, nil)
	checkInputError(t, err, pages, corpus.ErrTooLarge, "10000 pages, more than the limit of 10")

	docx := filepath.Join("..", "..", "testdata", "docx", "numbering.docx")
	if _, err := (Limits{}).File(ctx, docx, nil); err != nil {
		t.Errorf("no limits: %v", err)
	}
	_, err = Limits{MaxPartSize: 1000}.File(ctx, docx, nil)
	checkInputError(t, err, docx, corpus.ErrTooLarge, "beyond the 1000 bytes limit")
	_, err = Limits{MaxDecompressedSize: 6000}.File(ctx, docx, nil)
	checkInputError(t, err, docx, corpus.ErrTooLarge, "beyond the 6000 bytes total limit")

	bomb := filepath.Join(brokenDir, "stream-bomb.pdf")
	// Under a limit above its 128 MiB, the stream is read; the one string
	// drawn is cut at 64 KiB (maxShowBytes in corpus/pdf).
	doc, err := Limits{MaxPartSize: 1 << 30}.File(ctx, bomb, nil)
	if err != nil || !strings.HasPrefix(doc.Text, "Provider shall notify Customer AAAA") || len(doc.Text) > 1<<20 {
		t.Errorf("stream bomb under a 1 GiB limit: err %v; want its text, cut short", err)
	}
	_, err = Limits{MaxPartSize: 1000}.File(ctx, bomb, nil)
	checkInputError(t, err, bomb, corpus.ErrTooLarge, "beyond the 1000 bytes limit")

	_, err = Limits{MaxFileSize: 10}.File(ctx, docx, nil)
	checkInputError(t, err, docx, corpus.ErrTooLarge, "exceeds the limit of 10")
	_, err = Limits{MaxFileSize: 10}.File(ctx, Stdin, strings.NewReader("Provider shall notify Customer."))
	checkInputError(t, err, Stdin, corpus.ErrTooLarge, "more than 10 bytes, the limit")
}

// blockingReader stands for a file that never finishes arriving (a pipe
// whose writer stalls): Read waits until release is closed.
type blockingReader struct{ release chan struct{} }

func (r blockingReader) Read(p []byte) (int, error) {
	<-r.release
	return 0, errors.New("released")
}

// TestTimeout: when reading one file takes longer than Timeout, File
// returns a timeout error naming the file while the read is still stuck.
func TestTimeout(t *testing.T) {
	in := blockingReader{make(chan struct{})}
	defer close(in.release)
	_, err := Limits{Timeout: 20 * time.Millisecond}.File(context.Background(), Stdin, in)
	checkInputError(t, err, Stdin, corpus.ErrTimeout, "timed out after 20ms, the limit for one file")

	// Work that ends in time gives its own result, not a timeout.
	_, err = Limits{Timeout: time.Minute}.File(context.Background(), Stdin, failingReader{})
	checkInputError(t, err, Stdin, errDiskOnFire, "disk on fire")
	doc, err := Limits{Timeout: time.Minute}.File(context.Background(), Stdin, strings.NewReader("1. Provider shall notify Customer within 24 hours.\n"))
	if err != nil || len(doc.Blocks) == 0 {
		t.Errorf("doc %v, err %v; want a document", doc, err)
	}
}

var errDiskOnFire = errors.New("disk on fire")

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errDiskOnFire }

// TestTimeoutMessage: whole seconds print as people write them.
func TestTimeoutMessage(t *testing.T) {
	for d, want := range map[time.Duration]string{60 * time.Second: "60s", 1500 * time.Millisecond: "1.5s", time.Nanosecond: "1ns"} {
		if got := seconds(d); got != want {
			t.Errorf("seconds(%v) = %q; want %q", d, got, want)
		}
	}
}

// TestSniffOffice: Office packages other than Word are named.
func TestSniffOffice(t *testing.T) {
	for name, want := range map[string]string{"xl/workbook.xml": "Excel", "ppt/presentation.xml": "PowerPoint", "[Content_Types].xml": "without a Word document"} {
		_, err := Sniff(zipOf(t, name))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v; want it to say %q", name, err, want)
		}
	}
	if f, err := Sniff(zipOf(t, "word/document2.xml")); err != nil || f != corpus.FormatDOCX {
		t.Errorf("word/ parts: %v, %v; want DOCX (the extractor finds the main part)", f, err)
	}
}

// zipOf is a ZIP archive holding empty files of the names given.
func zipOf(t *testing.T, names ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		if _, err := zw.Create(n); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

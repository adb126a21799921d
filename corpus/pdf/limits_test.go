package pdf

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	lpdf "github.com/ledongthuc/pdf"

	"github.com/contractlint/contractlint/corpus"
)

func readTestdata(t *testing.T, parts ...string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(append([]string{"..", "..", "testdata"}, parts...)...))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestExtractStopsWhenDone: a context that is done stops extraction before
// the first page, with an error wrapping the context's.
func TestExtractStopsWhenDone(t *testing.T) {
	data := readTestdata(t, "corpus", "synthetic", "docs", "syn-01-ridgeback.pdf")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc, err := ExtractContext(ctx, "syn-01.pdf", data, Options{})
	if doc != nil || !errors.Is(err, context.Canceled) {
		t.Fatalf("doc %v, err %v; want no document and context.Canceled", doc, err)
	}
}

// TestMaxPages: the page limit counts pages as the tree is walked.
func TestMaxPages(t *testing.T) {
	data := readTestdata(t, "corpus", "synthetic", "docs", "syn-01-ridgeback.pdf") // 3 pages
	if _, err := ExtractContext(context.Background(), "a.pdf", data, Options{MaxPages: 3}); err != nil {
		t.Errorf("3 pages under a limit of 3: %v", err)
	}
	_, err := ExtractContext(context.Background(), "a.pdf", data, Options{MaxPages: 2})
	if !errors.Is(err, corpus.ErrTooLarge) || !strings.Contains(err.Error(), "the PDF has 3 pages, more than the limit of 2") {
		t.Errorf("err = %v; want too large, 3 pages", err)
	}
}

// TestPrecheckPassesCorpus: no real PDF trips the structural checks.
func TestPrecheckPassesCorpus(t *testing.T) {
	var files []string
	for _, dir := range []string{"corpus/docs", "corpus/synthetic/docs", "pdf", "bad"} {
		fs, _ := filepath.Glob(filepath.Join("..", "..", "testdata", dir, "*.pdf"))
		files = append(files, fs...)
	}
	if len(files) < 20 {
		t.Fatalf("found %d PDFs", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := precheck(data); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// TestPrecheck: cross-reference data that would make the library loop or
// allocate without bound is refused before the library sees it. Given to
// the library alone (read.go: readPrevXrefs, readXrefStream, ensureXrefLen),
// the /Prev loop spins for ever and the sizes ask for gigabytes of table.
func TestPrecheck(t *testing.T) {
	head := "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
	xrefAt := len(head)
	table := func(sub, trailer string) string {
		return head + "xref\n" + sub + "trailer\n<< " + trailer + " >>\nstartxref\n" + strconv.Itoa(xrefAt) + "\n%%EOF\n"
	}
	stream := func(dict string) string {
		return head + "2 0 obj\n<< /Type /XRef " + dict + " /Length 0 >>\nstream\n\nendstream\nendobj\nstartxref\n" + strconv.Itoa(xrefAt) + "\n%%EOF\n"
	}
	for _, c := range []struct{ name, pdf, says string }{
		{"subsection beyond the object limit", table("1000000000 1\n0000000009 00000 n \n", "/Size 2 /Root 1 0 R"), "lists objects 1000000000 to 1000000000"},
		{"second subsection beyond the limit", table("0 1\n0000000000 65535 f \n8388607 2\n0000000009 00000 n \n0000000009 00000 n \n", "/Size 2"), "lists objects 8388607 to 8388608"},
		{"trailer size", table("0 1\n0000000000 65535 f \n", "/Size 99999999999999999999999 /Root 1 0 R"), "claims 9223372036854775807 objects"},
		{"prev to itself", table("0 1\n0000000000 65535 f \n", "/Size 2 /Prev "+strconv.Itoa(xrefAt)), "form a loop"},
		{"stream size", stream("/Size 4000000000 /W [1 2 1]"), "claims 4000000000 objects"},
		{"stream index", stream("/Size 2 /Index [0 1 3000000000 1] /W [1 2 1]"), "lists objects 3000000000 to 3000000000+1"},
		{"stream field width", stream("/Size 2 /W [1 1000000000 1]"), "1000000000-byte fields"},
	} {
		err := precheck([]byte(c.pdf))
		if err == nil || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: precheck = %v; want it to say %q", c.name, err, c.says)
		}
		_, err = Extract("x.pdf", []byte(c.pdf))
		if !errors.Is(err, corpus.ErrCorrupt) {
			t.Errorf("%s: Extract = %v; want ErrCorrupt", c.name, err)
		}
	}
}

// TestDictAt: strings may hold brackets; nested dictionaries are kept.
func TestDictAt(t *testing.T) {
	src := []byte(`junk << /A (x >> y \) z) /B <3E3E> /C << /D 1 >> /Prev 7 >> tail`)
	got := string(dictAt(src, 0))
	want := `<< /A (x >> y \) z) /B <3E3E> /C << /D 1 >> /Prev 7 >>`
	if got != want {
		t.Errorf("dictAt = %q; want %q", got, want)
	}
	if dictAt([]byte("<< /A 1"), 0) != nil {
		t.Error("an unterminated dictionary should give nil")
	}
}

// TestEmptyUserPassword tells an AES-256 file that opens without a
// password (an owner password only) from one that needs a password.
func TestEmptyUserPassword(t *testing.T) {
	for _, c := range []struct {
		file  []string
		empty bool
	}{
		{[]string{"broken", "encrypted-owner.pdf"}, true},
		{[]string{"bad", "encrypted.pdf"}, false},
	} {
		v, r, u, ok := encryptDict(readTestdata(t, c.file...))
		if !ok || v != 5 || r != 6 {
			t.Fatalf("%s: V %d R %d ok %v; want V 5 R 6", c.file[1], v, r, ok)
		}
		if got := emptyUserPassword(r, u); got != c.empty {
			t.Errorf("%s: empty user password %v; want %v", c.file[1], got, c.empty)
		}
	}
}

// TestMaxStreamSize: a page whose content decompresses beyond the limit is
// refused, naming the page; the bound from /Length spares a second
// inflation of streams that cannot reach the limit.
func TestMaxStreamSize(t *testing.T) {
	data := readTestdata(t, "corpus", "synthetic", "docs", "syn-01-ridgeback.pdf")
	_, err := ExtractContext(context.Background(), "a.pdf", data, Options{MaxStreamSize: 100})
	if !errors.Is(err, corpus.ErrTooLarge) || !strings.Contains(err.Error(), "a content stream of page 1 decompresses beyond the 100 bytes limit") {
		t.Errorf("err = %v; want too large, page 1", err)
	}
	if _, err := ExtractContext(context.Background(), "a.pdf", data, Options{MaxStreamSize: 64 << 20}); err != nil {
		t.Errorf("under 64 MiB: %v", err)
	}
}

func TestStreamBound(t *testing.T) {
	data := readTestdata(t, "broken", "stream-bomb.pdf")
	r, err := lpdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	contents := r.Page(1).V.Key("Contents")
	n, ok := bound(contents)
	if !ok || n != contents.Key("Length").Int64()*maxFlateRatio {
		t.Errorf("bound = %d, %v; want /Length times %d", n, ok, maxFlateRatio)
	}
	if !within(contents, n) || within(contents, 128<<20) || !within(contents, 129<<20) {
		t.Errorf("within: the stream is 128 MiB and a few bytes")
	}
}

// TestWorkersSameDocument: the number of page readers changes how the work
// is shared, never the document: one reader and four give the same blocks
// on a many-page agreement.
func TestWorkersSameDocument(t *testing.T) {
	data := readTestdata(t, "corpus", "synthetic", "docs", "syn-06-quillon.pdf")
	one, err := ExtractContext(context.Background(), "q.pdf", data, Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	four, err := ExtractContext(context.Background(), "q.pdf", data, Options{Workers: 4})
	if err != nil {
		t.Fatal(err)
	}
	if one.Pages < 2 || len(one.Blocks) == 0 {
		t.Fatalf("%d pages, %d blocks: want a many-page document", one.Pages, len(one.Blocks))
	}
	if len(one.Blocks) != len(four.Blocks) {
		t.Fatalf("%d blocks with one reader, %d with four", len(one.Blocks), len(four.Blocks))
	}
	for i := range one.Blocks {
		if one.Blocks[i].Text != four.Blocks[i].Text || one.Blocks[i].Page != four.Blocks[i].Page {
			t.Fatalf("block %d differs:\none:  p%d %q\nfour: p%d %q", i, one.Blocks[i].Page, one.Blocks[i].Text, four.Blocks[i].Page, four.Blocks[i].Text)
		}
	}
}

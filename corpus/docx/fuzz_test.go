package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/contractlint/contractlint/corpus"
)

// checkOutcome is what every input must give: a document whose blocks
// match their offsets, or a one-line InputError wrapping ErrCorrupt or
// ErrTooLarge. A panic, even one Extract recovers, is a failure.
func checkOutcome(t *testing.T, d *corpus.Document, err error) {
	t.Helper()
	if err != nil {
		var ie *corpus.InputError
		if !errors.As(err, &ie) || ie.Path != "fuzz.docx" {
			t.Fatalf("error %v (%T) is not an InputError for the file", err, err)
		}
		if !errors.Is(err, corpus.ErrCorrupt) && !errors.Is(err, corpus.ErrTooLarge) {
			t.Fatalf("error %q wraps neither ErrCorrupt nor ErrTooLarge", err)
		}
		if msg := err.Error(); strings.ContainsAny(msg, "\r\n") || strings.Contains(msg, "internal error") {
			t.Fatalf("bad error message %q", msg)
		}
		if d != nil {
			t.Fatal("a document as well as an error")
		}
		return
	}
	if d == nil || d.Format != corpus.FormatDOCX {
		t.Fatalf("no error and document %+v", d)
	}
	runes := []rune(d.Text)
	for _, b := range d.Blocks {
		if b.Start < 0 || b.End > len(runes) || b.Start > b.End || string(runes[b.Start:b.End]) != b.Text {
			t.Fatalf("block %q does not match its offsets", b.Text)
		}
	}
}

func fuzzSeeds(f *testing.F) [][]byte {
	files, _ := filepath.Glob(filepath.Join(fixtureDir, "*.docx"))
	var seeds [][]byte
	for _, name := range files {
		if strings.HasSuffix(name, "zip-bomb.docx") {
			continue // inflating 65 MiB per run would only slow fuzzing down
		}
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, data)
	}
	if len(seeds) < 9 {
		f.Fatalf("found %d seed files", len(seeds))
	}
	// Broken packages: no main part, a DTD with recursive or external
	// entities.
	for _, name := range []string{"no-document.docx", "billion-laughs.docx", "external-entity.docx"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "broken", name))
		if err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, data)
	}
	return seeds
}

// FuzzExtract feeds whole archives to Extract.
func FuzzExtract(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Extract("fuzz.docx", data)
		checkOutcome(t, d, err)
	})
}

// FuzzDocumentXML fuzzes the main part itself, with the numbering and
// styles of the numbering fixture: random changes to an archive mostly
// break its checksums, which would leave the XML untested.
func FuzzDocumentXML(f *testing.F) {
	var styles, numbering string
	for _, s := range fuzzSeeds(f) {
		zr, err := zip.NewReader(bytes.NewReader(s), int64(len(s)))
		if err != nil {
			continue
		}
		for _, zf := range zr.File {
			rc, err := zf.Open()
			if err != nil {
				continue
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				continue
			}
			switch zf.Name {
			case "word/document.xml":
				f.Add(string(b))
			case "word/styles.xml":
				if strings.Contains(string(b), "berschrift2") {
					styles = string(b)
				}
			case "word/numbering.xml":
				if strings.Contains(string(b), `w:numId="6"`) {
					numbering = string(b)
				}
			}
		}
	}
	if styles == "" || numbering == "" {
		f.Fatal("numbering fixture not found among the seeds")
	}
	f.Fuzz(func(t *testing.T, doc string) {
		data := zipOf(t, "word/document.xml", doc, "word/styles.xml", styles, "word/numbering.xml", numbering)
		d, err := Extract("fuzz.docx", data)
		checkOutcome(t, d, err)
	})
}

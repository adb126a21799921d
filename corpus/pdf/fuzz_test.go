package pdf

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/contractlint/contractlint/corpus"
)

// FuzzExtract: whatever the bytes, Extract returns a document or an
// *corpus.InputError within seconds, never panics, and a document's
// offsets slice its text.
func FuzzExtract(f *testing.F) {
	seeds := []string{
		filepath.Join("..", "..", "testdata", "bad", "scanned.pdf"),
		filepath.Join("..", "..", "testdata", "bad", "truncated.pdf"),
		filepath.Join("..", "..", "testdata", "bad", "corrupt.pdf"),
		filepath.Join("..", "..", "testdata", "corpus", "docs", "cuad-trizetto-tech-infrastructure-maintenance-1998.pdf"),
	}
	// The small structural fixtures: loops, object streams, encryption.
	for _, name := range []string{"broken-xref.pdf", "cycle-pages.pdf", "cycle-forms.pdf", "cycle-xref.pdf", "cycle-objstm.pdf", "encrypted-owner.pdf"} {
		seeds = append(seeds, filepath.Join("..", "..", "testdata", "broken", name))
	}
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[2 0 R]/Count 1>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// A hang is a failure too, with its input saved: the fuzzer has
		// no time limit per input. The page limit keeps a mutated page
		// count from making one input take minutes.
		var (
			doc  *corpus.Document
			err  error
			done = make(chan struct{})
		)
		go func() {
			defer close(done)
			doc, err = ExtractContext(context.Background(), "fuzz.pdf", data, Options{MaxPages: 5000})
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("Extract ran for more than 10s on %d bytes", len(data))
		}
		if err != nil {
			var ie *corpus.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %T %v is not an *corpus.InputError", err, err)
			}
			return
		}
		runes := []rune(doc.Text)
		for _, b := range doc.Blocks {
			if b.Start < 0 || b.End > len(runes) || string(runes[b.Start:b.End]) != b.Text {
				t.Fatalf("block at line %d: offsets %d-%d do not slice its text", b.Line, b.Start, b.End)
			}
		}
	})
}

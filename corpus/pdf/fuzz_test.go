package pdf

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/contractlint/contractlint/corpus"
)

// FuzzExtract: whatever the bytes, Extract returns a document or an
// *corpus.InputError, never panics, and a document's offsets slice its text.
func FuzzExtract(f *testing.F) {
	for _, p := range []string{
		filepath.Join("..", "..", "testdata", "bad", "scanned.pdf"),
		filepath.Join("..", "..", "testdata", "bad", "truncated.pdf"),
		filepath.Join("..", "..", "testdata", "bad", "corrupt.pdf"),
		filepath.Join("..", "..", "testdata", "corpus", "docs", "cuad-trizetto-tech-infrastructure-maintenance-1998.pdf"),
	} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[2 0 R]/Count 1>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Extract("fuzz.pdf", data)
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

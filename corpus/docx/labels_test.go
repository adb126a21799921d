package docx

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/contractlint/contractlint/corpus"
	"github.com/contractlint/contractlint/corpus/labels"
)

// The labelled corpus, copied into the repository (never read from outside
// it, so that a fresh clone runs the same tests).
const corpusDir = "../../testdata/corpus"

// docxCorpus lists the corpus DOCX documents, sorted.
func docxCorpus(t testing.TB) []string {
	t.Helper()
	var docs []string
	for _, dir := range []string{corpusDir, filepath.Join(corpusDir, "synthetic")} {
		found, err := filepath.Glob(filepath.Join(dir, "docs", "*.docx"))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, found...)
	}
	if len(docs) < 8 {
		t.Fatalf("expected the corpus DOCX files under %s, found %d", corpusDir, len(docs))
	}
	return docs
}

func extractFile(t testing.TB, name string) *corpus.Document {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Extract(name, data)
	if err != nil {
		t.Fatalf("Extract(%s): %v", name, err)
	}
	return d
}

// TestLabelEvidenceSections checks every DOCX label whose where gives a
// section number: its evidence must lie in a block of that section. This is
// what tells that automatic numbers are rendered as printed and that
// headings and list items reach the sectioner in reading order.
func TestLabelEvidenceSections(t *testing.T) {
	total, matched := 0, 0
	docs, err := labels.Load(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, ld := range docs {
		if ld.Labels.Format != "docx" {
			continue
		}
		n++
		doc, lf := ld.Path, ld.Labels
		d := extractFile(t, doc)
		norm := make([]string, len(d.Blocks))
		for i, b := range d.Blocks {
			norm[i] = corpus.Normalize(b.Text)
		}
		for _, check := range lf.CheckNames() {
			c := lf.Checks[check]
			if c.Evidence == "" {
				continue
			}
			ev := corpus.Normalize(c.Evidence)
			var found []corpus.Block
			for i, n := range norm {
				if strings.Contains(n, ev) {
					found = append(found, d.Blocks[i])
				}
			}
			if len(found) == 0 {
				t.Errorf("%s %s: evidence not found in any block: %q", filepath.Base(doc), check, c.Evidence)
				continue
			}
			annex, number, ok := labels.ParseWhere(c.Where)
			if !ok {
				continue
			}
			total++
			hit := false
			var got []string
			for _, b := range found {
				hit = hit || labels.SectionMatches(b.Section, annex, number)
				got = append(got, b.Section)
			}
			if hit {
				matched++
			} else {
				t.Logf("%s %s: where %q: evidence in section %q", filepath.Base(doc), check, c.Where, got)
			}
		}
	}
	if n < 8 {
		t.Fatalf("found %d labelled DOCX documents under %s; want 8", n, corpusDir)
	}
	t.Logf("label evidence in the right section: %d of %d", matched, total)
	if total < 100 {
		t.Errorf("only %d labels with a section number; the corpus copy looks incomplete", total)
	}
	if matched*100 < total*95 {
		t.Errorf("label evidence in the right section for %d of %d labels, want at least 95%%", matched, total)
	}
}

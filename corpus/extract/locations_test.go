package extract

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/contractlint/contractlint/corpus"
	"github.com/contractlint/contractlint/corpus/labels"
)

// TestLabelLocations holds the location promise of the document model: for
// every corpus label whose where gives a section number, the evidence quote
// lies inside one block that carries that section number (after
// whitespace, quote and dash normalisation), for at least 95% of such
// labels across PDF, DOCX, Markdown and text.
func TestLabelLocations(t *testing.T) {
	type tally struct{ total, found int }
	byFormat := map[string]*tally{}
	all := &tally{}
	var misses []string
	docs, err := labels.Load(filepath.Join("..", "..", "testdata", "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 20 {
		t.Fatalf("found %d labelled agreements; the testdata/corpus copy is incomplete", len(docs))
	}
	for _, cd := range docs {
		doc, err := File(cd.Path, nil)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		norm := make([]string, len(doc.Blocks))
		for i, b := range doc.Blocks {
			norm[i] = corpus.Normalize(b.Text)
		}
		for _, name := range cd.Labels.CheckNames() {
			l := cd.Labels.Checks[name]
			annex, number, ok := labels.ParseWhere(l.Where)
			if !ok || l.Evidence == "" {
				continue
			}
			tl := byFormat[cd.Labels.Format]
			if tl == nil {
				tl = &tally{}
				byFormat[cd.Labels.Format] = tl
			}
			tl.total++
			all.total++
			ev := corpus.Normalize(l.Evidence)
			var got []string
			found := false
			for i, b := range doc.Blocks {
				if !strings.Contains(norm[i], ev) {
					continue
				}
				if labels.SectionMatches(b.Section, annex, number) || labels.InlineItem(b.Section, norm[i], ev, annex, number) {
					found = true
					break
				}
				got = append(got, fmt.Sprintf("%q", b.Section))
			}
			if found {
				tl.found++
				all.found++
				continue
			}
			if len(got) == 0 {
				got = []string{"evidence in no single block"}
			}
			misses = append(misses, fmt.Sprintf("%s %s: where %q, got %s: %.70q", cd.Labels.Document, name, l.Where, strings.Join(got, ","), l.Evidence))
		}
	}
	formats := make([]string, 0, len(byFormat))
	for f := range byFormat {
		formats = append(formats, f)
	}
	sort.Strings(formats)
	for _, f := range formats {
		t.Logf("%-5s %d/%d labels located (%.1f%%)", f, byFormat[f].found, byFormat[f].total, 100*float64(byFormat[f].found)/float64(byFormat[f].total))
	}
	for _, m := range misses {
		t.Logf("miss: %s", m)
	}
	rate := float64(all.found) / float64(all.total)
	t.Logf("all   %d/%d labels located (%.1f%%)", all.found, all.total, 100*rate)
	if all.total < 200 {
		t.Fatalf("only %d labels with a section number; the corpus copy is incomplete", all.total)
	}
	if rate < 0.95 {
		t.Errorf("%.1f%% of labelled evidence found in the block of its section; want at least 95%%", 100*rate)
	}
}

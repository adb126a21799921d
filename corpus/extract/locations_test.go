package extract

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/contractlint/contractlint/corpus"
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
	for _, cd := range corpusDocs(t) {
		doc, err := File(cd.path, nil)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		norm := make([]string, len(doc.Blocks))
		for i, b := range doc.Blocks {
			norm[i] = corpus.Normalize(b.Text)
		}
		names := make([]string, 0, len(cd.labels.Checks))
		for name := range cd.labels.Checks {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			l := cd.labels.Checks[name]
			annex, number, ok := parseWhere(l.Where)
			if !ok || l.Evidence == "" {
				continue
			}
			tl := byFormat[cd.labels.Format]
			if tl == nil {
				tl = &tally{}
				byFormat[cd.labels.Format] = tl
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
				if sectionMatches(b.Section, annex, number) || inlineItem(b.Section, norm[i], ev, annex, number) {
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
			misses = append(misses, fmt.Sprintf("%s %s: where %q, got %s: %.70q", cd.labels.Document, name, l.Where, strings.Join(got, ","), l.Evidence))
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

// inlineItem accepts evidence from an item of a list run into one paragraph:
// where "18.1(b)" and block 18.1 reading "... (a) use ..., (b) not disclose
// ..." with the evidence after "(b)".
func inlineItem(section, text, evidence, annex, number string) bool {
	i := strings.LastIndex(number, "(")
	if i <= 0 || !sectionMatches(section, annex, number[:i]) {
		return false
	}
	item := strings.Index(strings.ToLower(text), number[i:])
	return item >= 0 && item < strings.Index(text, evidence)
}

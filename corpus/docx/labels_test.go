package docx

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/contractlint/contractlint/corpus"
)

// The labelled corpus, copied into the repository (never read from outside
// it, so that a fresh clone runs the same tests).
const corpusDir = "../../testdata/corpus"

type labelFile struct {
	Document string `yaml:"document"`
	Checks   map[string]struct {
		Evidence string `yaml:"evidence"`
		Where    string `yaml:"where"`
	} `yaml:"checks"`
}

// docxCorpus lists the labelled DOCX documents with their label files.
func docxCorpus(t testing.TB) map[string]string {
	t.Helper()
	m := map[string]string{}
	for _, dir := range []string{corpusDir, filepath.Join(corpusDir, "synthetic")} {
		docs, err := filepath.Glob(filepath.Join(dir, "docs", "*.docx"))
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			m[d] = filepath.Join(dir, "labels", filepath.Base(d)+".yaml")
		}
	}
	if len(m) < 8 {
		t.Fatalf("expected the corpus DOCX files under %s, found %d", corpusDir, len(m))
	}
	return m
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

var (
	reWhereAnnex  = regexp.MustCompile(`^(Schedule|Exhibit|Annex|Appendix|Attachment)\s+([A-Z]{1,2}|\d{1,2}|[IVX]{1,5})\b`)
	reWhereNumber = regexp.MustCompile(`(?:^|[\s,])((?:[A-Z]{1,2}-)?\d{1,3}(?:\.\d{1,3})*(?:\([A-Za-z0-9]{1,4}\))*)(?:$|[\s,.])`)
)

// expectedSection turns a label's where ("Schedule 2, 8.2", "Standard
// Terms 2.6(a)", "Schedule 4, A (California) 2.1", "Exhibit B, B-1") into
// the Section the evidence's block should carry ("Schedule 2, 8.2",
// "2.6(a)", "Schedule 4, 2.1", "Exhibit B, B-1"); ok is false when the
// where names no section number.
func expectedSection(where string) (string, bool) {
	prefix, rest := "", where
	if m := reWhereAnnex.FindStringSubmatch(where); m != nil {
		prefix, rest = m[1]+" "+m[2], where[len(m[0]):]
	}
	m := reWhereNumber.FindStringSubmatch(rest)
	if m == nil {
		return "", false
	}
	if prefix != "" {
		return prefix + ", " + m[1], true
	}
	return m[1], true
}

// TestLabelEvidenceSections checks every DOCX label whose where gives a
// section number: its evidence must lie in a block of that section. This is
// what tells that automatic numbers are rendered as printed and that
// headings and list items reach the sectioner in reading order.
func TestLabelEvidenceSections(t *testing.T) {
	total, matched := 0, 0
	for doc, labels := range docxCorpus(t) {
		raw, err := os.ReadFile(labels)
		if err != nil {
			t.Fatal(err)
		}
		var lf labelFile
		if err := yaml.Unmarshal(raw, &lf); err != nil {
			t.Fatalf("%s: %v", labels, err)
		}
		d := extractFile(t, doc)
		norm := make([]string, len(d.Blocks))
		for i, b := range d.Blocks {
			norm[i] = corpus.Normalize(b.Text)
		}
		for check, c := range lf.Checks {
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
			want, ok := expectedSection(c.Where)
			if !ok {
				continue
			}
			total++
			hit := false
			var got []string
			for _, b := range found {
				hit = hit || b.Section == want
				got = append(got, b.Section)
			}
			if hit {
				matched++
			} else {
				t.Logf("%s %s: where %q: evidence in section %q, want %q", filepath.Base(doc), check, c.Where, got, want)
			}
		}
	}
	t.Logf("label evidence in the right section: %d of %d", matched, total)
	if total < 100 {
		t.Errorf("only %d labels with a section number; the corpus copy looks incomplete", total)
	}
	if matched*100 < total*95 {
		t.Errorf("label evidence in the right section for %d of %d labels, want at least 95%%", matched, total)
	}
}

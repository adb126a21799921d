package extract

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// labelFile is the part of a corpus label file (testdata/corpus/LABELS.md)
// that extraction tests read.
type labelFile struct {
	Document string `yaml:"document"`
	Format   string `yaml:"format"`
	Parties  struct {
		Provider string `yaml:"provider"`
		Customer string `yaml:"customer"`
	} `yaml:"parties"`
	Checks map[string]struct {
		Status   string `yaml:"status"`
		Evidence string `yaml:"evidence"`
		Where    string `yaml:"where"`
	} `yaml:"checks"`
}

// corpusDoc is a labelled agreement in testdata/corpus.
type corpusDoc struct {
	path   string // the agreement
	labels labelFile
}

// corpusDocs lists the labelled agreements copied into testdata/corpus.
func corpusDocs(t testing.TB) []corpusDoc {
	t.Helper()
	root := filepath.Join("..", "..", "testdata", "corpus")
	var docs []corpusDoc
	for _, dir := range []string{".", "synthetic"} {
		files, err := filepath.Glob(filepath.Join(root, dir, "labels", "*.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var lf labelFile
			if err := yaml.Unmarshal(data, &lf); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			docs = append(docs, corpusDoc{path: filepath.Join(root, dir, "docs", lf.Document), labels: lf})
		}
	}
	if len(docs) < 20 {
		t.Fatalf("found %d labelled agreements under %s; the corpus copy is incomplete", len(docs), root)
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].path < docs[j].path })
	return docs
}

var (
	wherePage  = regexp.MustCompile(`^p\d+\s+`)
	whereAnnex = regexp.MustCompile(`(?i)\b(schedule|exhibit|annex|appendix|attachment|att\.)\s*([A-Z]{1,2}|\d{1,2}|[IVX]{1,5})\b`)
	whereNum   = regexp.MustCompile(`\b[A-Z]{1,2}-\d+(?:\.\d+)*(?:\([A-Za-z0-9]{1,4}\))*|\d+(?:\.\d+)*(?:\([A-Za-z0-9]{1,4}\))*|\([a-z]{1,4}\)(?:\([a-z0-9]{1,4}\))*`)
)

// parseWhere splits a label's where ("p12 Schedule 2, 8.2") into the annex
// it names ("schedule 2") and the section number ("8.2"). ok is false when
// the where gives no section number (a heading, a page).
func parseWhere(where string) (annex, number string, ok bool) {
	w := wherePage.ReplaceAllString(strings.TrimSpace(where), "")
	rest := w
	if m := whereAnnex.FindStringSubmatchIndex(w); m != nil {
		kind := strings.ToLower(w[m[2]:m[3]])
		if kind == "att." {
			kind = "attachment"
		}
		annex = kind + " " + strings.ToLower(w[m[4]:m[5]])
		rest = w[m[1]:]
	}
	number = whereNum.FindString(rest)
	return annex, strings.ToLower(number), number != ""
}

// sectionMatches reports whether a block's Section is the one a label cites.
// A where without an annex never matches a block inside one.
func sectionMatches(section, annex, number string) bool {
	s := strings.ToLower(section)
	if annex != "" {
		if !strings.HasPrefix(s, annex) {
			return false
		}
		s = strings.TrimPrefix(strings.TrimPrefix(s, annex), ",")
	} else if whereAnnex.MatchString(section) {
		return false
	}
	s = strings.TrimSpace(s)
	return s == number || strings.HasPrefix(number, "(") && strings.HasSuffix(s, number)
}

func TestParseWhere(t *testing.T) {
	for _, c := range []struct{ where, annex, number string }{
		{"p12 Schedule 2, 8.2", "schedule 2", "8.2"},
		{"5.2(b)", "", "5.2(b)"},
		{"p4 6(b)", "", "6(b)"},
		{"Standard Terms 2.6(a)", "", "2.6(a)"},
		{"p12 Att. A 1.0", "attachment a", "1.0"},
		{"Schedule 3, 2", "schedule 3", "2"},
		{"p45 Schedule B, 1(a)", "schedule b", "1(a)"},
		{"Schedule 4, A (California) 2.5", "schedule 4", "2.5"},
		{"p3 3(g)(ii)", "", "3(g)(ii)"},
		{"Security Obligations", "", ""},
		{"p51 Schedule D", "schedule d", ""},
		{"Exhibit B, B-1", "exhibit b", "b-1"},
	} {
		annex, number, _ := parseWhere(c.where)
		if annex != c.annex || number != c.number {
			t.Errorf("parseWhere(%q) = %q, %q; want %q, %q", c.where, annex, number, c.annex, c.number)
		}
	}
	if !sectionMatches("Schedule 2, 8.2", "schedule 2", "8.2") || sectionMatches("8.2", "schedule 2", "8.2") ||
		!sectionMatches("6(b)", "", "6(b)") || sectionMatches("16(b)", "", "6(b)") || sectionMatches("Schedule 2, 8.2", "", "8.2") {
		t.Error("sectionMatches disagrees with the rule its comment states")
	}
}

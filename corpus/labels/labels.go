// Package labels reads the label files of a labelled corpus of agreements
// (the format is described in testdata/corpus/LABELS.md): for every
// document and check, the status a careful reviewer gave, the number, the
// evidence quote and where it is. Tests and evaluations use it to judge
// contractlint against the reviewers.
package labels

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// File is one document's label file.
type File struct {
	Document string `yaml:"document"` // file name in the docs folder beside labels/
	Format   string `yaml:"format"`   // pdf, docx, md or txt
	Source   string `yaml:"source"`
	Parties  struct {
		Provider string `yaml:"provider"`
		Customer string `yaml:"customer"`
	} `yaml:"parties"`
	Checks map[string]Check `yaml:"checks"`
}

// Check is what the reviewer concluded for one check.
type Check struct {
	Status   string    `yaml:"status"` // pass, weak, missing or uncertain
	Quantity *Quantity `yaml:"quantity"`
	Evidence string    `yaml:"evidence"`
	Where    string    `yaml:"where"`
	Note     string    `yaml:"note"`
}

// Quantity is the governing number of a check, as written.
type Quantity struct {
	Amount float64 `yaml:"amount"`
	Unit   string  `yaml:"unit"`
}

// Doc is a labelled agreement: the path of the agreement and its labels.
type Doc struct {
	Path   string
	Labels File
}

// CheckNames returns the labelled checks in name order.
func (f *File) CheckNames() []string {
	names := make([]string, 0, len(f.Checks))
	for n := range f.Checks {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Load reads every label file under root/labels and root/*/labels (the
// layout of testdata/corpus: labels/X.yaml labels docs/X), sorted by path.
func Load(root string) ([]Doc, error) {
	files, err := filepath.Glob(filepath.Join(root, "labels", "*.yaml"))
	if err != nil {
		return nil, err
	}
	more, err := filepath.Glob(filepath.Join(root, "*", "labels", "*.yaml"))
	if err != nil {
		return nil, err
	}
	var docs []Doc
	for _, f := range append(files, more...) {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var lf File
		if err := yaml.Unmarshal(data, &lf); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		docs = append(docs, Doc{Path: filepath.Join(filepath.Dir(filepath.Dir(f)), "docs", lf.Document), Labels: lf})
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].Path < docs[j].Path })
	return docs, nil
}

var (
	wherePage  = regexp.MustCompile(`^p\d+\s+`)
	whereAnnex = regexp.MustCompile(`(?i)\b(schedule|exhibit|annex|appendix|attachment|att\.)\s*([A-Z]{1,2}|\d{1,2}|[IVX]{1,5})\b`)
	whereNum   = regexp.MustCompile(`\b[A-Z]{1,2}-\d+(?:\.\d+)*(?:\([A-Za-z0-9]{1,4}\))*|\d+(?:\.\d+)*(?:\([A-Za-z0-9]{1,4}\))*|\([a-z]{1,4}\)(?:\([a-z0-9]{1,4}\))*`)
)

// SplitAnnex finds the annex a where names ("Schedule 2", "Att. A"),
// returned lower case with abbreviations spelled out ("attachment a"),
// and the text before and after it.
func SplitAnnex(where string) (annex, before, after string) {
	m := whereAnnex.FindStringSubmatchIndex(where)
	if m == nil {
		return "", where, ""
	}
	kind := strings.ToLower(where[m[2]:m[3]])
	if kind == "att." {
		kind = "attachment"
	}
	return kind + " " + strings.ToLower(where[m[4]:m[5]]), where[:m[0]], where[m[1]:]
}

// ParseWhere splits a label's where ("p12 Schedule 2, 8.2") into the annex
// it names, lower case ("schedule 2"), and the section number, lower case
// ("8.2"). ok is false when the where gives no section number (a heading,
// a page).
func ParseWhere(where string) (annex, number string, ok bool) {
	w := wherePage.ReplaceAllString(strings.TrimSpace(where), "")
	annex, before, after := SplitAnnex(w)
	rest := w
	if annex != "" {
		rest = after
	} else {
		rest = before
	}
	number = whereNum.FindString(rest)
	return annex, strings.ToLower(number), number != ""
}

// SectionMatches reports whether a block's Section is the one a label
// cites (annex and number as ParseWhere returns them). A where without an
// annex never matches a block inside one.
func SectionMatches(section, annex, number string) bool {
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

// InlineItem accepts evidence from an item of a list run into one
// paragraph: where "18.1(b)" and block 18.1 reading "... (a) use ..., (b)
// not disclose ..." with the evidence after "(b)". text and evidence are
// compared as given (normalise both first).
func InlineItem(section, text, evidence, annex, number string) bool {
	i := strings.LastIndex(number, "(")
	if i <= 0 || !SectionMatches(section, annex, number[:i]) {
		return false
	}
	item := strings.Index(strings.ToLower(text), number[i:])
	return item >= 0 && item < strings.Index(text, evidence)
}

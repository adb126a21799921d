package analyzer

import (
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/contractlint/contractlint/corpus"
	"github.com/contractlint/contractlint/corpus/extract"
	"github.com/contractlint/contractlint/corpus/labels"
)

var corpusRoot = filepath.Join("..", "testdata", "corpus")

// corpusCache extracts each corpus document once for all tests.
var corpusCache struct {
	sync.Mutex
	docs map[string]*corpus.Document
}

func corpusDoc(t testing.TB, path string) *corpus.Document {
	t.Helper()
	corpusCache.Lock()
	defer corpusCache.Unlock()
	if d, ok := corpusCache.docs[path]; ok {
		return d
	}
	d, err := extract.File(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if corpusCache.docs == nil {
		corpusCache.docs = map[string]*corpus.Document{}
	}
	corpusCache.docs[path] = d
	return d
}

func loadLabels(t testing.TB) []labels.Doc {
	t.Helper()
	docs, err := labels.Load(corpusRoot)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 29 {
		t.Fatalf("%d labelled documents under %s; want 29", len(docs), corpusRoot)
	}
	return docs
}

// nameKey folds a party name for comparison: letters and digits only.
func nameKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		} else if b.Len() > 0 && !strings.HasSuffix(b.String(), " ") {
			b.WriteByte(' ')
		}
	}
	return strings.TrimSpace(b.String())
}

// partyMatches: the label gives a party as its name, its name with its
// short name ("International Business Machines Corporation (“IBM”)"), or
// its role word when the document names no one ("Provider").
func partyMatches(label string, p Party) bool {
	l := nameKey(label)
	return p.Name != "" && (l == nameKey(p.Name) || l == nameKey(p.Name+" "+p.Alias)) ||
		p.Name == "" && l == nameKey(p.Alias)
}

// TestCorpusParties: for every corpus document whose label names the
// parties, the provider and customer roles resolve to those names.
func TestCorpusParties(t *testing.T) {
	n := 0
	for _, d := range loadLabels(t) {
		want := d.Labels.Parties
		if want.Provider == "" && want.Customer == "" {
			continue
		}
		n++
		a := Analyze(corpusDoc(t, d.Path))
		if !partyMatches(want.Provider, a.Parties.Provider) || !partyMatches(want.Customer, a.Parties.Customer) {
			t.Errorf("%s: provider %+v customer %+v; want %q and %q", filepath.Base(d.Path), a.Parties.Provider, a.Parties.Customer, want.Provider, want.Customer)
		}
	}
	if n < 29 {
		t.Errorf("%d documents with labelled parties; want 29", n)
	}
}

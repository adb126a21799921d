package analyzer

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/contractlint/contractlint/corpus"
)

// labelQuantity is a row of testdata/quantities/labels.tsv.
type labelQuantity struct {
	doc, check, unit, evidence string
	amount                     float64
}

func readLabelQuantities(t *testing.T) []labelQuantity {
	t.Helper()
	var rows []labelQuantity
	for _, c := range readTSV(t, "labels.tsv", 5) {
		amount, err := strconv.ParseFloat(c[2], 64)
		if err != nil {
			t.Fatalf("labels.tsv: %v", err)
		}
		rows = append(rows, labelQuantity{doc: c[0], check: c[1], amount: amount, unit: c[3], evidence: c[4]})
	}
	if len(rows) < 200 {
		t.Fatalf("labels.tsv has %d rows; want the 216 labels with a quantity", len(rows))
	}
	return rows
}

// readTSV reads a table of testdata/quantities: tab-separated rows of n
// columns after "#" comments and a header line.
func readTSV(t *testing.T, name string, n int) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "quantities", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	header := true
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		if header {
			header = false
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != n {
			t.Fatalf("%s: %d columns in %q; want %d", name, len(c), line, n)
		}
		rows = append(rows, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

var analysisCache struct {
	sync.Mutex
	m map[string]*Analysis
}

func corpusAnalysis(t *testing.T, rel string) *Analysis {
	t.Helper()
	path := filepath.Join(corpusRoot, rel)
	doc := corpusDoc(t, path)
	analysisCache.Lock()
	defer analysisCache.Unlock()
	if a, ok := analysisCache.m[path]; ok {
		return a
	}
	if analysisCache.m == nil {
		analysisCache.m = map[string]*Analysis{}
	}
	a := Analyze(doc)
	analysisCache.m[path] = a
	return a
}

// evidenceValues returns the values of every clause of the sentences that
// hold the evidence quote (whitespace, quotes and dashes normalised).
func evidenceValues(a *Analysis, evidence string) ([]Value, bool) {
	ev := corpus.Normalize(evidence)
	var out []Value
	found := false
	for bi, b := range a.Doc.Blocks {
		norm := corpus.Normalize(b.Text)
		if !strings.Contains(norm, ev) {
			continue
		}
		found = true
		// The quote's sentences: those whose normalised text overlaps it.
		for si, s := range Sentences(b.Text) {
			st := corpus.Normalize(b.Text[s.Start:s.End])
			if !strings.Contains(ev, st) && !strings.Contains(st, ev) && !overlapsQuote(st, ev) {
				continue
			}
			for i := range a.Clauses {
				c := &a.Clauses[i]
				if c.Block == bi && c.Sentence == si {
					out = append(out, c.Values()...)
				}
			}
		}
	}
	return out, found
}

// overlapsQuote: the sentence starts inside the quote or the quote starts
// inside the sentence (a quote across a sentence break).
func overlapsQuote(sentence, quote string) bool {
	n := min(40, len(sentence), len(quote))
	return strings.Contains(quote, sentence[:n]) || strings.Contains(sentence, quote[:n])
}

// TestLabelQuantities (Show 1 of the language issue): for every corpus
// label with a quantity, reading the sentence that holds the label's
// evidence gives that amount and unit, for at least 98% of them.
func TestLabelQuantities(t *testing.T) {
	rows := readLabelQuantities(t)
	ok := 0
	for _, r := range rows {
		a := corpusAnalysis(t, r.doc)
		values, found := evidenceValues(a, r.evidence)
		hit := false
		var got []string
		for _, v := range values {
			if v.NotInDocument {
				got = append(got, "not-in-document")
				continue
			}
			got = append(got, strconv.FormatFloat(v.Amount, 'g', -1, 64)+" "+v.Unit)
			if v.Equal(r.amount, r.unit) {
				hit = true
			}
		}
		if hit {
			ok++
			continue
		}
		if !found {
			got = []string{"evidence not found in one block"}
		}
		t.Logf("miss: %s %s: want %g %s, read %v: %.90q", filepath.Base(r.doc), r.check, r.amount, r.unit, got, r.evidence)
	}
	rate := float64(ok) / float64(len(rows))
	t.Logf("%d of %d label quantities read (%.1f%%)", ok, len(rows), 100*rate)
	if rate < 0.98 {
		t.Errorf("%.1f%% of label quantities read; want at least 98%%", 100*rate)
	}
}

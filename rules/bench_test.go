package rules

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/contractlint/contractlint/analyzer"
	"github.com/contractlint/contractlint/corpus/extract"
)

// The stages of a review, measured on the 148-page synthetic agreement so
// that a regression shows where it is: extracting is measured in
// corpus/pdf and corpus/docx, analysing in analyzer; here the word index
// every rule searches, and the rules themselves with 43 and with 430 rules
// (the built-in rules copied under new ids), which shows how their cost
// grows with their number.
//
//	go test ./rules -run '^$' -bench . -benchtime 20x

func largeAnalysis(b *testing.B) *analyzer.Analysis {
	path := filepath.Join("..", "testdata", "corpus", "synthetic", "docs", "syn-17-meridian-large.pdf")
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	doc, err := extract.Bytes(path, data)
	if err != nil {
		b.Fatal(err)
	}
	return analyzer.Analyze(doc)
}

// BenchmarkIndexLarge builds the analysis and its word index.
func BenchmarkIndexLarge(b *testing.B) {
	doc := largeAnalysis(b).Doc
	for b.Loop() {
		analyzer.Analyze(doc).Units()
	}
}

func BenchmarkRules43Large(b *testing.B)  { benchRules(b, 1) }
func BenchmarkRules430Large(b *testing.B) { benchRules(b, 10) }

func benchRules(b *testing.B, copies int) {
	set := copiedSet(b, copies)
	plan, err := set.Plan(nil)
	if err != nil {
		b.Fatal(err)
	}
	doc := largeAnalysis(b).Doc
	b.ReportMetric(float64(len(plan)), "rules")
	for b.Loop() {
		// A fresh analysis each time, so that every pattern is looked up
		// in its word index as in a real review; building the analysis and
		// the index is the analysis stage's (BenchmarkIndexLarge).
		b.StopTimer()
		a := analyzer.Analyze(doc)
		a.Units()
		b.StartTimer()
		analyzer.Review(a, plan)
	}
}

var ruleID = regexp.MustCompile(`(?m)^(\s*- id: )([a-z0-9-]+)\s*$`)

// copiedSet returns the built-in rule set with every rule copied n-1 more
// times under new ids ("mfa-copy2"), all in the default baseline.
func copiedSet(tb testing.TB, n int) *Set {
	sub, err := fs.Sub(builtinFS, "builtin")
	if err != nil {
		tb.Fatal(err)
	}
	s := newSet()
	if err := s.load(sub, "rules/builtin"); err != nil {
		tb.Fatal(err)
	}
	files, err := fs.Glob(builtinFS, "builtin/*.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	for k := 2; k <= n; k++ {
		for _, f := range files {
			if strings.HasSuffix(f, "baselines.yaml") || strings.HasSuffix(f, "help.yaml") {
				continue
			}
			data, err := fs.ReadFile(builtinFS, f)
			if err != nil {
				tb.Fatal(err)
			}
			data = ruleID.ReplaceAll(data, []byte(fmt.Sprintf("${1}${2}-copy%d", k)))
			if err := s.loadFile(fmt.Sprintf("%s#copy%d", f, k), data); err != nil {
				tb.Fatal(err)
			}
		}
	}
	if err := s.validate(); err != nil {
		tb.Fatal(err)
	}
	return s
}

// TestCopiedSet: the 430-rule set the benchmark runs is what it claims.
func TestCopiedSet(t *testing.T) {
	one, ten := copiedSet(t, 1), copiedSet(t, 10)
	if got, want := len(ten.Rules()), 10*len(one.Rules()); got != want {
		t.Fatalf("%d rules, want %d", got, want)
	}
	p1, err := one.Plan(nil)
	if err != nil {
		t.Fatal(err)
	}
	p10, err := ten.Plan(nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(p10) != 10*len(p1) {
		t.Fatalf("default plan: %d rules of 10 copies, want 10 x %d", len(p10), len(p1))
	}
	// A copy decides as its original (Review checks rules with one
	// signature once), and a different threshold is not shared.
	doc, err := extract.Bytes("n.md", []byte("Provider shall notify Customer of any Security Incident within 48 hours.\n"))
	if err != nil {
		t.Fatal(err)
	}
	a := analyzer.Analyze(doc)
	byID := map[string]analyzer.Result{}
	for _, r := range analyzer.Review(a, p1) {
		byID[r.Check] = r
	}
	for _, r := range analyzer.Review(a, p10) {
		orig := byID[copyOf.ReplaceAllString(r.Check, "")]
		if r.Status != orig.Status || r.Message != orig.Message || r.Evidence != orig.Evidence {
			t.Errorf("%s: %s %q, its original %s %q", r.Check, r.Status, r.Message, orig.Status, orig.Message)
		}
	}
	looser := append([]analyzer.Planned(nil), p10...)
	for i := range looser {
		if looser[i].Rule.Info().ID == "incident-notification-copy2" {
			th, err := analyzer.ParseThreshold("<= 72 hours")
			if err != nil {
				t.Fatal(err)
			}
			looser[i].Threshold = th
		}
	}
	for _, r := range analyzer.Review(a, looser) {
		switch r.Check {
		case "incident-notification":
			if r.Status != analyzer.Weak {
				t.Errorf("48 hours against <= 24 hours: %s, want weak", r.Status)
			}
		case "incident-notification-copy2":
			if r.Status != analyzer.Pass {
				t.Errorf("48 hours against <= 72 hours: %s, want pass (a copy with another threshold is checked on its own)", r.Status)
			}
		}
	}
}

var copyOf = regexp.MustCompile(`-copy\d+$`)

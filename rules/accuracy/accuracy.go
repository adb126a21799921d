// Package accuracy measures the review against a labelled corpus of
// agreements (testdata/corpus): per check and overall, status accuracy
// (pass / weak / missing, uncertain labels left out), presence precision
// and recall (pass or weak versus missing) and quantity agreement (amount
// and unit equal to the label's where both have one). The test suite and
// `contractlint accuracy` print the same figures.
package accuracy

import (
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/contractlint/contractlint/analyzer"
	"github.com/contractlint/contractlint/corpus/extract"
	"github.com/contractlint/contractlint/corpus/labels"
	"github.com/contractlint/contractlint/rules"
)

// Stats are the counts behind the figures of one group of labels.
type Stats struct {
	// Labels scored (uncertain left out) and those whose status matched.
	N, Correct int
	// Presence: a label or result is present when it is pass or weak.
	TP, FP, FN, TN int
	// Quantities: labels with a number where the result has one too, and
	// those whose amount and unit agree.
	QN, QAgree int
}

func (s *Stats) add(label, got analyzer.Status, lq *labels.Quantity, rq *analyzer.QuantityValue) {
	s.N++
	if label == got {
		s.Correct++
	}
	lp, gp := label != analyzer.Missing, got != analyzer.Missing
	switch {
	case lp && gp:
		s.TP++
	case !lp && gp:
		s.FP++
	case lp && !gp:
		s.FN++
	default:
		s.TN++
	}
	if lq != nil && rq != nil {
		s.QN++
		if agrees(lq, rq) {
			s.QAgree++
		}
	}
}

// agrees reports whether a result's quantity equals the label's.
func agrees(lq *labels.Quantity, rq *analyzer.QuantityValue) bool {
	return analyzer.Quantity{Amount: rq.Amount, Unit: rq.Unit}.Equal(lq.Amount, lq.Unit)
}

// Accuracy is the share of labels whose status matched.
func (s Stats) Accuracy() float64 { return ratio(s.Correct, s.N) }

// Precision of presence.
func (s Stats) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall of presence.
func (s Stats) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 of presence.
func (s Stats) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// QuantityAgreement is the share of comparable quantities that agree.
func (s Stats) QuantityAgreement() float64 { return ratio(s.QAgree, s.QN) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Outcome is one label compared with the review.
type Outcome struct {
	Doc, Check string
	Set        string // "synthetic" or "real"
	Label      labels.Check
	Got        analyzer.Result
}

// Report holds the outcomes and their figures.
type Report struct {
	Outcomes []Outcome
	// Sets by name ("synthetic", "real"), and per check within each.
	Sets     map[string]*Stats
	PerCheck map[string]map[string]*Stats
}

// Run reviews every labelled document under root with the rule set,
// under the baselines the labels were written for (msp-default, with
// ecc-2-2024 by name so that in-kingdom-operations runs too).
func Run(root string, set *rules.Set) (*Report, error) {
	docs, err := labels.Load(root)
	if err != nil {
		return nil, err
	}
	plan, err := set.Plan([]string{"msp-default", "ecc-2-2024"})
	if err != nil {
		return nil, err
	}
	type done struct {
		results []analyzer.Result
		err     error
	}
	out := make([]done, len(docs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, d := range docs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			doc, err := extract.File(d.Path, nil)
			if err != nil {
				out[i].err = err
				return
			}
			out[i].results = analyzer.Review(analyzer.Analyze(doc), plan)
		}()
	}
	wg.Wait()
	rep := &Report{Sets: map[string]*Stats{}, PerCheck: map[string]map[string]*Stats{}}
	for i, d := range docs {
		if out[i].err != nil {
			return nil, out[i].err
		}
		set := "real"
		if strings.Contains(filepath.ToSlash(d.Path), "/synthetic/") {
			set = "synthetic"
		}
		byCheck := map[string]analyzer.Result{}
		for _, r := range out[i].results {
			byCheck[r.Check] = r
		}
		for _, name := range d.Labels.CheckNames() {
			l := d.Labels.Checks[name]
			if l.Status == "uncertain" {
				continue
			}
			got, ok := byCheck[name]
			if !ok {
				return nil, fmt.Errorf("%s: check %s is labelled but no rule ran for it", d.Path, name)
			}
			rep.Outcomes = append(rep.Outcomes, Outcome{Doc: filepath.Base(d.Path), Check: name, Set: set, Label: l, Got: got})
			for _, s := range []*Stats{rep.stats(set), rep.check(name, set)} {
				s.add(analyzer.Status(l.Status), got.Status, l.Quantity, got.Quantity)
			}
		}
	}
	return rep, nil
}

func (r *Report) stats(set string) *Stats {
	if r.Sets[set] == nil {
		r.Sets[set] = &Stats{}
	}
	return r.Sets[set]
}

func (r *Report) check(name, set string) *Stats {
	if r.PerCheck[name] == nil {
		r.PerCheck[name] = map[string]*Stats{}
	}
	if r.PerCheck[name][set] == nil {
		r.PerCheck[name][set] = &Stats{}
	}
	return r.PerCheck[name][set]
}

// SetNames returns the sets measured, synthetic first.
func (r *Report) SetNames() []string {
	var names []string
	for n := range r.Sets {
		names = append(names, n)
	}
	sort.Sort(sort.Reverse(sort.StringSlice(names)))
	return names
}

// Write prints the figures per set and per check; with misses, every
// label the review got wrong.
func (r *Report) Write(w io.Writer, misses bool) {
	fmt.Fprintf(w, "%-26s %-9s %5s %8s %9s %6s %5s %9s\n", "check", "set", "n", "status", "precision", "recall", "f1", "quantity")
	names := make([]string, 0, len(r.PerCheck))
	for n := range r.PerCheck {
		names = append(names, n)
	}
	sort.Strings(names)
	line := func(name, set string, s *Stats) {
		q := "-"
		if s.QN > 0 {
			q = fmt.Sprintf("%d/%d", s.QAgree, s.QN)
		}
		fmt.Fprintf(w, "%-26s %-9s %5d %8.3f %9.3f %6.3f %5.3f %9s\n", name, set, s.N, s.Accuracy(), s.Precision(), s.Recall(), s.F1(), q)
	}
	for _, n := range names {
		for _, set := range r.SetNames() {
			if s := r.PerCheck[n][set]; s != nil {
				line(n, set, s)
			}
		}
	}
	for _, set := range r.SetNames() {
		line("OVERALL", set, r.Sets[set])
	}
	for _, set := range r.SetNames() {
		s := r.Sets[set]
		fmt.Fprintf(w, "%s: status accuracy %.3f (%d/%d), presence precision %.3f recall %.3f F1 %.3f, quantity agreement %.3f (%d/%d)\n",
			set, s.Accuracy(), s.Correct, s.N, s.Precision(), s.Recall(), s.F1(), s.QuantityAgreement(), s.QAgree, s.QN)
	}
	if !misses {
		return
	}
	fmt.Fprintln(w)
	for _, o := range r.Outcomes {
		bad := string(o.Got.Status) != o.Label.Status
		qbad := o.Label.Quantity != nil && o.Got.Quantity != nil && !agrees(o.Label.Quantity, o.Got.Quantity)
		if !bad && !qbad {
			continue
		}
		fmt.Fprintf(w, "MISS %s %s: label %s, got %s: %s\n", o.Doc, o.Check, o.Label.Status, o.Got.Status, o.Got.Message)
		if o.Label.Evidence != "" {
			fmt.Fprintf(w, "    label: %q", trim(o.Label.Evidence))
			if o.Label.Quantity != nil {
				fmt.Fprintf(w, " [%g %s]", o.Label.Quantity.Amount, o.Label.Quantity.Unit)
			}
			fmt.Fprintf(w, " (%s)\n", trim(o.Label.Note))
		}
		if o.Got.Evidence != "" {
			fmt.Fprintf(w, "    got:   %q", trim(o.Got.Evidence))
			if o.Got.Quantity != nil {
				fmt.Fprintf(w, " [%g %s]", o.Got.Quantity.Amount, o.Got.Quantity.Unit)
			}
			fmt.Fprintln(w)
		}
	}
}

func trim(s string) string {
	if r := []rune(s); len(r) > 160 {
		return string(r[:160]) + "..."
	}
	return s
}

// Package portfolio connects reviews with the corpus index: it turns a
// reviewed agreement into the records the index stores (Record), reads
// the index's agreements back as a portfolio (Build: statuses per
// document and check, and the distribution of each check's numbers with
// its outliers), writes the portfolio as text, JSON, CSV or HTML, and
// sets a review's numbers against the portfolio (Compare).
package portfolio

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"

	"github.com/contractlint/contractlint/analyzer"
	"github.com/contractlint/contractlint/corpus/index"
)

// Record returns an agreement as the index stores it: every clause (or
// table row) the rules read, with its place, its numbers, the checks
// whose patterns match it (rules that implement analyzer.Matcher) and
// the checks whose results rest on it; and the results. Path, Hash and
// Plan are the caller's to set.
func Record(a *analyzer.Analysis, plan []analyzer.Planned, results []analyzer.Result) *index.Agreement {
	units := a.Units()
	checks := make([][]string, len(units))
	for _, p := range plan {
		m, ok := p.Rule.(analyzer.Matcher)
		if !ok {
			continue
		}
		id := p.Rule.Info().ID
		for _, u := range m.Matching(a) {
			checks[u] = append(checks[u], id)
		}
	}
	// Results locate their evidence by offset; a unit's place starts
	// where its first clause does.
	byStart := map[int]int{}
	places := make([]analyzer.Place, len(units))
	for i := range units {
		places[i] = a.Place(analyzer.Evidence{Unit: i})
		if _, ok := byStart[places[i].Location.Start]; !ok {
			byStart[places[i].Location.Start] = i
		}
	}
	evidence := make([][]string, len(units))
	mark := func(check string, loc *analyzer.Location) {
		if loc == nil {
			return
		}
		if u, ok := byStart[loc.Start]; ok && !contains(evidence[u], check) {
			evidence[u] = append(evidence[u], check)
		}
	}
	for _, r := range results {
		mark(r.Check, r.Location)
		for _, p := range r.Related {
			mark(r.Check, &p.Location)
		}
	}
	out := &index.Agreement{
		Format:  string(a.Doc.Format),
		Pages:   a.Doc.Pages,
		Results: Results(results),
	}
	for i, u := range units {
		text := strings.TrimSpace(u.Text)
		if text == "" {
			continue
		}
		loc := places[i].Location
		c := index.Clause{
			Seq: len(out.Clauses), Text: text, Section: loc.Section, Page: loc.Page, Line: loc.Line,
			Checks: checks[i], Evidence: evidence[i],
		}
		seen := map[index.Quantity]bool{}
		for _, ci := range u.Clauses {
			for _, v := range a.Clauses[ci].Values() {
				if v.NotInDocument {
					continue
				}
				q := index.Quantity{Amount: v.Amount, Unit: v.Unit, Qualifier: v.Qualifier, Text: v.Text}
				if v.Term != nil {
					q.Term = v.Term.Name
				}
				if !seen[q] {
					seen[q] = true
					c.Quantities = append(c.Quantities, q)
				}
			}
		}
		out.Clauses = append(out.Clauses, c)
	}
	return out
}

// Results returns review results as the index stores them.
func Results(results []analyzer.Result) []index.Result {
	out := make([]index.Result, len(results))
	for i, r := range results {
		x := index.Result{
			Check: r.Check, Title: r.Title, Status: string(r.Status), Severity: r.Severity.String(),
			Message: r.Message, Threshold: r.Threshold, Evidence: r.Evidence,
		}
		if q := r.Quantity; q != nil {
			x.Quantity = &index.Quantity{Amount: q.Amount, Unit: q.Unit, Qualifier: q.Qualifier, Text: q.Text, Term: q.Term}
		}
		if l := r.Location; l != nil {
			x.Section, x.Page, x.Line = l.Section, l.Page, l.Line
		}
		out[i] = x
	}
	return out
}

// PlanKey identifies a review plan: the tool's version and, per check,
// its threshold, severity and control references, in plan order. An
// agreement indexed under another plan is reviewed again.
func PlanKey(version string, baselines []string, plan []analyzer.Planned) string {
	var b strings.Builder
	b.WriteString(version)
	b.WriteString("|")
	bs := append([]string(nil), baselines...)
	sort.Strings(bs)
	b.WriteString(strings.Join(bs, ","))
	for _, p := range plan {
		info := p.Rule.Info()
		b.WriteString("|" + info.ID + " " + p.Severity.String())
		if p.Threshold != nil {
			b.WriteString(" " + p.Threshold.Text)
		}
		for _, c := range p.Controls {
			b.WriteString(" " + c.Baseline + ":" + c.Ref)
		}
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:8])
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

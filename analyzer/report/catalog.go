package report

import (
	"sort"

	"github.com/contractlint/contractlint/analyzer"
)

// Catalog describes the checks a review ran and the baselines their
// control references belong to. Results carry a check's id, title and
// controls but not its requirement, tags or help; the SARIF rules and
// taxonomies and the HTML report's suggested clauses come from here.
// The report package cannot read rules itself (the command wires rules
// to reporters), so the command builds it with NewCatalog.
type Catalog struct {
	// Checks in plan order.
	Checks []Check
	// Baselines some check has a control reference of, in the rule
	// set's order.
	Baselines []Baseline
}

// Check is one check as the review ran it: severity and threshold after
// the baselines' overrides.
type Check struct {
	ID          string
	Title       string
	Requirement string
	Severity    analyzer.Severity
	Threshold   string
	Tags        []string
	Help        analyzer.Help
	Controls    []analyzer.Control
}

// Baseline names a control baseline. URL is where its text is published,
// if known.
type Baseline struct {
	ID    string
	Title string
	URL   string
}

// NewCatalog describes a plan. baselines are the rule set's, in its
// order; those no planned check maps to are left out.
func NewCatalog(plan []analyzer.Planned, baselines []Baseline) *Catalog {
	c := &Catalog{}
	used := map[string]bool{}
	for _, p := range plan {
		info := p.Rule.Info()
		ch := Check{
			ID: info.ID, Title: info.Title, Requirement: info.Requirement, Severity: p.Severity,
			Tags: info.Tags, Help: info.Help, Controls: p.Controls,
		}
		if p.Threshold != nil {
			ch.Threshold = p.Threshold.Text
		}
		for _, ctl := range p.Controls {
			used[ctl.Baseline] = true
		}
		c.Checks = append(c.Checks, ch)
	}
	for _, b := range baselines {
		if used[b.ID] {
			c.Baselines = append(c.Baselines, b)
		}
	}
	return c
}

// check returns the check with the id, or nil (also on a nil catalog).
func (c *Catalog) check(id string) *Check {
	if c == nil {
		return nil
	}
	for i := range c.Checks {
		if c.Checks[i].ID == id {
			return &c.Checks[i]
		}
	}
	return nil
}

// complete returns the catalog's checks and baselines extended by those
// the report's results name and the catalog lacks (a report built
// without a catalog, or results of a check outside it), so that every
// result has a rule and every control a taxonomy. The additions follow
// in the order the results name them.
func (c *Catalog) complete(r *Report) ([]Check, []Baseline) {
	var checks []Check
	var baselines []Baseline
	if c != nil {
		checks = append(checks, c.Checks...)
		baselines = append(baselines, c.Baselines...)
	}
	haveCheck := map[string]bool{}
	for _, ch := range checks {
		haveCheck[ch.ID] = true
	}
	haveBase := map[string]bool{}
	for _, b := range baselines {
		haveBase[b.ID] = true
	}
	addBase := func(ctls []analyzer.Control) {
		for _, ctl := range ctls {
			if !haveBase[ctl.Baseline] {
				haveBase[ctl.Baseline] = true
				baselines = append(baselines, Baseline{ID: ctl.Baseline})
			}
		}
	}
	for _, ch := range checks {
		addBase(ch.Controls)
	}
	for _, d := range r.Documents {
		for _, res := range d.Results {
			if !haveCheck[res.Check] {
				haveCheck[res.Check] = true
				checks = append(checks, Check{ID: res.Check, Title: res.Title, Severity: res.Severity, Threshold: res.Threshold, Controls: res.Controls})
			}
			addBase(res.Controls)
		}
	}
	return checks, baselines
}

// refsByBaseline returns each baseline's control references named by the
// checks or the results, sorted.
func refsByBaseline(checks []Check, r *Report) map[string][]string {
	seen := map[analyzer.Control]bool{}
	out := map[string][]string{}
	add := func(ctls []analyzer.Control) {
		for _, ctl := range ctls {
			if !seen[ctl] {
				seen[ctl] = true
				out[ctl.Baseline] = append(out[ctl.Baseline], ctl.Ref)
			}
		}
	}
	for _, ch := range checks {
		add(ch.Controls)
	}
	for _, d := range r.Documents {
		for _, res := range d.Results {
			add(res.Controls)
		}
	}
	for _, refs := range out {
		sort.Strings(refs)
	}
	return out
}

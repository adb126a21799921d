package portfolio_test

import (
	"slices"
	"testing"

	"github.com/contractlint/contractlint/analyzer"
	"github.com/contractlint/contractlint/analyzer/portfolio"
	"github.com/contractlint/contractlint/corpus/extract"
	"github.com/contractlint/contractlint/rules"
)

// TestRecord: the clause a check decides on carries the check as a
// match and as evidence, its number, and its place; the results are the
// review's.
func TestRecord(t *testing.T) {
	md := "# Services Agreement\n\n## 6. Security Incidents\n\n(a) Provider shall notify Customer of any Security Incident within 72 hours.\n\n(b) Provider shall keep audit logs for twelve (12) months.\n"
	doc, err := extract.Bytes("a.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	set, err := rules.Load()
	if err != nil {
		t.Fatal(err)
	}
	plan, err := set.Plan(nil)
	if err != nil {
		t.Fatal(err)
	}
	a := analyzer.Analyze(doc)
	results := analyzer.Review(a, plan)
	rec := portfolio.Record(a, plan, results)
	if len(rec.Results) != len(results) || rec.Format != "markdown" {
		t.Fatalf("record: %d results, format %q", len(rec.Results), rec.Format)
	}
	var found bool
	for _, c := range rec.Clauses {
		if !slices.Contains(c.Checks, "incident-notification") {
			continue
		}
		found = true
		if !slices.Contains(c.Evidence, "incident-notification") || c.Section != "6(a)" || c.Line != 5 ||
			len(c.Quantities) != 1 || c.Quantities[0].Amount != 72 || c.Quantities[0].Unit != "hour" {
			t.Errorf("the notification clause: %+v", c)
		}
	}
	if !found {
		t.Errorf("no clause matched by incident-notification in %+v", rec.Clauses)
	}
	for i, r := range rec.Results {
		if r.Check != results[i].Check || r.Status != string(results[i].Status) {
			t.Errorf("result %d: %+v; want %s %s", i, r, results[i].Check, results[i].Status)
		}
	}
	k1 := portfolio.PlanKey("v1", []string{"msp-default"}, plan)
	plan[0].Severity = analyzer.SeverityNote
	if k2 := portfolio.PlanKey("v1", []string{"msp-default"}, plan); k1 == k2 {
		t.Error("the plan key does not change with a severity")
	}
}

package portfolio

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"github.com/contractlint/contractlint/analyzer"
	"github.com/contractlint/contractlint/corpus/index"
)

// notice builds agreements whose incident-notification result gives
// the numbers, and one without a number.
func notice(values ...string) []index.Agreement {
	var out []index.Agreement
	for i, v := range values {
		r := index.Result{Check: "incident-notification", Title: "Incident notification", Threshold: "<= 24 hours", Status: "weak"}
		if v != "" {
			var q index.Quantity
			fmt.Sscanf(v, "%g %s", &q.Amount, &q.Unit)
			r.Quantity = &q
			if meets, _ := (&analyzer.Threshold{Op: "<=", Quantity: analyzer.Quantity{Amount: 24, Unit: "hour"}}).Meets(toAnalyzer(q)); meets {
				r.Status = "pass"
			}
		} else {
			r.Status = "missing"
		}
		audit := index.Result{Check: "right-to-audit", Title: "Right to audit", Status: "pass"}
		out = append(out, index.Agreement{Path: fmt.Sprintf("a%02d.md", i), Format: "markdown", Results: []index.Result{audit, r}})
	}
	return out
}

// TestDistribution: figures of a known set, compared in a common
// measure (days and hours mixed), with Tukey's outliers on each side.
func TestDistribution(t *testing.T) {
	// In hours: 1, 12, 24, 24, 24, 48, 72, 720 (30 days), and one without.
	p := Build(notice("24 hour", "1 day", "12 hour", "", "2 day", "24 hour", "72 hour", "30 day", "1 hour"))
	if len(p.Distributions) != 1 {
		t.Fatalf("%d distributions; want 1 (right-to-audit has no number)", len(p.Distributions))
	}
	d := p.Distributions[0]
	// Sorted (hours): 1 12 24 24 24 48 72 720; Q1 at 1.75 -> 12+0.75*12 = 21,
	// median 24, Q3 at 5.25 -> 48+0.25*24 = 54; IQR 33; fences -28.5 and 103.5.
	checks := []struct{ name, got, want string }{
		{"count", fmt.Sprint(d.Count), "8"},
		{"without", fmt.Sprint(d.Without), "1"},
		{"meet", fmt.Sprint(*d.MeetThreshold), "5"},
		{"min", d.Min.Text + " " + d.Min.Path, "1 hour a08.md"},
		{"max", d.Max.Text + " " + d.Max.Path, "30 days a07.md"},
		{"q1", d.Q1.Text, "21 hours"},
		{"median", d.Median.Text, "24 hours"},
		{"q3", d.Q3.Text, "54 hours"},
		{"outliers", fmt.Sprint(d.Outliers), "[{a07.md {30 day 30 days } worse}]"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %s; want %s", c.name, c.got, c.want)
		}
	}
	// A low outlier is better for a time limit.
	d = Build(notice("24 hour", "24 hour", "24 hour", "30 hour", "1 hour")).Distributions[0]
	if got := fmt.Sprint(d.Outliers); got != "[{a04.md {1 hour 1 hour } better} {a03.md {30 hour 30 hours } worse}]" {
		t.Errorf("outliers %s; want 1 hour (better) then 30 hours (worse)", got)
	}
	// Fewer than 4 numbers: no outliers.
	if d := Build(notice("1 hour", "2 hour", "900 hour")).Distributions[0]; len(d.Outliers) != 0 {
		t.Errorf("3 numbers: outliers %v; want none", d.Outliers)
	}
}

// TestStatuses: the matrix and the counts per check and document.
func TestStatuses(t *testing.T) {
	p := Build(notice("72 hour", "", "4 hour"))
	if got := fmt.Sprint(p.Checks); got != "[{right-to-audit Right to audit 3 0 0} {incident-notification Incident notification 1 1 1}]" {
		t.Errorf("checks %s", got)
	}
	if got := fmt.Sprint(p.Documents[0].Statuses, p.Documents[1].Statuses, p.Documents[0].Values); got != "[pass weak] [pass missing] [ 72 hours]" {
		t.Errorf("rows %s", got)
	}
	var b bytes.Buffer
	if err := CSV(&b, p); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(rows[0], rows[1]); got != "[path format pass weak missing right-to-audit incident-notification incident-notification (number)] [a00.md markdown 1 1 0 pass weak 72 hours]" {
		t.Errorf("CSV %s", got)
	}
	b.Reset()
	Text(&b, p)
	if !strings.Contains(b.String(), "a01.md     P-     1    0       1\n") {
		t.Errorf("text matrix:\n%s", b.String())
	}
	b.Reset()
	as := notice("72 hour", "", "4 hour")
	as[0].Path = "<script>x.md"
	if err := HTML(&b, Build(as)); err != nil || strings.Contains(b.String(), "<script>x") || !strings.Contains(b.String(), "&lt;script&gt;x.md") {
		t.Errorf("HTML: %v; the path must be escaped", err)
	}
}

// TestCompare: a number against other agreements, the agreement itself
// left out.
func TestCompare(t *testing.T) {
	as := notice("24 hour", "1 day", "12 hour", "", "2 day", "72 hour", "30 day")
	r := analyzer.Result{Check: "incident-notification", Threshold: "<= 24 hours", Quantity: &analyzer.QuantityValue{Amount: 72, Unit: "hour"}}
	c := Compare(r, as, "a05.md")
	want := "72 hours; 3 of 5 indexed agreements give 24 hours or less, 1 more than 72 hours (median 1 day)"
	if c.Summary != want || c.Agreements != 5 || *c.MeetThreshold != 3 || c.Lower != 4 || c.Same != 0 || c.Higher != 1 {
		t.Errorf("Compare = %+v\nwant summary %q", c, want)
	}
	if c := Compare(analyzer.Result{Check: "incident-notification"}, as, ""); c != nil {
		t.Errorf("a result without a number: %+v; want nil", c)
	}
	r.Check = "backup"
	if c := Compare(r, as, ""); c.Agreements != 0 || !strings.Contains(c.Summary, "no other indexed agreement") {
		t.Errorf("no numbers to compare: %+v", c)
	}
}

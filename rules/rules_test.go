package rules

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/contractlint/contractlint/analyzer"
	"github.com/contractlint/contractlint/corpus/extract"
)

func TestBuiltinCoversSpec(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(set.Rules()); n != 43 {
		t.Fatalf("%d built-in rules, want the 43 checks", n)
	}
	for _, r := range set.Rules() {
		info := r.Info()
		if info.Help.Suggestion == "" || info.Help.LooksFor == "" {
			t.Errorf("%s: no help text", info.ID)
		}
		if !strings.HasPrefix(info.Source, "rules/builtin/") {
			t.Errorf("%s: source %q", info.ID, info.Source)
		}
	}
	plan, err := set.Plan(nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan) != 42 {
		t.Errorf("default plan has %d checks, want 42 (in-kingdom-operations only with ecc-2-2024 by name)", len(plan))
	}
	plan, err = set.Plan([]string{"msp-default", "ecc-2-2024"})
	if err != nil {
		t.Fatal(err)
	}
	if len(plan) != 43 {
		t.Errorf("msp-default + ecc-2-2024 plan has %d checks, want 43", len(plan))
	}
}

func TestPlanThresholdsAndControls(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	find := func(plan []analyzer.Planned, id string) *analyzer.Planned {
		for i := range plan {
			if plan[i].Rule.Info().ID == id {
				return &plan[i]
			}
		}
		return nil
	}
	five, err := set.Plan([]string{"five-eyes-msp-2022"})
	if err != nil {
		t.Fatal(err)
	}
	if p := find(five, "logging-retention"); p == nil || p.Threshold.Text != ">= 6 months" {
		t.Errorf("five-eyes alone: logging-retention threshold %+v, want >= 6 months", p)
	}
	if p := find(five, "confidentiality"); p != nil {
		t.Errorf("five-eyes does not map confidentiality, but the plan runs it")
	}
	def, _ := set.Plan(nil)
	p := find(def, "logging-retention")
	if p == nil || p.Threshold.Text != ">= 12 months" {
		t.Fatalf("msp-default: logging-retention threshold %+v, want the stricter >= 12 months", p)
	}
	var refs []string
	for _, c := range p.Controls {
		refs = append(refs, c.Baseline+" "+c.Ref)
	}
	want := "cisa-msp-2021 Operational: log and records maintenance|ecc-2-2024 2-12-3-5|five-eyes-msp-2022 Monitoring and logging (6 months)"
	if got := strings.Join(refs, "|"); got != want {
		t.Errorf("controls %s, want %s", got, want)
	}
	if _, err := set.Plan([]string{"no-such"}); err == nil || !strings.Contains(err.Error(), "unknown baseline") {
		t.Errorf("unknown baseline: %v", err)
	}
}

func TestLoadErrorsNameFileAndLine(t *testing.T) {
	for name, tc := range map[string]struct{ yaml, want string }{
		"unknown key":                {"rules:\n  - id: x\n    kind: duty\n    title: X\n    severity: note\n    withn: 3\n    match: [a]\n", "r.yaml:6: unknown field \"withn\""},
		"bad kind":                   {"rules:\n  - id: x\n    kind: nope\n    title: X\n    severity: note\n    match: [a]\n", "r.yaml:2: rule x: unknown kind"},
		"bad yaml":                   {"rules:\n  - id: [x\n", "r.yaml:"},
		"bad pattern":                {"rules:\n  - id: x\n    kind: duty\n    title: X\n    severity: note\n    match: ['a & ']\n", "r.yaml:2: rule x: match"},
		"threshold without quantity": {"rules:\n  - id: x\n    kind: duty\n    title: X\n    severity: note\n    threshold: '<= 1 day'\n    match: [a]\n", "needs a quantity"},
		"bad threshold":              {"rules:\n  - id: x\n    kind: duty\n    title: X\n    severity: note\n    quantity: duration\n    threshold: 'soon'\n    match: [a]\n", "want an operator"},
		"wrong direction":            {"rules:\n  - id: x\n    kind: duty\n    title: X\n    severity: note\n    quantity: retention\n    threshold: '<= 1 year'\n    match: [a]\n", "compared with >="},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := LoadFS(fstest.MapFS{"r.yaml": {Data: []byte(tc.yaml)}}, "dir")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want it to contain %q", err, tc.want)
			}
			if err != nil && !strings.HasPrefix(err.Error(), "dir/r.yaml") {
				t.Errorf("error %q does not start with the file name", err)
			}
		})
	}
	dup := "rules:\n  - id: x\n    kind: duty\n    title: X\n    severity: note\n    match: [a]\n"
	_, err := LoadFS(fstest.MapFS{"a.yaml": {Data: []byte(dup)}, "b.yaml": {Data: []byte(dup)}}, "dir")
	if err == nil || !strings.Contains(err.Error(), "dir/b.yaml:2: rule \"x\" is already defined at dir/a.yaml:2") {
		t.Errorf("duplicate id: %v", err)
	}
}

// review runs the built-in rules of a few checks over a small agreement.
func review(t *testing.T, text string) map[string]analyzer.Result {
	t.Helper()
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := extract.Bytes("test.md", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	plan, err := set.Plan(nil)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]analyzer.Result{}
	for _, r := range analyzer.Review(analyzer.Analyze(doc), plan) {
		out[r.Check] = r
	}
	return out
}

const parties = "This Managed Services Agreement is between Acme Ltd (\"Customer\") and NetGuard LLC (\"Provider\").\n\n"

func TestDecisions(t *testing.T) {
	for name, tc := range map[string]struct {
		text, check string
		want        analyzer.Status
		amount      float64
		related     int
	}{
		"pass with number":   {"Provider shall notify Customer of any Security Incident within twenty-four (24) hours.", "incident-notification", analyzer.Pass, 24, 0},
		"worse number":       {"Provider shall notify Customer of any Security Incident within seventy-two (72) hours.", "incident-notification", analyzer.Weak, 72, 0},
		"no number":          {"Provider shall notify Customer of any Security Incident without undue delay.", "incident-notification", analyzer.Weak, 0, 0},
		"hedged":             {"Provider will use commercially reasonable efforts to notify Customer of any Security Incident within 24 hours.", "incident-notification", analyzer.Weak, 24, 0},
		"customer duty":      {"Customer shall notify Provider of any Security Incident within 24 hours.", "incident-notification", analyzer.Missing, 0, 0},
		"negated":            {"Provider shall have no obligation to encrypt Customer Data at rest or in transit.", "encryption", analyzer.Missing, 0, 0},
		"part missing":       {"Provider shall encrypt Customer Data at rest using AES-256.", "encryption", analyzer.Weak, 0, 0},
		"both parts":         {"Provider shall encrypt Customer Data at rest using AES-256.\n\nProvider shall encrypt Customer Data in transit using TLS 1.2 or later.", "encryption", analyzer.Pass, 0, 0},
		"weaker one decides": {"Provider shall notify Customer of any Security Incident within 24 hours.\n\nSchedule 2\n\nProvider shall notify Customer of any Security Incident within 72 hours.", "incident-notification", analyzer.Weak, 72, 1},
		"defined term":       {"\"Notification Period\" means forty-eight (48) hours.\n\nProvider shall notify Customer of each Security Incident within the Notification Period.", "incident-notification", analyzer.Weak, 48, 0},
		"not in document":    {"Provider will notify Customer of a Security Incident within the Breach Notification Period specified in the Order Form.", "incident-notification", analyzer.Weak, 0, 0},
		"customer right":     {"Customer may audit Provider's compliance with its security obligations on thirty (30) days' notice.", "right-to-audit", analyzer.Pass, 0, 0},
		"provider's right":   {"Provider may terminate this Agreement if Customer fails to pay.", "termination-rights", analyzer.Missing, 0, 0},
		"cap carve-out":      {"Provider's total liability shall not exceed the fees paid in the three (3) months before the claim.\n\nThe limits in this clause do not apply to a breach of Provider's data protection or security obligations.", "liability-cap", analyzer.Pass, 0, 0},
		"cap too low":        {"Provider's total liability shall not exceed the fees paid in the three (3) months before the claim.", "liability-cap", analyzer.Weak, 3, 0},
		"run-in heading":     {"12.1 Confidentiality. Nothing here.", "confidentiality", analyzer.Missing, 0, 0},
	} {
		t.Run(name, func(t *testing.T) {
			got := review(t, parties+tc.text+"\n")[tc.check]
			if got.Status != tc.want {
				t.Fatalf("%s: %s (%s), want %s", tc.check, got.Status, got.Message, tc.want)
			}
			if tc.amount != 0 && (got.Quantity == nil || got.Quantity.Amount != tc.amount) {
				t.Errorf("quantity %+v, want %g", got.Quantity, tc.amount)
			}
			if len(got.Related) != tc.related {
				t.Errorf("%d related places, want %d", len(got.Related), tc.related)
			}
			if got.Status != analyzer.Missing && (got.Location == nil || got.Location.Line == 0 || got.Evidence == "") {
				t.Errorf("no evidence or location: %+v", got)
			}
		})
	}
}

// A row whose cell holds several sentences is read a sentence at a time,
// each after the header and the row's label, so that one pattern's words
// cannot come from unrelated sentences of the cell.
func TestLongTableRows(t *testing.T) {
	doc, err := extract.Bytes("t.md", []byte("| Control | Measures |\n|---|---|\n| Access Control | Provider keeps a record of privileges. Provider monitors the network for intrusions. |\n| Backup | Daily |\n"))
	if err != nil {
		t.Fatal(err)
	}
	a := analyzer.Analyze(doc)
	for src, want := range map[string]int{
		"privilege* & intrusion*":           0, // two sentences of one cell
		"access control & intrusion*":       1, // the row's label is read with each sentence
		"measures & privilege*":             1, // and the header
		"backup & daily":                    1, // a short row stays one unit
		"access control & measures & keep*": 1,
	} {
		ps, err := compilePatterns([]string{src})
		if err != nil {
			t.Fatal(err)
		}
		if got := len(a.Find(ps[0])); got != want {
			t.Errorf("%q: %d units, want %d", src, got, want)
		}
	}
}

func TestPatterns(t *testing.T) {
	doc, err := extract.Bytes("p.md", []byte("This Agreement is between Acme Ltd (\"Client\") and NetGuard LLC (\"Supplier\").\n\nThe Supplier's personnel shall receive the Client's notification.\n\n| Priority | Response |\n|---|---|\n| P1 | 15 minutes |\n"))
	if err != nil {
		t.Fatal(err)
	}
	a := analyzer.Analyze(doc)
	for src, want := range map[string]int{
		"notif*":                  1,
		"notify":                  0,
		"personnel & {customer}":  1,
		"response & 15 minutes":   1, // a row is read with its table's header
		"p1 & notif*":             0,
		"notif* & !personnel":     0, // a "!" group must not occur
		"notif* & !supplier s":    0,
		"notif* & !p1 | priority": 1,
	} {
		ps, err := compilePatterns([]string{src})
		if err != nil {
			t.Fatal(err)
		}
		if got := len(a.Find(ps[0])); got != want {
			t.Errorf("%q: %d units, want %d", src, got, want)
		}
	}
	if _, err := compilePatterns([]string{"!notif*"}); err == nil {
		t.Error(`a pattern of only "!" groups compiled; it must be an error`)
	}
}

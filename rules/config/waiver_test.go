package config

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/contractlint/contractlint/analyzer"
)

func TestMatch(t *testing.T) {
	dir := t.TempDir()
	c := &Config{Dir: dir}
	in := func(p string) string { return filepath.Join(dir, filepath.FromSlash(p)) }
	for _, m := range []struct {
		glob, path string
		want       bool
	}{
		// No slash: the file name, in any folder.
		{"acme-msa.pdf", in("acme-msa.pdf"), true},
		{"acme-msa.pdf", in("contracts/2024/acme-msa.pdf"), true},
		{"acme-msa.pdf", in("contracts/acme-msa.pdf.bak"), false},
		{"*.pdf", in("contracts/acme-msa.pdf"), true},
		{"*.pdf", in("contracts/acme-msa.docx"), false},
		{"acme-*.{pdf,docx}", in("acme-msa.pdf"), false}, // no braces, as in path.Match
		{"acme-[a-m]*.pdf", in("acme-msa.pdf"), true},
		{"**", in("a/b/c.txt"), true},
		// A slash: the path from the configuration's folder.
		{"contracts/*.pdf", in("contracts/acme.pdf"), true},
		{"contracts/*.pdf", in("contracts/2024/acme.pdf"), false},
		{"contracts/*.pdf", in("other/contracts/acme.pdf"), false},
		{"contracts/**/*.pdf", in("contracts/acme.pdf"), true},
		{"contracts/**/*.pdf", in("contracts/2024/q3/acme.pdf"), true},
		{"contracts/**", in("contracts/2024/acme.pdf"), true},
		{"**/acme.pdf", in("acme.pdf"), true},
		{"**/acme.pdf", in("x/y/acme.pdf"), true},
		{"**/**/acme.pdf", in("x/acme.pdf"), true},
		{"./acme.pdf", in("acme.pdf"), true},
		{"./acme.pdf", in("x/acme.pdf"), false},
		{"contracts/acme.pdf", in("contracts/acme.pdf"), true},
		{"contracts/acme.pdf", in("contracts/../contracts/acme.pdf"), true},
		{"../sibling/*.pdf", filepath.Join(filepath.Dir(dir), "sibling", "x.pdf"), true},
		{filepath.ToSlash(in("contracts")) + "/*.pdf", in("contracts/x.pdf"), true},
		// Standard input is "-".
		{"-", "-", true},
		{"**", "-", true},
		{"*.pdf", "-", false},
		{"contracts/*", "-", false},
	} {
		if got := c.Match(m.glob, m.path); got != m.want {
			t.Errorf("Match(%q, %q) = %v; want %v", m.glob, m.path, got, m.want)
		}
	}
}

// TestMatchRelativePaths: a path as the user typed it is taken from the
// working directory, so the glob holds wherever the review runs from.
func TestMatchRelativePaths(t *testing.T) {
	wd := t.TempDir()
	t.Chdir(wd)
	c := &Config{Dir: filepath.Dir(wd)} // the configuration is one folder up
	if !c.Match(filepath.Base(wd)+"/acme.pdf", "acme.pdf") {
		t.Error("acme.pdf in the working directory should match its path from the configuration's folder")
	}
	if !c.Match("acme.pdf", "../acme.pdf") {
		t.Error("a file-name glob matches in any folder")
	}
	if c.Match("acme.pdf", "acme2.pdf") {
		t.Error("acme2.pdf matched acme.pdf")
	}
}

// results is a review's results: one of each status, with fingerprints
// from the evidence.
func results() []analyzer.Result {
	mk := func(check string, status analyzer.Status, evidence string) analyzer.Result {
		return analyzer.Result{Check: check, Status: status, Severity: analyzer.SeverityError, Evidence: evidence,
			Fingerprint: analyzer.Fingerprint(check, evidence)}
	}
	return []analyzer.Result{
		mk("incident-notification", analyzer.Weak, "Vendor shall notify Customer within 72 hrs."),
		mk("mfa", analyzer.Missing, ""),
		mk("encryption", analyzer.Pass, "Vendor shall encrypt Customer Data at rest and in transit."),
		mk("liability-cap", analyzer.Weak, "Liability shall not exceed the fees paid for one month."),
	}
}

func suppressed(rs []analyzer.Result) map[string]string {
	out := map[string]string{}
	for _, r := range rs {
		if r.Suppression != nil {
			out[r.Check] = r.Suppression.Source
		}
	}
	return out
}

func TestWaive(t *testing.T) {
	dir := t.TempDir()
	acme, other := filepath.Join(dir, "contracts", "acme.pdf"), filepath.Join(dir, "contracts", "other.pdf")
	parse := func(text string) *Config {
		t.Helper()
		c, err := Parse("w.yaml", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		c.Dir = dir
		return c
	}
	weakFP := analyzer.Fingerprint("incident-notification", "Vendor shall notify Customer within 72 hrs.")

	t.Run("check and glob", func(t *testing.T) {
		c := parse(`waivers:
  - check: incident-notification
    documents: contracts/acme.pdf
    reason: agreed for the pilot
    approver: J. Rivera
    expires: 2027-01-31
  - check: mfa
    documents: "*.pdf"
    reason: the customer's IdP
`)
		a, o := results(), results()
		notices := c.Waive([]Document{{Paths: []string{acme}, Results: a}, {Paths: []string{other}, Results: o}}, "2026-11-23")
		if len(notices) != 0 {
			t.Errorf("notices %+v; want none", notices)
		}
		if got, want := suppressed(a), map[string]string{"incident-notification": "w.yaml:2", "mfa": "w.yaml:7"}; !reflect.DeepEqual(got, want) {
			t.Errorf("acme: suppressed %v; want %v", got, want)
		}
		if got, want := suppressed(o), map[string]string{"mfa": "w.yaml:7"}; !reflect.DeepEqual(got, want) {
			t.Errorf("other: suppressed %v; want %v", got, want)
		}
		want := analyzer.Suppression{Reason: "agreed for the pilot", Approver: "J. Rivera", Expires: "2027-01-31", Source: "w.yaml:2"}
		if s := a[0].Suppression; s == nil || *s != want {
			t.Errorf("suppression %+v; want %+v", s, want)
		}
		if a[0].Failing(analyzer.SeverityError) {
			t.Error("a waived result still fails --fail-on error")
		}
	})

	t.Run("a pass is never waived", func(t *testing.T) {
		c := parse("waivers:\n  - check: encryption\n    documents: '**'\n    reason: r\n")
		rs := results()
		notices := c.Waive([]Document{{Paths: []string{acme}, Results: rs}}, "2026-11-23")
		if rs[2].Suppression != nil {
			t.Error("a passing result was suppressed")
		}
		if len(notices) != 1 || notices[0].Source != "w.yaml:2" ||
			notices[0].Message != "waiver for encryption on ** is unused: no weak or missing result to accept" || notices[0].Level != "warning" {
			t.Errorf("notices %+v; want one: unused", notices)
		}
	})

	t.Run("fingerprint", func(t *testing.T) {
		c := parse(`waivers:
  - check: incident-notification
    documents: "**"
    fingerprint: 0000000000000000
    reason: another clause
  - check: incident-notification
    documents: "**"
    fingerprint: ` + weakFP + `
    reason: this clause
`)
		rs := results()
		notices := c.Waive([]Document{{Paths: []string{acme}, Results: rs}}, "2026-11-23")
		if got := suppressed(rs); !reflect.DeepEqual(got, map[string]string{"incident-notification": "w.yaml:6"}) {
			t.Errorf("suppressed %v; want incident-notification by the waiver with its fingerprint", got)
		}
		if len(notices) != 1 || notices[0].Source != "w.yaml:2" ||
			notices[0].Message != "waiver for incident-notification (fingerprint 0000000000000000) on ** is unused: no weak or missing result to accept" {
			t.Errorf("notices %+v; want the other fingerprint unused", notices)
		}
	})

	t.Run("expiry", func(t *testing.T) {
		c := parse("waivers:\n  - check: mfa\n    documents: acme.pdf\n    reason: r\n    expires: 2026-11-23\n")
		for _, c2 := range []struct {
			today   string
			applies bool
		}{{"2026-11-22", true}, {"2026-11-23", true}, {"2026-11-24", false}, {"2027-01-01", false}} {
			rs := results()
			notices := c.Waive([]Document{{Paths: []string{acme}, Results: rs}}, c2.today)
			if (rs[1].Suppression != nil) != c2.applies {
				t.Errorf("today %s: suppressed %v; want %v (the expiry date is the last day)", c2.today, rs[1].Suppression != nil, c2.applies)
			}
			want := []Notice(nil)
			if !c2.applies {
				want = []Notice{{Level: "warning", Message: "waiver for mfa on acme.pdf expired on 2026-11-23", Source: "w.yaml:2"}}
			}
			if !reflect.DeepEqual(notices, want) {
				t.Errorf("today %s: notices %+v; want %+v", c2.today, notices, want)
			}
		}
	})

	t.Run("waivers for documents not reviewed are silent", func(t *testing.T) {
		c := parse(`waivers:
  - check: mfa
    documents: other.pdf
    reason: r
  - check: mfa
    documents: other.pdf
    reason: r
    expires: 2020-01-01
`)
		rs := results()
		if notices := c.Waive([]Document{{Paths: []string{acme}, Results: rs}}, "2026-11-23"); len(notices) != 0 || len(suppressed(rs)) != 0 {
			t.Errorf("notices %+v, suppressed %v; want nothing", notices, suppressed(rs))
		}
	})

	t.Run("the first waiver wins", func(t *testing.T) {
		c := parse(`waivers:
  - check: mfa
    documents: "**"
    reason: everywhere
  - check: mfa
    documents: acme.pdf
    reason: here
`)
		rs := results()
		notices := c.Waive([]Document{{Paths: []string{acme}, Results: rs}}, "2026-11-23")
		if rs[1].Suppression == nil || rs[1].Suppression.Reason != "everywhere" {
			t.Errorf("suppression %+v; want the first waiver's", rs[1].Suppression)
		}
		if len(notices) != 1 || notices[0].Source != "w.yaml:5" {
			t.Errorf("notices %+v; want the second waiver unused", notices)
		}
	})

	t.Run("bundle", func(t *testing.T) {
		c := parse("waivers:\n  - check: liability-cap\n    documents: other.pdf\n    reason: in the schedule\n")
		rs := results()
		notices := c.Waive([]Document{{Paths: []string{acme, other}, Results: rs}}, "2026-11-23")
		if len(notices) != 0 || rs[3].Suppression == nil {
			t.Errorf("a bundle matches when one of its files does: notices %+v, suppression %+v", notices, rs[3].Suppression)
		}
	})
}

package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The configuration file and waivers, end to end: each test works in a
// new folder that is a repository root (it holds .git, so the search for
// .contractlint.yaml stops there) with copies of corpus agreements in
// contracts/, and runs the built command in it.

// harbourline is a synthetic agreement with five error findings, among
// them incident-notification: "within 72 hrs" against "<= 24 hours".
const harbourline = "syn-05-harbourline.pdf"

// tuwaiq is a synthetic agreement whose incident notice passes: "within
// twenty-four hours".
const tuwaiq = "syn-13-tuwaiq.md"

// workspace makes the folder and copies the agreements into contracts/.
func workspace(t *testing.T, agreements ...string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "contracts"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, a := range agreements {
		src, err := os.Open(testdata("corpus", "synthetic", "docs", a))
		if err != nil {
			t.Fatal(err)
		}
		dst, err := os.Create(filepath.Join(dir, "contracts", a))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(dst, src); err != nil {
			t.Fatal(err)
		}
		src.Close()
		if err := dst.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func writeConfig(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// configReport is the part of the JSON report these tests read.
type configReport struct {
	Baselines []string `json:"baselines"`
	Documents []struct {
		Path    string `json:"path"`
		Results []struct {
			Check       string `json:"check"`
			Status      string `json:"status"`
			Severity    string `json:"severity"`
			Message     string `json:"message"`
			Threshold   string `json:"threshold"`
			Fingerprint string `json:"fingerprint"`
			Suppression *struct {
				Reason   string `json:"reason"`
				Approver string `json:"approver"`
				Expires  string `json:"expires"`
				Source   string `json:"source"`
			} `json:"suppression"`
		} `json:"results"`
		Summary struct {
			Checks     int `json:"checks"`
			Weak       int `json:"weak"`
			Missing    int `json:"missing"`
			Errors     int `json:"errors"`
			Warnings   int `json:"warnings"`
			Notes      int `json:"notes"`
			Suppressed int `json:"suppressed"`
		} `json:"summary"`
	} `json:"documents"`
	Notices []struct {
		Level   string `json:"level"`
		Message string `json:"message"`
		Source  string `json:"source"`
	} `json:"notices"`
}

// reviewJSON runs review --format json in dir, validates the report and
// returns it with stderr and the exit code.
func reviewJSON(t *testing.T, dir string, args ...string) (configReport, string, int) {
	t.Helper()
	out, errs, code := runIn(t, dir, "", append([]string{"review", "--format", "json"}, args...)...)
	if code == 2 {
		t.Fatalf("review %v: exit 2: %s", args, errs)
	}
	validateReport(t, reviewSchema(t), out)
	var r configReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	return r, errs, code
}

// errorChecks are the checks of the first document that are weak or
// missing with severity error.
func errorChecks(r configReport) []string {
	var ids []string
	for _, res := range r.Documents[0].Results {
		if res.Status != "pass" && res.Severity == "error" {
			ids = append(ids, res.Check)
		}
	}
	return ids
}

// waiversFor writes a waiver for each check, for every PDF under
// contracts/, the first one with the expiry date, and returns the file
// with each waiver's line.
func waiversFor(checks []string, expires string) (string, map[string]int) {
	var b strings.Builder
	b.WriteString("# accepted by the vendor risk board\nwaivers:\n")
	lines := map[string]int{}
	line := 3
	for i, c := range checks {
		lines[c] = line
		fmt.Fprintf(&b, "  - check: %s\n    documents: \"contracts/*.pdf\"\n    reason: accepted for the pilot (%s)\n    approver: risk board\n", c, c)
		line += 4
		if i == 0 {
			fmt.Fprintf(&b, "    expires: %s\n", expires)
			line++
		}
	}
	return b.String(), lines
}

// TestConfigWaivers: an agreement that fails --fail-on error passes once
// every error finding is waived, wherever the review runs from; when a
// waiver expires the finding is back, the exit status is 1 again and the
// run says which waiver expired.
func TestConfigWaivers(t *testing.T) {
	t.Setenv("CONTRACTLINT_TODAY", "2026-11-23")
	dir := workspace(t, harbourline)
	agreement := filepath.Join("contracts", harbourline)

	before, errs, code := reviewJSON(t, dir, agreement)
	checks := errorChecks(before)
	if code != 1 || errs != "" || len(checks) < 2 {
		t.Fatalf("without a configuration: exit %d, stderr %q, error findings %v; want 1, none, several", code, errs, checks)
	}
	waivers, lines := waiversFor(checks, "2026-12-31")
	writeConfig(t, filepath.Join(dir, ".contractlint.yaml"), waivers)

	// Waived: exit 0, nothing on stderr, the findings left out of the text
	// and counted as waived.
	out, errs, code := runIn(t, dir, "", "review", agreement)
	if code != 0 || errs != "" {
		t.Fatalf("all errors waived: exit %d, stderr %q; want 0 and none\n%s", code, errs, out)
	}
	if strings.Contains(out, ": error ") {
		t.Errorf("a waived finding is listed:\n%s", out)
	}
	if want := fmt.Sprintf("(0 errors, %d warnings, %d notes, %d waived)\n", before.Documents[0].Summary.Warnings, before.Documents[0].Summary.Notes, len(checks)); !strings.HasSuffix(out, want) {
		t.Errorf("summary should end %q:\n%s", want, out)
	}
	r, _, _ := reviewJSON(t, dir, agreement)
	s := r.Documents[0].Summary
	if s.Errors != 0 || s.Suppressed != len(checks) || s.Weak+s.Missing != before.Documents[0].Summary.Weak+before.Documents[0].Summary.Missing {
		t.Errorf("summary %+v; want 0 errors, %d suppressed, weak and missing as before", s, len(checks))
	}
	for _, res := range r.Documents[0].Results {
		if res.Severity != "error" || res.Status == "pass" {
			continue
		}
		sp := res.Suppression
		if sp == nil {
			t.Errorf("%s: not suppressed", res.Check)
			continue
		}
		if sp.Reason != "accepted for the pilot ("+res.Check+")" || sp.Approver != "risk board" || sp.Source != fmt.Sprintf(".contractlint.yaml:%d", lines[res.Check]) {
			t.Errorf("%s: suppression %+v; want its waiver's reason, approver and source line %d", res.Check, *sp, lines[res.Check])
		}
		if wantExp := map[bool]string{true: "2026-12-31"}[res.Check == checks[0]]; sp.Expires != wantExp {
			t.Errorf("%s: expires %q; want %q", res.Check, sp.Expires, wantExp)
		}
	}

	// From a subfolder the file is found upward, and the glob still holds.
	out, errs, code = runIn(t, filepath.Join(dir, "contracts"), "", "review", harbourline)
	if code != 0 || errs != "" || !strings.Contains(out, " waived)") {
		t.Errorf("from contracts/: exit %d, stderr %q; want 0\n%s", code, errs, out)
	}
	// From elsewhere, with --config: globs are relative to the file.
	elsewhere := t.TempDir()
	out, errs, code = runIn(t, elsewhere, "", "review", "--config", filepath.Join(dir, ".contractlint.yaml"), filepath.Join(dir, agreement))
	if code != 0 || errs != "" {
		t.Errorf("--config from another folder: exit %d, stderr %q; want 0\n%s", code, errs, out)
	}
	// --no-config: the findings are back.
	if _, errs, code := runIn(t, dir, "", "review", "--no-config", agreement); code != 1 || errs != "" {
		t.Errorf("--no-config: exit %d, stderr %q; want 1", code, errs)
	}

	// The last day of the waiver still counts; the day after, it expires.
	t.Setenv("CONTRACTLINT_TODAY", "2026-12-31")
	if _, errs, code := runIn(t, dir, "", "review", agreement); code != 0 || errs != "" {
		t.Errorf("on the expiry date: exit %d, stderr %q; want 0", code, errs)
	}
	t.Setenv("CONTRACTLINT_TODAY", "2027-01-01")
	for _, format := range []string{"text", "json"} {
		out, errs, code := runIn(t, dir, "", "review", "--format", format, agreement)
		want := fmt.Sprintf("contractlint: warning: .contractlint.yaml:3: waiver for %s on contracts/*.pdf expired on 2026-12-31\n", checks[0])
		if code != 1 || errs != want {
			t.Errorf("%s, expired: exit %d, stderr %q; want 1 and %q", format, code, errs, want)
		}
		if format == "text" && !regexp.MustCompile(`(?m)^contracts/`+regexp.QuoteMeta(harbourline)+`:\d+:\d+: error `+checks[0]+` `).MatchString(out) {
			t.Errorf("the expired waiver's finding should be listed again:\n%s", out)
		}
	}
	r, _, _ = reviewJSON(t, dir, agreement)
	if len(r.Notices) != 1 || r.Notices[0].Level != "warning" || r.Notices[0].Source != ".contractlint.yaml:3" ||
		r.Notices[0].Message != fmt.Sprintf("waiver for %s on contracts/*.pdf expired on 2026-12-31", checks[0]) {
		t.Errorf("notices %+v; want the expired waiver", r.Notices)
	}
	if s := r.Documents[0].Summary; s.Errors != 1 || s.Suppressed != len(checks)-1 {
		t.Errorf("expired: summary %+v; want 1 error, %d suppressed", s, len(checks)-1)
	}
}

// TestConfigWaiverFingerprintAndUnused: a waiver with a fingerprint
// accepts only that finding; one that accepts nothing in the agreements
// reviewed is reported, and one for agreements not reviewed is not.
func TestConfigWaiverFingerprintAndUnused(t *testing.T) {
	t.Setenv("CONTRACTLINT_TODAY", "2026-11-23")
	dir := workspace(t, harbourline)
	agreement := filepath.Join("contracts", harbourline)
	before, _, _ := reviewJSON(t, dir, "--fail-on", "none", agreement)
	fp := map[string]string{}
	passing := ""
	for _, res := range before.Documents[0].Results {
		fp[res.Check] = res.Fingerprint
		if res.Status == "pass" && passing == "" {
			passing = res.Check
		}
	}
	writeConfig(t, filepath.Join(dir, ".contractlint.yaml"), `waivers:
  - check: incident-notification
    documents: "**"
    fingerprint: 0000000000000000
    reason: another clause
  - check: incident-notification
    documents: "`+harbourline+`"
    fingerprint: `+fp["incident-notification"]+`
    reason: 72 hours agreed
  - check: `+passing+`
    documents: "**"
    reason: no longer needed
  - check: mfa
    documents: contracts/other-vendor.pdf
    reason: another agreement
`)
	r, errs, _ := reviewJSON(t, dir, agreement)
	var sup string
	for _, res := range r.Documents[0].Results {
		if res.Suppression != nil {
			sup += res.Check + "@" + res.Suppression.Source + " "
		}
	}
	if sup != "incident-notification@.contractlint.yaml:6 " {
		t.Errorf("suppressed: %q; want incident-notification by the waiver with its fingerprint (line 6)", sup)
	}
	want := "contractlint: warning: .contractlint.yaml:2: waiver for incident-notification (fingerprint 0000000000000000) on ** is unused: no weak or missing result to accept\n" +
		"contractlint: warning: .contractlint.yaml:10: waiver for " + passing + " on ** is unused: no weak or missing result to accept\n"
	if errs != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", errs, want)
	}
	if len(r.Notices) != 2 || r.Notices[0].Source != ".contractlint.yaml:2" || r.Notices[1].Source != ".contractlint.yaml:10" {
		t.Errorf("notices %+v; want the two unused waivers", r.Notices)
	}
}

// TestConfigThresholds: a looser threshold turns a weak notice period
// into a pass, and with the other errors waived that decides the exit
// status; a stricter one turns a pass into weak.
func TestConfigThresholds(t *testing.T) {
	t.Setenv("CONTRACTLINT_TODAY", "2026-11-23")
	dir := workspace(t, harbourline, tuwaiq)
	agreement := filepath.Join("contracts", harbourline)
	before, _, _ := reviewJSON(t, dir, agreement)
	var others []string
	for _, c := range errorChecks(before) {
		if c != "incident-notification" {
			others = append(others, c)
		}
	}
	if len(others) == len(errorChecks(before)) {
		t.Fatalf("incident-notification is not an error finding of %s: %v", harbourline, errorChecks(before))
	}
	waivers, _ := waiversFor(others, "2027-12-31")
	status := func(r configReport, doc int) (string, string, string) {
		for _, res := range r.Documents[doc].Results {
			if res.Check == "incident-notification" {
				return res.Status, res.Threshold, res.Message
			}
		}
		t.Fatal("no incident-notification result")
		return "", "", ""
	}

	writeConfig(t, filepath.Join(dir, ".contractlint.yaml"), waivers)
	r, _, code := reviewJSON(t, dir, agreement)
	if st, th, _ := status(r, 0); code != 1 || st != "weak" || th != "<= 24 hours" {
		t.Errorf("other errors waived: exit %d, incident-notification %s against %q; want 1, weak against <= 24 hours", code, st, th)
	}
	writeConfig(t, filepath.Join(dir, ".contractlint.yaml"), "thresholds:\n  incident-notification: \"<= 72 hours\"\n"+waivers)
	r, errs, code := reviewJSON(t, dir, agreement)
	if st, th, _ := status(r, 0); code != 0 || errs != "" || st != "pass" || th != "<= 72 hours" {
		t.Errorf("threshold <= 72 hours: exit %d (%s), incident-notification %s against %q; want 0, pass against <= 72 hours", code, errs, st, th)
	}
	// --fail-on is still the flag's: warnings remain.
	if _, _, code := runIn(t, dir, "", "review", "--fail-on", "warning", agreement); code != 1 {
		t.Errorf("--fail-on warning: exit %d; want 1", code)
	}

	// The inverse: a stricter threshold than the agreement's 24 hours.
	writeConfig(t, filepath.Join(dir, ".contractlint.yaml"), "thresholds:\n  incident-notification: \"<= 12 hours\"\n")
	r, _, _ = reviewJSON(t, dir, "--fail-on", "none", filepath.Join("contracts", tuwaiq))
	if st, th, msg := status(r, 0); st != "weak" || th != "<= 12 hours" || !strings.Contains(msg, "does not meet <= 12 hours") {
		t.Errorf("threshold <= 12 hours: incident-notification %s against %q (%s); want weak, not meeting <= 12 hours", st, th, msg)
	}
	r, _, _ = reviewJSON(t, dir, "--no-config", "--fail-on", "none", filepath.Join("contracts", tuwaiq))
	if st, _, _ := status(r, 0); st != "pass" {
		t.Errorf("without the configuration incident-notification is %s; want pass", st)
	}
}

// TestConfigSeverities: lowering the error findings to notes passes
// --fail-on error and still fails --fail-on note; raising a warning to an
// error fails --fail-on error again.
func TestConfigSeverities(t *testing.T) {
	dir := workspace(t, harbourline)
	agreement := filepath.Join("contracts", harbourline)
	before, _, _ := reviewJSON(t, dir, agreement)
	var b strings.Builder
	b.WriteString("severities:\n")
	for _, c := range errorChecks(before) {
		fmt.Fprintf(&b, "  %s: note\n", c)
	}
	writeConfig(t, filepath.Join(dir, ".contractlint.yaml"), b.String())
	r, _, code := reviewJSON(t, dir, agreement)
	if code != 0 || r.Documents[0].Summary.Errors != 0 || r.Documents[0].Summary.Notes != before.Documents[0].Summary.Notes+len(errorChecks(before)) {
		t.Errorf("errors as notes: exit %d, summary %+v; want 0 and the errors counted as notes", code, r.Documents[0].Summary)
	}
	if _, _, code := runIn(t, dir, "", "review", "--fail-on", "note", agreement); code != 1 {
		t.Errorf("errors as notes, --fail-on note: exit %d; want 1", code)
	}
	weakWarning := ""
	for _, res := range before.Documents[0].Results {
		if res.Status == "weak" && res.Severity == "warning" {
			weakWarning = res.Check
			break
		}
	}
	writeConfig(t, filepath.Join(dir, ".contractlint.yaml"), b.String()+"  "+weakWarning+": error\n")
	r, _, code = reviewJSON(t, dir, agreement)
	if code != 1 || len(errorChecks(r)) != 1 || errorChecks(r)[0] != weakWarning {
		t.Errorf("%s raised to error: exit %d, errors %v; want 1 and only it", weakWarning, code, errorChecks(r))
	}
}

// TestConfigDisableBaselinesRules: disabled checks leave the report; the
// file's baselines apply unless --baseline is given; its rule folders are
// relative to it and --rules adds to them.
func TestConfigDisableBaselinesRules(t *testing.T) {
	dir := workspace(t, tuwaiq)
	agreement := filepath.Join("contracts", tuwaiq)
	writeConfig(t, filepath.Join(dir, "policy", "rules", "mine.yaml"), "rules:\n  - id: my-check\n    kind: duty\n    title: My check\n    severity: note\n    match: [\"escrow* & source code\"]\n")
	writeConfig(t, filepath.Join(dir, "extra", "theirs.yaml"), "rules:\n  - id: their-check\n    kind: duty\n    title: Their check\n    severity: note\n    match: [\"carbon & offset*\"]\n")
	writeConfig(t, filepath.Join(dir, "policy", ".contractlint.yaml"), "disable: [mfa, security-training]\nbaselines: [msp-default, ecc-2-2024]\nrules: [rules]\n")
	cfg := filepath.Join("policy", ".contractlint.yaml")

	checks := func(r configReport) map[string]bool {
		m := map[string]bool{}
		for _, res := range r.Documents[0].Results {
			m[res.Check] = true
		}
		return m
	}
	r, _, _ := reviewJSON(t, dir, "--config", cfg, "--fail-on", "none", agreement)
	got := checks(r)
	// msp-default and ecc-2-2024 have 43 checks; two are disabled, one is added.
	if len(got) != 42 || got["mfa"] || got["security-training"] || !got["in-kingdom-operations"] || !got["my-check"] || r.Documents[0].Summary.Checks != 42 {
		t.Errorf("%d checks (mfa %v, security-training %v, in-kingdom-operations %v, my-check %v); want 42 without the disabled ones",
			len(got), got["mfa"], got["security-training"], got["in-kingdom-operations"], got["my-check"])
	}
	if strings.Join(r.Baselines, ",") != "msp-default,ecc-2-2024" {
		t.Errorf("baselines %v; want the file's", r.Baselines)
	}
	// The file's own rule folder given again is not loaded twice.
	r, _, _ = reviewJSON(t, dir, "--config", cfg, "--fail-on", "none", "--baseline", "msp-default", "--rules", "extra", "--rules", filepath.Join("policy", "rules"), agreement)
	got = checks(r)
	// msp-default alone: 42 checks, two disabled, both user checks added.
	if strings.Join(r.Baselines, ",") != "msp-default" || len(got) != 42 || got["in-kingdom-operations"] || got["mfa"] || !got["my-check"] || !got["their-check"] {
		t.Errorf("--baseline and --rules: baselines %v, checks %v; want msp-default only, both user checks, mfa still disabled", r.Baselines, got)
	}
}

// TestConfigErrors: a configuration mistake exits 2 with one line naming
// the file and line, whatever the format.
func TestConfigErrors(t *testing.T) {
	dir := workspace(t, tuwaiq)
	agreement := filepath.Join("contracts", tuwaiq)
	for _, c := range []struct {
		name, config string
		args         []string
		env          string
		stderr       string // regexp for the one line after "contractlint: "
	}{
		{"YAML syntax", "thresholds:\n  incident-notification: \"<= 48 hours\n", nil, "", `^\.contractlint\.yaml:\d+: `},
		{"unknown key", "disable: [mfa]\nwaiver:\n  - check: mfa\n", nil, "", `^\.contractlint\.yaml:2: unknown field "waiver" \(known: `},
		{"wrong type", "disable: mfa\n", nil, "", `^\.contractlint\.yaml:1: disable: want a list, not "mfa"$`},
		{"unknown check", "severities:\n  incident-notice: note\n", nil, "", `^\.contractlint\.yaml:2: severities: unknown check "incident-notice"`},
		{"bad threshold", "thresholds:\n  incident-notification: \">= 48 hours\"\n", nil, "", `^\.contractlint\.yaml:2: thresholds: incident-notification: threshold ">= 48 hours": a duration is compared with <=$`},
		{"waiver without reason", "waivers:\n  - check: mfa\n    documents: \"*.md\"\n", nil, "", `^\.contractlint\.yaml:2: waiver for mfa without a reason`},
		{"bad date", "waivers:\n  - check: mfa\n    documents: \"*.md\"\n    reason: r\n    expires: 31/12/2026\n", nil, "", `^\.contractlint\.yaml:5: waiver for mfa: expires "31/12/2026": want a date written YYYY-MM-DD$`},
		{"unknown baseline", "baselines: [msp-default, iso]\n", nil, "", `^\.contractlint\.yaml:1: baselines: unknown baseline "iso"`},
		{"missing rule folder", "rules: [policy-rules]\n", nil, "", `^\.contractlint\.yaml:1: rules: policy-rules: no such directory$`},
		{"bad date to compare with", "disable: [mfa]\n", nil, "tomorrow", `^CONTRACTLINT_TODAY="tomorrow": want a date written YYYY-MM-DD$`},
		{"no such --config", "", []string{"--config", "nope.yaml"}, "", `^nope\.yaml: no such file or directory$`},
		{"--config and --no-config", "", []string{"--config", "x.yaml", "--no-config"}, "", `^--config and --no-config together`},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("CONTRACTLINT_TODAY", c.env)
			os.Remove(filepath.Join(dir, ".contractlint.yaml"))
			if c.config != "" {
				writeConfig(t, filepath.Join(dir, ".contractlint.yaml"), c.config)
			}
			for _, format := range []string{"text", "json"} {
				args := append(append([]string{"review", "--format", format}, c.args...), agreement)
				out, errs, code := runIn(t, dir, "", args...)
				if code != 2 || out != "" {
					t.Errorf("%s: exit %d, stdout %.80q; want 2 and no report", format, code, out)
				}
				if strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, "contractlint: ") || !regexp.MustCompile(c.stderr).MatchString(strings.TrimSuffix(strings.TrimPrefix(errs, "contractlint: "), "\n")) {
					t.Errorf("%s: stderr %q; want one line matching %s", format, errs, c.stderr)
				}
			}
		})
	}
}

// TestConfigRulesCommand: 'contractlint rules' lists the checks as a
// review in the same folder runs them.
func TestConfigRulesCommand(t *testing.T) {
	dir := workspace(t)
	writeConfig(t, filepath.Join(dir, ".contractlint.yaml"), "thresholds:\n  incident-notification: \"<= 48 hours\"\nseverities:\n  mfa: note\ndisable: [least-privilege]\n")
	out, errs, code := runIn(t, filepath.Join(dir, "contracts"), "", "rules", "--format", "json")
	if code != 0 || errs != "" {
		t.Fatalf("rules: exit %d, stderr %q", code, errs)
	}
	var r struct {
		Checks []struct {
			ID        string `json:"id"`
			Severity  string `json:"severity"`
			Threshold string `json:"threshold"`
		} `json:"checks"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range r.Checks {
		got[c.ID] = c.Severity + " " + c.Threshold
	}
	if len(r.Checks) != 41 || got["mfa"] != "note " || got["incident-notification"] != "error <= 48 hours" || got["least-privilege"] != "" {
		t.Errorf("%d checks, mfa %q, incident-notification %q, least-privilege %q; want 41, note, <= 48 hours, none",
			len(r.Checks), got["mfa"], got["incident-notification"], got["least-privilege"])
	}
	out, _, _ = runIn(t, filepath.Join(dir, "contracts"), "", "rules")
	if !strings.HasSuffix(out, "\n41 checks (baselines: msp-default; configuration: ../.contractlint.yaml). 'contractlint rules explain ID' describes one.\n") {
		t.Errorf("the listing should name the configuration:\n%s", out[max(0, len(out)-200):])
	}
}

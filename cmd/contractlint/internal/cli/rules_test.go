package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSuggest(t *testing.T) {
	known := []string{"incident-notification", "incident-response", "mfa", "logging-retention"}
	for _, c := range []struct{ in, want string }{
		{"incident-notificaton", "incident-notification"},
		{"Incident-Response", "incident-response"},
		{"mfa2", "mfa"},
		{"logging", "logging-retention"},
		{"encryption", ""},
		{"xyz", ""},
	} {
		if got := suggest(c.in, known); got != c.want {
			t.Errorf("suggest(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

func TestRulesCommand(t *testing.T) {
	out, errs, code := runMain("", "rules")
	if code != ExitOK || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if !strings.HasPrefix(out, "CHECK ") || !strings.Contains(out, "\nincident-notification ") || !strings.Contains(out, "\n42 checks (baselines: msp-default)") {
		t.Errorf("rules listing:\n%s", out)
	}
	if strings.Contains(out, "in-kingdom-operations") {
		t.Error("in-kingdom-operations runs only when ecc-2-2024 is named")
	}
	out, _, _ = runMain("", "rules", "--baseline", "ecc-2-2024", "--baseline", "msp-default")
	if !strings.Contains(out, "\nin-kingdom-operations ") || !strings.Contains(out, "\n43 checks") {
		t.Errorf("with ecc-2-2024 named, in-kingdom-operations should be listed:\n%s", out)
	}

	for _, c := range []struct {
		args []string
		err  string
	}{
		{[]string{"rules", "--baseline", "nist"}, `unknown baseline "nist"`},
		{[]string{"rules", "--format", "xml"}, `unknown --format "xml"`},
		{[]string{"rules", "--rules", "no-such-dir"}, "no-such-dir"},
		{[]string{"rules", "explain", "incident-notificaton"}, `unknown check "incident-notificaton" (did you mean "incident-notification"?)`},
		{[]string{"rules", "explain", "qwerty"}, `unknown check "qwerty"; 'contractlint rules' lists them`},
		{[]string{"rules", "explain"}, "accepts 1 arg"},
	} {
		_, errs, code := runMain("", c.args...)
		if code != ExitError || !strings.Contains(errs, c.err) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want 2 and one line containing %q", c.args, code, errs, c.err)
		}
	}
}

// A user rule's explain names its own file and line.
func TestExplainUserRule(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "mine.yaml"), []byte("rules:\n  - id: my-check\n    kind: duty\n    title: My check\n    severity: warning\n    match: [\"escrow* & source code\"]\n"), 0o644)
	out, errs, code := runMain("", "rules", "explain", "--rules", dir, "my-check")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"my-check: My check\n", "  severity    warning\n", "mine.yaml:2\n", "Controls:\n  none: no baseline maps this check"} {
		if !strings.Contains(out, want) {
			t.Errorf("explain lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Looks for:") || strings.Contains(out, "Suggested clause:") {
		t.Errorf("a rule without help text should show no empty help sections:\n%s", out)
	}
}

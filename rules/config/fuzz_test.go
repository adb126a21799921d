package config

import (
	"strings"
	"testing"

	"github.com/contractlint/contractlint/analyzer"
)

// FuzzConfig: whatever the bytes, decoding and validating a configuration
// neither panics nor hangs, every error names the file, and a file that
// decodes can plan and waive without panicking.
func FuzzConfig(f *testing.F) {
	set := builtin(f)
	plan, err := set.Plan(nil)
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{
		good, Starter(), starterExamples(), "", "~", "- a\n", "a: [", "disable: x\n",
		"waivers:\n  - check: mfa\n    documents: '[a-'\n    reason: r\n",
		"waivers:\n  -\n  - check: mfa\n    documents: x\n    reason: r\n    expires: 2027-02-30\n",
		"thresholds:\n  incident-notification: \">= 1 day\"\n  mfa: \"<= 1 day\"\n",
		"a: &x [*x]\n", "x: &a [1]\ny: *a\n", "baselines: &b [msp-default]\ndisable: *b\n",
		"waivers: [{check: mfa, documents: '**', reason: r, <<: {approver: a}}]\n",
		"\t", "%YAML 1.1\n---\n", "!!binary aGVsbG8=\n", "thresholds: {? [a]: b}\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("fuzz.yaml", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.yaml") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		if err := c.Validate(set); err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.yaml") {
				t.Fatalf("Validate: error %q does not name the file", err)
			}
			return
		}
		rs := []analyzer.Result{{Check: "mfa", Status: analyzer.Missing, Fingerprint: analyzer.Fingerprint("mfa", "")}}
		c.Apply(plan)
		for _, n := range c.Waive([]Document{{Paths: []string{"contracts/acme.pdf", "-"}, Results: rs}}, "2026-11-23") {
			if !strings.HasPrefix(n.Source, "fuzz.yaml:") {
				t.Fatalf("notice %+v does not name its line", n)
			}
		}
	})
}

package config

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/contractlint/contractlint/analyzer"
	"github.com/contractlint/contractlint/corpus/extract"
	"github.com/contractlint/contractlint/rules"
)

func builtin(t testing.TB) *rules.Set {
	t.Helper()
	set, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return set
}

const good = `# a team's settings
baselines:
  - msp-default
  - ecc-2-2024
thresholds:
  incident-notification: "<= 48 hours"
  logging-retention: ">= 6 months"
severities:
  liability-cap: note
  insurance: error
disable:
  - security-training
rules:
  - my-rules
waivers:
  - check: liability-cap
    documents: "contracts/*.pdf"
    reason: "  accepted by Legal  "
    approver: J. Rivera
    expires: 2027-06-30
  - check: mfa
    documents: "**"
    fingerprint: 0123456789abcdef
    reason: covered by the customer's own IdP
`

func TestParseGood(t *testing.T) {
	c, err := Parse("team.yaml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(c.Baselines, ",") != "msp-default,ecc-2-2024" || strings.Join(c.Disable, ",") != "security-training" ||
		strings.Join(c.RuleDirs, ",") != "my-rules" {
		t.Errorf("baselines %v, disable %v, rules %v", c.Baselines, c.Disable, c.RuleDirs)
	}
	if th := c.Thresholds["incident-notification"]; th == nil || th.Op != "<=" || th.Quantity.Amount != 48 || th.Text != "<= 48 hours" {
		t.Errorf("incident-notification threshold %+v", th)
	}
	if th := c.Thresholds["logging-retention"]; th == nil || th.Op != ">=" || th.Quantity.Kind != analyzer.Duration || th.Quantity.Amount != 6 {
		t.Errorf("logging-retention threshold %+v", th)
	}
	if c.Severities["liability-cap"] != analyzer.SeverityNote || c.Severities["insurance"] != analyzer.SeverityError || len(c.Severities) != 2 {
		t.Errorf("severities %v", c.Severities)
	}
	want := []Waiver{
		{Check: "liability-cap", Documents: "contracts/*.pdf", Reason: "accepted by Legal", Approver: "J. Rivera", Expires: "2027-06-30", Source: "team.yaml:16"},
		{Check: "mfa", Documents: "**", Fingerprint: "0123456789abcdef", Reason: "covered by the customer's own IdP", Source: "team.yaml:21"},
	}
	if len(c.Waivers) != len(want) {
		t.Fatalf("%d waivers, want %d", len(c.Waivers), len(want))
	}
	for i, w := range want {
		got := c.Waivers[i]
		got.line, got.checkLine = 0, 0
		if got != w {
			t.Errorf("waiver %d:\n got %+v\nwant %+v", i, got, w)
		}
	}
	if err := c.Validate(builtin(t)); err != nil {
		t.Errorf("Validate: %v", err)
	}
}

// TestParseEmpty: a file of comments only, or nothing, changes nothing.
func TestParseEmpty(t *testing.T) {
	for _, text := range []string{"", "# nothing yet\n", "---\n", "~\n"} {
		c, err := Parse("c.yaml", []byte(text))
		if err != nil {
			t.Errorf("%q: %v", text, err)
			continue
		}
		if len(c.Baselines)+len(c.Thresholds)+len(c.Severities)+len(c.Disable)+len(c.RuleDirs)+len(c.Waivers) != 0 {
			t.Errorf("%q: settings %+v", text, c)
		}
	}
}

// TestParseErrors: every mistake names the file and the line it is on,
// on one line.
func TestParseErrors(t *testing.T) {
	waiver := "waivers:\n  - check: mfa\n    documents: x.pdf\n    reason: ok\n"
	for _, c := range []struct{ name, text, want string }{
		{"syntax", "thresholds:\n  mfa: [\n", `^c\.yaml:[23]: did not find expected node content$`},
		{"tab indentation", "disable:\n\t- mfa\n", `^c\.yaml:2: `},
		{"unknown key", "baselines: [msp-default]\nthreshold:\n  mfa: x\n", `^c\.yaml:2: unknown field "threshold" \(known: baselines, thresholds, `},
		{"unknown waiver key", waiver + "    expiry: 2027-01-01\n", `^c\.yaml:5: unknown field "expiry" \(known: check, documents, fingerprint, reason, approver, expires\)$`},
		{"not a mapping", "- mfa\n", `^c\.yaml:1: want a mapping of settings`},
		{"list wanted", "disable: mfa\n", `^c\.yaml:1: disable: want a list, not "mfa"$`},
		{"mapping wanted", "thresholds:\n  - incident-notification\n", `^c\.yaml:2: thresholds: want a mapping, not a list$`},
		{"waiver list wanted", "waivers:\n  check: mfa\n", `^c\.yaml:2: waivers: want a list of waivers, not a mapping$`},
		{"value wanted", "waivers:\n  - check: [mfa, encryption]\n", `^c\.yaml:2: check: want a single value, not a list$`},
		{"duplicate key", "severities:\n  mfa: note\n  mfa: error\n", `^c\.yaml:3: mapping key "mfa" already defined at line 2`},
		{"second document", "disable: [mfa]\n---\ndisable: [encryption]\n", `^c\.yaml:\d+: a second YAML document`},
		{"empty item", "disable:\n  - mfa\n  -\n", `^c\.yaml:3: disable: an empty list item$`},
		{"bad threshold", "thresholds:\n  mfa: x\n  incident-notification: \"48 hours\"\n", `^c\.yaml:2: thresholds: mfa: threshold "x": want an operator`},
		{"not a quantity", "thresholds:\n  incident-notification: \"<= soon\"\n", `^c\.yaml:2: thresholds: incident-notification: threshold "<= soon": "soon" is not one quantity`},
		{"bad severity", "severities:\n  mfa: critical\n", `^c\.yaml:2: severities: mfa: want error, warning or note, not "critical"$`},
		{"severity none", "severities:\n  mfa: none\n", `^c\.yaml:2: severities: mfa: want error, warning or note, not "none"$`},
		{"waiver without reason", "waivers:\n  - check: mfa\n    documents: x.pdf\n", `^c\.yaml:2: waiver for mfa without a reason`},
		{"blank reason", "waivers:\n  - check: mfa\n    documents: x.pdf\n    reason: \"  \"\n", `^c\.yaml:2: waiver for mfa without a reason`},
		{"waiver without check", "waivers:\n  - documents: x.pdf\n    reason: ok\n", `^c\.yaml:2: waiver without a check`},
		{"waiver without documents", "waivers:\n  - check: mfa\n    reason: ok\n", `^c\.yaml:2: waiver for mfa without documents \(a glob such as`},
		{"bad glob", waiver + "  - check: mfa\n    documents: \"contracts/[a-\"\n    reason: ok\n", `^c\.yaml:6: waiver for mfa: documents "contracts/\[a-": malformed glob`},
		{"bad date", waiver + "    expires: 2027-02-30\n", `^c\.yaml:5: waiver for mfa: expires "2027-02-30": want a date written YYYY-MM-DD$`},
		{"date and time", waiver + "    expires: 2027-01-31T12:00:00Z\n", `^c\.yaml:5: waiver for mfa: expires .*YYYY-MM-DD$`},
		{"bad fingerprint", waiver + "    fingerprint: ABC\n", `^c\.yaml:5: waiver for mfa: fingerprint "ABC": want the 16 hexadecimal digits`},
		{"first of several errors", "disable:\n  -\nseverities:\n  mfa: loud\n", `^c\.yaml:2: disable: an empty list item$`},
		{"first of several errors, the other way", "severities:\n  mfa: loud\ndisable:\n  -\n", `^c\.yaml:2: severities: mfa:`},
		{"empty waiver", "waivers:\n  -\n  - check: mfa\n    documents: x.pdf\n    reason: ok\n  - check: mfa\n    documents: y.pdf\n    reason: ok\n    expires: soon\n", `^c\.yaml:2: waivers: an empty list item$`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(c.text))
			if err == nil {
				t.Fatalf("no error; want %s", c.want)
			}
			if !regexp.MustCompile(c.want).MatchString(err.Error()) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q; want one line matching %s", err, c.want)
			}
			if strings.Contains(err.Error(), "config.") || strings.Contains(err.Error(), "!!") || strings.Contains(err.Error(), "unmarshal") {
				t.Errorf("error %q names Go types or the YAML library", err)
			}
		})
	}
}

// TestValidateErrors: names of checks and baselines are checked against
// the rule set, and thresholds against what the check reads.
func TestValidateErrors(t *testing.T) {
	set := builtin(t)
	for _, c := range []struct{ name, text, want string }{
		{"unknown baseline", "baselines:\n  - msp-default\n  - iso-27001\n", `^c\.yaml:3: baselines: unknown baseline "iso-27001" \(known: .*msp-default`},
		{"threshold for unknown check", "thresholds:\n  incident-notice: \"<= 48 hours\"\n", `^c\.yaml:2: thresholds: unknown check "incident-notice"; 'contractlint rules' lists the checks$`},
		{"severity for unknown check", "severities:\n  mfa: note\n  mfaa: note\n", `^c\.yaml:3: severities: unknown check "mfaa"`},
		{"disable unknown check", "disable:\n  - mfa\n  - sso\n", `^c\.yaml:3: disable: unknown check "sso"`},
		{"waiver for unknown check", "waivers:\n  - documents: x.pdf\n    reason: ok\n    check: liability\n", `^c\.yaml:4: waiver: unknown check "liability"`},
		{"threshold the wrong way", "thresholds:\n  incident-notification: \">= 48 hours\"\n", `^c\.yaml:2: thresholds: incident-notification: threshold ">= 48 hours": a duration is compared with <=$`},
		{"threshold of the wrong kind", "thresholds:\n  insurance: \">= 12 months\"\n", `^c\.yaml:2: thresholds: insurance: threshold ">= 12 months" is a duration, the check reads a money`},
		{"threshold for a check without a number", "thresholds:\n  mfa: \"<= 1 day\"\n", `^c\.yaml:2: thresholds: mfa: check mfa reads no number`},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg, err := Parse("c.yaml", []byte(c.text))
			if err != nil {
				t.Fatal(err)
			}
			err = cfg.Validate(set)
			if err == nil || !regexp.MustCompile(c.want).MatchString(err.Error()) {
				t.Errorf("Validate: %v; want %s", err, c.want)
			}
		})
	}
	// A check the chosen baselines do not run may still be configured.
	cfg, err := Parse("c.yaml", []byte("severities:\n  in-kingdom-operations: error\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.Validate(set); err != nil {
		t.Errorf("in-kingdom-operations: %v", err)
	}
}

// TestApply: the configuration removes, loosens and re-grades checks of
// the plan, and leaves the plan it was given alone.
func TestApply(t *testing.T) {
	set := builtin(t)
	plan, err := set.Plan(nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := Parse("c.yaml", []byte(`thresholds:
  incident-notification: "<= 72 hours"
  logging-retention: ">= 24 months"
severities:
  liability-cap: error
  mfa: note
disable: [security-training, in-kingdom-operations]
`))
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.Validate(set); err != nil {
		t.Fatal(err)
	}
	got := cfg.Apply(plan)
	if len(got) != len(plan)-1 {
		t.Fatalf("%d checks after disabling security-training; want %d", len(got), len(plan)-1)
	}
	byID := map[string]analyzer.Planned{}
	for _, p := range got {
		byID[p.Rule.Info().ID] = p
	}
	if _, ok := byID["security-training"]; ok {
		t.Error("security-training is still planned")
	}
	if th := byID["incident-notification"].Threshold; th == nil || th.Text != "<= 72 hours" {
		t.Errorf("incident-notification threshold %v; want the looser <= 72 hours", th)
	}
	if th := byID["logging-retention"].Threshold; th == nil || th.Text != ">= 24 months" {
		t.Errorf("logging-retention threshold %v; want the stricter >= 24 months", th)
	}
	if s := byID["liability-cap"].Severity; s != analyzer.SeverityError {
		t.Errorf("liability-cap severity %v", s)
	}
	if s := byID["mfa"].Severity; s != analyzer.SeverityNote {
		t.Errorf("mfa severity %v", s)
	}
	if th := byID["patch-management"].Threshold; th == nil || th.Text != "<= 7 days" {
		t.Errorf("patch-management threshold %v; an unconfigured check keeps its own", th)
	}
	for _, p := range plan {
		switch p.Rule.Info().ID {
		case "incident-notification":
			if p.Threshold.Text != "<= 24 hours" {
				t.Errorf("Apply changed the plan it was given: %s", p.Threshold.Text)
			}
		case "mfa":
			if p.Severity != analyzer.SeverityError {
				t.Errorf("Apply changed the plan it was given: mfa %v", p.Severity)
			}
		}
	}
}

// TestApplyChangesTheVerdict: a looser threshold from the configuration
// reaches the rule, so a 72-hour notice that is weak against 24 hours
// passes against 72, and fails again against 48.
func TestApplyChangesTheVerdict(t *testing.T) {
	set := builtin(t)
	plan, _ := set.Plan(nil)
	doc, err := extract.Bytes("terms.md", []byte("# Terms\n\n6.2 Provider shall notify Customer of any Security Incident within 72 hours.\n"))
	if err != nil {
		t.Fatal(err)
	}
	a := analyzer.Analyze(doc)
	status := func(threshold string) analyzer.Status {
		t.Helper()
		p := plan
		if threshold != "" {
			cfg, err := Parse("c.yaml", []byte("thresholds:\n  incident-notification: \""+threshold+"\"\n"))
			if err != nil {
				t.Fatal(err)
			}
			p = cfg.Apply(plan)
		}
		for _, r := range analyzer.Review(a, p) {
			if r.Check == "incident-notification" {
				return r.Status
			}
		}
		t.Fatal("no incident-notification result")
		return ""
	}
	for _, c := range []struct {
		threshold string
		want      analyzer.Status
	}{{"", analyzer.Weak}, {"<= 72 hours", analyzer.Pass}, {"<= 3 days", analyzer.Pass}, {"<= 48 hours", analyzer.Weak}} {
		if got := status(c.threshold); got != c.want {
			t.Errorf("threshold %q: %s; want %s", c.threshold, got, c.want)
		}
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "my-rules", "r.yaml"), "rules: []\n")
	write(t, filepath.Join(dir, "notdir"), "")
	cfgPath := filepath.Join(dir, FileName)
	write(t, cfgPath, "rules:\n  - my-rules\n")
	c, err := Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	if c.Dir != dir || len(c.RuleDirs) != 1 || c.RuleDirs[0] != filepath.Join(dir, "my-rules") || c.Path != cfgPath {
		t.Errorf("Dir %q, RuleDirs %v, Path %q", c.Dir, c.RuleDirs, c.Path)
	}
	for text, want := range map[string]string{
		"disable: [mfa]\nrules:\n  - my-rules\n  - missing\n": `^` + regexp.QuoteMeta(cfgPath) + `:4: rules: .*missing: no such directory$`,
		"rules: [notdir]\n": `:1: rules: .*notdir: not a directory of rule files$`,
	} {
		write(t, cfgPath, text)
		if _, err := Load(cfgPath); err == nil || !regexp.MustCompile(want).MatchString(err.Error()) {
			t.Errorf("%q: %v; want %s", text, err, want)
		}
	}
	if _, err := Load(filepath.Join(dir, "nope.yaml")); err == nil || !strings.HasSuffix(err.Error(), "nope.yaml: no such file or directory") {
		t.Errorf("missing file: %v", err)
	}
}

// TestFind: the nearest file upward, not past a repository's root.
func TestFind(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "repo", "contracts", "2024")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	find := func(dir string) string {
		t.Helper()
		p, err := Find(dir)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	// Above the repository: found while there is no .git on the way.
	write(t, filepath.Join(root, FileName), "")
	if got := find(deep); got != filepath.Join(root, FileName) {
		t.Errorf("Find = %q; want the file two folders up", got)
	}
	// A .git folder (or file, in a worktree) ends the search.
	write(t, filepath.Join(root, "repo", ".git"), "gitdir: elsewhere\n")
	if got := find(deep); got != "" {
		t.Errorf("Find = %q; want none: the search stops at the repository root", got)
	}
	write(t, filepath.Join(root, "repo", FileName), "")
	if got := find(deep); got != filepath.Join(root, "repo", FileName) {
		t.Errorf("Find = %q; want the repository's file", got)
	}
	write(t, filepath.Join(deep, FileName), "")
	if got := find(deep); got != filepath.Join(deep, FileName) {
		t.Errorf("Find = %q; want the nearest file", got)
	}
	os.Remove(filepath.Join(deep, FileName))
	os.Mkdir(filepath.Join(deep, FileName), 0o755)
	if _, err := Find(deep); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("a folder named %s: %v", FileName, err)
	}
}

// TestStarter: the starter changes nothing as written, and its examples,
// uncommented, are a valid configuration for the built-in rules.
func TestStarter(t *testing.T) {
	s := Starter()
	c, err := Parse(FileName, []byte(s))
	if err != nil {
		t.Fatalf("the starter does not decode: %v", err)
	}
	if len(c.Baselines)+len(c.Thresholds)+len(c.Severities)+len(c.Disable)+len(c.RuleDirs)+len(c.Waivers) != 0 {
		t.Error("the starter should set nothing until an example is uncommented")
	}
	for _, line := range strings.Split(s, "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			t.Errorf("starter line %q is not a comment", line)
		}
	}
	ex, err := Parse(FileName, []byte(starterExamples()))
	if err != nil {
		t.Fatalf("the starter's examples do not decode: %v", err)
	}
	if err := ex.Validate(builtin(t)); err != nil {
		t.Fatalf("the starter's examples do not validate: %v", err)
	}
	if len(ex.Baselines) == 0 || len(ex.Thresholds) == 0 || len(ex.Severities) == 0 || len(ex.Disable) == 0 || len(ex.RuleDirs) == 0 || len(ex.Waivers) < 2 {
		t.Errorf("the examples should show every setting: %+v", ex)
	}
	withFingerprint, withExpiry := false, false
	for _, w := range ex.Waivers {
		withFingerprint = withFingerprint || w.Fingerprint != ""
		withExpiry = withExpiry || w.Expires != ""
	}
	if !withFingerprint || !withExpiry {
		t.Error("the waiver examples should show a fingerprint and an expiry date")
	}
	// Uncommenting: each example is in the starter behind "# ".
	for _, sec := range starterSections {
		for _, line := range strings.Split(strings.TrimSuffix(sec.example, "\n"), "\n") {
			if line != "" && !strings.Contains(s, "\n# "+line+"\n") {
				t.Errorf("example line %q is not in the starter as \"# %s\"", line, line)
			}
		}
	}
	for _, key := range append(append([]string{}, topKeys...), waiverKeys...) {
		if !strings.Contains(s, key) {
			t.Errorf("the starter does not explain %q", key)
		}
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

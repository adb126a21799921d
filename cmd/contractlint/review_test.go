package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/contractlint/contractlint/analyzer/report"
)

// jsonReport is the part of `review --format json` the tests read.
type jsonReport struct {
	Version   string   `json:"version"`
	Baselines []string `json:"baselines"`
	Documents []struct {
		Path   string `json:"path"`
		Format string `json:"format"`
		Pages  int    `json:"pages"`
		Parts  []struct {
			Path  string `json:"path"`
			Line  int    `json:"line"`
			Start int    `json:"start"`
		} `json:"parts"`
		Results []struct {
			Check    string `json:"check"`
			Status   string `json:"status"`
			Severity string `json:"severity"`
			Evidence string `json:"evidence"`
			Location *struct {
				Line  int `json:"line"`
				Start int `json:"start"`
			} `json:"location"`
		} `json:"results"`
		Summary struct {
			Checks int `json:"checks"`
		} `json:"summary"`
	} `json:"documents"`
	Errors []struct {
		Path  string `json:"path"`
		Error string `json:"error"`
	} `json:"errors"`
}

func parseReport(t *testing.T, out string) jsonReport {
	t.Helper()
	var r jsonReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("review JSON does not parse: %v\n%.300s", err, out)
	}
	return r
}

// reviewSchema compiles the JSON report's schema (embedded in the
// report package from analyzer/report/schema/review.schema.json).
func reviewSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(report.Schema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(report.SchemaURL, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(report.SchemaURL)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validateReport(t *testing.T, s *jsonschema.Schema, out string) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(inst); err != nil {
		t.Errorf("review JSON does not validate against review.schema.json: %v", err)
	}
}

// ruleDir writes files into a new directory and returns it.
func ruleDir(t *testing.T, files map[string]string) string {
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// myRule is a user rule (severity note) with a baseline of its own, so
// that a review can run it alone.
const myRule = `rules:
  - id: my-check
    kind: duty
    title: My check
    severity: note
    match: ["escrow* & source code"]
baselines:
  - id: only-mine
    title: Only my check
    controls:
      my-check: "M-1"
`

// TestReviewExitCodes: 0 when nothing is at or above --fail-on, 1 when
// something is, 2 for usage, rule and input errors; every case is run
// in text and in JSON and must give the same code.
func TestReviewExitCodes(t *testing.T) {
	sla := testdata("corpus", "docs", "commonpaper-sla.md")
	syn := testdata("corpus", "synthetic", "docs", "syn-12-bluefin.md")
	escrow := filepath.Join(t.TempDir(), "escrow.md")
	os.WriteFile(escrow, []byte("# Agreement\n\n1. Provider shall deposit the source code with an escrow agent.\n"), 0o644)
	mine := ruleDir(t, map[string]string{"mine.yaml": myRule})
	syntax := ruleDir(t, map[string]string{"broken.yaml": "rules:\n  - id: x\n    kind: duty\n    match: [\"a\"\n"})
	unknownKey := ruleDir(t, map[string]string{"typo.yaml": "rules:\n  - id: my-check\n    kind: duty\n    title: My check\n    severity: warning\n    mtach: [\"escrow*\"]\n"})
	notDir := filepath.Join(t.TempDir(), "rules.yaml")
	os.WriteFile(notDir, []byte(myRule), 0o644)
	for _, c := range []struct {
		name   string
		args   []string
		code   int
		stderr string // a regexp stderr must match; "" for empty stderr
	}{
		{"clean under --fail-on none", []string{"--fail-on", "none", sla}, 0, ""},
		{"missing error checks", []string{sla}, 1, ""},
		{"synthetic agreement", []string{syn}, 1, ""},
		{"note under default --fail-on error", []string{"--rules", mine, "--baseline", "only-mine", sla}, 0, ""},
		{"note under --fail-on warning", []string{"--rules", mine, "--baseline", "only-mine", "--fail-on", "warning", sla}, 0, ""},
		{"note under --fail-on note", []string{"--rules", mine, "--baseline", "only-mine", "--fail-on", "note", sla}, 1, ""},
		{"passing user rule under --fail-on note", []string{"--rules", mine, "--baseline", "only-mine", "--fail-on", "note", escrow}, 0, ""},
		{"unknown baseline", []string{"--baseline", "iso-27001", sla}, 2, `unknown baseline "iso-27001"`},
		{"rules dir does not exist", []string{"--rules", "no-such-dir", sla}, 2, `no-such-dir`},
		{"rules dir is a file", []string{"--rules", notDir, sla}, 2, `rules\.yaml: not a directory`},
		{"rule YAML syntax error", []string{"--rules", syntax, sla}, 2, `broken\.yaml:\d+`},
		{"rule with an unknown key", []string{"--rules", unknownKey, sla}, 2, `typo\.yaml:6: .*mtach`},
		{"missing file", []string{"no-such-file.pdf"}, 2, `^contractlint: no-such-file\.pdf: no such file or directory`},
		{"bad --fail-on", []string{"--fail-on", "critical", sla}, 2, `--fail-on: unknown severity "critical"`},
		{"bad --color", []string{"--color", "pink", sla}, 2, `unknown --color "pink"`},
		{"unknown flag", []string{"--nope", sla}, 2, `unknown flag: --nope`},
		{"no files", []string{}, 2, `requires at least 1 arg`},
		{"stdin twice", []string{"-", "-"}, 2, `standard input`},
	} {
		t.Run(c.name, func(t *testing.T) {
			codes := map[string]int{}
			for _, format := range []string{"text", "json"} {
				args := append([]string{"review", "--format", format}, c.args...)
				_, errs, code := run(t, "", args...)
				codes[format] = code
				if code != c.code {
					t.Errorf("%s: exit %d; want %d (stderr %q)", format, code, c.code, errs)
				}
				if c.stderr == "" {
					if errs != "" {
						t.Errorf("%s: stderr %q; want none", format, errs)
					}
					continue
				}
				if strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, "contractlint: ") || !regexp.MustCompile(c.stderr).MatchString(errs) {
					t.Errorf("%s: stderr %q; want one line matching %s", format, errs, c.stderr)
				}
			}
			if codes["text"] != codes["json"] {
				t.Errorf("exit codes differ: text %d, json %d", codes["text"], codes["json"])
			}
		})
	}
}

// TestReviewBadAndGood: a bad file gets one stderr line naming it, the
// good files are still reported in argument order, and the exit code is 2
// even where findings alone would give 1.
func TestReviewBadAndGood(t *testing.T) {
	good1 := testdata("corpus", "synthetic", "docs", "syn-01-ridgeback.pdf")
	bad := testdata("bad", "encrypted.pdf")
	good2 := testdata("corpus", "docs", "commonpaper-sla.md")
	out, errs, code := run(t, "", "review", good1, bad, good2)
	if code != 2 {
		t.Errorf("exit %d; want 2", code)
	}
	if !strings.HasPrefix(errs, "contractlint: "+bad+": ") || strings.Count(errs, "\n") != 1 {
		t.Errorf("stderr %q; want one line naming %s", errs, bad)
	}
	i1, i2 := strings.Index(out, "\n"+good1+": 42 checks: "), strings.Index(out, "\n"+good2+": 42 checks: ")
	if i1 < 0 || i2 < 0 || i1 > i2 {
		t.Errorf("stdout should summarise %s then %s:\n%s", good1, good2, out)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if last := lines[len(lines)-1]; !regexp.MustCompile(`^2 documents, 84 checks: .*; 1 file could not be read$`).MatchString(last) {
		t.Errorf("last line %q should total 2 documents and count the unread file", last)
	}

	out, _, code = run(t, "", "review", "--format", "json", good1, bad, good2)
	r := parseReport(t, out)
	if code != 2 || len(r.Documents) != 2 || r.Documents[0].Path != good1 || r.Documents[1].Path != good2 {
		t.Fatalf("json: exit %d, %d documents; want 2 and %s, %s", code, len(r.Documents), good1, good2)
	}
	if len(r.Errors) != 1 || r.Errors[0].Path != bad || r.Errors[0].Error == "" || strings.HasPrefix(r.Errors[0].Error, bad) {
		t.Errorf("json errors = %+v; want one for %s, its message without the path", r.Errors, bad)
	}
	validateReport(t, reviewSchema(t), out)
}

// TestReviewCorpus reviews every corpus agreement in one run: a report
// for each, in argument order, with a result for every check of the
// plan (42 under the default baseline; 43 when ecc-2-2024 is named, which
// adds in-kingdom-operations), and JSON that validates against the schema.
func TestReviewCorpus(t *testing.T) {
	var files []string
	for _, dir := range [][]string{{"corpus", "docs"}, {"corpus", "synthetic", "docs"}} {
		fs, err := filepath.Glob(testdata(append(dir, "*")...))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, fs...)
	}
	if len(files) < 29 {
		t.Fatalf("found %d corpus files; want at least 29", len(files))
	}
	schema := reviewSchema(t)
	for _, c := range []struct {
		baselines []string
		checks    int
	}{
		{nil, 42},
		{[]string{"--baseline", "msp-default", "--baseline", "ecc-2-2024"}, 43},
	} {
		args := append(append([]string{"review", "--format", "json", "--fail-on", "none"}, c.baselines...), files...)
		out, errs, code := run(t, "", args...)
		if code != 0 || errs != "" {
			t.Fatalf("%v: exit %d, stderr %q", c.baselines, code, errs)
		}
		validateReport(t, schema, out)
		r := parseReport(t, out)
		if len(r.Documents) != len(files) || len(r.Errors) != 0 {
			t.Fatalf("%v: %d documents, %d errors; want %d and none", c.baselines, len(r.Documents), len(r.Errors), len(files))
		}
		for i, d := range r.Documents {
			if d.Path != files[i] {
				t.Errorf("document %d is %s; want %s (argument order)", i, d.Path, files[i])
			}
			if len(d.Results) != c.checks || d.Summary.Checks != c.checks {
				t.Errorf("%v: %s has %d results (summary %d); want %d", c.baselines, d.Path, len(d.Results), d.Summary.Checks, c.checks)
			}
		}
		again, _, _ := run(t, "", args...)
		if again != out {
			t.Errorf("%v: two runs gave different JSON", c.baselines)
		}
	}
}

// TestReviewText checks the compiler-style lines on a real agreement.
func TestReviewText(t *testing.T) {
	f := testdata("corpus", "synthetic", "docs", "syn-05-harbourline.pdf")
	out, _, code := run(t, "", "review", f)
	if code != 1 {
		t.Errorf("exit %d; want 1", code)
	}
	for _, want := range []string{
		// a weak check: position, severity, controls, message, page, section and evidence
		f + `:179:22: error incident-notification [ecc-2-2024 4-1-2-2, five-eyes-msp-2022 Monitoring and logging: MSP notifies customer, mss-contract Incident: notification requirements]: `,
		`(p5 §6(b) "Vendor shall notify Customer in writing of any Security Incident within 72 hrs`,
		// a missing check points at the start and quotes nothing
		f + ":1:1: error mfa [ecc-2-2024 4-1-3 guidance, five-eyes-msp-2022 Enforce MFA]: no clause on multi-factor authentication\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q", want)
		}
	}
	if strings.Contains(out, ": pass ") || strings.Contains(out, "\x1b[") {
		t.Error("passes or colour shown without --show-pass / --color")
	}
	line := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(f) + `: 42 checks: (\d+) pass, (\d+) weak, (\d+) missing \((\d+) errors?, (\d+) warnings?, (\d+) notes?\)$`)
	if !line.MatchString(out) {
		t.Errorf("no summary line for %s:\n%s", f, out)
	}
	shown := strings.Count(out, "\n"+f+":") + 1 // lines naming the file, summary included
	withPass, _, _ := run(t, "", "review", "--show-pass", "--color", "always", f)
	if n := strings.Count(withPass, "\n"+f+":") + 1; n <= shown || !strings.Contains(withPass, "\x1b[32mpass\x1b[0m") {
		t.Errorf("--show-pass --color always: %d lines (without: %d), coloured pass: %v", n, shown, strings.Contains(withPass, "\x1b[32mpass"))
	}
}

// TestReviewBundle reviews an agreement in three files as one: one
// report, named by all three, whose text lines point into the right file
// at the line `extract` shows for the clause.
func TestReviewBundle(t *testing.T) {
	files := []string{testdata("corpus", "docs", "commonpaper-csa.md"), testdata("corpus", "docs", "commonpaper-sla.md"), testdata("corpus", "docs", "commonpaper-dpa.docx")}
	out, errs, code := run(t, "", append([]string{"review", "--bundle", "--format", "json", "--fail-on", "none"}, files...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	validateReport(t, reviewSchema(t), out)
	r := parseReport(t, out)
	if len(r.Documents) != 1 {
		t.Fatalf("%d documents; want one bundle", len(r.Documents))
	}
	d := r.Documents[0]
	if d.Path != strings.Join(files, ", ") || d.Format != "mixed" || len(d.Parts) != 3 || len(d.Results) != 42 {
		t.Fatalf("bundle path %q, format %s, %d parts, %d results", d.Path, d.Format, len(d.Parts), len(d.Results))
	}
	// Where each part's blocks are, by line, as extract reads the file alone.
	blocks := map[string]map[int]string{}
	for _, f := range files {
		x, _, _ := run(t, "", "extract", "--format", "json", f)
		var doc struct {
			Documents []struct {
				Blocks []struct {
					Line int    `json:"line"`
					Text string `json:"text"`
				} `json:"blocks"`
			} `json:"documents"`
		}
		if err := json.Unmarshal([]byte(x), &doc); err != nil {
			t.Fatal(err)
		}
		blocks[f] = map[int]string{}
		for _, b := range doc.Documents[0].Blocks {
			blocks[f][b.Line] = b.Text
		}
	}
	located := map[string]bool{}
	for _, res := range d.Results {
		if res.Location == nil {
			continue
		}
		p := 0
		for i, part := range d.Parts {
			if part.Start <= res.Location.Start {
				p = i
			}
		}
		part := d.Parts[p]
		text, ok := blocks[part.Path][res.Location.Line-part.Line+1]
		first := strings.Fields(res.Evidence)[0]
		if !ok || !strings.Contains(text, first) {
			t.Errorf("%s: line %d of the bundle is line %d of %s, %q; want it to hold the evidence %q",
				res.Check, res.Location.Line, res.Location.Line-part.Line+1, part.Path, text, res.Evidence)
		}
		located[part.Path] = true
	}
	if len(located) < 2 {
		t.Errorf("evidence comes from %d of the 3 files; the test wants at least 2 to check the mapping", len(located))
	}

	text, _, _ := run(t, "", append([]string{"review", "--bundle", "--fail-on", "none"}, files...)...)
	if !strings.Contains(text, "\n"+strings.Join(files, ", ")+": 42 checks: ") || strings.Contains(text, "documents,") {
		t.Errorf("the bundle should get one summary line naming all files:\n%s", text)
	}
	if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(files[2]) + `:\d+:\d+: `).MatchString(text) {
		t.Errorf("no text line points into %s:\n%s", files[2], text)
	}
}

// TestReviewUserRules: a user rule joins the default baseline.
func TestReviewUserRules(t *testing.T) {
	dir := ruleDir(t, map[string]string{"mine.yaml": "rules:\n  - id: my-check\n    kind: duty\n    title: My check\n    severity: warning\n    match: [\"escrow* & source code\"]\n"})
	out, errs, code := run(t, "", "review", "--rules", dir, "--format", "json", testdata("corpus", "docs", "commonpaper-sla.md"))
	r := parseReport(t, out)
	if code != 1 || len(r.Documents) != 1 || len(r.Documents[0].Results) != 43 {
		t.Fatalf("exit %d (%s); want 1 and 43 results", code, errs)
	}
	last := r.Documents[0].Results[42]
	if last.Check != "my-check" || last.Status != "missing" || last.Severity != "warning" {
		t.Errorf("last result %+v; want my-check, missing, warning", last)
	}
}

func TestReviewStdin(t *testing.T) {
	out, errs, code := run(t, "# Terms\n\n12.3 Provider shall notify Customer of any Security Incident within 24 hours.\n", "review", "--show-pass", "-")
	if code != 1 || errs != "" {
		t.Errorf("exit %d, stderr %q; want 1 (most checks missing) and no errors", code, errs)
	}
	if !strings.Contains(out, "-:3:1: pass incident-notification") || !strings.Contains(out, "\n-: 42 checks: ") {
		t.Errorf("stdin review should pass incident-notification at line 3:\n%s", out)
	}
}

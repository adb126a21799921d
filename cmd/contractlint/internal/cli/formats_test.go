package cli

import (
	"encoding/json"
	"errors"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/contractlint/contractlint/analyzer/report"
)

// sarifLog is the part of a SARIF log the tests read.
type sarifLog struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Rules []struct {
					ID   string `json:"id"`
					Help struct {
						Markdown string `json:"markdown"`
					} `json:"help"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Invocations []struct {
			ExecutionSuccessful bool `json:"executionSuccessful"`
		} `json:"invocations"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Kind      string `json:"kind"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI string `json:"uri"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine int                    `json:"startLine"`
						Snippet   *struct{ Text string } `json:"snippet"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Properties          map[string]any    `json:"properties"`
		} `json:"results"`
		Taxonomies []struct {
			Name string `json:"name"`
		} `json:"taxonomies"`
	} `json:"runs"`
}

// compileSARIFSchema compiles the official SARIF 2.1.0 schema copied into
// testdata/sarif, with formats (uri, uri-reference) asserted.
func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(testdata("sarif", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(report.SARIFSchemaURI, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(report.SARIFSchemaURI)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func parseSARIF(t *testing.T, s *jsonschema.Schema, out string) sarifLog {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatalf("SARIF does not parse: %v", err)
	}
	if err := s.Validate(inst); err != nil {
		t.Fatalf("SARIF does not validate against sarif-schema-2.1.0.json: %v", err)
	}
	var log sarifLog
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs; want 1", len(log.Runs))
	}
	return log
}

// corpusFiles are the corpus agreements, relative to the repository root.
func corpusFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, dir := range []string{"testdata/corpus/docs", "testdata/corpus/synthetic/docs"} {
		fs, err := filepath.Glob(filepath.Join(dir, "*"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, fs...)
	}
	sort.Strings(files)
	return files
}

// TestSARIFCorpus reviews every corpus agreement with --format sarif,
// from the repository root as CI does, and validates each log against the
// official SARIF 2.1.0 schema: one result per weak or missing check, each
// pointing at its rule and at the reviewed file by a relative URI; with
// --show-pass, one result per check.
func TestSARIFCorpus(t *testing.T) {
	schema := compileSARIFSchema(t)
	t.Chdir(testdata(".."))
	files := corpusFiles(t)
	if len(files) < 29 {
		t.Fatalf("%d corpus files; want at least 29", len(files))
	}
	validated := 0
	for _, f := range files {
		args := []string{"review", "--format", "sarif", "--fail-on", "none", f}
		showPass := validated%4 == 0 // every fourth with passes, to keep the run short
		if showPass {
			args = append(args, "--show-pass")
		}
		out, errs, code := runMain("", args...)
		if code != ExitOK || errs != "" {
			t.Fatalf("%s: exit %d, %s", f, code, errs)
		}
		log := parseSARIF(t, schema, out)
		validated++
		run := log.Runs[0]
		rules := run.Tool.Driver.Rules
		if len(rules) != 42 || !run.Invocations[0].ExecutionSuccessful || len(run.Taxonomies) == 0 {
			t.Errorf("%s: %d rules, executionSuccessful %v, %d taxonomies", f, len(rules), run.Invocations[0].ExecutionSuccessful, len(run.Taxonomies))
		}
		uri := (&url.URL{Path: filepath.ToSlash(f)}).EscapedPath()
		fails := 0
		for _, res := range run.Results {
			if res.RuleIndex < 0 || res.RuleIndex >= len(rules) || rules[res.RuleIndex].ID != res.RuleID {
				t.Errorf("%s: result %s has ruleIndex %d", f, res.RuleID, res.RuleIndex)
			}
			if res.Kind != "pass" {
				fails++
			}
			loc := res.Locations[0].PhysicalLocation
			if loc.ArtifactLocation.URI != uri {
				t.Errorf("%s: result %s located in %q; want %q", f, res.RuleID, loc.ArtifactLocation.URI, uri)
			}
			missing := res.Properties["status"] == "missing"
			if missing != (loc.Region.Snippet == nil) || (missing && loc.Region.StartLine != 1) {
				t.Errorf("%s: %s (%v) at line %d, snippet %v", f, res.RuleID, res.Properties["status"], loc.Region.StartLine, loc.Region.Snippet != nil)
			}
			if len(res.PartialFingerprints[report.FingerprintKey]) != 16 {
				t.Errorf("%s: %s has no fingerprint", f, res.RuleID)
			}
		}
		if showPass && len(run.Results) != 42 {
			t.Errorf("%s --show-pass: %d results; want 42", f, len(run.Results))
		}
		if !showPass && fails != len(run.Results) {
			t.Errorf("%s: pass results without --show-pass", f)
		}
	}

	// A bundle and a file that cannot be read in one run.
	out, _, code := runMain("", "review", "--format", "sarif", "--fail-on", "none", "--bundle",
		"testdata/corpus/docs/commonpaper-csa.md", "testdata/corpus/docs/commonpaper-sla.md", "testdata/bad/encrypted.pdf")
	if code != ExitError {
		t.Errorf("bundle with an unreadable file: exit %d; want 2", code)
	}
	log := parseSARIF(t, schema, out)
	validated++
	if log.Runs[0].Invocations[0].ExecutionSuccessful {
		t.Error("executionSuccessful with a file that could not be read")
	}
	parts := map[string]int{}
	for _, res := range log.Runs[0].Results {
		parts[res.Locations[0].PhysicalLocation.ArtifactLocation.URI]++
	}
	if parts["testdata/corpus/docs/commonpaper-sla.md"] == 0 || parts["testdata/corpus/docs/commonpaper-csa.md"] == 0 {
		t.Errorf("bundle results point at %v; want both files", parts)
	}
	t.Logf("%d SARIF logs validated against the SARIF 2.1.0 schema (%d corpus agreements, 1 bundle)", validated, len(files))
}

// TestFingerprintsAcrossFormats: the same synthetic agreement exported as
// Word and as PDF gives the same partialFingerprints for the same
// findings (a check weak or missing in both), though pages reflow and the
// extracted text differs.
func TestFingerprintsAcrossFormats(t *testing.T) {
	fingerprints := func(file string) map[string][2]string {
		out, errs, code := runMain("", "review", "--format", "sarif", "--show-pass", "--fail-on", "none", file)
		if code != ExitOK {
			t.Fatalf("%s: exit %d, %s", file, code, errs)
		}
		var log sarifLog
		if err := json.Unmarshal([]byte(out), &log); err != nil {
			t.Fatal(err)
		}
		m := map[string][2]string{}
		for _, res := range log.Runs[0].Results {
			status, _ := res.Properties["status"].(string)
			m[res.RuleID] = [2]string{status, res.PartialFingerprints[report.FingerprintKey]}
		}
		return m
	}
	pdf := fingerprints(testdata("corpus", "synthetic", "docs", "syn-17-meridian-large.pdf"))
	docx := fingerprints(testdata("corpus", "synthetic", "docs", "syn-17-meridian-large.docx"))
	if len(pdf) != 42 || len(docx) != 42 {
		t.Fatalf("%d and %d results; want 42 each", len(pdf), len(docx))
	}
	findings, same, passes, samePass := 0, 0, 0, 0
	for check, p := range pdf {
		d := docx[check]
		switch {
		case p[0] != "pass" && d[0] != "pass":
			findings++
			if p[1] == d[1] {
				same++
			} else {
				t.Errorf("%s (%s in the PDF, %s in the DOCX): fingerprints %s and %s differ", check, p[0], d[0], p[1], d[1])
			}
		case p[0] == "pass" && d[0] == "pass":
			passes++
			if p[1] == d[1] {
				samePass++
			}
		default:
			t.Logf("%s: %s in the PDF, %s in the DOCX: not the same finding", check, p[0], d[0])
		}
	}
	if findings < 10 {
		t.Errorf("only %d findings in both; the pair should have more", findings)
	}
	t.Logf("syn-17-meridian-large PDF vs DOCX: %d of %d findings (weak or missing in both) have the same fingerprint; passes: %d of %d", same, findings, samePass, passes)
}

// TestReviewFormatsExitCodes: every format gives the same exit code.
func TestReviewFormatsExitCodes(t *testing.T) {
	syn := testdata("corpus", "synthetic", "docs", "syn-12-bluefin.md")
	sla := testdata("corpus", "docs", "commonpaper-sla.md")
	for _, c := range []struct {
		args []string
		want int
	}{
		{[]string{syn}, ExitFindings},
		{[]string{"--fail-on", "none", syn}, ExitOK},
		{[]string{sla, testdata("bad", "empty.txt")}, ExitError},
	} {
		for _, format := range reportFormats {
			args := append([]string{"review", "--format", format}, c.args...)
			out, _, code := runMain("", args...)
			if code != c.want {
				t.Errorf("%v: exit %d; want %d", args, code, c.want)
			}
			if out == "" {
				t.Errorf("%v: no report", args)
			}
		}
	}
	if _, errs, code := runMain("", "review", "--format", "pdf", sla); code != ExitError || !strings.Contains(errs, "use text, json, sarif, markdown, html") {
		t.Errorf("--format pdf: exit %d, %q", code, errs)
	}
}

// TestReviewOutput: --output writes the report to a file (the same bytes
// as standard output), replaces an old report whole, leaves no temporary
// file, and refuses to overwrite an input or write into a directory.
func TestReviewOutput(t *testing.T) {
	dir := t.TempDir()
	agreement := filepath.Join(dir, "msa.md")
	text := "# Terms\n\n12.3 Provider shall notify Customer of any Security Incident within 72 hours.\n"
	if err := os.WriteFile(agreement, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, format := range reportFormats {
		want, _, code := runMain("", "review", "--format", format, "--color", "never", agreement)
		if code != ExitFindings {
			t.Fatalf("%s to stdout: exit %d", format, code)
		}
		out := filepath.Join(dir, "report."+format)
		if err := os.WriteFile(out, []byte("an old report"), 0o600); err != nil {
			t.Fatal(err)
		}
		stdout, errs, code := runMain("", "review", "--format", format, "-o", out, agreement)
		if code != ExitFindings || stdout != "" || errs != "" {
			t.Fatalf("%s -o: exit %d, stdout %q, stderr %q", format, code, stdout, errs)
		}
		got, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want {
			t.Errorf("%s: the file differs from standard output", format)
		}
		if st, _ := os.Stat(out); st.Mode().Perm() != 0o600 {
			t.Errorf("%s: a replaced report has mode %v; want the old file's 0600", format, st.Mode().Perm())
		}
	}
	if got, _ := os.ReadFile(agreement); string(got) != text {
		t.Fatal("the agreement changed")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1+len(reportFormats) {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("files left: %v; want the agreement and one report per format", names)
	}

	// Refusals: exit 2 before anything is written.
	for _, c := range []struct{ out, want string }{
		{agreement, "is an input file"},
		{filepath.Join(dir, ".", "msa.md"), "is an input file"},
		{dir, "is a directory"},
		{filepath.Join(dir, "missing", "r.html"), "no such file or directory"},
	} {
		_, errs, code := runMain("", "review", "--format", "html", "-o", c.out, agreement)
		if code != ExitError || !strings.Contains(errs, c.want) {
			t.Errorf("-o %s: exit %d, %q; want 2 and %q", c.out, code, errs, c.want)
		}
	}
	if got, _ := os.ReadFile(agreement); string(got) != text {
		t.Fatal("the agreement changed")
	}
	// A link to the agreement is the agreement too.
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink(agreement, link); err == nil {
		if _, errs, code := runMain("", "review", "-o", link, agreement); code != ExitError || !strings.Contains(errs, "is an input file") {
			t.Errorf("-o a symlink to the input: exit %d, %q", code, errs)
		}
		os.Remove(link)
	}
}

// TestWriteOutputFailure: a report that fails while being written leaves
// neither a partial file nor a temporary one, and an old report stays.
func TestWriteOutputFailure(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report.html")
	broken := func(w io.Writer) error {
		io.WriteString(w, "<!DOCTYPE html><p>half a rep")
		return errors.New("disk full")
	}
	ios := &IO{Out: io.Discard, Err: io.Discard}
	if err := writeOutput(ios, out, broken); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("error %v; want the writer's", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("%d files left after a failed write; want none", len(entries))
	}
	os.WriteFile(out, []byte("old report"), 0o644)
	writeOutput(ios, out, broken)
	if got, _ := os.ReadFile(out); string(got) != "old report" {
		t.Errorf("the old report became %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files; want only the old report", len(entries))
	}
}

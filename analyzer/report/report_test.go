package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/contractlint/contractlint/analyzer"
)

// sample is a report with one of each kind of result: missing, weak with
// a long quoted clause and a related place, pass with a quantity, and a
// check no baseline maps.
func sample() *Report {
	results := []analyzer.Result{
		{
			Check: "mfa", Title: "Multi-factor authentication", Status: analyzer.Missing, Severity: analyzer.SeverityError,
			Controls: []analyzer.Control{{Baseline: "ecc-2-2024", Ref: "4-1-3 guidance"}, {Baseline: "five-eyes-msp-2022", Ref: "Enforce MFA"}},
			Message:  "no clause on multi-factor authentication",
		},
		{
			Check: "incident-notification", Title: "Security incident notification", Status: analyzer.Weak, Severity: analyzer.SeverityError,
			Controls:  []analyzer.Control{{Baseline: "mss-contract", Ref: "Incident: notification requirements"}},
			Message:   "within 72 hrs does not meet <= 24 hours",
			Threshold: "<= 24 hours",
			Quantity:  &analyzer.QuantityValue{Amount: 72, Unit: "hours", Qualifier: "within", Text: "within 72 hrs"},
			Evidence:  "Vendor shall notify Customer in writing of any Security Incident within 72 hrs after confirming it, and shall keep Customer informed of its investigation.",
			Location:  &analyzer.Location{Page: 5, Section: "6(b)", Line: 179, Column: 22, Start: 9000, End: 9150},
			Related: []analyzer.Place{{
				Evidence: "Personal Data Breaches are notified within 48 hours.",
				Location: analyzer.Location{Page: 9, Section: "Schedule 2, 3.1", Line: 410, Column: 1, Start: 20000, End: 20052},
				Quantity: &analyzer.QuantityValue{Amount: 48, Unit: "hours", Text: "within 48 hours"},
			}},
		},
		{
			Check: "data-return-deletion", Title: "Return and deletion of data", Status: analyzer.Pass, Severity: analyzer.SeverityError,
			Controls: []analyzer.Control{}, Message: "Within thirty (30) days meets <= 90 days", Threshold: "<= 90 days",
			Evidence: "Within thirty (30) days after this Agreement ends, Vendor shall return all Customer Data.",
			Location: &analyzer.Location{Line: 277, Column: 21, Start: 12000, End: 12090},
		},
		{
			Check: "security-training", Title: "Security awareness training", Status: analyzer.Weak, Severity: analyzer.SeverityNote,
			Controls: []analyzer.Control{}, Message: "no cadence stated",
			Evidence: "Vendor trains its staff.", Location: &analyzer.Location{Section: "8", Line: 30, Column: 1, Start: 800, End: 824},
		},
	}
	for i := range results {
		results[i].Fingerprint = analyzer.Fingerprint(results[i].Check, results[i].Evidence)
	}
	results[3].Suppression = &analyzer.Suppression{Reason: "training is covered by our own programme", Approver: "ciso@example.com", Expires: "2027-06-30", Source: ".contractlint.yaml:12"}
	return &Report{
		Tool:      Tool{Name: "contractlint", Version: "test"},
		Baselines: []string{"msp-default"},
		Documents: []Document{{Path: "msa.pdf", Format: "pdf", Pages: 16, Results: results, Summary: Summarize(results)}},
		Notices:   []Notice{{Level: "warning", Message: "waiver for mfa expired on 2026-01-31", Source: ".contractlint.yaml:20"}},
	}
}

func TestSummarize(t *testing.T) {
	got := sample().Documents[0].Summary
	// security-training is waived: counted as weak and suppressed, not as a note.
	want := Summary{Checks: 4, Pass: 1, Weak: 2, Missing: 1, Errors: 2, Warnings: 0, Notes: 0, Suppressed: 1}
	if got != want {
		t.Errorf("Summarize = %+v; want %+v", got, want)
	}
}

func TestText(t *testing.T) {
	var b bytes.Buffer
	if err := Text(&b, sample(), TextOptions{}); err != nil {
		t.Fatal(err)
	}
	want := `msa.pdf:1:1: error mfa [ecc-2-2024 4-1-3 guidance, five-eyes-msp-2022 Enforce MFA]: no clause on multi-factor authentication
msa.pdf:179:22: error incident-notification [mss-contract Incident: notification requirements]: within 72 hrs does not meet <= 24 hours (p5 §6(b) "Vendor shall notify Customer in writing of any Security Incident within 72 hrs after confirming it...")
    msa.pdf:410:1: related (p9 §Schedule 2, 3.1 "Personal Data Breaches are notified within 48 hours.")
msa.pdf: 4 checks: 1 pass, 2 weak, 1 missing (2 errors, 0 warnings, 0 notes, 1 waived)
`
	if b.String() != want {
		t.Errorf("text report:\n%s\nwant:\n%s", b.String(), want)
	}

	b.Reset()
	Text(&b, sample(), TextOptions{ShowPass: true})
	if !strings.Contains(b.String(), "\nmsa.pdf:277:21: pass data-return-deletion: Within thirty (30) days meets <= 90 days (\"Within thirty") {
		t.Errorf("--show-pass should list the passing check, in plan order:\n%s", b.String())
	}
	if strings.Contains(b.String(), "\x1b[") {
		t.Error("colour escapes without Color")
	}
	if strings.Contains(b.String(), "security-training") {
		t.Error("a waived result is listed; it should only be counted")
	}
}

func TestTextColor(t *testing.T) {
	var b bytes.Buffer
	r := sample()
	r.Documents[0].Results[3].Suppression = nil
	Text(&b, r, TextOptions{Color: true, ShowPass: true})
	for _, want := range []string{": \x1b[1;31merror\x1b[0m mfa ", ": \x1b[1;36mnote\x1b[0m security-training", ": \x1b[32mpass\x1b[0m data-return-deletion"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("coloured output lacks %q:\n%s", want, b.String())
		}
	}
}

// A bundle's locations are in the joined text; the text report names the
// file and line each is in.
func TestTextBundle(t *testing.T) {
	r := sample()
	d := &r.Documents[0]
	d.Path = "msa.pdf, schedule.docx"
	d.Parts = []Part{{Path: "msa.pdf", Format: "pdf", Pages: 16, Line: 1, Start: 0}, {Path: "schedule.docx", Format: "docx", Line: 400, Start: 15000}}
	var b bytes.Buffer
	Text(&b, r, TextOptions{})
	for _, want := range []string{
		"\nmsa.pdf:179:22: error incident-notification",
		"\n    schedule.docx:11:1: related (p9 §Schedule 2, 3.1",
		"msa.pdf:1:1: error mfa", // a missing check points at the first file
		"\nmsa.pdf, schedule.docx: 4 checks:",
	} {
		if !strings.Contains("\n"+b.String(), want) {
			t.Errorf("bundle report lacks %q:\n%s", want, b.String())
		}
	}
}

func TestTextTotal(t *testing.T) {
	r := sample()
	r.Documents = append(r.Documents, r.Documents[0])
	r.Documents[1].Path = "b.md"
	r.Errors = []Error{{Path: "c.pdf", Error: "encrypted PDF"}}
	var b bytes.Buffer
	Text(&b, r, TextOptions{})
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if want := "2 documents, 8 checks: 2 pass, 4 weak, 2 missing (4 errors, 0 warnings, 0 notes, 2 waived); 1 file could not be read"; lines[len(lines)-1] != want {
		t.Errorf("last line %q; want %q", lines[len(lines)-1], want)
	}
	if !strings.Contains(b.String(), "1 waived)\n\nb.md:1:1: error mfa") {
		t.Errorf("documents should be separated by a blank line:\n%s", b.String())
	}

	b.Reset()
	Text(&b, &Report{Errors: []Error{{Path: "x.pdf", Error: "corrupt"}}}, TextOptions{})
	if want := "0 documents, 0 checks: 0 pass, 0 weak, 0 missing (0 errors, 0 warnings, 0 notes); 1 file could not be read\n"; b.String() != want {
		t.Errorf("report of only errors = %q; want %q", b.String(), want)
	}
}

func TestTrimEvidence(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"short  clause", 100, "short clause"},
		{"one two three four five", 14, "one two three..."},
		{"one two three four five", 5, "one t..."}, // no space near the cut
		{"abcdefghijklmnop", 10, "abcdefghij..."},
		{"Vendor shall, notify", 14, "Vendor shall..."},
	} {
		if got := trimEvidence(c.in, c.n); got != c.want {
			t.Errorf("trimEvidence(%q, %d) = %q; want %q", c.in, c.n, got, c.want)
		}
	}
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(SchemaURL, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(SchemaURL)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validate(s *jsonschema.Schema, out []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		return err
	}
	return s.Validate(inst)
}

// TestJSON: the JSON report validates against the schema, carries every
// result (passes too), writes empty lists as [] and is the same bytes
// every time.
func TestJSON(t *testing.T) {
	s := compileSchema(t)
	r := sample()
	r.Documents[0].Parts = []Part{{Path: "msa.pdf", Format: "pdf", Pages: 16, Line: 1, Start: 0}}
	r.Errors = []Error{{Path: "c.pdf", Error: "encrypted PDF"}}
	empty := &Report{Tool: Tool{Name: "contractlint", Version: "dev"}, Documents: []Document{{Path: "e.md", Format: "markdown"}}}
	for _, r := range []*Report{r, empty} {
		var a, b bytes.Buffer
		if err := JSON(&a, r); err != nil {
			t.Fatal(err)
		}
		JSON(&b, r)
		if a.String() != b.String() {
			t.Error("two writes differ")
		}
		if err := validate(s, a.Bytes()); err != nil {
			t.Errorf("report does not validate: %v\n%s", err, a.String())
		}
	}

	var b bytes.Buffer
	JSON(&b, r)
	var got struct {
		Version   string `json:"version"`
		Documents []struct {
			Results []analyzer.Result `json:"results"`
		} `json:"documents"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Version != Version || len(got.Documents) != 1 || len(got.Documents[0].Results) != 4 {
		t.Fatalf("version %q, %d documents; want %q and 1 document with all 4 results", got.Version, len(got.Documents), Version)
	}
	if q := got.Documents[0].Results[1].Quantity; q == nil || q.Amount != 72 || q.Unit != "hours" {
		t.Errorf("quantity did not survive: %+v", q)
	}
	if !strings.HasPrefix(b.String(), "{\n  \"version\": \"1\",\n  \"tool\": {") {
		t.Errorf("want two-space indentation and version first:\n%.80s", b.String())
	}
	if !strings.Contains(b.String(), `"threshold": "<= 24 hours"`) {
		t.Error("HTML escaping is on: <= written as \\u003c=")
	}

	b.Reset()
	JSON(&b, empty)
	for _, want := range []string{`"baselines": []`, `"errors": []`, `"results": []`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("empty report lacks %s:\n%s", want, b.String())
		}
	}
}

// TestSchemaRejects: the schema is not vacuous; each of these breaks it.
func TestSchemaRejects(t *testing.T) {
	s := compileSchema(t)
	var b bytes.Buffer
	JSON(&b, sample())
	good := b.String()
	for _, c := range []struct{ name, old, new string }{
		{"unknown field", `"version": "1",`, `"version": "1", "when": "today",`},
		{"wrong version", `"version": "1"`, `"version": "2"`},
		{"unknown status", `"status": "missing"`, `"status": "absent"`},
		{"severity none", `"severity": "note"`, `"severity": "none"`},
		{"summary without suppressed", `"suppressed": 1`, `"waived": 1`},
		{"missing with a location", `"message": "no clause on multi-factor authentication"`, `"message": "x", "evidence": "y", "location": {"line": 1, "column": 1, "start": 0, "end": 1}`},
		{"weak without evidence", `"evidence": "Vendor trains its staff.",`, ``},
		{"line 0", `"line": 30,`, `"line": 0,`},
		{"no summary", `"summary": {`, `"summery": {`},
	} {
		bad := strings.Replace(good, c.old, c.new, 1)
		if bad == good {
			t.Fatalf("%s: %q not in the report", c.name, c.old)
		}
		if err := validate(s, []byte(bad)); err == nil {
			t.Errorf("%s: the schema accepts it", c.name)
		}
	}
}

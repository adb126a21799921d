package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/contractlint/contractlint/analyzer"
)

// SARIFSchemaFile is the official SARIF 2.1.0 schema (OASIS errata 01,
// JSON Schema draft-04), copied into the repository so that tests never
// need the network.
var SARIFSchemaFile = filepath.Join("..", "..", "testdata", "sarif", "sarif-schema-2.1.0.json")

var (
	sarifSchemaOnce sync.Once
	sarifSchema     *jsonschema.Schema
	sarifSchemaErr  error
)

// compileSARIFSchema compiles the official schema once, with formats
// (uri, uri-reference, date-time) asserted, not just annotated.
func compileSARIFSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	sarifSchemaOnce.Do(func() {
		f, err := os.Open(SARIFSchemaFile)
		if err != nil {
			sarifSchemaErr = err
			return
		}
		defer f.Close()
		doc, err := jsonschema.UnmarshalJSON(f)
		if err != nil {
			sarifSchemaErr = err
			return
		}
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		if err := c.AddResource(SARIFSchemaURI, doc); err != nil {
			sarifSchemaErr = err
			return
		}
		sarifSchema, sarifSchemaErr = c.Compile(SARIFSchemaURI)
	})
	if sarifSchemaErr != nil {
		t.Fatal(sarifSchemaErr)
	}
	return sarifSchema
}

// sampleCatalog describes sample()'s checks, with help for one of them.
func sampleCatalog() *Catalog {
	r := sample()
	c := &Catalog{Baselines: []Baseline{
		{ID: "ecc-2-2024", Title: "NCA ECC-2:2024"},
		{ID: "five-eyes-msp-2022", Title: "AA22-131A"},
		{ID: "mss-contract", Title: "MSS contract components"},
	}}
	for _, res := range r.Documents[0].Results {
		c.Checks = append(c.Checks, Check{ID: res.Check, Title: res.Title, Severity: res.Severity, Threshold: res.Threshold, Controls: res.Controls, Tags: []string{"sample"}})
	}
	c.Checks[1].Requirement = "Provider must notify the customer of security incidents within a stated time."
	c.Checks[1].Help = analyzer.Help{
		LooksFor:   "A duty to notify.",
		Pass:       "Within 24 hours.",
		Suggestion: "Provider shall notify Customer of any Security Incident within twenty-four (24) hours.",
	}
	return c
}

func writeSARIF(t testing.TB, r *Report, c *Catalog, opts SARIFOptions) ([]byte, sarifLog) {
	t.Helper()
	var b bytes.Buffer
	if err := SARIF(&b, r, c, opts); err != nil {
		t.Fatal(err)
	}
	if err := validate(compileSARIFSchema(t), b.Bytes()); err != nil {
		t.Fatalf("SARIF does not validate against the 2.1.0 schema: %v\n%.2000s", err, b.String())
	}
	var log sarifLog
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs; want 1", len(log.Runs))
	}
	return b.Bytes(), log
}

func TestSARIF(t *testing.T) {
	r := sample()
	r.Errors = []Error{{Path: "scan.pdf", Error: "no text layer"}}
	out, log := writeSARIF(t, r, sampleCatalog(), SARIFOptions{BaseDir: "/work"})
	again, _ := writeSARIF(t, r, sampleCatalog(), SARIFOptions{BaseDir: "/work"})
	if !bytes.Equal(out, again) {
		t.Error("two writes differ")
	}
	run := log.Runs[0]
	if log.Version != "2.1.0" || run.Tool.Driver.Name != "contractlint" || run.Tool.Driver.Version != "test" {
		t.Errorf("version %q, driver %+v", log.Version, run.Tool.Driver)
	}

	// Rules: every check of the catalog, help with the suggestion.
	rules := run.Tool.Driver.Rules
	if len(rules) != 4 {
		t.Fatalf("%d rules; want the catalog's 4", len(rules))
	}
	inc := rules[1]
	if inc.ID != "incident-notification" || inc.Name != "IncidentNotification" || inc.ShortDescription.Text != "Security incident notification" ||
		!strings.HasPrefix(inc.FullDescription.Text, "Provider must notify") || inc.DefaultConfiguration.Level != "error" {
		t.Errorf("rule %+v", inc)
	}
	if !strings.Contains(inc.Help.Text, "Suggested clause: Provider shall notify Customer") ||
		!strings.Contains(inc.Help.Markdown, "**Suggested clause:**\n\n> Provider shall notify") ||
		!strings.Contains(inc.Help.Markdown, "**Threshold:** `<= 24 hours`") {
		t.Errorf("help lacks the suggested clause or threshold:\n%s\n%s", inc.Help.Text, inc.Help.Markdown)
	}
	if tags, _ := inc.Properties["tags"].([]any); len(tags) != 1 || tags[0] != "sample" {
		t.Errorf("rule tags %v", inc.Properties["tags"])
	}
	if rules[3].DefaultConfiguration.Level != "note" {
		t.Errorf("security-training level %s; want note", rules[3].DefaultConfiguration.Level)
	}

	// Taxonomies: one per baseline, taxa the references, rules related.
	if len(run.Taxonomies) != 3 || run.Taxonomies[0].Name != "ecc-2-2024" || len(run.Taxonomies[0].Taxa) != 1 || run.Taxonomies[0].Taxa[0].ID != "4-1-3 guidance" {
		t.Errorf("taxonomies %+v", run.Taxonomies)
	}
	if len(run.Tool.Driver.SupportedTaxonomies) != 3 {
		t.Errorf("driver supports %d taxonomies; want 3", len(run.Tool.Driver.SupportedTaxonomies))
	}
	mfa := rules[0]
	if len(mfa.Relationships) != 2 {
		t.Fatalf("mfa relationships %+v; want 2", mfa.Relationships)
	}
	for _, rel := range mfa.Relationships {
		tc := rel.Target.ToolComponent
		tax := run.Taxonomies[*tc.Index]
		if tax.Name != tc.Name || tax.Taxa[*rel.Target.Index].ID != rel.Target.ID {
			t.Errorf("relationship %+v does not point at its taxon", rel.Target)
		}
	}

	// Results: weak and missing only, each pointing at its rule.
	if len(run.Results) != 3 {
		t.Fatalf("%d results; want 3 (no pass without ShowPass)", len(run.Results))
	}
	for _, res := range run.Results {
		if rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s has ruleIndex %d (%s)", res.RuleID, res.RuleIndex, rules[res.RuleIndex].ID)
		}
		if res.Kind != "" || res.Level == "none" {
			t.Errorf("%s: kind %q level %q", res.RuleID, res.Kind, res.Level)
		}
		if len(res.PartialFingerprints[FingerprintKey]) != 16 {
			t.Errorf("%s: partialFingerprints %v", res.RuleID, res.PartialFingerprints)
		}
	}
	missing, weak, waived := run.Results[0], run.Results[1], run.Results[2]
	ml := missing.Locations[0].PhysicalLocation
	if ml.ArtifactLocation.URI != "msa.pdf" || ml.Region.StartLine != 1 || ml.Region.Snippet != nil || ml.Region.CharOffset != nil {
		t.Errorf("missing clause location %+v %+v; want line 1 of msa.pdf, no snippet", ml.ArtifactLocation, ml.Region)
	}
	wl := weak.Locations[0]
	reg := wl.PhysicalLocation.Region
	if reg.StartLine != 179 || reg.EndLine != 179 || reg.StartColumn != 22 || reg.EndColumn != 172 || *reg.CharOffset != 9000 || *reg.CharLength != 150 ||
		!strings.HasPrefix(reg.Snippet.Text, "Vendor shall notify Customer in writing") {
		t.Errorf("weak region %+v", reg)
	}
	if len(wl.LogicalLocations) != 1 || wl.LogicalLocations[0].Name != "6(b)" || wl.LogicalLocations[0].Kind != "section" {
		t.Errorf("logical locations %+v", wl.LogicalLocations)
	}
	if weak.Properties["page"] != 5.0 || weak.Properties["section"] != "6(b)" || weak.Properties["status"] != "weak" || weak.Properties["threshold"] != "<= 24 hours" {
		t.Errorf("properties %v", weak.Properties)
	}
	if q, _ := weak.Properties["quantity"].(map[string]any); q["amount"] != 72.0 || q["unit"] != "hours" {
		t.Errorf("quantity %v", weak.Properties["quantity"])
	}
	if len(weak.RelatedLocations) != 1 || weak.RelatedLocations[0].PhysicalLocation.Region.StartLine != 410 {
		t.Errorf("related locations %+v", weak.RelatedLocations)
	}
	if len(waived.Suppressions) != 1 || waived.Suppressions[0].Kind != "external" || waived.Suppressions[0].Status != "accepted" ||
		waived.Suppressions[0].Justification != "training is covered by our own programme" ||
		waived.Suppressions[0].Properties["approver"] != "ciso@example.com" || waived.Suppressions[0].Properties["expires"] != "2027-06-30" {
		t.Errorf("suppression %+v", waived.Suppressions)
	}
	if sl := waived.Suppressions[0].Location; sl == nil || sl.PhysicalLocation.ArtifactLocation.URI != ".contractlint.yaml" || sl.PhysicalLocation.Region.StartLine != 12 {
		t.Errorf("suppression location %+v; want .contractlint.yaml line 12", sl)
	}
	if len(missing.Suppressions) != 0 {
		t.Error("an unwaived result has suppressions")
	}

	// The invocation: notices about the configuration, unread files
	// about the execution, which is not successful.
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful {
		t.Error("executionSuccessful with a file that could not be read")
	}
	if len(inv.ToolConfigurationNotifications) != 1 || inv.ToolConfigurationNotifications[0].Level != "warning" ||
		!strings.Contains(inv.ToolConfigurationNotifications[0].Message.Text, "expired") {
		t.Errorf("configuration notifications %+v", inv.ToolConfigurationNotifications)
	}
	if len(inv.ToolExecutionNotifications) != 1 || inv.ToolExecutionNotifications[0].Level != "error" ||
		inv.ToolExecutionNotifications[0].Message.Text != "scan.pdf: no text layer" {
		t.Errorf("execution notifications %+v", inv.ToolExecutionNotifications)
	}
	if len(run.Artifacts) != 1 || run.Artifacts[0].MimeType != "application/pdf" {
		t.Errorf("artifacts %+v", run.Artifacts)
	}
	if bytes.Contains(out, []byte("\\u003c")) {
		t.Error("HTML escaping is on")
	}

	// Without errors the execution succeeded.
	_, log = writeSARIF(t, sample(), nil, SARIFOptions{})
	if !log.Runs[0].Invocations[0].ExecutionSuccessful {
		t.Error("executionSuccessful false without errors")
	}
	// Without a catalog the rules come from the results.
	if rs := log.Runs[0].Tool.Driver.Rules; len(rs) != 4 || rs[0].ID != "mfa" || rs[0].ShortDescription.Text != "Multi-factor authentication" {
		t.Errorf("rules without a catalog: %+v", rs)
	}
}

func TestSARIFShowPass(t *testing.T) {
	_, log := writeSARIF(t, sample(), sampleCatalog(), SARIFOptions{ShowPass: true})
	res := log.Runs[0].Results
	if len(res) != 4 || res[2].RuleID != "data-return-deletion" || res[2].Kind != "pass" || res[2].Level != "none" {
		t.Fatalf("with ShowPass: %d results, third %+v; want the pass in plan order, kind pass, level none", len(res), res[2])
	}
}

// A bundle's results point into the file that holds the clause, with
// lines and offsets counted from that file's start.
func TestSARIFBundle(t *testing.T) {
	r := sample()
	d := &r.Documents[0]
	d.Path = "msa.pdf, schedule 2.docx"
	d.Parts = []Part{{Path: "msa.pdf", Format: "pdf", Pages: 16, Line: 1, Start: 0}, {Path: "schedule 2.docx", Format: "docx", Line: 400, Start: 15000}}
	_, log := writeSARIF(t, r, sampleCatalog(), SARIFOptions{})
	run := log.Runs[0]
	if len(run.Artifacts) != 2 || run.Artifacts[1].Location.URI != "schedule%202.docx" {
		t.Fatalf("artifacts %+v; want both parts, the space percent-encoded", run.Artifacts)
	}
	weak := run.Results[1]
	rel := weak.RelatedLocations[0].PhysicalLocation
	if rel.ArtifactLocation.URI != "schedule%202.docx" || *rel.ArtifactLocation.Index != 1 || rel.Region.StartLine != 11 || *rel.Region.CharOffset != 5000 {
		t.Errorf("related clause in the schedule: %+v %+v; want line 11, offset 5000", rel.ArtifactLocation, rel.Region)
	}
	if u := weak.Locations[0].PhysicalLocation.ArtifactLocation.URI; u != "msa.pdf" {
		t.Errorf("clause in the MSA located in %s", u)
	}
	if u := run.Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI; u != "msa.pdf" {
		t.Errorf("missing clause located in %s; want the first file", u)
	}
	if weak.Properties["bundle"] != "msa.pdf, schedule 2.docx" {
		t.Errorf("bundle property %v", weak.Properties["bundle"])
	}
}

func TestFileURI(t *testing.T) {
	for _, c := range []struct {
		path, base, want string
		relative         bool
	}{
		{"msa.pdf", "/work", "msa.pdf", true},
		{"./docs/../docs/msa.pdf", "/work", "docs/msa.pdf", true},
		{"/work/docs/MSA v2 #3 (final).pdf", "/work", "docs/MSA%20v2%20%233%20%28final%29.pdf", true},
		{"/work/accord-données.docx", "/work", "accord-donn%C3%A9es.docx", true},
		{"/elsewhere/msa.pdf", "/work", "file:///elsewhere/msa.pdf", false},
		{"../up.pdf", "/work/sub", "file:///work/up.pdf", false},
		{"100%.md", "", "100%25.md", true},
		{"/abs/x.md", "", "file:///abs/x.md", false},
	} {
		got, rel := fileURI(c.path, c.base)
		if got != c.want || rel != c.relative {
			t.Errorf("fileURI(%q, %q) = %q, %v; want %q, %v", c.path, c.base, got, rel, c.want, c.relative)
		}
	}
}

// bigReport is a synthetic report of n documents of the sample's four
// results each.
func bigReport(n int) *Report {
	r := sample()
	one := r.Documents[0]
	r.Documents = make([]Document, n)
	for i := range r.Documents {
		d := one
		d.Path = fmt.Sprintf("agreements/%05d.pdf", i)
		r.Documents[i] = d
	}
	r.Notices = nil
	return r
}

// TestSARIFLimit: beyond GitHub's 25,000 results per run, results are
// dropped deterministically (passes, then waived, then the lowest
// severity, later documents first) and a notification says so.
func TestSARIFLimit(t *testing.T) {
	// 6,300 documents: 25,200 results with passes, 18,900 without.
	r := bigReport(6300)
	var a, b bytes.Buffer
	if err := SARIF(&a, r, sampleCatalog(), SARIFOptions{ShowPass: true}); err != nil {
		t.Fatal(err)
	}
	SARIF(&b, r, sampleCatalog(), SARIFOptions{ShowPass: true})
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of a truncated log differ")
	}
	var log sarifLog
	if err := json.Unmarshal(a.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Results) != GitHubMaxResults {
		t.Fatalf("%d results; want %d", len(run.Results), GitHubMaxResults)
	}
	passes := 0
	for _, res := range run.Results {
		if res.Kind == "pass" {
			passes++
		}
	}
	if want := 25000 - 18900; passes != want {
		t.Errorf("%d passes kept; want %d (every failing result first)", passes, want)
	}
	notes := run.Invocations[0].ToolExecutionNotifications
	if len(notes) != 1 || notes[0].Level != "warning" || !strings.HasPrefix(notes[0].Message.Text, "25000 of 25200 results written") {
		t.Errorf("notifications %+v; want one saying 25000 of 25200", notes)
	}

	// A smaller cap on the sample: the errors stay, then the note
	// (waived, so it goes first), output in plan order.
	_, log = writeSARIF(t, sample(), sampleCatalog(), SARIFOptions{ShowPass: true, MaxResults: 2})
	res := log.Runs[0].Results
	if len(res) != 2 || res[0].RuleID != "mfa" || res[1].RuleID != "incident-notification" {
		t.Errorf("capped at 2: %+v; want mfa and incident-notification (the two errors)", res)
	}

	// Under the limit nothing is said.
	_, log = writeSARIF(t, bigReport(10), sampleCatalog(), SARIFOptions{})
	if n := len(log.Runs[0].Results); n != 30 || len(log.Runs[0].Invocations[0].ToolExecutionNotifications) != 0 {
		t.Errorf("10 documents: %d results, notifications %+v", n, log.Runs[0].Invocations[0].ToolExecutionNotifications)
	}
}

// TestSARIFSchemaRejects: the schema check is not vacuous.
func TestSARIFSchemaRejects(t *testing.T) {
	var b bytes.Buffer
	SARIF(&b, sample(), sampleCatalog(), SARIFOptions{})
	good := b.String()
	s := compileSARIFSchema(t)
	for _, c := range []struct{ name, old, new string }{
		{"wrong version", `"version": "2.1.0"`, `"version": "2.2"`},
		{"unknown level", `"level": "error"`, `"level": "fatal"`},
		{"line 0", `"startLine": 179`, `"startLine": 0`},
		{"suppression kind", `"kind": "external"`, `"kind": "waiver"`},
		{"bad URI", `"uri": "msa.pdf"`, `"uri": "%zz.pdf"`},
		{"relative schema URI", `"$schema": "https:`, `"$schema": "`},
	} {
		bad := strings.Replace(good, c.old, c.new, 1)
		if bad == good {
			t.Fatalf("%s: %q not in the log", c.name, c.old)
		}
		if err := validate(s, []byte(bad)); err == nil {
			t.Errorf("%s: the schema accepts it", c.name)
		}
	}
}

// Standard input has no URI: its artifact is described instead.
func TestSARIFStdin(t *testing.T) {
	r := sample()
	r.Documents[0].Path = "-"
	_, log := writeSARIF(t, r, sampleCatalog(), SARIFOptions{BaseDir: "/work"})
	run := log.Runs[0]
	if len(run.Artifacts) != 1 || run.Artifacts[0].Location.URI != "" || run.Artifacts[0].Location.Description.Text != "standard input" {
		t.Errorf("artifact %+v", run.Artifacts[0].Location)
	}
	if al := run.Results[1].Locations[0].PhysicalLocation.ArtifactLocation; al.URI != "" || al.Index == nil || *al.Index != 0 {
		t.Errorf("a result on standard input points at %+v; want artifact 0", al)
	}
}

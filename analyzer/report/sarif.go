package report

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/contractlint/contractlint/analyzer"
)

// SARIF 2.1.0 (OASIS), as GitHub code scanning and other SARIF viewers
// read it.
const (
	SARIFVersion   = "2.1.0"
	SARIFSchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	// FingerprintKey names contractlint's fingerprint among a result's
	// partialFingerprints; the version changes if the fingerprint's
	// recipe ever changes meaning.
	FingerprintKey = "contractlint/v1"
	// InformationURI is the tool's home page.
	InformationURI = "https://github.com/contractlint/contractlint"
)

// Limits GitHub code scanning documents for a SARIF upload
// (https://docs.github.com/en/code-security/code-scanning/troubleshooting-sarif-uploads/results-exceed-limit):
// at most 20 runs per file (contractlint writes one), 25,000 results per
// run (only the top 5,000 by severity are shown), 25,000 rules per run,
// 1,000 locations per result and 20 tags per rule; the gzip-compressed
// file must stay under 10 MB
// (https://docs.github.com/en/code-security/code-scanning/troubleshooting-sarif-uploads/file-too-large).
const (
	GitHubMaxResults         = 25000
	GitHubMaxTagsPerRule     = 20
	GitHubMaxLocationsPerRes = 1000
)

// SARIFOptions choose what the SARIF log holds.
type SARIFOptions struct {
	// ShowPass adds a result of kind "pass" for every passing check.
	ShowPass bool
	// BaseDir is the directory artifact URIs are relative to (the working
	// directory); a file outside it gets an absolute file: URI. Empty:
	// paths are written as given.
	BaseDir string
	// MaxResults caps the number of results; 0 means GitHubMaxResults.
	MaxResults int
}

// SARIF writes the report as a SARIF 2.1.0 log of one run: the checks as
// the driver's rules (help with the suggested clause), the baselines as
// taxonomies whose taxa are their control references, and a result for
// every weak or missing check (and passing one, with ShowPass), located
// in the reviewed file. Lines, columns and character offsets are those of
// the text contractlint extracts (`contractlint extract --format plain`),
// counted in code points, not positions in a PDF's or a Word file's
// bytes. The same input gives the same bytes: no timestamps, no absolute
// paths for files under BaseDir. Beyond MaxResults, results are dropped
// passes first, then waived ones, then by severity, lowest first, and a
// notification says how many.
func SARIF(w io.Writer, r *Report, cat *Catalog, opts SARIFOptions) error {
	checks, baselines := cat.complete(r)
	refs := refsByBaseline(checks, r)

	// Taxonomies: one per baseline, its taxa the control references.
	taxIndex := map[string]int{}             // baseline -> taxonomy index
	taxonIndex := map[analyzer.Control]int{} // control -> taxon index
	taxonomies := make([]sarifComponent, 0, len(baselines))
	supported := make([]sarifComponentRef, 0, len(baselines))
	for i, b := range baselines {
		taxIndex[b.ID] = i
		tc := sarifComponent{Name: b.ID, InformationURI: b.URL, IsComprehensive: boolPtr(false), Taxa: []sarifDescriptor{}}
		if b.Title != "" {
			tc.FullName = b.Title
			tc.ShortDescription = &sarifMessage{Text: b.Title}
		}
		for j, ref := range refs[b.ID] {
			taxonIndex[analyzer.Control{Baseline: b.ID, Ref: ref}] = j
			tc.Taxa = append(tc.Taxa, sarifDescriptor{ID: ref, Name: ref, ShortDescription: &sarifMessage{Text: b.ID + " " + ref}})
		}
		taxonomies = append(taxonomies, tc)
		supported = append(supported, sarifComponentRef{Name: b.ID, Index: intPtr(i)})
	}
	taxaOf := func(ctls []analyzer.Control) []sarifDescriptorRef {
		var out []sarifDescriptorRef
		for _, ctl := range ctls {
			out = append(out, sarifDescriptorRef{
				ID: ctl.Ref, Index: intPtr(taxonIndex[ctl]),
				ToolComponent: &sarifComponentRef{Name: ctl.Baseline, Index: intPtr(taxIndex[ctl.Baseline])},
			})
		}
		return out
	}

	// Rules: the checks, in plan order.
	ruleIndex := map[string]int{}
	rules := make([]sarifDescriptor, 0, len(checks))
	for i, ch := range checks {
		ruleIndex[ch.ID] = i
		rules = append(rules, sarifRule(ch, taxaOf))
	}

	// Artifacts: every file reviewed, a bundle's parts one by one.
	arts := &artifacts{base: opts.BaseDir, index: map[string]int{}}
	for _, d := range r.Documents {
		if len(d.Parts) == 0 {
			arts.add(d.Path, d.Format, d.Pages)
		}
		for _, p := range d.Parts {
			arts.add(p.Path, p.Format, p.Pages)
		}
	}

	// Results, at most max of them.
	type ref struct{ doc, res int }
	var all []ref
	for i, d := range r.Documents {
		for j, res := range d.Results {
			if res.Status != analyzer.Pass || opts.ShowPass {
				all = append(all, ref{i, j})
			}
		}
	}
	limit := opts.MaxResults
	if limit <= 0 {
		limit = GitHubMaxResults
	}
	keep := make([]bool, len(all))
	if len(all) <= limit {
		for i := range keep {
			keep[i] = true
		}
	} else {
		order := make([]int, len(all))
		for i := range order {
			order[i] = i
		}
		rank := func(k int) [3]int {
			res := r.Documents[all[k].doc].Results[all[k].res]
			pass, waived := 0, 0
			if res.Status == analyzer.Pass {
				pass = 1
			}
			if res.Suppression != nil {
				waived = 1
			}
			return [3]int{pass, waived, -int(res.Severity)}
		}
		sort.SliceStable(order, func(a, b int) bool {
			ra, rb := rank(order[a]), rank(order[b])
			for i := range ra {
				if ra[i] != rb[i] {
					return ra[i] < rb[i]
				}
			}
			return false
		})
		for _, k := range order[:limit] {
			keep[k] = true
		}
	}
	results := make([]sarifResult, 0, min(len(all), limit))
	for k, rf := range all {
		if keep[k] {
			d := &r.Documents[rf.doc]
			res := d.Results[rf.res]
			results = append(results, arts.result(d, res, ruleIndex[res.Check], taxaOf(res.Controls)))
		}
	}

	// Notifications: the run's notices are about its configuration
	// (waivers in the config file); files that could not be read and
	// results left out are about its execution.
	inv := sarifInvocation{ExecutionSuccessful: len(r.Errors) == 0}
	for _, n := range r.Notices {
		sn := sarifNotification{Level: notificationLevel(n.Level), Message: sarifMessage{Text: n.Message}}
		if path, line := splitSource(n.Source); path != "" {
			sn.Locations = []sarifLocation{{PhysicalLocation: &sarifPhysical{ArtifactLocation: arts.location(path), Region: lineRegion(line)}}}
		}
		inv.ToolConfigurationNotifications = append(inv.ToolConfigurationNotifications, sn)
	}
	for _, e := range r.Errors {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
			Level:     "error",
			Message:   sarifMessage{Text: fmt.Sprintf("%s: %s", e.Path, e.Error)},
			Locations: []sarifLocation{{PhysicalLocation: &sarifPhysical{ArtifactLocation: arts.location(e.Path)}}},
		})
	}
	if len(results) < len(all) {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
			Level: "warning",
			Message: sarifMessage{Text: fmt.Sprintf("%d of %d results written: a SARIF run holds at most %d (the limit of GitHub code scanning); "+
				"left out are passes first, then waived results, then the lowest severities, later documents first. Review fewer files per run to see them all.",
				len(results), len(all), limit)},
		})
	}

	log := sarifLog{
		Schema:  SARIFSchemaURI,
		Version: SARIFVersion,
		Runs: []sarifRun{{
			Tool: sarifTool{Driver: sarifComponent{
				Name: r.Tool.Name, Version: r.Tool.Version, InformationURI: InformationURI,
				Rules: rules, SupportedTaxonomies: supported,
			}},
			Invocations: []sarifInvocation{inv},
			Artifacts:   arts.list,
			Results:     results,
			Taxonomies:  taxonomies,
			ColumnKind:  "unicodeCodePoints",
			Properties: map[string]any{
				"baselines": nonNil(r.Baselines),
				"regions":   "Lines, columns and character offsets are in the text contractlint extracts from each file (contractlint extract --format plain FILE), counted in Unicode code points.",
			},
		}},
	}
	if log.Runs[0].Tool.Driver.Name == "" {
		log.Runs[0].Tool.Driver.Name = "contractlint"
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

// sarifRule is a check as a SARIF reportingDescriptor.
func sarifRule(ch Check, taxaOf func([]analyzer.Control) []sarifDescriptorRef) sarifDescriptor {
	title := ch.Title
	if title == "" {
		title = ch.ID
	}
	full := ch.Requirement
	if full == "" {
		full = title
	}
	d := sarifDescriptor{
		ID:                   ch.ID,
		Name:                 ruleName(ch.ID),
		ShortDescription:     &sarifMessage{Text: title},
		FullDescription:      &sarifMessage{Text: full},
		DefaultConfiguration: &sarifConfiguration{Level: severityLevel(ch.Severity)},
		Help:                 ruleHelp(ch, full),
	}
	props := map[string]any{}
	if len(ch.Tags) > 0 {
		tags := ch.Tags
		if len(tags) > GitHubMaxTagsPerRule {
			tags = tags[:GitHubMaxTagsPerRule]
		}
		props["tags"] = tags
	}
	if ch.Threshold != "" {
		props["threshold"] = ch.Threshold
	}
	if len(props) > 0 {
		d.Properties = props
	}
	for _, t := range taxaOf(ch.Controls) {
		d.Relationships = append(d.Relationships, sarifRelationship{Target: t, Kinds: []string{"relevant"}})
	}
	return d
}

// ruleHelp is a check's help in plain text and Markdown: what it looks
// for, what passes, what is weak and a clause that would pass.
func ruleHelp(ch Check, requirement string) *sarifMessage {
	h := ch.Help
	parts := []struct{ name, text string }{
		{"Requirement", requirement}, {"Looks for", h.LooksFor}, {"Passes when", h.Pass}, {"Weak when", h.Weak},
	}
	var text, md []string
	for _, p := range parts {
		if p.text != "" {
			text = append(text, p.name+": "+p.text)
			md = append(md, "**"+p.name+":** "+markdownText(p.text))
		}
	}
	if ch.Threshold != "" {
		text = append(text, "Threshold: "+ch.Threshold)
		md = append(md, "**Threshold:** `"+ch.Threshold+"`")
	}
	if h.Suggestion != "" {
		text = append(text, "Suggested clause: "+h.Suggestion)
		md = append(md, "**Suggested clause:**\n\n> "+markdownText(h.Suggestion))
	}
	return &sarifMessage{Text: strings.Join(text, "\n\n"), Markdown: strings.Join(md, "\n\n")}
}

// ruleName is a check id as a SARIF rule name, an identifier in
// PascalCase ("incident-notification" is "IncidentNotification").
func ruleName(id string) string {
	var b strings.Builder
	up := true
	for _, r := range id {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func severityLevel(s analyzer.Severity) string {
	switch s {
	case analyzer.SeverityError:
		return "error"
	case analyzer.SeverityWarning:
		return "warning"
	case analyzer.SeverityNote:
		return "note"
	}
	return "none"
}

func notificationLevel(l string) string {
	switch l {
	case "error", "warning", "note", "none":
		return l
	}
	return "warning"
}

// artifacts are the files of the run, in the order first named.
type artifacts struct {
	base  string
	index map[string]int
	list  []sarifArtifact
}

var mimeTypes = map[string]string{
	"pdf":      "application/pdf",
	"docx":     "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"markdown": "text/markdown",
	"text":     "text/plain",
}

func (a *artifacts) add(path, format string, pages int) {
	if _, ok := a.index[path]; ok {
		return
	}
	art := sarifArtifact{Location: a.location(path), MimeType: mimeTypes[format], Roles: []string{"analysisTarget"}}
	a.index[path] = len(a.list)
	props := map[string]any{"format": format}
	if pages > 0 {
		props["pages"] = pages
	}
	art.Properties = props
	a.list = append(a.list, art)
}

// location is the artifact location of a path: a URI relative to the
// base directory (uriBaseId %SRCROOT%, the convention of code scanning
// tools for the directory analysed), an absolute file: URI for a file
// outside it, and standard input described rather than named.
func (a *artifacts) location(path string) *sarifArtifactLocation {
	loc := &sarifArtifactLocation{}
	if i, ok := a.index[path]; ok {
		loc.Index = intPtr(i)
	}
	if path == "-" {
		loc.Description = &sarifMessage{Text: "standard input"}
		return loc
	}
	uri, relative := fileURI(path, a.base)
	loc.URI = uri
	if relative {
		loc.URIBaseID = "%SRCROOT%"
	}
	return loc
}

// fileURI makes a path a URI: relative (forward slashes, percent-encoded)
// when it is under base or base is unknown, else an absolute file: URI.
func fileURI(path, base string) (string, bool) {
	p := filepath.Clean(path)
	if base != "" {
		abs := p
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(base, abs)
		}
		if rel, err := filepath.Rel(base, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return encodePath(filepath.ToSlash(rel)), true
		}
		s := filepath.ToSlash(abs)
		if !strings.HasPrefix(s, "/") {
			s = "/" + s // a Windows drive: file:///C:/...
		}
		return "file://" + encodePath(s), false
	}
	if filepath.IsAbs(p) {
		s := filepath.ToSlash(p)
		if !strings.HasPrefix(s, "/") {
			s = "/" + s
		}
		return "file://" + encodePath(s), false
	}
	return encodePath(filepath.ToSlash(p)), true
}

// encodePath percent-encodes every byte of a slash-separated path except
// RFC 3986's unreserved characters and "/" (and ":" after the leading
// slash of an absolute path, as in "/C:/"), so that spaces, "#", "%",
// "?" and non-ASCII letters survive as a URI.
func encodePath(p string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '.', c == '_', c == '~', c == '/':
			b.WriteByte(c)
		case c == ':' && i == 2 && p[0] == '/':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// result is a check's result as a SARIF result.
func (a *artifacts) result(d *Document, res analyzer.Result, ruleIdx int, taxa []sarifDescriptorRef) sarifResult {
	sr := sarifResult{
		RuleID:    res.Check,
		RuleIndex: ruleIdx,
		Level:     severityLevel(res.Severity),
		Message:   sarifMessage{Text: res.Message},
		Taxa:      taxa,
	}
	if sr.Message.Text == "" {
		sr.Message.Text = fmt.Sprintf("%s: %s", res.Check, res.Status)
	}
	if res.Status == analyzer.Pass {
		// A result of any kind but "fail" has level "none" (SARIF 3.27.10).
		sr.Kind, sr.Level = "pass", "none"
	}
	loc := a.place(d, res.Location, res.Evidence)
	sr.Locations = []sarifLocation{loc}
	for i, p := range res.Related {
		if i+1 >= GitHubMaxLocationsPerRes {
			break
		}
		rl := a.place(d, &p.Location, p.Evidence)
		rl.ID = intPtr(i + 1)
		rl.Message = &sarifMessage{Text: "related clause: " + where(p.Location, p.Evidence)}
		sr.RelatedLocations = append(sr.RelatedLocations, rl)
	}
	if res.Fingerprint != "" {
		sr.PartialFingerprints = map[string]string{FingerprintKey: res.Fingerprint}
	}
	if s := res.Suppression; s != nil {
		sup := sarifSuppression{Kind: "external", Status: "accepted", Justification: s.Reason}
		props := map[string]any{}
		if s.Approver != "" {
			props["approver"] = s.Approver
		}
		if s.Expires != "" {
			props["expires"] = s.Expires
		}
		if s.Source != "" {
			props["source"] = s.Source
			if path, line := splitSource(s.Source); path != "" {
				sup.Location = &sarifLocation{PhysicalLocation: &sarifPhysical{ArtifactLocation: a.location(path), Region: lineRegion(line)}}
			}
		}
		if len(props) > 0 {
			sup.Properties = props
		}
		sr.Suppressions = []sarifSuppression{sup}
	}
	props := map[string]any{"status": string(res.Status)}
	if res.Title != "" {
		props["title"] = res.Title
	}
	if res.Location != nil {
		if res.Location.Page > 0 {
			props["page"] = res.Location.Page
		}
		if res.Location.Section != "" {
			props["section"] = res.Location.Section
		}
	}
	if res.Quantity != nil {
		props["quantity"] = res.Quantity
	}
	if res.Threshold != "" {
		props["threshold"] = res.Threshold
	}
	if len(res.Controls) > 0 {
		refs := make([]string, len(res.Controls))
		for i, c := range res.Controls {
			refs[i] = c.Baseline + " " + c.Ref
		}
		props["controls"] = refs
	}
	if len(d.Parts) > 0 {
		props["bundle"] = d.Path
	}
	sr.Properties = props
	return sr
}

// place is the SARIF location of a piece of evidence: in the file of a
// bundle that holds it, with lines and offsets counted from that file's
// start; the document's first line when there is no evidence (a missing
// clause).
func (a *artifacts) place(d *Document, loc *analyzer.Location, evidence string) sarifLocation {
	path := d.Path
	if len(d.Parts) > 0 {
		path = d.Parts[0].Path
	}
	if loc == nil {
		return sarifLocation{PhysicalLocation: &sarifPhysical{ArtifactLocation: a.location(path), Region: lineRegion(1)}}
	}
	line, start := loc.Line, loc.Start
	endLine := max(loc.EndLine, loc.Line)
	if p := d.part(loc.Start); p != nil {
		path = p.Path
		line, endLine, start = loc.Line-p.Line+1, endLine-p.Line+1, loc.Start-p.Start
	}
	reg := &sarifRegion{
		StartLine:  line,
		EndLine:    endLine,
		CharOffset: intPtr(start),
		CharLength: intPtr(max(loc.End-loc.Start, 0)),
	}
	if loc.Column > 0 {
		reg.StartColumn = loc.Column
		if endLine == line {
			reg.EndColumn = loc.Column + max(loc.End-loc.Start, 0)
		}
	}
	if evidence != "" {
		reg.Snippet = &sarifMessage{Text: evidence}
	}
	sl := sarifLocation{PhysicalLocation: &sarifPhysical{ArtifactLocation: a.location(path), Region: reg}}
	if loc.Section != "" {
		// A section of an agreement is none of the kinds SARIF lists for
		// logical locations (function, module, namespace, type, element
		// and others from programs and XML); the kind "SHOULD be one of"
		// them only "if any of those accurately describe the construct",
		// so a tool may name its own, and "section" says what it is.
		sl.LogicalLocations = []sarifLogical{{Name: loc.Section, FullyQualifiedName: "§" + loc.Section, Kind: "section"}}
	}
	return sl
}

// lineRegion is a region of one whole line, nil for line 0.
func lineRegion(line int) *sarifRegion {
	if line <= 0 {
		return nil
	}
	return &sarifRegion{StartLine: line}
}

// splitSource reads "FILE:LINE" (or "FILE") as written in Notice.Source
// and Suppression.Source.
func splitSource(s string) (string, int) {
	if s == "" {
		return "", 0
	}
	if i := strings.LastIndexByte(s, ':'); i > 0 {
		if n, err := strconv.Atoi(s[i+1:]); err == nil && n > 0 {
			return s[:i], n
		}
	}
	return s, 0
}

// markdownText folds white space so that a paragraph of help stays one
// paragraph in Markdown.
func markdownText(s string) string { return strings.Join(strings.Fields(s), " ") }

func intPtr(i int) *int    { return &i }
func boolPtr(b bool) *bool { return &b }

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// The SARIF objects contractlint writes, fields in the order the
// specification lists them; empty ones are left out.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool        sarifTool         `json:"tool"`
		Invocations []sarifInvocation `json:"invocations"`
		Artifacts   []sarifArtifact   `json:"artifacts,omitempty"`
		Results     []sarifResult     `json:"results"`
		Taxonomies  []sarifComponent  `json:"taxonomies,omitempty"`
		ColumnKind  string            `json:"columnKind"`
		Properties  map[string]any    `json:"properties,omitempty"`
	}
	sarifTool struct {
		Driver sarifComponent `json:"driver"`
	}
	sarifComponent struct {
		Name                string              `json:"name"`
		FullName            string              `json:"fullName,omitempty"`
		Version             string              `json:"version,omitempty"`
		InformationURI      string              `json:"informationUri,omitempty"`
		ShortDescription    *sarifMessage       `json:"shortDescription,omitempty"`
		Rules               []sarifDescriptor   `json:"rules,omitempty"`
		Taxa                []sarifDescriptor   `json:"taxa,omitempty"`
		IsComprehensive     *bool               `json:"isComprehensive,omitempty"`
		SupportedTaxonomies []sarifComponentRef `json:"supportedTaxonomies,omitempty"`
	}
	sarifComponentRef struct {
		Name  string `json:"name,omitempty"`
		Index *int   `json:"index,omitempty"`
	}
	sarifDescriptor struct {
		ID                   string              `json:"id"`
		Name                 string              `json:"name,omitempty"`
		ShortDescription     *sarifMessage       `json:"shortDescription,omitempty"`
		FullDescription      *sarifMessage       `json:"fullDescription,omitempty"`
		DefaultConfiguration *sarifConfiguration `json:"defaultConfiguration,omitempty"`
		Help                 *sarifMessage       `json:"help,omitempty"`
		Relationships        []sarifRelationship `json:"relationships,omitempty"`
		Properties           map[string]any      `json:"properties,omitempty"`
	}
	sarifDescriptorRef struct {
		ID            string             `json:"id,omitempty"`
		Index         *int               `json:"index,omitempty"`
		ToolComponent *sarifComponentRef `json:"toolComponent,omitempty"`
	}
	sarifRelationship struct {
		Target sarifDescriptorRef `json:"target"`
		Kinds  []string           `json:"kinds,omitempty"`
	}
	sarifConfiguration struct {
		Level string `json:"level"`
	}
	sarifMessage struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	sarifInvocation struct {
		ToolExecutionNotifications     []sarifNotification `json:"toolExecutionNotifications,omitempty"`
		ToolConfigurationNotifications []sarifNotification `json:"toolConfigurationNotifications,omitempty"`
		ExecutionSuccessful            bool                `json:"executionSuccessful"`
	}
	sarifNotification struct {
		Locations []sarifLocation `json:"locations,omitempty"`
		Message   sarifMessage    `json:"message"`
		Level     string          `json:"level"`
	}
	sarifArtifact struct {
		Location   *sarifArtifactLocation `json:"location"`
		MimeType   string                 `json:"mimeType,omitempty"`
		Roles      []string               `json:"roles,omitempty"`
		Properties map[string]any         `json:"properties,omitempty"`
	}
	sarifArtifactLocation struct {
		URI         string        `json:"uri,omitempty"`
		URIBaseID   string        `json:"uriBaseId,omitempty"`
		Index       *int          `json:"index,omitempty"`
		Description *sarifMessage `json:"description,omitempty"`
	}
	sarifResult struct {
		RuleID              string               `json:"ruleId"`
		RuleIndex           int                  `json:"ruleIndex"`
		Kind                string               `json:"kind,omitempty"`
		Level               string               `json:"level"`
		Message             sarifMessage         `json:"message"`
		Locations           []sarifLocation      `json:"locations"`
		PartialFingerprints map[string]string    `json:"partialFingerprints,omitempty"`
		RelatedLocations    []sarifLocation      `json:"relatedLocations,omitempty"`
		Suppressions        []sarifSuppression   `json:"suppressions,omitempty"`
		Taxa                []sarifDescriptorRef `json:"taxa,omitempty"`
		Properties          map[string]any       `json:"properties,omitempty"`
	}
	sarifLocation struct {
		ID               *int           `json:"id,omitempty"`
		PhysicalLocation *sarifPhysical `json:"physicalLocation,omitempty"`
		LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
		Message          *sarifMessage  `json:"message,omitempty"`
	}
	sarifPhysical struct {
		ArtifactLocation *sarifArtifactLocation `json:"artifactLocation"`
		Region           *sarifRegion           `json:"region,omitempty"`
	}
	sarifRegion struct {
		StartLine   int           `json:"startLine"`
		StartColumn int           `json:"startColumn,omitempty"`
		EndLine     int           `json:"endLine,omitempty"`
		EndColumn   int           `json:"endColumn,omitempty"`
		CharOffset  *int          `json:"charOffset,omitempty"`
		CharLength  *int          `json:"charLength,omitempty"`
		Snippet     *sarifMessage `json:"snippet,omitempty"`
	}
	sarifLogical struct {
		Name               string `json:"name"`
		FullyQualifiedName string `json:"fullyQualifiedName,omitempty"`
		Kind               string `json:"kind"`
	}
	sarifSuppression struct {
		Kind          string         `json:"kind"`
		Status        string         `json:"status"`
		Justification string         `json:"justification,omitempty"`
		Location      *sarifLocation `json:"location,omitempty"`
		Properties    map[string]any `json:"properties,omitempty"`
	}
)

package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/contractlint/contractlint/analyzer"
)

// MarkdownOptions choose what the Markdown report shows.
type MarkdownOptions struct {
	// ShowPass lists the passing checks too, in a collapsed <details>
	// block under the table, so that the comment stays short.
	ShowPass bool
}

// MarkdownEvidenceWidth is the number of characters of evidence a table
// cell quotes.
const MarkdownEvidenceWidth = 160

// Markdown writes the report as GitHub-flavoured Markdown for a ticket or
// a pull-request comment: per document a heading, a summary line and one
// table row per weak or missing check (check, status and why, severity,
// controls, evidence quoted, where), errors before warnings before notes
// and in plan order within a severity. Passing checks follow in a
// collapsed block with ShowPass; files that could not be read and notices
// about the run close the report. Text from the agreement is escaped so
// that it cannot break the table or turn into links, markup or HTML.
func Markdown(w io.Writer, r *Report, opts MarkdownOptions) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("## contractlint review\n\n")
	fmt.Fprintf(bw, "Baselines: %s · %s %s\n", mdText(strings.Join(nonNil(r.Baselines), ", ")), mdText(r.Tool.Name), mdText(r.Tool.Version))
	for i := range r.Documents {
		writeMarkdownDoc(bw, &r.Documents[i], opts)
	}
	if n := len(r.Documents); n > 1 || len(r.Errors) > 0 {
		fmt.Fprintf(bw, "\n**Total:** %s, %s", plural(n, "document"), summaryText(r.Total()))
		if len(r.Errors) > 0 {
			fmt.Fprintf(bw, "; %s could not be read", plural(len(r.Errors), "file"))
		}
		bw.WriteString("\n")
	}
	if len(r.Errors) > 0 {
		bw.WriteString("\n### Files that could not be read\n\n")
		for _, e := range r.Errors {
			fmt.Fprintf(bw, "- %s: %s\n", mdCode(e.Path), mdText(e.Error))
		}
	}
	if len(r.Notices) > 0 {
		bw.WriteString("\n### Notices\n\n")
		for _, n := range r.Notices {
			fmt.Fprintf(bw, "- **%s** %s", mdText(n.Level), mdText(n.Message))
			if n.Source != "" {
				fmt.Fprintf(bw, " (%s)", mdCode(n.Source))
			}
			bw.WriteString("\n")
		}
	}
	return bw.Flush()
}

func writeMarkdownDoc(w *bufio.Writer, d *Document, opts MarkdownOptions) {
	fmt.Fprintf(w, "\n### %s\n\n", mdText(d.Path))
	fmt.Fprintf(w, "**%s**\n\n", summaryText(d.Summary))
	findings := bySeverity(d.Results)
	if len(findings) == 0 {
		w.WriteString("No weak or missing checks.\n")
	} else {
		w.WriteString("| Check | Status | Severity | Controls | Evidence | Where |\n")
		w.WriteString("| --- | --- | --- | --- | --- | --- |\n")
		for _, res := range findings {
			status := "**" + string(res.Status) + "**: " + mdText(res.Message)
			if s := res.Suppression; s != nil {
				status += "<br>waived: " + mdText(waiverText(s))
			}
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n",
				checkCell(res), status, res.Severity, controlsCell(res.Controls), evidenceCell(res.Evidence), whereCell(d, res))
		}
	}
	if !opts.ShowPass || d.Summary.Pass == 0 {
		return
	}
	fmt.Fprintf(w, "\n<details><summary>%s</summary>\n\n", plural(d.Summary.Pass, "passing check"))
	w.WriteString("| Check | Evidence | Where |\n| --- | --- | --- |\n")
	for _, res := range d.Results {
		if res.Status == analyzer.Pass {
			fmt.Fprintf(w, "| %s | %s | %s |\n", checkCell(res), evidenceCell(res.Evidence), whereCell(d, res))
		}
	}
	w.WriteString("\n</details>\n")
}

// bySeverity returns the weak and missing results, highest severity
// first, in plan order within a severity.
func bySeverity(results []analyzer.Result) []analyzer.Result {
	var out []analyzer.Result
	for _, res := range results {
		if res.Status != analyzer.Pass {
			out = append(out, res)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Severity > out[j].Severity })
	return out
}

func checkCell(res analyzer.Result) string {
	c := mdCode(res.Check)
	if res.Title != "" {
		c += "<br>" + mdText(res.Title)
	}
	return c
}

func controlsCell(cs []analyzer.Control) string {
	if len(cs) == 0 {
		return "—"
	}
	refs := make([]string, len(cs))
	for i, c := range cs {
		refs[i] = mdText(c.Baseline + " " + c.Ref)
	}
	return strings.Join(refs, "<br>")
}

func evidenceCell(evidence string) string {
	if evidence == "" {
		return "—"
	}
	return "“" + mdText(trimEvidence(evidence, MarkdownEvidenceWidth)) + "”"
}

// whereCell is "p5 · §6(b) · line 179" (with the file of a bundle), then
// the related clauses; "—" for a missing clause.
func whereCell(d *Document, res analyzer.Result) string {
	if res.Location == nil {
		return "—"
	}
	s := mdText(placeText(d, *res.Location))
	for _, p := range res.Related {
		s += "<br>also " + mdText(placeText(d, p.Location))
	}
	return s
}

// placeText is where a location is, for a person: the file (of a
// bundle), page, section and line.
func placeText(d *Document, loc analyzer.Location) string {
	var parts []string
	line := loc.Line
	if p := d.part(loc.Start); p != nil {
		parts = append(parts, p.Path)
		line = loc.Line - p.Line + 1
	}
	if loc.Page > 0 {
		parts = append(parts, fmt.Sprintf("p%d", loc.Page))
	}
	if loc.Section != "" {
		parts = append(parts, "§"+loc.Section)
	}
	parts = append(parts, fmt.Sprintf("line %d", line))
	return strings.Join(parts, " · ")
}

// waiverText is a waiver's reason, approver and expiry.
func waiverText(s *analyzer.Suppression) string {
	t := s.Reason
	var by []string
	if s.Approver != "" {
		by = append(by, "approved by "+s.Approver)
	}
	if s.Expires != "" {
		by = append(by, "until "+s.Expires)
	}
	if len(by) > 0 {
		t += " (" + strings.Join(by, ", ") + ")"
	}
	return t
}

// mdReplacer escapes what GitHub-flavoured Markdown would read as markup
// in a table cell: the cell separator, emphasis, code, links, HTML tags
// and entities, strikethrough, and the escape character itself.
var mdReplacer = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "~", `\~`,
	"<", "&lt;", ">", "&gt;", "&", "&amp;",
)

// mdText is text as Markdown inline content on one line: white space
// folded (a line break would end the table row), markup escaped.
func mdText(s string) string {
	return mdReplacer.Replace(strings.Join(strings.Fields(s), " "))
}

// mdCode is text as a code span: fenced with one more backtick than the
// longest run inside it; a pipe still needs escaping in a table.
func mdCode(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		pad = " "
	}
	return fence + pad + strings.ReplaceAll(s, "|", `\|`) + pad + fence
}

package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/contractlint/contractlint/analyzer"
)

// TextOptions choose what the text report shows.
type TextOptions struct {
	// ShowPass lists passing checks too.
	ShowPass bool
	// Color sets the severity word in colour (ANSI escapes).
	Color bool
}

// EvidenceWidth is the number of characters of evidence a text line
// quotes; longer evidence is cut at a word and marked with "...".
const EvidenceWidth = 100

// Text writes the report the way a compiler reports errors, one line per
// weak or missing check (and passing check, with ShowPass), grouped by
// document, in plan order:
//
//	PATH:LINE:COL: SEVERITY CHECK [CONTROLS]: MESSAGE (p4 §12.3 "evidence...")
//
// A missing check points at line 1, column 1 and quotes nothing. Other
// clauses the status rests on follow on indented lines, and with
// review --compare-index how the number compares with the indexed
// agreements ("    portfolio: 72 hours; 9 of 12 indexed agreements give
// 24 hours or less, ..."). A result that a
// waiver accepts is left out, as linters leave out suppressed findings,
// and counted as waived in the summary. Each document ends with a
// summary line; a run of several documents ends with a total.
// Files that could not be read are left to the caller's error output and
// only counted in the total.
func Text(w io.Writer, r *Report, opts TextOptions) error {
	bw := bufio.NewWriter(w)
	for i := range r.Documents {
		d := &r.Documents[i]
		if i > 0 {
			bw.WriteString("\n")
		}
		for _, res := range d.Results {
			if res.Status == analyzer.Pass && !opts.ShowPass || res.Suppression != nil {
				continue
			}
			writeResult(bw, d, res, opts.Color)
		}
		fmt.Fprintf(bw, "%s: %s\n", d.Path, summaryText(d.Summary))
	}
	if n := len(r.Documents); n > 1 || len(r.Errors) > 0 {
		if n > 0 {
			bw.WriteString("\n")
		}
		fmt.Fprintf(bw, "%s, %s", plural(n, "document"), summaryText(r.Total()))
		if len(r.Errors) > 0 {
			fmt.Fprintf(bw, "; %s could not be read", plural(len(r.Errors), "file"))
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}

func writeResult(w *bufio.Writer, d *Document, res analyzer.Result, color bool) {
	word := res.Severity.String()
	if res.Status == analyzer.Pass {
		word = "pass"
	}
	if color {
		word = colors[word] + word + "\x1b[0m"
	}
	fmt.Fprintf(w, "%s: %s %s", position(d, res.Location), word, res.Check)
	if len(res.Controls) > 0 {
		refs := make([]string, len(res.Controls))
		for i, c := range res.Controls {
			refs[i] = c.Baseline + " " + c.Ref
		}
		fmt.Fprintf(w, " [%s]", strings.Join(refs, ", "))
	}
	fmt.Fprintf(w, ": %s", res.Message)
	if res.Location != nil {
		fmt.Fprintf(w, " (%s)", where(*res.Location, res.Evidence))
	}
	w.WriteString("\n")
	for _, p := range res.Related {
		fmt.Fprintf(w, "    %s: related (%s)\n", position(d, &p.Location), where(p.Location, p.Evidence))
	}
	if res.Portfolio != nil {
		fmt.Fprintf(w, "    portfolio: %s\n", res.Portfolio.Summary)
	}
}

var colors = map[string]string{
	"error":   "\x1b[1;31m",
	"warning": "\x1b[1;33m",
	"note":    "\x1b[1;36m",
	"none":    "\x1b[1m",
	"pass":    "\x1b[32m",
}

// position is PATH:LINE:COL of a location, in the file of a bundle that
// holds it; line 1, column 1 of the (first) file when there is none.
func position(d *Document, loc *analyzer.Location) string {
	path := d.Path
	if len(d.Parts) > 0 {
		path = d.Parts[0].Path
	}
	if loc == nil {
		return path + ":1:1"
	}
	line := loc.Line
	if p := d.part(loc.Start); p != nil {
		path, line = p.Path, loc.Line-p.Line+1
	}
	return fmt.Sprintf("%s:%d:%d", path, line, loc.Column)
}

// where is `p4 §12.3 "evidence"`, leaving out what is unknown.
func where(loc analyzer.Location, evidence string) string {
	var parts []string
	if loc.Page > 0 {
		parts = append(parts, fmt.Sprintf("p%d", loc.Page))
	}
	if loc.Section != "" {
		parts = append(parts, "§"+loc.Section)
	}
	if evidence != "" {
		parts = append(parts, `"`+trimEvidence(evidence, EvidenceWidth)+`"`)
	}
	return strings.Join(parts, " ")
}

// trimEvidence folds white space and cuts s to about n characters, at a
// word boundary where one is near.
func trimEvidence(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := n
	for i := n; i > n*3/4; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(r[:cut]), " ,;:") + "..."
}

// summaryText is "N checks: P pass, W weak, M missing (E errors, W
// warnings, N notes)", with ", S waived" in the parentheses when a
// waiver accepted some.
func summaryText(s Summary) string {
	waived := ""
	if s.Suppressed > 0 {
		waived = fmt.Sprintf(", %d waived", s.Suppressed)
	}
	return fmt.Sprintf("%s: %d pass, %d weak, %d missing (%s, %s, %s%s)",
		plural(s.Checks, "check"), s.Pass, s.Weak, s.Missing,
		plural(s.Errors, "error"), plural(s.Warnings, "warning"), plural(s.Notes, "note"), waived)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

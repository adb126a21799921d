package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/contractlint/contractlint/analyzer"
)

// cells splits a Markdown table row at its unescaped pipes.
func cells(row string) []string {
	var out []string
	var cur strings.Builder
	for i := 0; i < len(row); i++ {
		switch {
		case row[i] == '\\' && i+1 < len(row):
			cur.WriteByte(row[i])
			cur.WriteByte(row[i+1])
			i++
		case row[i] == '|':
			out = append(out, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(row[i])
		}
	}
	out = append(out, strings.TrimSpace(cur.String()))
	// A row starts and ends with a pipe: drop the empty ends.
	return out[1 : len(out)-1]
}

// tableRows returns the body rows of the tables in md (header and
// delimiter rows left out).
func tableRows(md string) [][]string {
	var rows [][]string
	lines := strings.Split(md, "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, "| ") || strings.HasPrefix(l, "| ---") {
			continue
		}
		if i+1 < len(lines) && strings.HasPrefix(lines[i+1], "| ---") {
			continue // a header
		}
		rows = append(rows, cells(l))
	}
	return rows
}

func TestMarkdown(t *testing.T) {
	r := sample()
	var a, b bytes.Buffer
	if err := Markdown(&a, r, MarkdownOptions{}); err != nil {
		t.Fatal(err)
	}
	Markdown(&b, r, MarkdownOptions{})
	if a.String() != b.String() {
		t.Error("two writes differ")
	}
	md := a.String()
	for _, want := range []string{
		"## contractlint review\n",
		"\n### msa.pdf\n\n**4 checks: 1 pass, 2 weak, 1 missing (2 errors, 0 warnings, 0 notes, 1 waived)**\n",
		"| Check | Status | Severity | Controls | Evidence | Where |\n| --- | --- | --- | --- | --- | --- |\n",
		"### Notices\n\n- **warning** waiver for mfa expired on 2026-01-31 (`.contractlint.yaml:20`)\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	rows := tableRows(md)
	if len(rows) != 3 {
		t.Fatalf("%d table rows; want 3 (weak and missing, no pass):\n%s", len(rows), md)
	}
	for _, row := range rows {
		if len(row) != 6 {
			t.Errorf("row with %d cells; want 6: %q", len(row), row)
		}
	}
	// Errors first, in plan order, then the note.
	if !strings.HasPrefix(rows[0][0], "`mfa`") || !strings.HasPrefix(rows[1][0], "`incident-notification`") || !strings.HasPrefix(rows[2][0], "`security-training`") {
		t.Errorf("row order %q, %q, %q", rows[0][0], rows[1][0], rows[2][0])
	}
	inc := rows[1]
	if inc[1] != "**weak**: within 72 hrs does not meet &lt;= 24 hours" || inc[2] != "error" ||
		inc[3] != "mss-contract Incident: notification requirements" ||
		!strings.HasPrefix(inc[4], "“Vendor shall notify Customer in writing") ||
		inc[5] != "p5 · §6(b) · line 179<br>also p9 · §Schedule 2, 3.1 · line 410" {
		t.Errorf("incident-notification row %q", inc)
	}
	if rows[0][4] != "—" || rows[0][5] != "—" {
		t.Errorf("a missing check quotes %q at %q; want dashes", rows[0][4], rows[0][5])
	}
	if !strings.Contains(rows[2][1], "<br>waived: training is covered by our own programme (approved by ciso@example.com, until 2027-06-30)") {
		t.Errorf("waived row status %q", rows[2][1])
	}
	if strings.Contains(md, "<details>") || strings.Contains(md, "data-return-deletion") {
		t.Error("passes listed without ShowPass")
	}
}

func TestMarkdownShowPass(t *testing.T) {
	var b bytes.Buffer
	Markdown(&b, sample(), MarkdownOptions{ShowPass: true})
	md := b.String()
	i := strings.Index(md, "<details><summary>1 passing check</summary>\n\n| Check | Evidence | Where |")
	j := strings.Index(md, "</details>")
	if i < 0 || j < i || !strings.Contains(md[i:j], "`data-return-deletion`") {
		t.Fatalf("passes should be in a collapsed block:\n%s", md)
	}
	if n := len(tableRows(md)); n != 4 {
		t.Errorf("%d rows; want 3 findings and 1 pass", n)
	}
}

// TestMarkdownEscapes: agreement text cannot break the table, inject HTML
// or make links, and long evidence is cut.
func TestMarkdownEscapes(t *testing.T) {
	r := sample()
	res := &r.Documents[0].Results[1]
	res.Evidence = "Fees | Credits\n<script>alert(1)</script> *all* _data_ [click](http://x) `code` ~~gone~~ \\ & more " + strings.Repeat("words ", 60)
	res.Message = "a | b"
	r.Documents[0].Path = "deals/MSA | v2 [final].pdf"
	var b bytes.Buffer
	Markdown(&b, r, MarkdownOptions{})
	md := b.String()
	rows := tableRows(md)
	for _, row := range rows {
		if len(row) != 6 {
			t.Errorf("row with %d cells; want 6: %q", len(row), row)
		}
	}
	ev := rows[1][4]
	for _, bad := range []string{"<script", "*all*", "_data_", "~~gone", "\n"} {
		if strings.Contains(ev, bad) {
			t.Errorf("evidence cell keeps %q: %s", bad, ev)
		}
	}
	if regexp.MustCompile(`[^\\]\]\(`).MatchString(ev) {
		t.Errorf("evidence cell keeps a link: %s", ev)
	}
	for _, want := range []string{`Fees \| Credits`, "&lt;script&gt;", `\*all\*`, `\[click\](http://x)`, "\\`code\\`", `\\ &amp; more`} {
		if !strings.Contains(ev, want) {
			t.Errorf("evidence cell lacks %q: %s", want, ev)
		}
	}
	if n := len([]rune(ev)); n > MarkdownEvidenceWidth+80 || !strings.HasSuffix(ev, "...”") {
		t.Errorf("evidence cell of %d characters, not cut: %s", n, ev)
	}
	if !strings.Contains(md, "\n### deals/MSA \\| v2 \\[final\\].pdf\n") {
		t.Errorf("heading not escaped:\n%s", md)
	}
}

func TestMarkdownManyAndErrors(t *testing.T) {
	r := sample()
	r.Documents = append(r.Documents, Document{Path: "clean.md", Format: "markdown", Results: []analyzer.Result{
		{Check: "mfa", Title: "MFA", Status: analyzer.Pass, Severity: analyzer.SeverityError, Evidence: "Provider shall enforce MFA.", Location: &analyzer.Location{Line: 3, Column: 1}},
	}})
	r.Documents[1].Summary = Summarize(r.Documents[1].Results)
	r.Errors = []Error{{Path: "scan.pdf", Error: "no text layer"}}
	var b bytes.Buffer
	Markdown(&b, r, MarkdownOptions{})
	md := b.String()
	if !regexp.MustCompile(`\n### clean\.md\n\n\*\*1 check: 1 pass, 0 weak, 0 missing \(0 errors, 0 warnings, 0 notes\)\*\*\n\nNo weak or missing checks\.\n`).MatchString(md) {
		t.Errorf("a clean document should say so:\n%s", md)
	}
	for _, want := range []string{
		"\n**Total:** 2 documents, 5 checks: 2 pass, 2 weak, 1 missing (2 errors, 0 warnings, 0 notes, 1 waived); 1 file could not be read\n",
		"\n### Files that could not be read\n\n- `scan.pdf`: no text layer\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
}

func TestMdCode(t *testing.T) {
	for in, want := range map[string]string{
		"mfa":       "`mfa`",
		"a`b":       "``a`b``",
		"`x":        "`` `x ``",
		"a|b":       "`a\\|b`",
		"two\nline": "`two line`",
	} {
		if got := mdCode(in); got != want {
			t.Errorf("mdCode(%q) = %q; want %q", in, got, want)
		}
	}
}

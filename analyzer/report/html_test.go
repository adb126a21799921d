package report

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/contractlint/contractlint/analyzer"
)

// parseHTML writes and parses the HTML report.
func parseHTML(t *testing.T, r *Report, c *Catalog) (*html.Node, string) {
	t.Helper()
	var b bytes.Buffer
	if err := HTML(&b, r, c); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	return doc, b.String()
}

// find returns the elements under n that satisfy ok, in document order.
func find(n *html.Node, ok func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && ok(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

func tag(name string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == name }
}

func tagClass(name, class string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == name && hasClass(n, class) }
}

// text is the text content of n, white space folded.
func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func TestHTML(t *testing.T) {
	r := sample()
	doc, out := parseHTML(t, r, sampleCatalog())
	_, again := parseHTML(t, r, sampleCatalog())
	if out != again {
		t.Error("two writes differ")
	}
	if !strings.HasPrefix(out, "<!DOCTYPE html>\n") {
		t.Error("no doctype")
	}
	if title := find(doc, tag("title")); len(title) == 0 || text(title[0]) != "Contract review: msa.pdf" {
		t.Errorf("title %v", title)
	}

	// Self-contained: no scripts, no external style sheets, images,
	// frames or fonts, nothing fetched from a URL.
	for _, name := range []string{"script", "link", "img", "iframe", "object", "embed"} {
		if n := find(doc, tag(name)); len(n) > 0 {
			t.Errorf("%d <%s> elements; want none", len(n), name)
		}
	}
	for _, n := range find(doc, func(*html.Node) bool { return true }) {
		for _, a := range n.Attr {
			if (a.Key == "src" || a.Key == "href" || strings.HasSuffix(a.Key, "href")) && !strings.HasPrefix(a.Val, "#") {
				t.Errorf("<%s %s=%q>: only links inside the page are allowed", n.Data, a.Key, a.Val)
			}
		}
	}
	styles := find(doc, tag("style"))
	if len(styles) != 1 {
		t.Fatalf("%d <style> elements; want one inline", len(styles))
	}
	css := text(styles[0])
	for _, bad := range []string{"@import", "url(", "http:", "https:"} {
		if strings.Contains(css, bad) {
			t.Errorf("the style sheet contains %q", bad)
		}
	}
	if !strings.Contains(css, "@media print") || !strings.Contains(css, "break-inside: avoid") {
		t.Error("no print styles")
	}

	// One finding section per weak or missing result, errors first.
	findings := find(doc, tagClass("section", "finding"))
	sum := r.Documents[0].Summary
	if len(findings) != sum.Weak+sum.Missing {
		t.Fatalf("%d finding sections; want %d (weak + missing)", len(findings), sum.Weak+sum.Missing)
	}
	ids := []string{}
	for _, f := range findings {
		ids = append(ids, attr(f, "id"))
	}
	if strings.Join(ids, " ") != "doc-1-mfa doc-1-incident-notification doc-1-security-training" {
		t.Errorf("finding order %v; want errors first, in plan order", ids)
	}
	inc := findings[1]
	if q := find(inc, tagClass("blockquote", "evidence")); len(q) != 1 || !strings.HasPrefix(text(q[0]), "Vendor shall notify Customer in writing") {
		t.Error("the weak finding does not quote its evidence")
	}
	if s := find(inc, tagClass("div", "suggestion")); len(s) != 1 || !strings.Contains(text(s[0]), "within twenty-four (24) hours") {
		t.Error("the finding lacks the catalog's suggested clause")
	}
	facts := map[string]string{}
	var term string
	for _, n := range find(find(inc, tagClass("dl", "facts"))[0], func(n *html.Node) bool { return n.Data == "dt" || n.Data == "dd" }) {
		if n.Data == "dt" {
			term = text(n)
		} else {
			facts[term] = text(n)
		}
	}
	for k, want := range map[string]string{
		"Where": "p5 · §6(b) · line 179", "Found": "within 72 hrs", "Threshold": "<= 24 hours",
		"Controls": "mss-contract Incident: notification requirements",
		"Also":     "p9 · §Schedule 2, 3.1 · line 410: “Personal Data Breaches are notified within 48 hours.”",
	} {
		if facts[k] != want {
			t.Errorf("%s: %q; want %q", k, facts[k], want)
		}
	}
	if a := find(findings[0], tagClass("p", "absent")); len(a) != 1 {
		t.Error("a missing check should say that no clause addresses it")
	}
	if w := find(findings[2], tagClass("div", "waiver")); !hasClass(findings[2], "waived") || len(w) != 1 || !strings.Contains(text(w[0]), "ciso@example.com") {
		t.Error("the waived finding is not marked with its waiver")
	}

	// Passing checks follow the findings, one row each.
	passes := find(doc, tagClass("table", "passes"))
	if len(passes) != 1 || len(find(passes[0], tag("tr")))-1 != sum.Pass {
		t.Errorf("passing checks table: want %d rows", sum.Pass)
	}

	// A chart per document: a bar per baseline row, its segments as wide
	// as the bar together.
	svgs := find(doc, tag("svg"))
	if len(svgs) != 1 || attr(svgs[0], "role") != "img" || attr(svgs[0], "aria-label") == "" {
		t.Fatalf("%d charts; want one, labelled", len(svgs))
	}
	rows := find(svgs[0], tagClass("g", "row"))
	if len(rows) != 4 { // all checks + 3 baselines
		t.Errorf("%d chart rows; want 4", len(rows))
	}
	for _, row := range rows {
		total := 0
		for _, class := range []string{"pass", "weak", "missing"} {
			rect := find(row, tagClass("rect", class))
			if len(rect) != 1 {
				t.Fatalf("row %q lacks its %s bar", text(row), class)
			}
			w, err := strconv.Atoi(attr(rect[0], "width"))
			if err != nil || w < 0 {
				t.Errorf("width %q", attr(rect[0], "width"))
			}
			total += w
		}
		if total != chartBarW {
			t.Errorf("row %q: segments %d wide; want %d", text(row), total, chartBarW)
		}
	}
	if cov := find(doc, tagClass("table", "coverage")); len(cov) != 1 || len(find(cov[0], tag("tr"))) != 5 {
		t.Error("coverage table: want a header and 4 rows")
	}
	if n := find(doc, tagClass("ul", "notices")); len(n) != 1 {
		t.Error("notices not listed")
	}
}

// TestHTMLEscapes: agreement text is text, never markup.
func TestHTMLEscapes(t *testing.T) {
	r := sample()
	evil := `</blockquote><script>alert("x")</script><a href="https://evil.example/">x</a> & <b>bold</b>`
	r.Documents[0].Results[1].Evidence = evil
	r.Documents[0].Results[1].Message = "<img src=x onerror=alert(1)>"
	r.Documents[0].Path = `"><script>alert(1)</script>.pdf`
	doc, out := parseHTML(t, r, sampleCatalog())
	if n := find(doc, func(n *html.Node) bool {
		return n.Data == "script" || n.Data == "img" || n.Data == "b" || n.Data == "a"
	}); len(n) > 0 {
		t.Errorf("agreement text became markup: %d elements", len(n))
	}
	q := find(find(doc, tagClass("section", "finding"))[1], tagClass("blockquote", "evidence"))
	if len(q) != 1 || text(q[0]) != evil {
		t.Errorf("evidence not shown as written: %q", text(q[0]))
	}
	if strings.Contains(out, "<script") {
		t.Error("raw <script in the output")
	}
}

// TestHTMLMany: several documents, each its own section with chart and
// findings, and a table of contents linking to them.
func TestHTMLMany(t *testing.T) {
	r := sample()
	second := r.Documents[0]
	second.Path = "b.docx"
	second.Format = "docx"
	second.Results = []analyzer.Result{{Check: "mfa", Title: "MFA", Status: analyzer.Pass, Severity: analyzer.SeverityError,
		Controls: []analyzer.Control{{Baseline: "ecc-2-2024", Ref: "4-1-3 guidance"}}, Evidence: "Provider shall enforce MFA.", Location: &analyzer.Location{Line: 3, Column: 1}}}
	second.Summary = Summarize(second.Results)
	r.Documents = append(r.Documents, second)
	r.Errors = []Error{{Path: "scan.pdf", Error: "no text layer"}}
	doc, _ := parseHTML(t, r, nil)
	docs := find(doc, tagClass("section", "document"))
	if len(docs) != 2 {
		t.Fatalf("%d document sections; want 2", len(docs))
	}
	for i, d := range docs {
		if len(find(d, tag("svg"))) != 1 {
			t.Errorf("document %d has no chart", i+1)
		}
		want := r.Documents[i].Summary.Weak + r.Documents[i].Summary.Missing
		if got := len(find(d, tagClass("section", "finding"))); got != want {
			t.Errorf("document %d: %d findings; want %d", i+1, got, want)
		}
	}
	links := find(doc, func(n *html.Node) bool { return n.Data == "a" && strings.HasPrefix(attr(n, "href"), "#") })
	if len(links) != 2 || attr(links[1], "href") != "#"+attr(docs[1], "id") {
		t.Errorf("table of contents links %d; want 2 to the documents", len(links))
	}
	seen := map[string]bool{}
	for _, n := range find(doc, func(n *html.Node) bool { return attr(n, "id") != "" }) {
		if seen[attr(n, "id")] {
			t.Errorf("id %q used twice", attr(n, "id"))
		}
		seen[attr(n, "id")] = true
	}
	if e := find(doc, tagClass("ul", "errors")); len(e) != 1 || !strings.Contains(text(e[0]), "scan.pdf: no text layer") {
		t.Error("unread files not listed")
	}
	// Without a catalog there is no suggestion, and nothing breaks.
	if s := find(doc, tagClass("div", "suggestion")); len(s) != 0 {
		t.Errorf("%d suggestions without a catalog", len(s))
	}
}

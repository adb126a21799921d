package text

import (
	"fmt"
	"strings"
	"testing"

	"github.com/contractlint/contractlint/corpus"
)

// brief renders blocks compactly for comparison: "H2 Title", "P text",
// "L (a) item", "T1.0.1 cell" (table 1, row 0, column 1).
func brief(blocks []corpus.Block) []string {
	out := make([]string, len(blocks))
	for i, b := range blocks {
		switch b.Kind {
		case corpus.Heading:
			out[i] = fmt.Sprintf("H%d %s", b.Level, b.Text)
		case corpus.ListItem:
			out[i] = "L " + b.Text
		case corpus.TableCell:
			out[i] = fmt.Sprintf("T%d.%d.%d %s", b.Table, b.Row, b.Col, b.Text)
		default:
			out[i] = "P " + b.Text
		}
	}
	return out
}

func extractString(t *testing.T, src string, format corpus.Format) *corpus.Document {
	t.Helper()
	d, err := Extract("test", []byte(src), format)
	if err != nil {
		t.Fatalf("Extract(%q): %v", src, err)
	}
	return d
}

type blockCase struct {
	name string
	src  string
	want []string
}

func runBlockCases(t *testing.T, format corpus.Format, cases []blockCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := brief(extractString(t, c.src, format).Blocks)
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("blocks of %q:\n got  %q\n want %q", c.src, got, c.want)
			}
		})
	}
}

func TestMarkdownBlocks(t *testing.T) {
	runBlockCases(t, corpus.FormatMarkdown, []blockCase{
		{"atx", "# Title\n\n## 1. Definitions ##\n\n###### Deep\n\n#NotAHeading", []string{
			"H1 Title", "H2 1. Definitions", "H6 Deep", "P #NotAHeading"}},
		{"setext", "Master Agreement\n================\n\nPart One\n--------\ntext", []string{
			"H1 Master Agreement", "H2 Part One", "P text"}},
		{"paragraph joins lines", "The Provider shall\nnotify the Customer.\n\nNext one.", []string{
			"P The Provider shall notify the Customer.", "P Next one."}},
		{"hard breaks", "line one  \nline two\\\nline three", []string{"P line one line two line three"}},
		{"bullets", "- first\n- second\n  continued\n* star\n+ plus", []string{
			"L first", "L second continued", "L star", "L plus"}},
		{"ordered", "1. One\n2. Two\n\n1) Uno\n2) Dos", []string{"L 1. One", "L 2. Two", "L 1) Uno", "L 2) Dos"}},
		{"ordered list cannot interrupt lazily", "1. One\n2. Two\n3) Three", []string{"L 1. One", "L 2. Two 3) Three"}},
		{"ordered renumbered as rendered", "1. One\n1. Two\n1. Three", []string{"L 1. One", "L 2. Two", "L 3. Three"}},
		{"nested ordered lists number as clauses",
			"1. Service\n    1. Access. Text.\n    2. Support. More.\n        a. first\n        b. second\n2. Fees", []string{
				"L 1. Service", "L 1.1 Access. Text.", "L 1.2 Support. More.", "L a. first", "L b. second", "L 2. Fees"}},
		{"contract markers", "The Provider shall:\n(a) do this;\n(b) do that; and\n(c) the other.", []string{
			"P The Provider shall:", "L (a) do this;", "L (b) do that; and", "L (c) the other."}},
		{"roman and letters", "(i) one\n\n(ii) two\n\na. alpha\n\nb) beta", []string{
			"L (i) one", "L (ii) two", "L a. alpha", "L b) beta"}},
		{"number in wrapped text stays", "7.1 Audit. Client may audit on thirty\n(30) days' notice.", []string{
			"P 7.1 Audit. Client may audit on thirty (30) days' notice."}},
		{"lazy continuation", "- an item that\nwraps lazily", []string{"L an item that wraps lazily"}},
		{"list item with two paragraphs", "1. First para.\n\n   Second para.\n\n2. Next", []string{
			"L 1. First para.", "P Second para.", "L 2. Next"}},
		{"blockquote", "> Quoted text\n> continues\nlazily\n\nafter", []string{"P Quoted text continues lazily", "P after"}},
		{"fenced code kept", "```go\nx := a *b* c\n\ny\n```\nafter", []string{"P x := a *b* c", "P y", "P after"}},
		{"indented code kept", "para\n\n    code *x*\n    more\n\nend", []string{"P para", "P code *x* more", "P end"}},
		{"thematic breaks dropped", "a\n\n***\n\n- - -\n\n___\n\nb", []string{"P a", "P b"}},
		{"front matter dropped", "---\ntitle: DPA\nversions:\n  fpt: '*'\n---\n\n## Intro\n\nText", []string{"H2 Intro", "P Text"}},
		{"gfm table", "Intro\n\n| Item | Charge |\n|:-----|------:|\n| User | $5 |\n| Site | **$9** |\n\nAfter", []string{
			"P Intro", "T1.0.0 Item", "T1.0.1 Charge", "T1.1.0 User", "T1.1.1 $5", "T1.2.0 Site", "T1.2.1 $9", "P After"}},
		{"table without outer pipes after text", "Rates:\nA | B\n--|--\n1 | 2 \\| 3", []string{
			"P Rates:", "T1.0.0 A", "T1.0.1 B", "T1.1.0 1", "T1.1.1 2 | 3"}},
		{"two tables counted", "|a|b|\n|-|-|\n|1|2|\n\n|c|d|\n|-|-|", []string{
			"T1.0.0 a", "T1.0.1 b", "T1.1.0 1", "T1.1.1 2", "T2.0.0 c", "T2.0.1 d"}},
		{"plain-text pipe table", "Item | Unit | Charge\n------------------\nUser | month | SAR 1\nSite | month | SAR 2", []string{
			"T1.0.0 Item", "T1.0.1 Unit", "T1.0.2 Charge", "T1.1.0 User", "T1.1.1 month", "T1.1.2 SAR 1",
			"T1.2.0 Site", "T1.2.1 month", "T1.2.2 SAR 2"}},
		{"numbered line over a rule is a heading", "1. DEFINITIONS\n--------------\n\n1.1 Text.", []string{
			"H2 1. DEFINITIONS", "P 1.1 Text."}},
		{"bold line is a heading", "# Agreement\n\n**RECITALS**\n\nWhereas.\n\n**1.1 Scope**\n\n**Bold** start is no heading.", []string{
			"H1 Agreement", "H3 RECITALS", "P Whereas.", "H4 1.1 Scope", "P Bold start is no heading."}},
		{"bold heading below a deep heading", "##### Clause 8\n\n**8.1 Instructions**\n\ntext", []string{
			"H5 Clause 8", "H6 8.1 Instructions", "P text"}},
		{"bold or caps title", "**MASTER AGREEMENT**\n\nText.", []string{"H1 MASTER AGREEMENT", "P Text."}},
		{"caps line is a heading", "Intro text.\n\nGENERAL PROVISIONS\n\nMore text.", []string{
			"P Intro text.", "H3 GENERAL PROVISIONS", "P More text."}},
		{"html list", "# Clauses\n\n**1.1 Instructions**\n<ol style=\"list-style-type:lower-alpha\">\n  <li>First duty.</li>\n  <li>Second:\n  <ol style=\"list-style-type:lower-roman\"><li>one</li><li>two</li></ol>\n  and after.</li>\n</ol>", []string{
			"H1 Clauses", "H4 1.1 Instructions", "L (a) First duty.", "L (b) Second:", "L (i) one", "L (ii) two", "P and after."}},
		{"html list across blank lines", "<ol type=\"A\" start=\"3\">\n<li>c</li>\n\n<li>d</li>\n</ol>\n\ntext", []string{
			"L (C) c", "L (D) d", "P text"}},
		{"html heading and table", "<p id=\"x\"><h1>Appendix A &ndash; Security</h1></p>\n\n<table><tr><th>Domain</th><th>Practice</th></tr><tr><td>Access</td><td>MFA &amp; logs<br>daily</td></tr></table>", []string{
			"H1 Appendix A – Security", "T1.0.0 Domain", "T1.0.1 Practice", "T1.1.0 Access", "T1.1.1 MFA & logs daily"}},
		{"html comment dropped", "<!-- a\ncomment -->\n\nText <!-- inline --> here.", []string{"P Text here."}},
		{"reference definitions dropped", "See [the policy][p] and [Annex].\n\n[p]: https://example.com/policy \"Policy\"\n[annex]: #annex", []string{
			"P See the policy and Annex."}},
		{"footnote definition kept", "[^1]: A footnote.", []string{"P [^1]: A footnote."}},
		{"tabs", "-\tfirst\n\tindented code", []string{"L first indented code"}},
	})
}

func TestMarkdownSections(t *testing.T) {
	src := "# Agreement\n\n1. Service\n    1. Access and Use. Text.\n    2. Accounts. Text.\n        a. first item\n\n" +
		"## Term and Termination\n\n(a) Term.\n\n(b) Termination.\n\n##### Clause 12\n\n<ol style=\"list-style-type:lower-alpha\"><li>x</li><li>y</li></ol>\n"
	d := extractString(t, src, corpus.FormatMarkdown)
	var got []string
	for _, b := range d.Blocks {
		got = append(got, b.Section)
	}
	want := []string{"", "1", "1.1", "1.2", "1.2(a)", "", "(a)", "(b)", "12", "12(a)", "12(b)"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sections\n got  %q\n want %q", got, want)
	}
	if hp := d.Blocks[len(d.Blocks)-1].HeadingPath; strings.Join(hp, "/") != "Agreement/Term and Termination/Clause 12" {
		t.Errorf("heading path of the last block = %q", hp)
	}
}

func TestInline(t *testing.T) {
	ir := &inlineRenderer{}
	ir.addRef("ref")
	ir.addRef("collapsed")
	for _, c := range []struct{ in, want string }{
		{"**bold** and __strong__", "bold and strong"},
		{"*em* and _em_ and ***both***", "em and em and both"},
		{"`code *not em*` and ``a ` b``", "code *not em* and a ` b"},
		{"[text](https://x.com/a_(b) \"title\") and ![alt text](img.png)", "text and alt text"},
		{"[full][ref], [collapsed][] and [Ref]", "full, collapsed and Ref"},
		{"[Insert Name of Business Associate]", "[Insert Name of Business Associate]"},
		{"<https://example.com> and <legal@example.com>", "https://example.com and legal@example.com"},
		{`\*not em\* and \_x\_ and \[y\]`, "*not em* and _x_ and [y]"},
		{"a<br>b<br/>c</br>d", "a b c d"},
		{"Provider</span>’s <span class=\"x\">name</span>", "Provider’s name"},
		{"between <Customer Name> and 2 < 3", "between <Customer Name> and 2 < 3"},
		{"x <!-- note --> y", "x  y"},
		{"AT&amp;T &#8217; &#x2019; &copy; &bogus; & alone", "AT&T ’ ’ © &bogus; & alone"},
		{"snake_case_name and 2 * 3 * 4", "snake_case_name and 2 * 3 * 4"},
		{"**unclosed and *half", "**unclosed and *half"},
		{"**<span id=\"8.1.a\">Except</span> as provided.**", "Except as provided."},
		{"~~struck~~ text", "struck text"},
		{"**“Affiliate”** means", "“Affiliate” means"},
		{"*a **b** c*", "a b c"},
	} {
		if got := ir.render(c.in); got != c.want {
			t.Errorf("render(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

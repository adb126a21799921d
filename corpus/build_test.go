package corpus

import (
	"reflect"
	"strings"
	"testing"
)

func TestSections(t *testing.T) {
	type in struct {
		kind  BlockKind
		level int
		text  string
	}
	h := func(level int, text string) in { return in{Heading, level, text} }
	p := func(text string) in { return in{Paragraph, 0, text} }
	for _, c := range []struct {
		name   string
		blocks []in
		want   []string
	}{
		{"decimal and letters",
			[]in{h(2, "12. Security"), p("12.1 Provider shall encrypt."), p("(a) at rest; and"), p("(b) in transit."), p("(c) keys."), p("12.2 Notification."), p("(i) first"), p("(ii) second"), p("Unnumbered continuation.")},
			[]string{"12", "12.1", "12.1(a)", "12.1(b)", "12.1(c)", "12.2", "12.2(i)", "12.2(ii)", "12.2(ii)"}},
		{"letters run past h",
			[]in{p("3. Services"), p("(h) eighth"), p("(i) ninth"), p("(j) tenth"), p("(v) roman?")},
			[]string{"3", "3(h)", "3(i)", "3(j)", "3(v)"}},
		{"nested roman under letter",
			[]in{p("3. Scope"), p("(g) items:"), p("(i) one"), p("(ii) two"), p("(h) next")},
			[]string{"3", "3(g)", "3(g)(i)", "3(g)(ii)", "3(h)"}},
		{"article and section",
			[]in{h(2, "ARTICLE IV - SECURITY"), p("Section 4.01 Encryption. Contractor shall ..."), p("Section 4.02(a) Keys.")},
			[]string{"ARTICLE IV", "4.01", "4.02(a)"}},
		{"schedule prefix, toc ignored",
			[]in{p("SCHEDULE 2 SECURITY REQUIREMENTS"), h(2, "1. Definitions"), p("1.1 Terms."), h(1, "Schedule 2 - Security Requirements"), p("8.2 Provider shall patch."), h(2, "Part B - Testing"), p("1.1 Annual test.")},
			[]string{"", "1", "1.1", "Schedule 2", "Schedule 2, 8.2", "Schedule 2, Part B", "Schedule 2, Part B, 1.1"}},
		{"exhibit number of a filing is not an annex",
			[]in{h(3, "Exhibit 10.21"), h(2, "1. Services"), p("1.1 Scope.")},
			[]string{"", "1", "1.1"}},
		{"unnumbered sub-heading stays in its section",
			[]in{h(2, "4.0 Term and Termination"), h(2, "Termination for Cause"), p("Either party may terminate."), h(1, "General Terms"), p("Notices.")},
			[]string{"4.0", "4.0", "4.0", "", ""}},
		{"lettered exhibit clauses",
			[]in{h(2, "EXHIBIT B - SERVICE LEVELS"), p("B-1 Service Levels. Provider shall meet ..."), p("B-2 Service Credits."), p("B-2 minutes is not a label")},
			[]string{"Exhibit B", "Exhibit B, B-1", "Exhibit B, B-2", "Exhibit B, B-2"}},
		{"glued EDGAR number and prose numbers",
			[]in{p("2.17.1Datec will provide logons."), p("30 days after notice, Provider shall ..."), p("2. Fees")},
			[]string{"2.17.1", "2.17.1", "2"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var raw []Block
			for _, b := range c.blocks {
				raw = append(raw, Block{Kind: b.kind, Level: b.level, Text: b.text})
			}
			d := Build("x", FormatText, 0, raw)
			var got []string
			for _, b := range d.Blocks {
				got = append(got, b.Section)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("sections\n got %q\nwant %q", got, c.want)
			}
		})
	}
}

// TestBuildLocations: offsets slice the text in code points, lines count
// from 1, heading paths nest by level, empty blocks are dropped, and the
// Number a DOCX extractor renders is kept.
func TestBuildLocations(t *testing.T) {
	d := Build("x.docx", FormatDOCX, 0, []Block{
		{Kind: Heading, Level: 1, Text: "Agreement"},
		{Kind: Heading, Level: 2, Text: "12 Security", Number: "12"},
		{Kind: Paragraph, Text: "  \n "},
		{Kind: Paragraph, Text: "12.3 Provider shall notify “Customer” —\n within 24\u00a0hours.", Number: "12.3"},
		{Kind: TableCell, Text: "Severity 1", Table: 1, Row: 0, Col: 0},
		{Kind: TableCell, Text: "15 minutes", Table: 1, Row: 0, Col: 1},
		{Kind: Heading, Level: 2, Text: "13 Audit"},
	})
	if len(d.Blocks) != 6 {
		t.Fatalf("%d blocks; want 6 (the blank one dropped)", len(d.Blocks))
	}
	runes := []rune(d.Text)
	for _, b := range d.Blocks {
		if got := string(runes[b.Start:b.End]); got != b.Text {
			t.Errorf("block %q: offsets give %q", b.Text, got)
		}
		lineStart := strings.Count(string(runes[:b.Start]), "\n") + 1
		if b.Line != lineStart {
			t.Errorf("block %q: line %d; want %d", b.Text, b.Line, lineStart)
		}
	}
	clause := d.Blocks[2]
	if clause.Text != "12.3 Provider shall notify “Customer” — within 24 hours." || clause.Section != "12.3" || clause.Number != "12.3" {
		t.Errorf("clause = %+v", clause)
	}
	if !reflect.DeepEqual(clause.HeadingPath, []string{"Agreement", "12 Security"}) {
		t.Errorf("heading path %q", clause.HeadingPath)
	}
	if last := d.Blocks[5]; !reflect.DeepEqual(last.HeadingPath, []string{"Agreement"}) || last.Section != "13" {
		t.Errorf("13 Audit: path %q section %q", last.HeadingPath, last.Section)
	}
	if !strings.Contains(d.Text, "Severity 1\n15 minutes") {
		t.Errorf("cells of one row should be a line apart: %q", d.Text)
	}
}

func TestNormalize(t *testing.T) {
	got := Normalize("Provider\u00a0shall  notify “Customer” within twenty\u2011four (24) hours\u037e and ﬁnally")
	want := `Provider shall notify "Customer" within twenty-four (24) hours; and finally`
	if got != want {
		t.Errorf("Normalize = %q; want %q", got, want)
	}
}

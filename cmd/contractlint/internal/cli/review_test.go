package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/contractlint/contractlint/corpus"
)

func testdata(parts ...string) string {
	return filepath.Join(append([]string{"..", "..", "..", "..", "testdata"}, parts...)...)
}

func runMain(stdin string, args ...string) (string, string, int) {
	var out, errb bytes.Buffer
	code := Main(args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

// TestBundle: the joined document keeps every block's text at its
// offsets and lines, keeps tables of different files apart, and its parts
// say where each file starts.
func TestBundle(t *testing.T) {
	a := corpus.Build("msa.pdf", corpus.FormatPDF, 2, []corpus.Block{
		{Kind: corpus.Heading, Text: "1. Security", Page: 1},
		{Kind: corpus.Paragraph, Text: "1.1 Provider shall notify Customer within 24 hours.", Page: 1},
		{Kind: corpus.TableCell, Text: "Severity", Table: 1, Row: 0, Col: 0, Page: 2},
		{Kind: corpus.TableCell, Text: "Hours", Table: 1, Row: 0, Col: 1, Page: 2},
	})
	b := corpus.Build("schedule.md", corpus.FormatMarkdown, 0, []corpus.Block{
		{Kind: corpus.Heading, Text: "Schedule 2", Level: 1},
		{Kind: corpus.TableCell, Text: "P1", Table: 1, Row: 0, Col: 0},
		{Kind: corpus.TableCell, Text: "4 hours", Table: 1, Row: 0, Col: 1},
		{Kind: corpus.Paragraph, Text: "Données « chiffrées » — naïve café."},
	})
	d, parts := bundle([]*corpus.Document{a, b})
	if d.Path != "msa.pdf, schedule.md" || d.Format != "mixed" || d.Pages != 2 || len(d.Blocks) != 8 {
		t.Fatalf("bundle %q, %s, %d pages, %d blocks", d.Path, d.Format, d.Pages, len(d.Blocks))
	}
	runes := []rune(d.Text)
	lines := strings.Split(d.Text, "\n")
	for _, bl := range d.Blocks {
		if got := string(runes[bl.Start:bl.End]); got != bl.Text {
			t.Errorf("block %q: offsets %d-%d hold %q", bl.Text, bl.Start, bl.End, got)
		}
		if !strings.HasPrefix(lines[bl.Line-1], bl.Text) {
			t.Errorf("block %q: line %d is %q", bl.Text, bl.Line, lines[bl.Line-1])
		}
	}
	if d.Blocks[2].Table != 1 || d.Blocks[5].Table != 2 {
		t.Errorf("tables %d and %d; want 1 and 2", d.Blocks[2].Table, d.Blocks[5].Table)
	}
	if d.Blocks[1].Section != a.Blocks[1].Section || d.Blocks[4].Page != 0 || d.Blocks[3].Page != 2 {
		t.Error("sections and pages should stay as each file has them")
	}
	if len(parts) != 2 || parts[0].Line != 1 || parts[0].Start != 0 || parts[1].Path != "schedule.md" ||
		parts[1].Line != d.Blocks[4].Line || parts[1].Start != d.Blocks[4].Start || parts[1].Format != "markdown" {
		t.Errorf("parts %+v; want the second to start at the schedule's first block (line %d, offset %d)", parts, d.Blocks[4].Line, d.Blocks[4].Start)
	}
	if one, _ := bundle([]*corpus.Document{a}); one.Text != a.Text || one.Format != corpus.FormatPDF {
		t.Error("a bundle of one file should be that file")
	}
}

func TestReviewInProcess(t *testing.T) {
	agreement := "# Terms\n\n12.3 Provider shall notify Customer of any Security Incident within 24 hours.\n"
	out, errs, code := runMain(agreement, "review", "--color", "auto", "--show-pass", "-")
	if code != ExitFindings || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if !strings.Contains(out, "-:3:1: pass incident-notification") || strings.Contains(out, "\x1b[") {
		t.Errorf("want a plain (not coloured: not a terminal) pass line for incident-notification:\n%s", out)
	}
	if _, _, code := runMain(agreement, "review", "--fail-on", "none", "-"); code != ExitOK {
		t.Errorf("--fail-on none: exit %d", code)
	}
}

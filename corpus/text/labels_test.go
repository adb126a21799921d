package text

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/contractlint/contractlint/corpus"
	"github.com/contractlint/contractlint/corpus/labels"
)

// The labelled corpus copied into the repository (testdata/corpus; the
// label format is described in testdata/corpus/LABELS.md).
const corpusDir = "../../testdata/corpus"

// textCorpus returns the Markdown and plain-text documents of the corpus
// with their labels, by path.
func textCorpus(t testing.TB) map[string]labels.File {
	t.Helper()
	docs, err := labels.Load(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]labels.File{}
	for _, d := range docs {
		if d.Labels.Format == "md" || d.Labels.Format == "txt" {
			m[d.Path] = d.Labels
		}
	}
	if len(m) != 9 {
		t.Fatalf("found %d Markdown and text documents in %s, want 9", len(m), corpusDir)
	}
	return m
}

func extractFile(t testing.TB, path string, format corpus.Format) *corpus.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Extract(path, data, format)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func formatOf(path string) corpus.Format {
	if strings.HasSuffix(path, ".txt") {
		return corpus.FormatText
	}
	return corpus.FormatMarkdown
}

// evidenceBlocks returns the blocks whose text contains the evidence,
// compared after corpus.Normalize.
func evidenceBlocks(d *corpus.Document, evidence string) []corpus.Block {
	ev := corpus.Normalize(evidence)
	var out []corpus.Block
	for _, b := range d.Blocks {
		if strings.Contains(corpus.Normalize(b.Text), ev) {
			out = append(out, b)
		}
	}
	return out
}

// knownMismatches are labels whose evidence is found in a single block but
// whose section, as cited, no block of ours can carry; see the reasons.
var knownMismatches = map[string]string{
	// The evidence is item (c) of an inline enumeration inside one
	// paragraph: "...warrants to the other that: (a) ...; (b) ...; (c) it
	// will comply ...". The paragraph is section 6.1; blocks are not split
	// at inline item letters.
	"commonpaper-csa.md compliance-with-policies": "inline item (c) of paragraph 6.1",
	// The label cites GDPR Article 28(3), the article the clause restates,
	// not a number printed on the clause (an HTML list item (h) under the
	// decimal item (2) of Attachment 3).
	"github-dpa-2023.md right-to-audit": "cites GDPR Article 28(3), not the document's numbering",
	// "(c) ... shall:" is followed by a top-level Markdown list "1. Retain",
	// "2. Return ...". corpus/section.go reads the list item "2. Return"
	// as section 2 (reTop: a dotted number before a capital), so the block's
	// section is "2", not "(c)" as the label's where "(c) 2" implies.
	"hhs-sample-baa-provisions.md data-return-deletion": "section.go reads list item \"2.\" as section 2",
}

// TestCorpusLabels checks every labelled evidence quote of the Markdown and
// text documents against our blocks: the quote lies inside one block, and
// that block's section is the one the label cites (annex included), or for
// a label citing headings, the block sits under those headings. Text files
// are read both as text and as Markdown, which must agree.
func TestCorpusLabels(t *testing.T) {
	docs := textCorpus(t)
	paths := make([]string, 0, len(docs))
	for p := range docs {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	totalChecked, totalMatched := 0, 0
	for _, p := range paths {
		formats := []corpus.Format{formatOf(p)}
		if formatOf(p) == corpus.FormatText {
			formats = append(formats, corpus.FormatMarkdown)
		}
		for _, format := range formats {
			d := extractFile(t, p, format)
			checked, matched := 0, 0
			names := make([]string, 0, len(docs[p].Checks))
			for n := range docs[p].Checks {
				names = append(names, n)
			}
			sort.Strings(names)
			for _, n := range names {
				c := docs[p].Checks[n]
				if c.Evidence == "" {
					continue
				}
				key := filepath.Base(p) + " " + n
				bs := evidenceBlocks(d, c.Evidence)
				if len(bs) == 0 {
					t.Errorf("%s [%s]: evidence %q is in no single block", key, format, c.Evidence)
					continue
				}
				if c.Where == "" {
					continue
				}
				annex, number, ok := labels.ParseWhere(c.Where)
				if !ok {
					if !underHeadings(d, bs, c.Where) {
						t.Errorf("%s [%s]: evidence is not under the headings of %q: %q, section %q", key, format, c.Where, bs[0].HeadingPath, bs[0].Section)
					}
					continue
				}
				checked++
				var got []string
				found := false
				for _, b := range bs {
					got = append(got, b.Section)
					found = found || labels.SectionMatches(b.Section, annex, number)
				}
				switch {
				case found:
					matched++
				case knownMismatches[key] != "":
					t.Logf("%s [%s]: where %q, block section %q: known (%s)", key, format, c.Where, got, knownMismatches[key])
				default:
					t.Errorf("%s [%s]: where %q but the evidence's block has section %q", key, format, c.Where, got)
				}
			}
			t.Logf("%s [%s]: %d of %d labels with a section number matched", filepath.Base(p), format, matched, checked)
			if format == formatOf(p) {
				totalChecked += checked
				totalMatched += matched
			}
		}
	}
	t.Logf("all Markdown and text documents: %d of %d matched", totalMatched, totalChecked)
	if totalChecked < 130 || totalMatched*100 < totalChecked*95 {
		t.Errorf("%d of %d labels with a section number matched; want at least 95%% of at least 130", totalMatched, totalChecked)
	}
}

// underHeadings reports whether a block sits under the headings a where
// names: "Data Security", "General Terms: Compliance with Laws", or
// "Appendix A, Access Control: Least Privilege". A name may also be the
// first cell of the block's table row, or a bold lead-in inside the block.
func underHeadings(d *corpus.Document, bs []corpus.Block, where string) bool {
	for _, b := range bs {
		w := where
		if annex, before, after := labels.SplitAnnex(w); annex != "" && before == "" {
			if !strings.HasPrefix(strings.ToLower(b.Section), annex) {
				continue
			}
			w = strings.TrimLeft(after, ", ")
		}
		ok := true
		for _, name := range strings.Split(w, ": ") {
			if name != "" && !containsFold(b.HeadingPath, name) && !strings.Contains(b.Text, name) && rowHead(d, b) != name {
				ok = false
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// rowHead returns the first cell of a table cell's row.
func rowHead(d *corpus.Document, b corpus.Block) string {
	if b.Kind != corpus.TableCell {
		return ""
	}
	for _, c := range d.Blocks {
		if c.Kind == corpus.TableCell && c.Table == b.Table && c.Row == b.Row && c.Col == 0 {
			return c.Text
		}
	}
	return ""
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(strings.TrimSpace(x), s) {
			return true
		}
	}
	return false
}

// TestTextFormatsAgree: the corpus text files sniff as plain text, but read
// as Markdown they give the same blocks.
func TestTextFormatsAgree(t *testing.T) {
	for p := range textCorpus(t) {
		if formatOf(p) != corpus.FormatText {
			continue
		}
		a := extractFile(t, p, corpus.FormatText).Blocks
		b := extractFile(t, p, corpus.FormatMarkdown).Blocks
		if len(a) != len(b) {
			t.Errorf("%s: %d blocks as text, %d as Markdown", p, len(a), len(b))
			continue
		}
		for i := range a {
			x, y := a[i], b[i]
			if x.Kind != y.Kind || x.Level != y.Level || x.Text != y.Text || x.Section != y.Section ||
				x.Table != y.Table || x.Row != y.Row || x.Col != y.Col {
				t.Errorf("%s block %d: text %v, Markdown %v", p, i, brief(a[i:i+1]), brief(b[i:i+1]))
				break
			}
		}
	}
}

// TestCorpusStructure pins down blocks of each corpus document: headings
// and their levels, list items, table cells, sections.
func TestCorpusStructure(t *testing.T) {
	type want struct {
		kind    corpus.BlockKind
		level   int
		prefix  string // the block's text starts with this
		section string
		cell    [3]int // table, row, col for table cells
	}
	for _, c := range []struct {
		doc   string
		count int // number of blocks
		wants []want
	}{
		{"synthetic/docs/syn-15-copperline.txt", 152, []want{
			{kind: corpus.Heading, level: 1, prefix: "MANAGED NETWORK SERVICES AGREEMENT"},
			{kind: corpus.Heading, level: 3, prefix: "RECITALS"},
			{kind: corpus.Heading, level: 2, prefix: "1. DEFINITIONS", section: "1"},
			{kind: corpus.Paragraph, prefix: "\"Affiliate\" means any entity that controls, is controlled by or is under common control with a party, where control means holding more than fifty percent (50%) of the voting shares.", section: "1.1"},
			{kind: corpus.Paragraph, prefix: "7.1 Audit Rights. Client or its independent auditor may audit Contractor's compliance with its security obligations once per calendar year on thirty (30) days' written notice. Client may also", section: "7.1"},
			{kind: corpus.Heading, level: 2, prefix: "SCHEDULE 2 - CHANGE CONTROL PROCEDURE", section: "Schedule 2"},
			{kind: corpus.ListItem, prefix: "3. Client shall accept or reject the impact statement within ten (10) Business Days.", section: "Schedule 2, 3"},
		}},
		{"synthetic/docs/syn-16-manarah.txt", 0, []want{
			{kind: corpus.Heading, level: 2, prefix: "ARTICLE IV - CYBERSECURITY", section: "ARTICLE IV"},
			{kind: corpus.Paragraph, prefix: "Section 4.08 Patch Management.", section: "4.08"},
			{kind: corpus.Heading, level: 2, prefix: "EXHIBIT B - CHARGES", section: "Exhibit B"},
			{kind: corpus.TableCell, prefix: "Charge", section: "Exhibit B, B-1", cell: [3]int{1, 0, 2}},
			{kind: corpus.TableCell, prefix: "Mobile device", section: "Exhibit B, B-1", cell: [3]int{1, 12, 0}},
			{kind: corpus.TableCell, prefix: "SAR 1,015", section: "Exhibit B, B-1", cell: [3]int{1, 12, 2}},
		}},
		{"docs/commonpaper-csa.md", 0, []want{
			{kind: corpus.Heading, level: 1, prefix: "Cloud Service Agreement"},
			{kind: corpus.ListItem, prefix: "1. Service", section: "1"},
			{kind: corpus.ListItem, prefix: "1.3 User Accounts. Customer is responsible for all actions on Users’ accounts", section: "1.3"},
			{kind: corpus.ListItem, prefix: "2.1 Restrictions on Customer.", section: "2.1"},
			{kind: corpus.ListItem, prefix: "a. Except as expressly permitted by this Agreement", section: "2.1(a)"},
			{kind: corpus.ListItem, prefix: "a. if the other party fails to cure a material breach", section: "5.3(a)"},
			{kind: corpus.ListItem, prefix: "12.10 Independent Contractors.", section: "12.10"},
			{kind: corpus.ListItem, prefix: "13.2 \"Affiliate\" means an entity", section: "13.2"},
		}},
		{"docs/commonpaper-sla.md", 0, []want{
			{kind: corpus.ListItem, prefix: "3.4 ", section: "3.4"},
		}},
		{"docs/github-dpa-2023.md", 0, []want{
			{kind: corpus.Heading, level: 2, prefix: "Introduction"},
			{kind: corpus.Heading, level: 1, prefix: "Appendix A – Security Safeguards", section: "Appendix A"},
			{kind: corpus.TableCell, prefix: "Domain", section: "Appendix A", cell: [3]int{1, 0, 0}},
			{kind: corpus.TableCell, prefix: "Access Control", section: "Appendix A", cell: [3]int{1, 6, 0}},
			{kind: corpus.TableCell, prefix: "Access Policy. GitHub maintains a record of security privileges", section: "Appendix A", cell: [3]int{1, 6, 1}},
			{kind: corpus.Heading, level: 5, prefix: "Clause 12", section: "Attachment 1, 12"},
			{kind: corpus.ListItem, prefix: "(d) The Parties agree that if the data exporter is held liable", section: "Attachment 1, 12(d)"},
			{kind: corpus.Heading, level: 6, prefix: "8.1 Instructions", section: "Attachment 1, 8.1"},
			{kind: corpus.ListItem, prefix: "(ii) the entity/ies in a third country", section: "Attachment 1, 1(b)(ii)"},
			{kind: corpus.Heading, level: 2, prefix: "ANNEX I", section: "Annex I"},
		}},
		{"docs/hhs-sample-baa-provisions.md", 0, []want{
			{kind: corpus.Heading, level: 2, prefix: "Term and Termination"},
			{kind: corpus.Heading, level: 3, prefix: "Catch-all definition:"},
			{kind: corpus.ListItem, prefix: "(c) Obligations of Business Associate Upon Termination. Upon termination of this Agreement", section: "(c)"},
			{kind: corpus.ListItem, prefix: "(i) Make its internal practices", section: "(i)"},
		}},
		{"synthetic/docs/syn-12-bluefin.md", 0, []want{
			{kind: corpus.Heading, level: 3, prefix: "RECITALS"},
			{kind: corpus.Heading, level: 2, prefix: "1. Definitions", section: "1"},
			{kind: corpus.Paragraph, prefix: "1.1 Definitions. In this Agreement", section: "1.1"},
			{kind: corpus.Heading, level: 2, prefix: "Schedule 1 - Services Description", section: "Schedule 1"},
		}},
		{"synthetic/docs/syn-13-tuwaiq.md", 0, []want{
			{kind: corpus.Heading, level: 2, prefix: "Section 5. Security", section: "5"},
			{kind: corpus.Paragraph, prefix: "(i) Backup and Restoration.", section: "5(i)"},
			{kind: corpus.Paragraph, prefix: "(1) Tuwaiq Managed Services Company", section: "(1)"},
		}},
		{"synthetic/docs/syn-14-lanyard.md", 0, []want{
			{kind: corpus.Heading, level: 3, prefix: "Access Control", section: "Schedule 2"},
			{kind: corpus.TableCell, prefix: "Charge", section: "Schedule 3", cell: [3]int{1, 0, 2}},
			{kind: corpus.TableCell, prefix: "£ 1,205", section: "Schedule 3", cell: [3]int{1, 1, 2}},
		}},
	} {
		path := filepath.Join(corpusDir, c.doc)
		d := extractFile(t, path, formatOf(path))
		if c.count > 0 && len(d.Blocks) != c.count {
			t.Errorf("%s: %d blocks, want %d", c.doc, len(d.Blocks), c.count)
		}
		for _, w := range c.wants {
			found := false
			for _, b := range d.Blocks {
				if !strings.HasPrefix(b.Text, w.prefix) {
					continue
				}
				found = true
				if b.Kind != w.kind || b.Level != w.level || b.Section != w.section || (w.kind == corpus.TableCell && [3]int{b.Table, b.Row, b.Col} != w.cell) {
					t.Errorf("%s: block %q is %v level %d section %q cell %d.%d.%d; want %v level %d section %q cell %v",
						c.doc, w.prefix, b.Kind, b.Level, b.Section, b.Table, b.Row, b.Col, w.kind, w.level, w.section, w.cell)
				}
				break
			}
			if !found {
				t.Errorf("%s: no block starts with %q", c.doc, w.prefix)
			}
		}
	}
}

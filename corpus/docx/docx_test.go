package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/contractlint/contractlint/corpus"
)

const fixtureDir = "../../testdata/docx"

// fixture extracts one of the generated fixtures (testdata/docx/gen.go).
func fixture(t *testing.T, name string) *corpus.Document {
	t.Helper()
	d := extractFile(t, filepath.Join(fixtureDir, name))
	checkOffsets(t, d)
	return d
}

// checkOffsets: every block's text is where its offsets say.
func checkOffsets(t *testing.T, d *corpus.Document) {
	t.Helper()
	runes := []rune(d.Text)
	for i, b := range d.Blocks {
		if b.Start < 0 || b.End > len(runes) || string(runes[b.Start:b.End]) != b.Text {
			t.Fatalf("%s: block %d (%q) does not match its offsets %d-%d", d.Path, i, b.Text, b.Start, b.End)
		}
	}
}

func texts(d *corpus.Document) []string {
	var s []string
	for _, b := range d.Blocks {
		s = append(s, b.Text)
	}
	return s
}

// block finds the first block whose text starts with prefix.
func block(t *testing.T, d *corpus.Document, prefix string) corpus.Block {
	t.Helper()
	for _, b := range d.Blocks {
		if strings.HasPrefix(b.Text, prefix) {
			return b
		}
	}
	t.Fatalf("%s: no block starts with %q", d.Path, prefix)
	return corpus.Block{}
}

func equalTexts(t *testing.T, d *corpus.Document, want []string) {
	t.Helper()
	got := texts(d)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s: blocks\n got %q\nwant %q", d.Path, got, want)
	}
}

func TestTrackedChangesAccepted(t *testing.T) {
	d := fixture(t, "tracked-changes.docx")
	equalTexts(t, d, []string{
		"Security Incidents",
		"Provider shall notify Customer within 24 hours of any Security Incident.",
		"Customer may audit Provider once a year.",
		"Audits take place on notice.",
		"Backups are kept for thirty days.",
		"Visible text.",
		"Row kept",
		"Row inserted",
		"Promoted Heading",
	})
	for _, gone := range []string{"72 hours", "struck out", "HIDDEN", "Row deleted"} {
		if strings.Contains(d.Text, gone) {
			t.Errorf("rejected or hidden text %q is in the document", gone)
		}
	}
	if b := block(t, d, "Promoted Heading"); b.Kind != corpus.Heading || b.Level != 1 || b.Style != "Heading1" {
		t.Errorf("a formatting change keeps the new style: got %v level %d style %q", b.Kind, b.Level, b.Style)
	}
	if b := block(t, d, "Row inserted"); b.Kind != corpus.TableCell || b.Table != 1 || b.Row != 1 {
		t.Errorf("inserted row: got %+v", b)
	}
}

func TestHeadersFootersNotesCommentsExcluded(t *testing.T) {
	d := fixture(t, "parts-excluded.docx")
	equalTexts(t, d, []string{"Body text with a comment and a note.", "Second paragraph."})
	for _, gone := range []string{"HEADER", "FOOTER", "FOOTNOTE", "ENDNOTE", "REVIEWER"} {
		if strings.Contains(d.Text, gone) {
			t.Errorf("%q leaked into the body", gone)
		}
	}
}

func TestFieldsControlsAndSpecialCharacters(t *testing.T) {
	d := fixture(t, "fields-controls.docx")
	equalTexts(t, d, []string{
		"See clause 7.2 on page 4.",                  // field results, not instructions
		"Availability target 99.9%.",                 // a field nested in instructions prints nothing
		"Block content control text.",                // block-level w:sdt
		"The Provider is Acme Managed Services Ltd.", // inline w:sdt
		"Riyadh data centre, see the security policy.",
		"Name: third-party security checked end & more", // tab, non-breaking and soft hyphens, symbol, breaks
		"Anchor paragraph.",
		"Text box text.", // once, though drawn twice (Choice and Fallback)
		"After the box.",
	})
}

func TestNumbering(t *testing.T) {
	d := fixture(t, "numbering.docx")
	tests := []struct {
		text    string
		kind    corpus.BlockKind
		level   int
		number  string
		section string
	}{
		{"Master Services Agreement", corpus.Heading, 1, "", ""},
		{"1. Definitions", corpus.Heading, 1, "1.", "1"},
		// A localised heading id ("berschrift2") named "heading 2".
		{"1.1 Interpretation", corpus.Heading, 2, "1.1", "1.1"},
		{"(a) Provider shall notify Customer", corpus.ListItem, 0, "(a)", "1.1(a)"},
		{"(b) Provider shall keep logs.", corpus.ListItem, 0, "(b)", "1.1(b)"},
		{"(i) for twelve months;", corpus.ListItem, 0, "(i)", "1.1(b)(i)"},
		{"(ii) in a secure location.", corpus.ListItem, 0, "(ii)", "1.1(b)(ii)"},
		{"(c) Provider shall patch systems.", corpus.ListItem, 0, "(c)", "1.1(c)"},
		{"2. Services", corpus.Heading, 1, "2.", "2"},
		// A custom style based on the heading; (a) restarts under it.
		{"2.1 Scope", corpus.Heading, 2, "2.1", "2.1"},
		{"(a) Provider shall provide the Services.", corpus.ListItem, 0, "(a)", "2.1(a)"},
		// isLgl: every level in decimal; an unreached level prints 0.
		{"2.1.1.0.1 A legal-style number.", corpus.ListItem, 0, "2.1.1.0.1", ""},
		{"2.2 Security", corpus.Heading, 2, "2.2", "2.2"},
		{"A. First lettered item.", corpus.ListItem, 0, "A.", ""},
		{"a) A sub-item.", corpus.ListItem, 0, "a)", ""},
		{"B. Second lettered item.", corpus.ListItem, 0, "B.", ""},
		// A second instance with a startOverride restarts the list...
		{"A. Restarted list item.", corpus.ListItem, 0, "A.", ""},
		// ...whose counters the instances of one definition share.
		{"B. Continued list item.", corpus.ListItem, 0, "B.", ""},
		{"Bullet item.", corpus.ListItem, 0, "", ""},
		{"Nested bullet item.", corpus.ListItem, 0, "", ""},
		{"Not numbered after all.", corpus.Paragraph, 0, "", ""},
		// A custom style with an outline level is a heading.
		{"Schedule 1 Security Requirements", corpus.Heading, 1, "Schedule 1", "Schedule 1"},
		{"01 Zero-padded item.", corpus.Paragraph, 0, "01", ""},
		{"I. Roman sub-item.", corpus.ListItem, 0, "I.", ""},
		{"02 Second zero-padded item.", corpus.Paragraph, 0, "02", ""},
		// lvlRestart 0: the sub-level never restarts.
		{"II. Roman sub-item that does not restart.", corpus.ListItem, 0, "II.", ""},
		// A level replaced by an lvlOverride.
		{"Part V Overridden level.", corpus.Paragraph, 0, "Part V", ""},
		// numId 0 switches off the heading style's numbering.
		{"Signatures", corpus.Heading, 1, "", ""},
	}
	if len(d.Blocks) != len(tests) {
		t.Errorf("got %d blocks, want %d: %q", len(d.Blocks), len(tests), texts(d))
	}
	for i, tt := range tests {
		if i >= len(d.Blocks) {
			break
		}
		b := d.Blocks[i]
		if !strings.HasPrefix(b.Text, tt.text) || b.Kind != tt.kind || b.Level != tt.level || b.Number != tt.number ||
			tt.section != "" && b.Section != tt.section {
			t.Errorf("block %d: got %q %v level %d number %q section %q\nwant %q %v level %d number %q section %q",
				i, b.Text, b.Kind, b.Level, b.Number, b.Section, tt.text, tt.kind, tt.level, tt.number, tt.section)
		}
	}
}

func TestTableMerges(t *testing.T) {
	d := fixture(t, "table-merged.docx")
	type cell struct {
		text            string
		table, row, col int
	}
	var got []cell
	for _, b := range d.Blocks {
		if b.Kind == corpus.TableCell {
			got = append(got, cell{b.Text, b.Table, b.Row, b.Col})
		}
	}
	want := []cell{
		{"Service Level", 1, 0, 0}, // spans grid columns 0 and 1
		{"Target", 1, 0, 2},
		{"Availability", 1, 1, 0}, // merged down into row 2, printed once
		{"Core network", 1, 1, 1},
		{"99.95%", 1, 1, 2},
		{"Service portal", 1, 2, 1},
		{"99.5% measured monthly", 1, 2, 2}, // a cell's paragraphs joined
		{"Credits", 1, 3, 1},                // the row skips grid column 0
		{"capped at 20%", 1, 3, 2},
		{"5% of fees", 2, 0, 0}, // the nested table follows its cell
		{"10% of fees", 2, 1, 0},
	}
	if len(got) != len(want) {
		t.Fatalf("cells:\n got %v\nwant %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("cell %d: got %v, want %v", i, got[i], want[i])
		}
	}
	if b := d.Blocks[len(d.Blocks)-1]; b.Text != "After the table." || b.Kind != corpus.Paragraph {
		t.Errorf("last block: got %+v", b)
	}
}

func TestNoTextIsNotAnError(t *testing.T) {
	d := fixture(t, "empty-body.docx")
	if len(d.Blocks) != 0 || d.Text != "" || d.Format != corpus.FormatDOCX {
		t.Errorf("got %d blocks, text %q, format %q", len(d.Blocks), d.Text, d.Format)
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		file string
		want error
		msg  string
	}{
		{"zip-bomb.docx", corpus.ErrTooLarge, "word/document.xml decompresses beyond the 64 MiB limit"},
		{"truncated.docx", corpus.ErrCorrupt, "archive cannot be opened"},
		{"malformed-xml.docx", corpus.ErrCorrupt, "word/document.xml cannot be parsed (XML syntax error on line 2: element <w:t> closed by </w:r>)"},
		{"crc-error.docx", corpus.ErrCorrupt, "word/document.xml cannot be decompressed (zip: checksum error)"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(fixtureDir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			d, err := Extract(tt.file, data)
			checkInputError(t, tt.file, d, err, tt.want)
			if err != nil && !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not say %q", err, tt.msg)
			}
		})
	}
}

// checkInputError: an error is a one-line *corpus.InputError naming the file
// and wrapping the sentinel.
func checkInputError(t *testing.T, file string, d *corpus.Document, err, sentinel error) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error (%d blocks)", len(d.Blocks))
	}
	if d != nil {
		t.Errorf("a document as well as an error")
	}
	var ie *corpus.InputError
	if !errors.As(err, &ie) || ie.Path != file {
		t.Errorf("error %q is not an InputError for %s", err, file)
	}
	if !errors.Is(err, sentinel) {
		t.Errorf("error %q does not wrap %q", err, sentinel)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, file+": ") || strings.ContainsAny(msg, "\r\n") {
		t.Errorf("error %q is not one line naming the file", msg)
	}
}

func TestTotalLimit(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(fixtureDir, "numbering.docx"))
	if err != nil {
		t.Fatal(err)
	}
	// Enough for the relationships and the document, not for styles too.
	d, err := ExtractContext(context.Background(), "numbering.docx", data, Options{MaxPartSize: 64 << 20, MaxTotalSize: 6000})
	checkInputError(t, "numbering.docx", d, err, corpus.ErrTooLarge)
	if err != nil && !strings.Contains(err.Error(), "beyond the 6000 bytes total limit") {
		t.Errorf("error %q", err)
	}
}

// lyingReader yields more bytes than any header declared.
type lyingReader struct{ n int }

func (r *lyingReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'A'
	}
	r.n += len(p)
	return len(p), nil
}

func TestReadAtMostStopsAtTheLimit(t *testing.T) {
	r := &lyingReader{}
	if _, err := readAtMost(r, 10, 1<<20); !errors.Is(err, errOverLimit) {
		t.Fatalf("got %v, want errOverLimit", err)
	}
	if r.n > 1<<20+64<<10 {
		t.Errorf("read %d bytes for a 1 MiB limit", r.n)
	}
	got, err := readAtMost(strings.NewReader("exactly"), 0, 7)
	if err != nil || string(got) != "exactly" {
		t.Errorf("got %q, %v", got, err)
	}
}

// zipOf builds an archive from name/content pairs.
func zipOf(t testing.TB, parts ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(parts); i += 2 {
		w, err := zw.Create(parts[i])
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, parts[i+1])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

func TestEncodingsAndPartNames(t *testing.T) {
	body := `<w:document ` + wordNS + `><w:body><w:p><w:r><w:t>Café – 24 hours</w:t></w:r></w:p></w:body></w:document>`
	var u16 bytes.Buffer
	u16.Write([]byte{0xFF, 0xFE})
	for _, c := range utf16.Encode([]rune(`<?xml version="1.0" encoding="UTF-16"?>` + body)) {
		u16.Write([]byte{byte(c), byte(c >> 8)})
	}
	latin1 := []byte(`<?xml version="1.0" encoding="ISO-8859-1"?><w:document ` + wordNS + `><w:body><w:p><w:r><w:t>Caf` + "\xe9" + `</w:t></w:r></w:p></w:body></w:document>`)
	rels := `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="R1a" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/main.xml"/></Relationships>`
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"utf-16", zipOf(t, "word/document.xml", u16.String()), "Café – 24 hours"},
		{"latin-1", zipOf(t, "word/document.xml", string(latin1)), "Café"},
		{"bom", zipOf(t, "word/document.xml", "\xef\xbb\xbf"+body), "Café – 24 hours"},
		// The main part is where the package relationships say, under any
		// relationship id.
		{"main part from rels", zipOf(t, "_rels/.rels", rels, "word/main.xml", body, "word/document.xml", strings.Replace(body, "Café", "Wrong", 1)), "Café – 24 hours"},
		{"upper-case part name", zipOf(t, "Word/Document.xml", body), "Café – 24 hours"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Extract(tt.name, tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if d.Text != tt.want {
				t.Errorf("got %q, want %q", d.Text, tt.want)
			}
		})
	}
	d, err := Extract("ebcdic", zipOf(t, "word/document.xml", `<?xml version="1.0" encoding="EBCDIC-US"?>`+body))
	checkInputError(t, "ebcdic", d, err, corpus.ErrCorrupt)
}

func TestMoreCorruptParts(t *testing.T) {
	doc := func(body string) string {
		return `<w:document ` + wordNS + `><w:body>` + body + `</w:body></w:document>`
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"not a zip", []byte("PK\x03\x04 this is not really a zip")},
		{"no document part", zipOf(t, "word/other.xml", doc(""))},
		{"wrong root", zipOf(t, "word/document.xml", `<w:styles `+wordNS+`/>`)},
		{"empty part", zipOf(t, "word/document.xml", "")},
		{"unterminated", zipOf(t, "word/document.xml", `<w:document `+wordNS+`><w:body><w:p>`)},
		{"bad entity", zipOf(t, "word/document.xml", doc(`<w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p>`))},
		{"bad character", zipOf(t, "word/document.xml", doc("<w:p><w:r><w:t>a\x01b</w:t></w:r></w:p>"))},
		{"bad styles", zipOf(t, "word/document.xml", doc(""), "word/styles.xml", "<w:styles><w:style>")},
		{"bad numbering", zipOf(t, "word/document.xml", doc(""), "word/numbering.xml", "<w:numbering></w:num>")},
		{"deep nesting", zipOf(t, "word/document.xml", doc(strings.Repeat("<w:sdt>", 5000)+strings.Repeat("</w:sdt>", 5000)))},
		{"two roots", zipOf(t, "word/document.xml", doc("")+doc(""))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Extract(tt.name, tt.data)
			checkInputError(t, tt.name, d, err, corpus.ErrCorrupt)
		})
	}
}

// The labelled corpus: specific blocks as printed.
func TestCorpusBlocks(t *testing.T) {
	type want struct {
		prefix           string
		kind             corpus.BlockKind
		level            int
		number, section  string
		table, row, col  int
		style            string
		checkStyle       bool
		checkTableCoords bool
	}
	tests := []struct {
		file   string
		blocks []want
	}{
		{"docs/commonpaper-dpa.docx", []want{
			// Word auto-numbers, rendered into the text.
			{prefix: "1. Processor and Subprocessor Relationships", kind: corpus.Heading, level: 3, number: "1.", section: "1"},
			{prefix: "2.2 Processing Instructions. Customer instructs", kind: corpus.ListItem, number: "2.2", section: "2.2"},
			{prefix: "2.6 Subprocessors.", kind: corpus.ListItem, number: "2.6", section: "2.6"},
			{prefix: "(a) Provider will not provide, transfer, or hand over", kind: corpus.ListItem, number: "(a)", section: "2.6(a)"},
			{prefix: "(vii) The Cover Page to this DPA contains", kind: corpus.ListItem, number: "(vii)", section: "3.2(c)(vii)"},
			{prefix: "Upon becoming aware of any Security Incident", kind: corpus.Paragraph, section: "4"},
			{prefix: "7.2 Deletion at DPA Expiration.", kind: corpus.ListItem, number: "7.2", section: "7.2"},
			{prefix: "11.20 “UK Addendum” means", kind: corpus.ListItem, number: "11.20", section: "11.20"},
			// The cover page's tables, one nested in a cell.
			{prefix: "Approved Subprocessors", kind: corpus.TableCell, table: 2, row: 2, col: 0, checkTableCoords: true},
			{prefix: "[ ] ISO 27001", kind: corpus.TableCell, table: 3, row: 0, col: 0, checkTableCoords: true},
			{prefix: "Governing Member State", kind: corpus.TableCell, table: 2, row: 11, col: 0, checkTableCoords: true},
		}},
		{"docs/bonterms-dpa-schedules-examples.docx", []want{
			// A short all-bold paragraph reads as a heading.
			{prefix: "Schedule 3: Cross-Border Transfer Mechanisms", kind: corpus.Heading, level: 3, number: "Schedule 3", section: "Schedule 3"},
			{prefix: "1. Definitions. Capitalized terms not defined in this Schedule", kind: corpus.ListItem, number: "1.", section: "Schedule 3, 1"},
			{prefix: "2.2. For each Module", kind: corpus.ListItem, number: "2.2.", section: "Schedule 3, 2.2", style: "ListParagraph", checkStyle: true},
			{prefix: "(b) in Clause 9, Option 2 will apply", kind: corpus.ListItem, number: "(b)", section: "Schedule 3, 2.2(b)"},
			{prefix: "(iv) the list of Subprocessors", kind: corpus.ListItem, number: "(iv)", section: "Schedule 3, 4.1(e)(iv)"},
			{prefix: "A. CALIFORNIA", kind: corpus.ListItem, number: "A."},
			{prefix: "2.5. Provider will not retain", kind: corpus.ListItem, number: "2.5.", section: "Schedule 4, 2.5"},
			{prefix: "Schedule 4", kind: corpus.TableCell, table: 1, row: 3, col: 0, checkTableCoords: true},
			{prefix: "Region-Specific Terms", kind: corpus.TableCell, table: 1, row: 3, col: 1, checkTableCoords: true},
		}},
		{"synthetic/docs/syn-10-pellucid.docx", []want{
			{prefix: "Master Managed Services Agreement", kind: corpus.Heading, level: 1, style: "Heading1", checkStyle: true},
			// Numbers typed into the text are Build's to read.
			{prefix: "ARTICLE I - DEFINITIONS AND INTERPRETATION", kind: corpus.Heading, level: 2, number: "ARTICLE I", section: "ARTICLE I", style: "Heading2", checkStyle: true},
			{prefix: "Section 2.16 Security Responsibilities.", kind: corpus.Paragraph, number: "2.16", section: "2.16"},
			{prefix: "At least 99.5% in each calendar month", kind: corpus.TableCell, table: 2, row: 1, col: 1, checkTableCoords: true},
		}},
		{"synthetic/docs/syn-09-waha.docx", []want{
			{prefix: "1. Interpretation", kind: corpus.Heading, level: 2, number: "1", section: "1"},
			{prefix: "1.2 References.", kind: corpus.Paragraph, number: "1.2", section: "1.2"},
		}},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			d := extractFile(t, filepath.Join(corpusDir, tt.file))
			checkOffsets(t, d)
			for _, w := range tt.blocks {
				b := block(t, d, w.prefix)
				if b.Kind != w.kind || b.Level != w.level || b.Number != w.number || w.section != "" && b.Section != w.section {
					t.Errorf("%q: got %v level %d number %q section %q; want %v level %d number %q section %q",
						w.prefix, b.Kind, b.Level, b.Number, b.Section, w.kind, w.level, w.number, w.section)
				}
				if w.checkStyle && b.Style != w.style {
					t.Errorf("%q: style %q, want %q", w.prefix, b.Style, w.style)
				}
				if w.checkTableCoords && (b.Table != w.table || b.Row != w.row || b.Col != w.col) {
					t.Errorf("%q: table %d row %d col %d, want %d %d %d", w.prefix, b.Table, b.Row, b.Col, w.table, w.row, w.col)
				}
			}
		})
	}
}

// Every corpus DOCX extracts, with text, and no block repeats a merged
// cell or loses its offsets.
func TestCorpusExtracts(t *testing.T) {
	for _, doc := range docxCorpus(t) {
		d := extractFile(t, doc)
		checkOffsets(t, d)
		if len(d.Blocks) < 50 {
			t.Errorf("%s: only %d blocks", doc, len(d.Blocks))
		}
		for _, b := range d.Blocks {
			if b.Kind == corpus.TableCell && b.Table == 0 || b.Kind != corpus.TableCell && b.Table != 0 {
				t.Errorf("%s: block %q has kind %v and table %d", doc, b.Text, b.Kind, b.Table)
			}
		}
	}
}

func BenchmarkExtractLarge(b *testing.B) {
	name := filepath.Join(corpusDir, "synthetic/docs/syn-17-meridian-large.docx")
	data, err := os.ReadFile(name)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		d, err := Extract(name, data)
		if err != nil {
			b.Fatal(err)
		}
		if len(d.Blocks) < 10000 {
			b.Fatalf("%d blocks", len(d.Blocks))
		}
	}
}

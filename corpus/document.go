// Package corpus holds contractlint's document model: an agreement read from
// PDF, DOCX, Markdown or plain text as an ordered list of blocks (headings,
// paragraphs, list items, table cells), each with its text, page, section
// number as printed, heading path, line and character offsets into the
// document's full extracted text.
//
// The extractors live in sub-packages (corpus/pdf, corpus/docx, corpus/text);
// corpus/extract sniffs a file's format from its bytes and picks one. Every
// extractor produces raw blocks and calls Build, so section numbering, heading
// paths and offsets are computed the same way for every format.
package corpus

import (
	"encoding/json"
	"fmt"
)

// Format is the file format an agreement was read from.
type Format string

// The formats contractlint reads.
const (
	FormatPDF      Format = "pdf"
	FormatDOCX     Format = "docx"
	FormatMarkdown Format = "markdown"
	FormatText     Format = "text"
)

// BlockKind says what a block is.
type BlockKind int

// The kinds of block.
const (
	Paragraph BlockKind = iota
	Heading
	ListItem
	TableCell
)

var kindNames = [...]string{"paragraph", "heading", "list-item", "table-cell"}

// String returns the kind's name as used in JSON output.
func (k BlockKind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", int(k))
}

// MarshalText encodes the kind by name.
func (k BlockKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText decodes a kind from its name.
func (k *BlockKind) UnmarshalText(b []byte) error {
	for i, n := range kindNames {
		if n == string(b) {
			*k = BlockKind(i)
			return nil
		}
	}
	return fmt.Errorf("unknown block kind %q", b)
}

// Block is one unit of an agreement's text.
type Block struct {
	Kind BlockKind `json:"kind"`
	// Text is the block's text as printed, on one line: a paragraph's lines
	// are joined with spaces and words hyphenated across line ends rejoined.
	// A section number printed at the start is part of the text.
	Text string `json:"text"`
	// Page is the 1-based page of a PDF where the block starts; 0 for
	// formats without pages.
	Page int `json:"page,omitempty"`
	// Level is a heading's level, 1 the highest; 0 for other blocks.
	Level int `json:"level,omitempty"`
	// Number is the label printed at the start of the block ("12.3", "(b)",
	// "ARTICLE IV", "Schedule 2"), if any. DOCX automatic numbers are
	// rendered into Text and set here by the extractor.
	Number string `json:"number,omitempty"`
	// Section is the section the block belongs to, as a reader would cite it:
	// its own number composed with the numbers above it ("6(b)" for item
	// "(b)" of section 6, "Schedule 2, 8.2" inside Schedule 2), or the
	// enclosing section's for unnumbered blocks.
	Section string `json:"section,omitempty"`
	// HeadingPath lists the texts of the headings that enclose the block,
	// outermost first.
	HeadingPath []string `json:"headingPath,omitempty"`
	// Line is the 1-based line of Document.Text where the block starts.
	Line int `json:"line"`
	// Start and End are character (Unicode code point) offsets of the block
	// in Document.Text: Text == []rune(Document.Text)[Start:End].
	Start int `json:"start"`
	End   int `json:"end"`
	// Table, Row and Col locate a table cell: Table counts the document's
	// tables from 1, Row and Col count from 0. Zero Table for other blocks.
	Table int `json:"table,omitempty"`
	Row   int `json:"row,omitempty"`
	Col   int `json:"col,omitempty"`
	// Style is the extractor's style hint: a DOCX paragraph style
	// ("Heading2"), or "bold" for a PDF line set in bold.
	Style string `json:"style,omitempty"`
}

// Document is an agreement as extracted: its blocks in reading order and the
// full text they were laid out in.
type Document struct {
	// Path is the file the document was read from as given by the user
	// ("-" for standard input).
	Path   string `json:"path"`
	Format Format `json:"format"`
	// Pages is the number of pages of a PDF; 0 for other formats.
	Pages int `json:"pages,omitempty"`
	// Text is the document's full extracted text: the blocks' texts in
	// order, separated by blank lines (table cells of one row by a single
	// newline).
	Text   string  `json:"text"`
	Blocks []Block `json:"blocks"`
}

// MarshalJSON keeps the Document's JSON stable even for nil slices.
func (d *Document) MarshalJSON() ([]byte, error) {
	type plain Document
	p := plain(*d)
	if p.Blocks == nil {
		p.Blocks = []Block{}
	}
	return json.Marshal(p)
}

package docx

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	docx "github.com/fumiama/go-docx"

	"github.com/contractlint/contractlint/corpus"
)

// walker turns the body go-docx decoded into raw blocks in reading order.
type walker struct {
	styles    *styles
	numbering *numbering
	blocks    []corpus.Block
	tables    int // tables seen so far, nested ones included
	sb        strings.Builder
}

// body walks the top-level paragraphs and tables.
func (w *walker) body(items []any) {
	for _, it := range items {
		switch o := it.(type) {
		case *docx.Paragraph:
			w.paragraph(o)
		case *docx.Table:
			w.table(o)
		}
	}
}

// para is a paragraph as read: its text with any automatic number in
// front, and what its style and numbering make of it.
type para struct {
	text     string
	number   string // the automatic number as printed, "" for none
	style    string // the paragraph's own style id
	heading  int    // heading level from the style, 0 for none
	numbered bool   // in a list (numbered or bulleted)
	bullet   bool
	ilvl     int
	list     bool // in a list style ("List Paragraph")
	bold     bool // all its text is bold
}

// kind decides a body paragraph's block kind: headings stay headings even
// when numbered; bullets, and numbered paragraphs below a list's top level
// or in a list style, are list items; a top-level numbered paragraph in an
// ordinary style ("1. Definitions" set in Normal) is a paragraph.
func (p *para) kind() corpus.BlockKind {
	switch {
	case p.heading > 0:
		return corpus.Heading
	case p.numbered && (p.bullet || p.ilvl > 0 || p.list):
		return corpus.ListItem
	}
	return corpus.Paragraph
}

// boldHeading: a short paragraph set entirely in bold reads as a heading
// ("Schedule 3: Cross-Border Transfer Mechanisms" in Normal style), as the
// PDF extractor reads a short bold line. Such headings get level 3, the
// level the PDF extractor gives bold headings in body-size type, so they
// do not end the numbered section they sit in.
func (p *para) boldHeading() bool {
	if !p.bold || utf8.RuneCountInString(p.text) > 120 || len(strings.Fields(p.text)) > 20 {
		return false
	}
	return strings.IndexFunc(p.text, unicode.IsLetter) >= 0
}

const boldHeadingLevel = 3

// read resolves a paragraph's style and numbering and renders its text,
// advancing the list counters: every paragraph read counts, table cells'
// too, in reading order.
func (w *walker) read(p *docx.Paragraph) para {
	var r para
	numID, ilvl := "", -1
	if pp := p.Properties; pp != nil {
		if pp.Style != nil {
			r.style = pp.Style.Val
		}
		if np := pp.NumProperties; np != nil {
			if np.NumID != nil {
				numID = np.NumID.Val
				if numID == "" {
					numID = "0"
				}
			}
			if np.Ilvl != nil {
				if v, err := strconv.Atoi(np.Ilvl.Val); err == nil {
					ilvl = v
				}
			}
		}
	}
	styleID := r.style
	if styleID == "" {
		styleID = w.styles.defaultPara
	}
	inf := w.styles.info(styleID)
	r.heading, r.list = inf.heading, inf.list

	// Direct numbering wins over the style's; numId 0 switches it off.
	fromStyle := false
	if numID == "" {
		numID, fromStyle = inf.numID, true
	}
	if ilvl < 0 {
		ilvl = inf.ilvl
	}
	if ilvl < 0 && fromStyle && numID != "" {
		ilvl = w.numbering.levelForStyle(numID, styleID)
	}
	if ilvl < 0 || ilvl >= maxLevels {
		ilvl = 0
	}
	r.ilvl = ilvl

	r.text, r.bold = w.text(p)
	if numID != "" && numID != "0" {
		if lb, ok := w.numbering.next(numID, ilvl); ok {
			r.numbered, r.bullet, r.number = true, lb.bullet, lb.text
		}
	}
	// Word prints the number of an empty numbered paragraph too, but a
	// bare number is no block; the counter has advanced all the same.
	if r.number != "" && strings.TrimSpace(r.text) != "" {
		r.text = r.number + " " + r.text
	}
	return r
}

// text concatenates the paragraph's runs; tabs and breaks become spaces
// (Build folds runs of white space into one). bold is true when every run
// with visible text is bold.
func (w *walker) text(p *docx.Paragraph) (text string, bold bool) {
	w.sb.Reset()
	bold = true
	for _, c := range p.Children {
		var r *docx.Run
		switch o := c.(type) {
		case *docx.Run:
			r = o
		case *docx.Hyperlink:
			r = &o.Run
		default:
			continue
		}
		if w.run(r) && (r.RunProperties == nil || r.RunProperties.Bold == nil) {
			bold = false
		}
	}
	text = w.sb.String()
	return text, bold && strings.TrimSpace(text) != ""
}

// run appends a run's text and says whether it had any that shows.
func (w *walker) run(r *docx.Run) (visible bool) {
	for _, c := range r.Children {
		switch x := c.(type) {
		case *docx.Text:
			w.sb.WriteString(x.Text)
			visible = visible || strings.TrimSpace(x.Text) != ""
		case *docx.Tab, *docx.BarterRabbet:
			w.sb.WriteByte(' ')
		}
	}
	return visible
}

// paragraph emits a body paragraph's block.
func (w *walker) paragraph(p *docx.Paragraph) {
	r := w.read(p)
	if strings.TrimSpace(r.text) == "" {
		return
	}
	b := corpus.Block{Kind: r.kind(), Text: r.text, Style: r.style, Number: r.number}
	switch {
	case b.Kind == corpus.Heading:
		b.Level = r.heading
	case b.Kind == corpus.Paragraph && r.boldHeading():
		b.Kind, b.Level = corpus.Heading, boldHeadingLevel
	}
	w.blocks = append(w.blocks, b)
}

// table emits one block per cell, row by row. Col is the cell's first grid
// column, so a cell after a horizontally merged one keeps the column it
// sits under; the continuation cells of a vertical merge repeat nothing.
// Tables nested in a cell follow that cell's block: go-docx keeps a cell's
// paragraphs and its tables apart, so text after a nested table joins the
// cell's text.
func (w *walker) table(t *docx.Table) {
	w.tables++
	n := w.tables
	for ri, row := range t.TableRows {
		col := 0
		for _, cell := range row.TableCells {
			span, cont := 1, false
			if pr := cell.TableCellProperties; pr != nil {
				if pr.GridSpan != nil && pr.GridSpan.Val > 1 {
					span = pr.GridSpan.Val
				}
				if pr.VMerge != nil && pr.VMerge.Val != "restart" {
					cont = true // an absent value means continue
				}
			}
			if !cont {
				var parts []string
				for _, p := range cell.Paragraphs {
					if r := w.read(p); strings.TrimSpace(r.text) != "" {
						parts = append(parts, r.text)
					}
				}
				if len(parts) > 0 {
					w.blocks = append(w.blocks, corpus.Block{
						Kind: corpus.TableCell, Text: strings.Join(parts, "\n"),
						Table: n, Row: ri, Col: col,
					})
				}
			}
			col += span
			for _, nt := range cell.Tables {
				w.table(nt)
			}
		}
	}
}

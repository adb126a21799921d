package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Build assembles a Document from the raw blocks an extractor produced, in
// reading order. Extractors fill Kind, Text, Page, Level, Table/Row/Col,
// Style and, where the format numbers paragraphs itself (DOCX automatic
// numbering), Number. Build computes Section, Number (when printed in the
// text), HeadingPath, Line, Start, End and the document's full Text.
// Blocks whose text is empty after trimming are dropped.
func Build(path string, format Format, pages int, raw []Block) *Document {
	d := &Document{Path: path, Format: format, Pages: pages, Blocks: make([]Block, 0, len(raw))}
	var (
		text     strings.Builder
		runes    int // code points written so far
		line     = 1
		sec      sectioner
		headings []Block // the open headings, outermost first
	)
	// First the blocks' own texts and labels, so that where each annex
	// starts is known before sections are assigned.
	kept := make([]Block, 0, len(raw))
	labels := make([]label, 0, len(raw))
	for _, b := range raw {
		b.Text = cleanSpace(b.Text)
		if b.Text == "" {
			continue
		}
		if b.Kind == Heading && b.Level <= 0 {
			b.Level = 1
		}
		if b.Kind != Heading {
			b.Level = 0
		}
		kept = append(kept, b)
		labels = append(labels, labelOf(&b))
	}
	sec.findAnnexes(labels)
	for i, b := range kept {
		b.Section = sec.add(&b, labels[i])
		if b.Number == "" {
			b.Number = labels[i].printed
		}
		if b.Kind == Heading {
			for len(headings) > 0 && headings[len(headings)-1].Level >= b.Level {
				headings = headings[:len(headings)-1]
			}
		}
		if len(headings) > 0 {
			b.HeadingPath = make([]string, len(headings))
			for i, h := range headings {
				b.HeadingPath[i] = h.Text
			}
		} else {
			b.HeadingPath = nil
		}
		if b.Kind == Heading {
			headings = append(headings, b)
		}

		if len(d.Blocks) > 0 {
			sep := "\n\n"
			prev := d.Blocks[len(d.Blocks)-1]
			if b.Kind == TableCell && prev.Kind == TableCell && prev.Table == b.Table && prev.Row == b.Row {
				sep = "\n"
			}
			text.WriteString(sep)
			runes += len(sep)
			line += strings.Count(sep, "\n")
		}
		b.Line = line
		b.Start = runes
		text.WriteString(b.Text)
		runes += utf8.RuneCountInString(b.Text)
		b.End = runes
		d.Blocks = append(d.Blocks, b)
	}
	d.Text = text.String()
	return d
}

// cleanSpace folds runs of white space (including line breaks, tabs and
// non-breaking spaces) into single spaces and trims the ends, so that every
// block's text is one line.
func cleanSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if r < 0x80 {
			if r == ' ' || r >= '\t' && r <= '\r' {
				space = true
				continue
			}
			if r < 0x20 || r == 0x7f {
				continue // control characters carry no text
			}
		} else if unicode.IsSpace(r) || r == '\u200b' {
			space = true // non-breaking, em, thin and ideographic spaces
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

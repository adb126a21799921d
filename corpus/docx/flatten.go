package docx

import (
	"bytes"
)

// flatten rewrites word/document.xml into the small subset of
// WordprocessingML that go-docx decodes: body, paragraphs with their style
// and numbering properties, runs with text, tabs and breaks, and tables with
// the cell properties that describe merges.
//
// The rewrite exists because go-docx reads only elements it knows, directly
// where it expects them: it silently drops the text of tracked insertions
// (w:ins), content controls (w:sdt), smart tags, simple fields and custom XML,
// all of which a reader of the printed agreement sees. Rather than patching
// the library, the rewrite shows it a document in which
//   - tracked changes are accepted: w:ins and w:moveTo are unwrapped, w:del
//     and w:moveFrom dropped, deleted table rows removed and a paragraph whose
//     mark was deleted joined to the next one, as Word does on "Accept All";
//   - containers whose content is printed (sdt, smartTag, customXml,
//     fldSimple, hyperlink, dir, bdo) are unwrapped;
//   - field instructions (w:instrText, and any text between a field's begin
//     and separate marks) are dropped, the field result kept;
//   - hidden runs (w:vanish) are dropped;
//   - w:noBreakHyphen becomes "-", w:cr a break, w:ptab a tab; soft hyphens,
//     symbols, comment and note references produce no text;
//   - the paragraphs of text boxes are moved after the paragraph that anchors
//     them, so their text is kept without nesting paragraphs;
//   - run formatting is reduced to whether the run is bold, resolved here
//     with the styles (go-docx reads <w:b w:val="0"/> as bold);
//   - everything else (other formatting, bookmarks, section properties,
//     drawings, math) is left out, which also spares the library most of
//     its work.
//
// The input is checked for well-formedness on the way (see scanner), so a
// malformed part is reported as corrupt here rather than half-read by the
// library.
func flatten(src []byte, st *styles) ([]byte, error) {
	f := &flattener{
		sc:     scanner{src: src},
		out:    make([]byte, 0, len(src)/2+64),
		styles: st,
	}
	if err := f.run(); err != nil {
		return nil, err
	}
	return f.out, nil
}

// mode says what the flattener does with an element and its content.
type mode uint8

const (
	modeEmit    mode = iota // write the element, process its content
	modeUnwrap              // leave the element out, process its content
	modeInspect             // leave the element out, look at its children (rPr, trPr)
	modeScan                // leave the element out, but keep any text box found inside (drawings)
	modeCapture             // a text box's content, written to the pending buffer
)

type frame struct {
	local string
	mode  mode
	// pend: the element's output goes to the pending (text box) buffer.
	pend bool
	// start is the offset in the element's buffer where its output begins,
	// so that a hidden run, a deleted row or a paragraph whose mark was
	// deleted can be cut out when its end is reached.
	start int
	// content is, for a paragraph, the offset just after its properties.
	content int
	// cut: the element is to be removed at its end (hidden run, deleted
	// row) or, for a paragraph, joined to the next one (deleted mark).
	cut bool
	// carry: a paragraph still owes the text carried from the previous one.
	carry bool
	// pendLen is, for mc:AlternateContent, the length of the pending
	// buffer when it started, to tell whether its Choice produced text.
	pendLen int
	// style is a paragraph's style or a run's character style; bold a
	// run's direct bold: -1 unset, 0 off, 1 on.
	style string
	bold  int8
	// lazy: the start tag is written only when a child is (pPr and tcPr
	// are mostly formatting; empty ones would cost the library time);
	// opened: it has been.
	lazy, opened bool
}

type flattener struct {
	sc    scanner
	out   []byte
	pend  []byte // text-box paragraphs waiting for their anchor paragraph to end
	inBox bool   // inside a text box's content: writing to pend
	// names is the stack of open elements, for well-formedness; frames the
	// stack of those being processed (not inside a dropped subtree).
	names  [][]byte
	frames []frame
	skip   int // depth inside a dropped subtree
	// fields holds the open complex fields: true while in a field's
	// instruction part, whose text is not printed.
	fields []bool
	instr  int    // how many open fields are in their instruction part
	carry  []byte // content of paragraphs whose mark was deleted
	root   bool
	styles *styles
}

func (f *flattener) buf(pend bool) *[]byte {
	if pend {
		return &f.pend
	}
	return &f.out
}

// cur is the buffer output currently goes to.
func (f *flattener) cur() *[]byte { return f.buf(f.inBox) }

func (f *flattener) write(s string) { b := f.cur(); *b = append(*b, s...) }

func (f *flattener) run() error {
	sc := &f.sc
	for {
		ok, err := sc.next()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		switch sc.kind {
		case tokStart:
			if len(f.names) == 0 {
				if f.root {
					return sc.errorf(sc.pos, "more than one root element")
				}
				if string(sc.local) != "document" {
					return sc.errorf(sc.pos, "the root element is <%s>, not <document>", sc.name)
				}
				f.root = true
			}
			f.names = append(f.names, sc.name)
			if len(f.names) > maxDepth {
				return sc.errorf(sc.pos, "elements nested more than %d deep", maxDepth)
			}
			if f.skip > 0 {
				f.skip++
				continue
			}
			f.start()
		case tokEnd:
			n := len(f.names)
			if n == 0 {
				return sc.errorf(sc.pos, "unexpected end tag </%s>", sc.name)
			}
			if open := f.names[n-1]; !bytes.Equal(open, sc.name) {
				return sc.errorf(sc.pos, "element <%s> closed by </%s>", open, sc.name)
			}
			f.names = f.names[:n-1]
			if f.skip > 0 {
				f.skip--
				continue
			}
			f.end()
		case tokText:
			if f.skip == 0 && len(f.frames) > 0 {
				if top := &f.frames[len(f.frames)-1]; top.local == "t" && top.mode == modeEmit {
					appendEscaped(f.cur(), sc.text)
				}
			} else if len(f.names) == 0 && len(bytes.TrimLeft(sc.text, " \t\r\n")) > 0 {
				return sc.errorf(sc.pos, "text outside the root element")
			}
		}
	}
	if !f.root {
		return f.sc.errorf(len(f.sc.src), "no document element")
	}
	if n := len(f.names); n > 0 {
		return f.sc.errorf(len(f.sc.src), "unexpected end of part inside <%s>", f.names[n-1])
	}
	return nil
}

// start handles an element that is not inside a dropped subtree.
func (f *flattener) start() {
	local := intern(f.sc.local)
	if len(f.frames) == 0 { // the root
		// go-docx matches elements and attributes by local name, so the
		// rewrite leaves out namespace prefixes, which spares the decoder
		// its namespace bookkeeping for every element.
		f.write("<document>")
		f.push(local, modeEmit)
		return
	}
	parent := &f.frames[len(f.frames)-1]
	// ctx is the nearest element that is not unwrapped: a run inside w:ins
	// is still a child of its paragraph.
	ctx := parent
	for i := len(f.frames) - 1; i > 0 && f.frames[i].mode == modeUnwrap; i-- {
		ctx = &f.frames[i-1]
	}

	// A paragraph's first content receives the text carried over from a
	// preceding paragraph whose mark was deleted.
	if ctx.local == "p" && ctx.carry && local != "pPr" {
		f.insertCarry(ctx)
	}

	switch parent.mode {
	case modeScan:
		if local == "txbxContent" && !f.inBox {
			f.push(local, modeCapture)
			f.inBox = true
			return
		}
		f.push(local, modeScan)
		return
	case modeInspect:
		f.inspect(parent, local)
		f.skip = 1
		return
	}

	// The branches of mc:AlternateContent, wherever it stands.
	if parent.local == "AlternateContent" {
		switch {
		case local == "Choice":
			f.push(local, modeScan)
		case local == "Fallback" && len(f.pend) == parent.pendLen:
			// The Choice and Fallback of a drawing show the same text
			// box; the Fallback counts only when the Choice yielded
			// nothing.
			f.push(local, modeUnwrap)
		default:
			f.skip = 1
		}
		return
	}

	switch ctx.local {
	case "r":
		f.runChild(local)
		return
	case "pPr":
		switch local {
		case "pStyle":
			if n := len(f.frames); n >= 2 && f.frames[n-2].local == "p" {
				f.frames[n-2].style = string(f.sc.attr("val"))
			}
			f.emitVal(local)
		case "numPr":
			f.openParent()
			f.write("<numPr>")
			f.push(local, modeEmit)
		case "rPr":
			f.push(local, modeInspect) // the paragraph mark: deleted?
		default:
			f.skip = 1
		}
		return
	case "numPr":
		if local == "numId" || local == "ilvl" {
			f.emitVal(local)
		} else {
			f.skip = 1
		}
		return
	case "tcPr":
		switch {
		case local == "vMerge":
			f.emitVal(local)
		case local == "gridSpan" && isDigits(f.sc.attr("val")):
			// go-docx fails the whole document on a span it cannot
			// read as an integer, so only clean ones pass.
			f.emitVal(local)
		default:
			f.skip = 1
		}
		return
	}

	switch local {
	case "body":
		f.write("<body>")
		f.push(local, modeEmit)
	case "p":
		fr := f.openMarked(local)
		fr.content = len(*f.cur())
		fr.carry = len(f.carry) > 0
	case "pPr":
		if ctx.local == "p" {
			f.push(local, modeEmit)
			f.frames[len(f.frames)-1].lazy = true
		} else {
			f.skip = 1
		}
	case "r":
		f.openMarked(local).bold = -1
	case "tbl":
		f.flushCarry()
		f.write("<tbl>")
		f.push(local, modeEmit)
	case "tr":
		f.openMarked(local)
	case "trPr":
		if ctx.local == "tr" {
			f.push(local, modeInspect)
		} else {
			f.skip = 1
		}
	case "tc":
		f.write("<tc>")
		f.push(local, modeEmit)
	case "tcPr":
		if ctx.local == "tc" {
			f.push(local, modeEmit)
			f.frames[len(f.frames)-1].lazy = true
		} else {
			f.skip = 1
		}
	case "ins", "moveTo", "sdt", "sdtContent", "smartTag", "customXml", "fldSimple",
		"hyperlink", "dir", "bdo":
		f.push(local, modeUnwrap)
	case "AlternateContent":
		f.push(local, modeUnwrap)
		f.frames[len(f.frames)-1].pendLen = len(f.pend)
	case "drawing", "pict", "object":
		f.push(local, modeScan)
	default:
		// Deletions, moved-from text, content-control properties,
		// property changes, bookmarks, comments ranges, section
		// properties, math: nothing a reader sees as body text.
		f.skip = 1
	}
}

// runChild handles the content of a run.
func (f *flattener) runChild(local string) {
	switch local {
	case "t":
		if f.instr > 0 {
			f.skip = 1
			return
		}
		f.write("<t>")
		f.push("t", modeEmit)
	case "tab", "ptab":
		if f.instr == 0 {
			f.write("<tab/>")
		}
		f.skip = 1
	case "br", "cr":
		if f.instr == 0 {
			f.write("<br/>")
		}
		f.skip = 1
	case "noBreakHyphen":
		if f.instr == 0 {
			f.write("<t>-</t>")
		}
		f.skip = 1
	case "fldChar":
		switch string(f.sc.attr("fldCharType")) {
		case "begin":
			f.fields = append(f.fields, true)
			f.instr++
		case "separate":
			if n := len(f.fields); n > 0 && f.fields[n-1] {
				f.fields[n-1] = false
				f.instr--
			}
		case "end":
			if n := len(f.fields); n > 0 {
				if f.fields[n-1] {
					f.instr--
				}
				f.fields = f.fields[:n-1]
			}
		}
		f.skip = 1
	case "rPr":
		f.push("rPr", modeInspect) // hidden?
	case "drawing", "pict", "object":
		f.push(local, modeScan)
	case "AlternateContent":
		f.push("AlternateContent", modeUnwrap)
		f.frames[len(f.frames)-1].pendLen = len(f.pend)
	default:
		// softHyphen, sym, footnote and comment references,
		// lastRenderedPageBreak, instrText, delText, ...
		f.skip = 1
	}
}

// inspect looks at a child of an inspected element (rPr, trPr) and marks
// the element it describes.
func (f *flattener) inspect(parent *frame, local string) {
	n := len(f.frames)
	if n < 2 {
		return
	}
	owner := &f.frames[n-2] // the run, paragraph properties or row
	switch parent.local {
	case "rPr":
		switch {
		case owner.local == "r" && (local == "vanish" || local == "specVanish"):
			owner.cut = on(string(f.sc.attr("val")))
		case owner.local == "r" && local == "b":
			owner.bold = 0
			if on(string(f.sc.attr("val"))) {
				owner.bold = 1
			}
		case owner.local == "r" && local == "rStyle":
			owner.style = string(f.sc.attr("val"))
		case owner.local == "pPr" && (local == "del" || local == "moveFrom"):
			if n >= 3 && f.frames[n-3].local == "p" {
				f.frames[n-3].cut = true
			}
		}
	case "trPr":
		switch local {
		case "del":
			owner.cut = true
		case "gridBefore":
			// Cells skipped at the start of the row: a spacer cell keeps
			// the column numbers of the cells that follow.
			if v := f.sc.attr("val"); isDigits(v) && string(v) != "0" {
				f.write(`<tc><tcPr><gridSpan val="` + string(v) + `"/></tcPr></tc>`)
			}
		}
	}
}

// openMarked writes an element's start tag, pushes it to be emitted, and
// remembers where it starts in the output so that it can be dropped again
// (an empty run, a deleted row).
func (f *flattener) openMarked(local string) *frame {
	b := f.cur()
	st := len(*b)
	*b = append(append(append(*b, '<'), local...), '>')
	f.push(local, modeEmit)
	fr := &f.frames[len(f.frames)-1]
	fr.start = st
	return fr
}

func (f *flattener) push(local string, m mode) {
	f.frames = append(f.frames, frame{local: local, mode: m, pend: f.inBox})
}

// openParent writes the start tag of a lazily written parent.
func (f *flattener) openParent() {
	if fr := &f.frames[len(f.frames)-1]; fr.lazy && !fr.opened {
		fr.opened = true
		f.write("<" + fr.local + ">")
	}
}

// emitVal writes an empty element keeping only its w:val attribute.
func (f *flattener) emitVal(local string) {
	f.openParent()
	b := f.cur()
	*b = append(*b, "<"...)
	*b = append(*b, local...)
	*b = append(*b, ` val="`...)
	appendEscaped(b, f.sc.attr("val"))
	*b = append(*b, `"/>`...)
	f.skip = 1
}

func (f *flattener) end() {
	n := len(f.frames)
	fr := f.frames[n-1]
	f.frames = f.frames[:n-1]
	if fr.mode == modeCapture {
		f.flushCarry()
		f.inBox = false
		return
	}
	if fr.mode != modeEmit {
		return
	}
	b := f.buf(fr.pend)
	switch fr.local {
	case "document":
		*b = append(*b, "</document>"...)
	case "body":
		f.flushCarry()
		*b = append(*b, "</body>"...)
	case "pPr":
		if fr.opened {
			*b = append(*b, "</pPr>"...)
		}
		if n >= 2 {
			p := &f.frames[n-2]
			if p.local == "p" {
				p.content = len(*b)
				if p.carry {
					f.insertCarry(p)
				}
			}
		}
	case "p":
		if fr.carry {
			f.insertCarry(&fr)
		}
		// A paragraph left in its instruction part ends its fields: a
		// field that never separates must not swallow the rest.
		for len(f.fields) > 0 && f.fields[len(f.fields)-1] {
			f.fields = f.fields[:len(f.fields)-1]
			f.instr--
		}
		if fr.cut {
			// Its mark was deleted: accepting the deletion joins its text
			// to the next paragraph, which keeps its own properties.
			f.carry = append(f.carry[:0], (*b)[fr.content:]...)
			*b = (*b)[:fr.start]
		} else {
			*b = append(*b, "</p>"...)
		}
		if !fr.pend && len(f.pend) > 0 {
			f.out = append(f.out, f.pend...)
			f.pend = f.pend[:0]
		}
	case "r":
		if fr.cut {
			*b = (*b)[:fr.start]
			break
		}
		// Bold is resolved here, with the styles, because go-docx reads
		// <b val="0"/> as bold; its position in the run does not
		// matter to the library.
		if f.styles.runBold(fr.bold, fr.style, f.paraStyle()) {
			*b = append(*b, "<rPr><b/></rPr>"...)
		}
		*b = append(*b, "</r>"...)
	case "t":
		*b = append(*b, "</t>"...)
	case "tbl":
		*b = append(*b, "</tbl>"...)
	case "tr":
		if fr.cut {
			*b = (*b)[:fr.start]
		} else {
			*b = append(*b, "</tr>"...)
		}
	case "tc":
		f.flushCarry()
		*b = append(*b, "</tc>"...)
	case "tcPr":
		if fr.opened {
			*b = append(*b, "</tcPr>"...)
		}
	case "numPr":
		*b = append(*b, "</numPr>"...)
	}
}

// paraStyle is the style of the paragraph being read.
func (f *flattener) paraStyle() string {
	for i := len(f.frames) - 1; i >= 0; i-- {
		if f.frames[i].local == "p" {
			return f.frames[i].style
		}
	}
	return ""
}

func (f *flattener) insertCarry(p *frame) {
	p.carry = false
	b := f.cur()
	*b = append(*b, f.carry...)
	f.carry = f.carry[:0]
}

// flushCarry writes carried text that has no following paragraph to join
// (the paragraph was the last of a cell or before a table) as a paragraph
// of its own.
func (f *flattener) flushCarry() {
	if len(f.carry) == 0 {
		return
	}
	b := f.cur()
	*b = append(*b, "<p>"...)
	*b = append(*b, f.carry...)
	*b = append(*b, "</p>"...)
	f.carry = f.carry[:0]
}

// on reads an OOXML on/off value; an absent value means on.
func on(v string) bool {
	switch v {
	case "0", "false", "off":
		return false
	}
	return true
}

func isDigits(s []byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) > 0 && len(s) < 4
}

// appendEscaped appends s escaped for XML text and attribute values.
func appendEscaped(b *[]byte, s []byte) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&quot;"
		case '\r':
			esc = "&#xD;"
		default:
			continue
		}
		*b = append(*b, s[last:i]...)
		*b = append(*b, esc...)
		last = i + 1
	}
	*b = append(*b, s[last:]...)
}

// intern maps the local names the rewrite acts on to constant strings
// (a map lookup with a converted key does not allocate); any other name
// maps to "".
func intern(b []byte) string { return internTable[string(b)] }

var internTable = func() map[string]string {
	m := map[string]string{}
	for _, n := range []string{"document", "body", "p", "pPr", "pStyle", "numPr", "numId",
		"ilvl", "rPr", "r", "t", "tab", "ptab", "br", "cr", "noBreakHyphen", "fldChar",
		"tbl", "tr", "trPr", "tc", "tcPr", "gridSpan", "vMerge", "gridBefore", "ins", "del",
		"moveTo", "moveFrom", "sdt", "sdtContent", "smartTag", "customXml", "fldSimple",
		"hyperlink", "dir", "bdo", "AlternateContent", "Choice", "Fallback", "drawing",
		"pict", "object", "txbxContent", "vanish", "specVanish", "b", "rStyle"} {
		m[n] = n
	}
	return m
}()

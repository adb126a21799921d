package text

import (
	"strings"
	"unicode/utf8"

	"github.com/contractlint/contractlint/corpus"
)

// The plain-text reader splits the text into runs of non-blank lines and
// each run into blocks. Blank lines always separate blocks. Inside a run a
// new block starts:
//
//   - after a heading line standing at the start of the run ("5. SECURITY",
//     "RECITALS") when the next line does not continue it;
//   - at a line starting with a list or clause marker ("(a)", "5.2",
//     "Section 4.01") when the line before ends a clause or the marker
//     continues a sequence (see interrupts): hard-wrapped text puts numbers
//     at line starts too ("thirty\n(30) days");
//   - after a line that ends a sentence and is short enough that the next
//     line's first word would have fitted on it: a wrapped paragraph never
//     breaks early, so the break was meant. The wrap width is estimated as
//     the longest line of the run;
//   - at every line, when the run's lines are longer than 100 characters
//     (the text is not hard-wrapped, so each line is a paragraph), unless
//     the line continues in lower case.
//
// Lines underlined with "===" or "---" are headings (level 1 and 2); other
// rules ("* * *", "-----" alone) are dropped. Headings are also numbered
// lines with a short title ("1. DEFINITIONS", "ARTICLE IV - SECURITY",
// "Section 5. Security", "SCHEDULE 2 ..."), a bare label followed by a
// title line ("ARTICLE IV" / "SECURITY"), and short lines in capitals.
// Tables are rows with pipes ("a | b | c"), or runs whose every line splits
// into the same aligned columns on gaps of two or more spaces.

type pline struct {
	s     string // the line without leading and trailing white space
	ind   int    // leading spaces (a tab counts 4)
	width int    // ind plus the length of s in runes
}

type plainParser struct {
	out         []corpus.Block
	join        *joiner
	mm          markerMemory
	tables      int
	seenHeading bool
}

func parsePlain(doc string) []corpus.Block {
	doc = strings.ReplaceAll(doc, "\f", "\n\n")
	pp := &plainParser{join: &joiner{doc: doc}, mm: markerMemory{}}
	var run []pline
	for _, l := range strings.Split(doc, "\n") {
		ind := 0
		i := 0
		for ; i < len(l); i++ {
			if l[i] == ' ' {
				ind++
			} else if l[i] == '\t' {
				ind += 4 - ind%4
			} else {
				break
			}
		}
		s := strings.TrimRight(l[i:], " \t\u00a0")
		if s == "" {
			pp.run(run)
			run = run[:0]
			continue
		}
		run = append(run, pline{s: s, ind: ind, width: ind + utf8.RuneCountInString(s)})
	}
	pp.run(run)
	return pp.out
}

// run splits one run of non-blank lines into blocks.
func (pp *plainParser) run(run []pline) {
	if len(run) == 0 {
		return
	}
	if pp.spaceTable(run) {
		return
	}
	estW := 0
	for _, l := range run {
		estW = max(estW, l.width)
	}
	unwrapped := estW > 100
	var cur []pline
	for k := 0; k < len(run); k++ {
		l := run[k]
		if c := ruleChar(l.s); c != 0 {
			if n := len(cur); n > 0 && (c == '=' || c == '-') && pp.underlines(cur, l) {
				pp.flush(cur[:n-1])
				level := 1
				if c == '-' {
					level = 2
				}
				pp.heading(cur[n-1].s, level)
			} else {
				pp.flush(cur)
			}
			cur = nil
			continue
		}
		if n, ok := pp.pipeTable(run, k); ok {
			pp.flush(cur)
			cur = nil
			k = n - 1
			continue
		}
		if len(cur) > 0 && pp.breaksBefore(cur, l, estW, unwrapped) {
			pp.flush(cur)
			cur = nil
		}
		if len(cur) == 0 {
			// Remember the marker that starts the block, so that the
			// next one in sequence is known when it comes.
			if m, ok := textMarker(l.s); ok {
				pp.mm.note(m)
			}
		}
		cur = append(cur, l)
	}
	pp.flush(cur)
}

// underlines reports whether rule underlines the last line of cur: a line
// alone, or one whose length the rule roughly matches.
func (pp *plainParser) underlines(cur []pline, rule pline) bool {
	last := cur[len(cur)-1]
	if utf8.RuneCountInString(last.s) > 100 {
		return false
	}
	if len(cur) == 1 {
		return true
	}
	d := utf8.RuneCountInString(rule.s) - utf8.RuneCountInString(last.s)
	return d <= 3+len(last.s)/4 && -d <= 3+len(last.s)/4
}

// ruleChar returns the character of a horizontal rule line ("=====",
// "-----", "* * *", "+----+----+"), or 0.
func ruleChar(s string) byte {
	if len(s) < 3 {
		return 0
	}
	c := s[0]
	if !strings.ContainsRune("-=_*~#+", rune(c)) {
		return 0
	}
	n := 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == c:
			n++
		case s[i] == ' ' || s[i] == '\t':
		case c == '+' && (s[i] == '-' || s[i] == '=' || s[i] == '|' || s[i] == ':'):
			n++
		default:
			return 0
		}
	}
	if n < 3 {
		return 0
	}
	if c == '+' {
		return '+'
	}
	return c
}

// textMarker finds a marker at the start of a plain-text line: a list or
// clause marker, or a label such as "Section 4.01", "ARTICLE V",
// "SCHEDULE 2" (class 'S', which never continues a sequence).
func textMarker(s string) (marker, bool) {
	if m, ok := parseMarker(s, true); ok {
		return m, true
	}
	switch lk, _, _ := leadingLabel(s); lk {
	case lkAnnex, lkArticle, lkPart, lkSection, lkDecimal:
		return marker{class: 'S', delim: ' ', value: s[:firstWordLenBytes(s)]}, true
	}
	return marker{}, false
}

// breaksBefore decides whether line next starts a new block after the
// lines gathered in cur (see the rules at the top of the file).
func (pp *plainParser) breaksBefore(cur []pline, next pline, estW int, unwrapped bool) bool {
	prev := cur[len(cur)-1]
	short := prev.width+1+firstWordLen(next.s) <= estW
	if pp.headingBlock(cur) && short && !startsLower(next.s) {
		if !(len(cur) == 1 && labelOnly(prev.s) && capsHeading(next.s)) {
			return true
		}
	}
	if m, ok := textMarker(next.s); ok {
		if interrupts(prev.s, m, pp.mm) {
			return true
		}
	}
	if startsLower(next.s) {
		return false
	}
	if unwrapped {
		return true
	}
	return endsSentence(prev.s) && short
}

// headingBlock reports whether the lines of cur form a heading: one
// heading-like line, or a bare label over a title line.
func (pp *plainParser) headingBlock(cur []pline) bool {
	switch len(cur) {
	case 1:
		return headingLike(cur[0].s)
	case 2:
		return labelOnly(cur[0].s) && capsHeading(cur[1].s)
	}
	return false
}

// headingLike reports whether a line on its own reads as a heading: a
// clause label with a short title or none ("1. DEFINITIONS", "ARTICLE IV",
// "Section 5. Security"), or a short line in capitals.
func headingLike(s string) bool {
	if utf8.RuneCountInString(s) > 100 {
		return false
	}
	lk, _, rest := leadingLabel(s)
	switch lk {
	case lkNone:
		return capsHeading(s)
	case lkSub:
		return false
	}
	return titleLike(rest)
}

// labelOnly reports whether s is a bare heading label: "ARTICLE IV",
// "SCHEDULE 2", "Section 5".
func labelOnly(s string) bool {
	lk, _, rest := leadingLabel(s)
	return rest == "" && (lk == lkAnnex || lk == lkArticle || lk == lkPart || lk == lkSection)
}

func (pp *plainParser) flush(cur []pline) {
	if len(cur) == 0 {
		return
	}
	lines := make([]string, len(cur))
	for i, l := range cur {
		lines[i] = l.s
	}
	text := pp.join.join(lines)
	if pp.headingBlock(cur) {
		pp.heading(text, pp.headingLevel(text))
		return
	}
	b := corpus.Block{Kind: corpus.Paragraph, Text: text}
	if m, ok := parseMarker(text, true); ok {
		switch m.class {
		case '-':
			b.Kind, b.Text = corpus.ListItem, strings.TrimSpace(text[m.width:])
		case '1', 'a', 'A':
			b.Kind = corpus.ListItem
		}
	}
	b.Text = tidy(b.Text)
	pp.out = append(pp.out, b)
}

func (pp *plainParser) heading(text string, level int) {
	pp.seenHeading = true
	pp.out = append(pp.out, corpus.Block{Kind: corpus.Heading, Level: level, Text: tidy(text)})
}

// headingLevel gives a heading that is not underlined its level from its
// label: schedules and articles 1, sections 2, decimal clauses deeper, and
// unnumbered capitals 3 (1 for the document's title, the first heading).
func (pp *plainParser) headingLevel(text string) int {
	lk, d, _ := leadingLabel(text)
	switch lk {
	case lkAnnex, lkArticle:
		return 1
	case lkPart, lkSection:
		return 2
	case lkDecimal:
		return min(1+d, 6)
	}
	if !pp.seenHeading && len(pp.out) == 0 {
		return 1
	}
	return 3
}

// pipeTable reads a table of pipe-separated rows starting at run[k]: the
// header, then rows with the same number of cells, with optional rules
// ("-----", "|---|---|", "+---+") between them. It needs a header and at
// least one more row.
func (pp *plainParser) pipeTable(run []pline, k int) (int, bool) {
	if !strings.Contains(run[k].s, "|") || k+1 >= len(run) {
		return k, false
	}
	n := len(splitCells(run[k].s))
	if n < 2 || n > maxColumns {
		return k, false
	}
	var rows []string
	j := k
	for ; j < len(run); j++ {
		s := run[j].s
		if ruleChar(s) != 0 || isDelimRow(s) {
			if j == k {
				break
			}
			continue
		}
		if !strings.Contains(s, "|") || len(splitCells(s)) != n {
			break
		}
		rows = append(rows, s)
	}
	if len(rows) < 2 {
		return k, false
	}
	pp.tables++
	for r, row := range rows {
		for c, cell := range splitCells(row) {
			pp.out = append(pp.out, corpus.Block{Kind: corpus.TableCell, Text: tidy(cell), Table: pp.tables, Row: r, Col: c})
		}
	}
	return j, true
}

// spaceTable emits the run as a table when every line splits into the same
// number (two or more) of columns on gaps of at least two spaces, and the
// columns line up: each column starts, or ends, at the same position on
// every line. Prose with two spaces after full stops does not line up.
func (pp *plainParser) spaceTable(run []pline) bool {
	if len(run) < 2 {
		return false
	}
	type cell struct {
		text       string
		start, end int
	}
	var rows [][]cell
	for _, l := range run {
		if strings.Contains(l.s, "|") || ruleChar(l.s) != 0 {
			return false
		}
		var cells []cell
		s := l.s
		i := 0
		for i < len(s) {
			j := strings.Index(s[i:], "  ")
			if j < 0 {
				cells = append(cells, cell{s[i:], l.ind + i, l.ind + len(s)})
				break
			}
			cells = append(cells, cell{s[i : i+j], l.ind + i, l.ind + i + j})
			i += j
			for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
				i++
			}
		}
		if len(cells) < 2 || len(cells) > maxColumns || (len(rows) > 0 && len(cells) != len(rows[0])) {
			return false
		}
		rows = append(rows, cells)
	}
	for c := 1; c < len(rows[0]); c++ {
		sameStart, sameEnd := true, true
		for _, r := range rows[1:] {
			sameStart = sameStart && r[c].start == rows[0][c].start
			sameEnd = sameEnd && r[c].end == rows[0][c].end
		}
		if !sameStart && !sameEnd {
			return false
		}
	}
	pp.tables++
	for r, row := range rows {
		for c, cl := range row {
			pp.out = append(pp.out, corpus.Block{Kind: corpus.TableCell, Text: tidy(cl.text), Table: pp.tables, Row: r, Col: c})
		}
	}
	return true
}

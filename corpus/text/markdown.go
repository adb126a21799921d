package text

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/contractlint/contractlint/corpus"
)

// The Markdown reader is a line-based block parser modelled on CommonMark
// and GitHub Flavored Markdown: containers (block quotes, list items) are
// gathered line by line and parsed recursively; leaf blocks are ATX and
// setext headings, paragraphs, fenced and indented code, HTML blocks, GFM
// tables and thematic breaks. It departs from CommonMark where contracts
// need it:
//
//   - "(a)", "a.", "a)", "(iv)" and "(1)" are list markers, as contracts
//     number their sub-clauses that way;
//   - a marker inside a paragraph starts a new item only when the line
//     before ends a clause or the marker continues a sequence (see
//     interrupts), so a wrapped "thirty\n(30) days" stays one paragraph;
//   - a decimal ordered list nested in another one is numbered as the
//     contract prints it, "1.3" for the third item under "1.";
//   - "1. DEFINITIONS" underlined with "---" is a heading, not a list item
//     followed by a rule, and a pipe row underlined with a plain "-----"
//     rule followed by more pipe rows is a table (plain-text conventions);
//   - a paragraph that is a single bold line ("**RECITALS**") or a short line
//     in capitals is a heading.
//
// Nesting deeper than maxNesting is read as plain paragraphs, which bounds
// the work per line.

const maxNesting = 16

// pending is a block before its inline Markdown is rendered: the reference
// definitions of the whole document must be known first.
type pending struct {
	kind            corpus.BlockKind
	level           int
	raw             string // Markdown source (md) or final text
	md              bool   // raw needs inline rendering
	prefix          string // list-item number, prepended after rendering
	table, row, col int
}

// itemCtx is the list item whose content is being parsed: its first block
// becomes the list item and carries the number.
type itemCtx struct {
	prefix  string // "1.3 ", "(a) ", "" for bullets
	decimal string // the item's decimal number for nested ordered lists ("1.3")
	used    bool
}

// mdParser holds the state of one document's parse.
type mdParser struct {
	out         []pending
	ir          inlineRenderer // with the reference definitions seen so far
	tables      int
	lastHeading int // level of the last ATX, setext or HTML heading
	join        *joiner
	mm          markerMemory
}

// parseMarkdown reads a Markdown document into raw blocks.
func parseMarkdown(doc string) []corpus.Block {
	lines := strings.Split(doc, "\n")
	for i, l := range lines {
		if strings.IndexByte(l, '\t') >= 0 {
			lines[i] = expandTabs(l)
		}
	}
	lines = dropFrontMatter(lines)
	p := &mdParser{join: &joiner{doc: doc}, mm: markerMemory{}}
	p.parse(lines, 0, nil)
	return p.render()
}

// render turns the pending blocks into raw blocks for corpus.Build.
func (p *mdParser) render() []corpus.Block {
	blocks := make([]corpus.Block, 0, len(p.out))
	for _, b := range p.out {
		t := b.raw
		if b.md {
			t = p.ir.render(t)
		}
		blocks = append(blocks, corpus.Block{
			Kind: b.kind, Level: b.level, Text: tidy(b.prefix + t),
			Table: b.table, Row: b.row, Col: b.col,
		})
	}
	return blocks
}

// expandTabs expands tabs in a line's leading white space to tab stops of 4,
// which is all CommonMark's indentation rules look at.
func expandTabs(l string) string {
	var b strings.Builder
	col := 0
	for i := 0; i < len(l); i++ {
		switch l[i] {
		case '\t':
			n := 4 - col%4
			b.WriteString("    "[:n])
			col += n
		case ' ':
			b.WriteByte(' ')
			col++
		default:
			b.WriteString(l[i:])
			return b.String()
		}
	}
	return b.String()
}

// dropFrontMatter removes a YAML front matter block: "---" on the first
// line, "key: value" lines, and a closing "---" or "...".
func dropFrontMatter(lines []string) []string {
	if len(lines) < 3 || strings.TrimRight(lines[0], " ") != "---" {
		return lines
	}
	for i := 1; i < len(lines) && i < 500; i++ {
		l := strings.TrimRight(lines[i], " ")
		if l == "---" || l == "..." {
			if i > 1 && yamlKey(lines[1]) {
				return lines[i+1:]
			}
			return lines
		}
	}
	return lines
}

func yamlKey(l string) bool {
	c := strings.IndexByte(l, ':')
	if c <= 0 {
		return false
	}
	for i := 0; i < c; i++ {
		if !isASCIIAlnum(l[i]) && l[i] != '_' && l[i] != '-' {
			return false
		}
	}
	return true
}

func indentOf(l string) (int, string) {
	i := 0
	for i < len(l) && l[i] == ' ' {
		i++
	}
	return i, l[i:]
}

func isBlank(l string) bool { return strings.TrimSpace(l) == "" }

// emit adds a block, making it the current list item's first block if the
// item has none yet.
func (p *mdParser) emit(ctx *itemCtx, b pending) {
	if ctx != nil && !ctx.used {
		ctx.used = true
		b.prefix = ctx.prefix
		if b.kind == corpus.Paragraph {
			b.kind = corpus.ListItem
		}
	}
	p.out = append(p.out, b)
}

// bare emits a list item's number on its own, for an item whose content
// starts with a table or a nested list.
func (p *mdParser) bare(ctx *itemCtx) {
	if ctx != nil && !ctx.used {
		p.emit(ctx, pending{kind: corpus.ListItem})
	}
}

// parse reads the lines of one container.
func (p *mdParser) parse(lines []string, depth int, ctx *itemCtx) {
	if depth > maxNesting {
		var para []string
		for _, l := range lines {
			if isBlank(l) {
				p.flushPara(&para, ctx)
				continue
			}
			para = append(para, l)
		}
		p.flushPara(&para, ctx)
		return
	}
	var para []string
	for i := 0; i < len(lines); {
		line := lines[i]
		if isBlank(line) {
			p.flushPara(&para, ctx)
			i++
			continue
		}
		ind, rest := indentOf(line)
		if len(para) > 0 {
			last := para[len(para)-1]
			if ind < 4 {
				if n, ok := p.plainPipeTable(lines, i-1, last, ctx, para); ok {
					para = para[:0]
					i = n
					continue
				}
				if c := setextChar(rest); c != 0 {
					p.setext(para, c, ctx)
					para = para[:0]
					i++
					continue
				}
				if isDelimRow(rest) && strings.Contains(last, "|") {
					p.flushParaN(&para, len(para)-1, ctx)
					para = para[:0]
					i = p.table(lines, i-1, ctx, last)
					continue
				}
			}
			if ind >= 4 || !p.interruptsPara(last, rest) {
				para = append(para, line) // continuation, possibly lazy
				i++
				continue
			}
			p.flushPara(&para, ctx)
		}
		if ind >= 4 {
			i = p.indentedCode(lines, i, ctx)
			continue
		}
		if n, ok := p.fenced(lines, i, ctx); ok {
			i = n
			continue
		}
		if level, text, ok := atxHeading(rest); ok {
			p.lastHeading = level
			p.emit(ctx, pending{kind: corpus.Heading, level: level, raw: text, md: true})
			i++
			continue
		}
		if thematicBreak(rest) {
			i++
			continue
		}
		if rest[0] == '>' {
			i = p.blockquote(lines, i, depth, ctx)
			continue
		}
		if t := htmlStart(rest); t != 0 {
			p.bare(ctx)
			i = p.htmlBlock(lines, i, t)
			continue
		}
		if label, ok := refDef(rest); ok {
			p.ir.addRef(label)
			i++
			continue
		}
		if m, ok := parseMarker(rest, false); ok {
			if m.class != '-' && i+1 < len(lines) {
				nind, nrest := indentOf(lines[i+1])
				if c := setextChar(nrest); c != 0 && nind < 4 {
					// "1. DEFINITIONS" over a rule: a heading.
					p.setext([]string{rest}, c, ctx)
					i += 2
					continue
				}
			}
			if m.class == '-' || !isBlank(rest[m.width:]) {
				p.bare(ctx)
				i = p.list(lines, i, depth, ctx)
				continue
			}
		}
		if i+1 < len(lines) && strings.Contains(rest, "|") {
			if n, ok := p.plainPipeTable(lines, i, rest, ctx, nil); ok {
				i = n
				continue
			}
			if _, nrest := indentOf(lines[i+1]); isDelimRow(nrest) {
				i = p.table(lines, i, ctx, rest)
				continue
			}
		}
		para = append(para, line)
		i++
	}
	p.flushPara(&para, ctx)
}

// interruptsPara reports whether line (without indentation) starts a new
// block when it follows the paragraph line prev.
func (p *mdParser) interruptsPara(prev, rest string) bool {
	if _, _, ok := atxHeading(rest); ok {
		return true
	}
	if fenceOpen(rest) != "" || rest[0] == '>' || thematicBreak(rest) {
		return true
	}
	if t := htmlStart(rest); t != 0 && t != 7 {
		return true
	}
	prev = trimTrailingTags(prev)
	if m, ok := parseMarker(rest, false); ok && !isBlank(rest[m.width:]) {
		return (m.class == '1' && m.value == "1") || interrupts(prev, m, p.mm)
	}
	if m, ok := parseMarker(rest, true); ok && m.class == 'd' {
		return interrupts(prev, m, p.mm)
	}
	return false
}

// trimTrailingTags removes HTML tags and white space from the end of a
// line, so that "Restrictions.</span>" is seen to end a sentence.
func trimTrailingTags(l string) string {
	for {
		l = strings.TrimRight(l, " \t")
		if !strings.HasSuffix(l, ">") {
			return l
		}
		i := strings.LastIndexByte(l, '<')
		if i < 0 {
			return l
		}
		if n, _, ok := parseTag(l[i:]); !ok || n != len(l)-i {
			return l
		}
		l = l[:i]
	}
}

func (p *mdParser) flushPara(para *[]string, ctx *itemCtx) { p.flushParaN(para, len(*para), ctx) }

// flushParaN emits the first n lines of para as a paragraph and keeps the
// rest.
func (p *mdParser) flushParaN(para *[]string, n int, ctx *itemCtx) {
	lines := *para
	if n == 0 {
		return
	}
	trimmed := make([]string, n)
	for i, l := range lines[:n] {
		l = strings.TrimSpace(l)
		// A backslash at the end of a line is a hard line break.
		if strings.HasSuffix(l, "\\") && !strings.HasSuffix(l, "\\\\") {
			l = strings.TrimSpace(l[:len(l)-1])
		}
		trimmed[i] = l
	}
	rest := lines[n:]
	*para = append(lines[:0], rest...)
	if n == 1 && (ctx == nil || ctx.used) {
		if level, ok := p.headingLine(trimmed[0]); ok {
			p.emit(ctx, pending{kind: corpus.Heading, level: level, raw: trimmed[0], md: true})
			return
		}
	}
	if p.refParagraph(trimmed) {
		return
	}
	p.emit(ctx, pending{kind: corpus.Paragraph, raw: p.join.join(trimmed), md: true})
}

// headingLine decides whether a paragraph of one line is a heading: a line
// that is all bold ("**RECITALS**", "**8.1 Instructions**") or a short
// line in capitals. Such headings sit below the last Markdown heading: level
// 3, or one more than the last ATX heading if that is deeper, plus one per
// extra level of a decimal number ("**1.1 Scope**"). As in plain text, such
// a line opening the document is its title, level 1.
func (p *mdParser) headingLine(l string) (int, bool) {
	if len(l) > 200 {
		return 0, false
	}
	text := ""
	if inner, ok := boldOnly(l); ok {
		text = p.ir.render(inner)
		if !boldTitle(text) {
			return 0, false
		}
	} else {
		text = p.ir.render(l)
		if !capsHeading(text) {
			return 0, false
		}
		if lk, _, _ := leadingLabel(text); lk == lkSub {
			return 0, false
		}
	}
	if len(p.out) == 0 && p.lastHeading == 0 {
		return 1, true // the document's title
	}
	level := max(3, p.lastHeading+1)
	if lk, d, _ := leadingLabel(text); lk == lkDecimal && d > 1 {
		level += d - 1
	}
	return min(level, 6), true
}

// boldOnly returns the inside of a line that is one strong span.
func boldOnly(l string) (string, bool) {
	if len(l) < 5 {
		return "", false
	}
	d := l[:2]
	if (d != "**" && d != "__") || !strings.HasSuffix(l, d) {
		return "", false
	}
	inner := l[2 : len(l)-2]
	if strings.Contains(inner, d) || strings.TrimSpace(inner) != inner || inner == "" {
		return "", false
	}
	return inner, true
}

// boldTitle: a bold line is a heading when it is short and does not read
// as a full sentence ("**The Services are provided as is.**").
func boldTitle(t string) bool {
	t = strings.TrimSpace(t)
	if t == "" || utf8.RuneCountInString(t) > 120 {
		return false
	}
	words := strings.Fields(t)
	if len(words) > 15 {
		return false
	}
	if strings.HasSuffix(t, ".") && len(words) > 6 {
		return false
	}
	return !strings.HasSuffix(t, ",") && !strings.HasSuffix(t, ";")
}

// refParagraph records a paragraph made only of link reference definitions
// and reports whether it was one.
func (p *mdParser) refParagraph(lines []string) bool {
	for _, l := range lines {
		if _, ok := refDef(l); !ok {
			return false
		}
	}
	for _, l := range lines {
		label, _ := refDef(l)
		p.ir.addRef(label)
	}
	return true
}

// refDef matches a link reference definition "[label]: destination".
// Footnote definitions ("[^1]: text") are text, not definitions.
func refDef(l string) (string, bool) {
	if !strings.HasPrefix(l, "[") || strings.HasPrefix(l, "[^") {
		return "", false
	}
	end := strings.Index(l, "]:")
	if end < 2 || end > 1000 || strings.ContainsAny(l[1:end], "[]") {
		return "", false
	}
	dest := strings.TrimSpace(l[end+2:])
	if dest == "" || strings.ContainsAny(dest[:min(len(dest), firstWordLenBytes(dest))], "<>") && dest[0] != '<' {
		return "", false
	}
	return normLabel(l[1:end]), true
}

func firstWordLenBytes(s string) int {
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		return i
	}
	return len(s)
}

func (p *mdParser) setext(para []string, c byte, ctx *itemCtx) {
	trimmed := make([]string, len(para))
	for i, l := range para {
		trimmed[i] = strings.TrimSpace(l)
	}
	level := 1
	if c == '-' {
		level = 2
	}
	p.lastHeading = level
	p.emit(ctx, pending{kind: corpus.Heading, level: level, raw: p.join.join(trimmed), md: true})
}

// setextChar returns '=' or '-' when rest is a setext underline.
func setextChar(rest string) byte {
	r := strings.TrimRight(rest, " \t")
	if r == "" || (r[0] != '=' && r[0] != '-') {
		return 0
	}
	if strings.Count(r, r[:1]) != len(r) {
		return 0
	}
	return r[0]
}

func atxHeading(rest string) (int, string, bool) {
	n := 0
	for n < len(rest) && rest[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || (n < len(rest) && rest[n] != ' ' && rest[n] != '\t') {
		return 0, "", false
	}
	t := strings.TrimSpace(rest[n:])
	// A closing sequence of #s preceded by a space is not part of the text.
	if u := strings.TrimRight(t, "#"); u != t && (u == "" || u[len(u)-1] == ' ' || u[len(u)-1] == '\t') {
		t = strings.TrimSpace(u)
	}
	return n, t, true
}

func thematicBreak(rest string) bool {
	c := rest[0]
	if c != '-' && c != '*' && c != '_' {
		return false
	}
	n := 0
	for i := 0; i < len(rest); i++ {
		switch rest[i] {
		case c:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// fenceOpen returns the fence ("```", "~~~~") that rest opens, or "".
func fenceOpen(rest string) string {
	if rest == "" || (rest[0] != '`' && rest[0] != '~') {
		return ""
	}
	n := 0
	for n < len(rest) && rest[n] == rest[0] {
		n++
	}
	if n < 3 || (rest[0] == '`' && strings.IndexByte(rest[n:], '`') >= 0) {
		return ""
	}
	return rest[:n]
}

// fenced reads a fenced code block; its text is kept as paragraphs, one per
// run of non-blank lines.
func (p *mdParser) fenced(lines []string, i int, ctx *itemCtx) (int, bool) {
	ind, rest := indentOf(lines[i])
	fence := fenceOpen(rest)
	if fence == "" {
		return i, false
	}
	var chunk []string
	j := i + 1
	for ; j < len(lines); j++ {
		l := lines[j]
		if li, r := indentOf(l); li < 4 && strings.HasPrefix(r, fence) && strings.TrimLeft(strings.TrimRight(r, " \t"), fence[:1]) == "" {
			j++
			break
		}
		// Remove up to the fence's own indentation.
		k := 0
		for k < ind && k < len(l) && l[k] == ' ' {
			k++
		}
		chunk = append(chunk, l[k:])
	}
	p.codeChunks(chunk, ctx)
	return j, true
}

func (p *mdParser) codeChunks(lines []string, ctx *itemCtx) {
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			p.emit(ctx, pending{kind: corpus.Paragraph, raw: strings.Join(cur, "\n")})
			cur = cur[:0]
		}
	}
	for _, l := range lines {
		if isBlank(l) {
			flush()
			continue
		}
		cur = append(cur, strings.TrimSpace(l))
	}
	flush()
}

func (p *mdParser) indentedCode(lines []string, i int, ctx *itemCtx) int {
	var chunk []string
	j := i
	for ; j < len(lines); j++ {
		l := lines[j]
		if isBlank(l) {
			chunk = append(chunk, "")
			continue
		}
		if ind, _ := indentOf(l); ind < 4 {
			break
		}
		chunk = append(chunk, l[4:])
	}
	p.codeChunks(chunk, ctx)
	return j
}

// blockquote gathers a block quote's lines, with their ">" removed, and
// parses them as a container. A non-blank line without ">" that does not
// start a block continues the quote's paragraph (a lazy line).
func (p *mdParser) blockquote(lines []string, i, depth int, ctx *itemCtx) int {
	var inner []string
	j := i
	for ; j < len(lines); j++ {
		l := lines[j]
		ind, rest := indentOf(l)
		if ind < 4 && rest != "" && rest[0] == '>' {
			rest = rest[1:]
			if rest != "" && rest[0] == ' ' {
				rest = rest[1:]
			}
			inner = append(inner, rest)
			continue
		}
		if isBlank(l) || len(inner) == 0 || isBlank(inner[len(inner)-1]) || p.interruptsPara(inner[len(inner)-1], rest) {
			break
		}
		inner = append(inner, rest)
	}
	p.parse(inner, depth+1, ctx)
	return j
}

// list reads the items of one list starting at lines[i] and returns the
// index of the first line after it.
func (p *mdParser) list(lines []string, i, depth int, parent *itemCtx) int {
	_, rest := indentOf(lines[i])
	first, _ := parseMarker(rest, false)
	n := 0
	if first.class == '1' {
		n = atoi(first.value)
	}
	for i < len(lines) {
		ind, rest := indentOf(lines[i])
		m, ok := parseMarker(rest, false)
		if !ok || m.style() != first.style() || ind >= 4 {
			break
		}
		p.mm.note(m)
		after := rest[m.width:]
		sp := 0
		for sp < len(after) && after[sp] == ' ' {
			sp++
		}
		if sp == len(after) || sp > 4 {
			sp = 1
		}
		w := ind + m.width + sp
		var item []string
		if w <= len(lines[i]) {
			item = append(item, lines[i][w:])
		} else {
			item = append(item, "")
		}
		j := i + 1
		lastBlank := false
		for ; j < len(lines); j++ {
			l := lines[j]
			if isBlank(l) {
				item = append(item, "")
				lastBlank = true
				continue
			}
			li, lrest := indentOf(l)
			if li >= w {
				item = append(item, l[w:])
				lastBlank = false
				continue
			}
			prev := item[len(item)-1]
			if !lastBlank && !isBlank(prev) && !p.interruptsPara(prev, lrest) && setextChar(lrest) == 0 {
				item = append(item, lrest) // lazy continuation line
				continue
			}
			break
		}
		// Blank lines after the item belong to neither it nor the next.
		for len(item) > 1 && item[len(item)-1] == "" {
			item = item[:len(item)-1]
		}
		ctx := &itemCtx{}
		switch {
		case m.class == '1':
			num := strconv.Itoa(n)
			if parent != nil && parent.decimal != "" {
				ctx.decimal = parent.decimal + "." + num
				ctx.prefix = ctx.decimal + " "
			} else {
				ctx.decimal = num
				ctx.prefix = num + string(m.delim) + " "
			}
			n++
		case m.class != '-':
			ctx.prefix = m.printed() + " "
		}
		p.parse(item, depth+1, ctx)
		p.bare(ctx)
		i = j
		// The list goes on past blank lines if the next item follows.
		k := i
		for k < len(lines) && isBlank(lines[k]) {
			k++
		}
		if k == i || k >= len(lines) {
			continue
		}
		ind2, rest2 := indentOf(lines[k])
		if m2, ok := parseMarker(rest2, false); ok && m2.style() == first.style() && ind2 < 4 {
			i = k
			continue
		}
		break
	}
	return i
}

// ---- tables ----

// isDelimRow matches a GFM table delimiter row: "|---|:--:|", "---|---".
func isDelimRow(rest string) bool {
	r := strings.TrimSpace(rest)
	if !strings.Contains(r, "|") || !strings.Contains(r, "-") {
		return false
	}
	for _, cell := range splitCells(r) {
		c := strings.TrimSpace(cell)
		c = strings.TrimPrefix(c, ":")
		c = strings.TrimSuffix(c, ":")
		if c == "" || strings.Count(c, "-") != len(c) {
			return false
		}
	}
	return true
}

// splitCells splits a table row on unescaped pipes, dropping a leading and
// a trailing pipe; "\|" is a literal pipe.
func splitCells(row string) []string {
	r := strings.TrimSpace(row)
	r = strings.TrimPrefix(r, "|")
	if strings.HasSuffix(r, "|") && !strings.HasSuffix(r, "\\|") {
		r = r[:len(r)-1]
	}
	var cells []string
	start := 0
	for i := 0; i < len(r); i++ {
		switch r[i] {
		case '\\':
			i++
		case '|':
			cells = append(cells, r[start:i])
			start = i + 1
		}
	}
	cells = append(cells, r[start:])
	for i, c := range cells {
		cells[i] = strings.ReplaceAll(strings.TrimSpace(c), "\\|", "|")
	}
	return cells
}

// table reads a GFM table whose header row is lines[i] (header is its text
// without indentation) and returns the index after it.
func (p *mdParser) table(lines []string, i int, ctx *itemCtx, header string) int {
	p.bare(ctx)
	p.tables++
	no := p.tables
	n := min(len(splitCells(header)), maxColumns)
	p.row(no, 0, header, n)
	j := i + 2
	row := 1
	for ; j < len(lines); j++ {
		l := lines[j]
		ind, rest := indentOf(l)
		if isBlank(l) || ind >= 4 || !strings.Contains(rest, "|") || p.interruptsPara("", rest) {
			break
		}
		p.row(no, row, rest, n)
		row++
	}
	return j
}

// maxColumns bounds the cells read from a table row: no agreement has a
// table that wide, and a line of pipes must not become a million blocks.
const maxColumns = 100

// row emits the cells of one table row. As in GFM, a body row's cells
// beyond the header's count are ignored.
func (p *mdParser) row(table, row int, line string, limit int) {
	cells := splitCells(line)
	if len(cells) > limit {
		cells = cells[:limit]
	}
	for col, c := range cells {
		p.out = append(p.out, pending{kind: corpus.TableCell, raw: c, md: true, table: table, row: row, col: col})
	}
}

// plainPipeTable reads a table written the plain-text way: a header row with
// pipes, a rule of dashes without pipes, and rows with as many cells as the
// header. It reports false, leaving the rule to be a setext underline, when
// the rows are not there.
//
// The lines of para before the header, if any, are flushed first.
func (p *mdParser) plainPipeTable(lines []string, i int, header string, ctx *itemCtx, para []string) (int, bool) {
	if i < 0 || i+2 >= len(lines) || !strings.Contains(header, "|") {
		return i, false
	}
	_, rule := indentOf(lines[i+1])
	if setextChar(rule) != '-' || len(strings.TrimSpace(rule)) < 3 {
		return i, false
	}
	n := len(splitCells(header))
	_, next := indentOf(lines[i+2])
	if n < 2 || !strings.Contains(next, "|") || len(splitCells(next)) != n {
		return i, false
	}
	if len(para) > 1 {
		p.flushParaN(&para, len(para)-1, ctx)
	}
	p.bare(ctx)
	p.tables++
	no := p.tables
	n = min(n, maxColumns)
	p.row(no, 0, strings.TrimSpace(header), n)
	j := i + 2
	row := 1
	for ; j < len(lines); j++ {
		_, rest := indentOf(lines[j])
		if isBlank(rest) || !strings.Contains(rest, "|") {
			break
		}
		p.row(no, row, rest, n)
		row++
	}
	return j, true
}

// ---- HTML blocks ----

var htmlBlockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "base": true, "basefont": true, "blockquote": true,
	"body": true, "caption": true, "center": true, "col": true, "colgroup": true, "dd": true, "details": true,
	"dialog": true, "dir": true, "div": true, "dl": true, "dt": true, "fieldset": true, "figcaption": true,
	"figure": true, "footer": true, "form": true, "frame": true, "frameset": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "head": true, "header": true, "hr": true, "html": true,
	"iframe": true, "legend": true, "li": true, "link": true, "main": true, "menu": true, "menuitem": true,
	"nav": true, "noframes": true, "ol": true, "optgroup": true, "option": true, "p": true, "param": true,
	"search": true, "section": true, "summary": true, "table": true, "tbody": true, "td": true, "tfoot": true,
	"th": true, "thead": true, "title": true, "tr": true, "track": true, "ul": true,
}

// htmlStart returns the CommonMark HTML block type (1-7) that rest starts,
// or 0.
func htmlStart(rest string) int {
	if rest == "" || rest[0] != '<' {
		return 0
	}
	lower := strings.ToLower(rest[:min(len(rest), 12)])
	for _, t := range []string{"<script", "<pre", "<style", "<textarea"} {
		if strings.HasPrefix(lower, t) && (len(lower) == len(t) || strings.ContainsRune(" \t>", rune(lower[len(t)]))) {
			return 1
		}
	}
	switch {
	case strings.HasPrefix(rest, "<!--"):
		return 2
	case strings.HasPrefix(rest, "<?"):
		return 3
	case strings.HasPrefix(rest, "<![CDATA["):
		return 5
	case len(rest) > 2 && rest[1] == '!' && isASCIILetter(rest[2]):
		return 4
	}
	i := 1
	if i < len(rest) && rest[i] == '/' {
		i++
	}
	s := i
	for i < len(rest) && isASCIIAlnum(rest[i]) {
		i++
	}
	name := strings.ToLower(rest[s:i])
	if htmlBlockTags[name] && (i == len(rest) || rest[i] == ' ' || rest[i] == '\t' || rest[i] == '>' || strings.HasPrefix(rest[i:], "/>")) {
		return 6
	}
	if n, _, ok := parseTag(rest); ok && isBlank(rest[n:]) {
		return 7
	}
	return 0
}

// htmlBlock gathers an HTML block and converts it. Types 1-5 end at their
// closing marker; types 6 and 7 at a blank line, except that an open <ol>,
// <ul> or <table> goes on across blank lines when the next line is a tag
// again (websites' Markdown often leaves blank lines inside lists).
func (p *mdParser) htmlBlock(lines []string, i, typ int) int {
	var end string
	switch typ {
	case 1:
		_, rest := indentOf(lines[i])
		name := strings.ToLower(strings.TrimLeft(rest[:min(len(rest), 10)], "<"))
		for _, t := range []string{"script", "pre", "style", "textarea"} {
			if strings.HasPrefix(name, t) {
				end = "</" + t + ">"
			}
		}
	case 2:
		end = "-->"
	case 3:
		end = "?>"
	case 4:
		end = ">"
	case 5:
		end = "]]>"
	}
	j := i
	if end != "" {
		for ; j < len(lines); j++ {
			if strings.Contains(strings.ToLower(lines[j]), end) {
				j++
				break
			}
		}
		if typ == 1 {
			p.htmlBlocks(strings.Join(lines[i:min(j, len(lines))], "\n"))
		}
		return j
	}
	open := 0
	for ; j < len(lines); j++ {
		l := lines[j]
		if isBlank(l) {
			k := j + 1
			for k < len(lines) && isBlank(lines[k]) {
				k++
			}
			if open > 0 && k < len(lines) {
				if _, r := indentOf(lines[k]); strings.HasPrefix(r, "<") {
					j = k - 1
					continue
				}
			}
			break
		}
		open += containerBalance(l)
	}
	p.htmlBlocks(strings.Join(lines[i:j], "\n"))
	return j
}

// containerBalance counts <ol>, <ul> and <table> opened minus closed in l.
func containerBalance(l string) int {
	n := 0
	for i := strings.IndexByte(l, '<'); i >= 0 && i < len(l); {
		if m, name, ok := parseTag(l[i:]); ok {
			if name == "ol" || name == "ul" || name == "table" {
				if l[i+1] == '/' {
					n--
				} else {
					n++
				}
			}
			i += m
		} else {
			i++
		}
		k := strings.IndexByte(l[i:], '<')
		if k < 0 {
			break
		}
		i += k
	}
	return n
}

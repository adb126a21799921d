package text

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Inline Markdown is removed so that a block's text reads as the rendered
// page does: emphasis markers, code backticks, link and image syntax, HTML
// tags and comments go; entity references are decoded; backslash escapes
// yield the escaped character. The emphasis matching follows CommonMark's
// delimiter-run rules (left- and right-flanking runs, "_" not inside words)
// without the "rule of three", which only matters for runs like "***a**b*".
// Everything is a single left-to-right pass with bounded look-ahead, so the
// cost stays linear in the size of the text.

// inlineRenderer strips inline Markdown. refs holds the document's link
// reference definitions ("[label]: url"), normalised as by normLabel; add
// them with addRef.
type inlineRenderer struct {
	refs   map[string]bool
	refMax int // length of the longest label in refs
	// backtick runs of the text being rendered, by length, for matching
	// code spans without rescanning: runs[n] lists start offsets.
	runs map[int][]int
}

// inlineTok is either literal text or a run of emphasis delimiters.
type inlineTok struct {
	text      string
	delim     byte // '*', '_' or '~'; 0 for text
	n         int  // delimiters left unmatched
	open      bool // can open emphasis
	close     bool // can close emphasis
	dead      bool // removed from the opener stack
	stackNext int
}

// Bounds on look-ahead: a link's text or destination, an HTML tag, a
// reference label. Longer constructs are taken literally.
const (
	maxLinkText   = 1000 // CommonMark caps link labels at 999 characters
	maxLinkDest   = 512
	maxTagLen     = 1000
	maxCommentLen = 64 << 10
	maxDepth      = 4
)

func (ir *inlineRenderer) render(s string) string { return ir.renderDepth(s, 0) }

func (ir *inlineRenderer) renderDepth(s string, depth int) string {
	if !strings.ContainsAny(s, "\\`*_~<&[!\n") {
		return s
	}
	var toks []inlineTok
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			toks = append(toks, inlineTok{text: text.String()})
			text.Reset()
		}
	}
	runs := ir.backtickRuns(s)
	cursor := map[int]int{} // per run length: index of the next candidate closer
	closers := bracketPairs(s)
	commentEnd := -2 // offset of the next "-->", -1 if none, -2 not searched yet
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '\\':
			if i+1 < len(s) && isASCIIPunct(s[i+1]) {
				text.WriteByte(s[i+1])
				i += 2
				continue
			}
			if i+1 < len(s) && s[i+1] == '\n' {
				text.WriteByte(' ') // hard line break
				i += 2
				continue
			}
			text.WriteByte(c)
			i++
		case '`':
			n := 1
			for i+n < len(s) && s[i+n] == '`' {
				n++
			}
			end := -1
			list := runs[n]
			k := cursor[n]
			for k < len(list) && list[k] <= i {
				k++
			}
			cursor[n] = k
			if k < len(list) {
				end = list[k]
				cursor[n] = k + 1
			}
			if end < 0 {
				text.WriteString(s[i : i+n])
				i += n
				continue
			}
			code := strings.ReplaceAll(s[i+n:end], "\n", " ")
			if len(code) >= 2 && code[0] == ' ' && code[len(code)-1] == ' ' && strings.TrimSpace(code) != "" {
				code = code[1 : len(code)-1]
			}
			text.WriteString(code)
			i = end + n
		case '<':
			if strings.HasPrefix(s[i:], "<!--") {
				// An HTML comment. The next "-->" is remembered, so that
				// many openers without a closer are not each searched
				// to the end.
				if commentEnd == -2 || (commentEnd >= 0 && commentEnd < i+4) {
					commentEnd = -1
					if k := strings.Index(s[i+4:], "-->"); k >= 0 {
						commentEnd = i + 4 + k
					}
				}
				if commentEnd >= 0 && commentEnd-i <= maxCommentLen {
					i = commentEnd + 3
					continue
				}
			}
			if n, repl, ok := inlineHTML(s[i:]); ok {
				text.WriteString(repl)
				i += n
				continue
			}
			text.WriteByte(c)
			i++
		case '&':
			if n, repl, ok := entity(s[i:]); ok {
				text.WriteString(repl)
				i += n
				continue
			}
			text.WriteByte(c)
			i++
		case '!', '[':
			start := i
			if c == '!' {
				if i+1 >= len(s) || s[i+1] != '[' {
					text.WriteByte(c)
					i++
					continue
				}
				start = i + 1
			}
			if label, end, ok := ir.link(s, start, closers); ok && depth < maxDepth {
				text.WriteString(ir.renderDepth(label, depth+1))
				i = end
				continue
			}
			text.WriteByte(c)
			i++
		case '*', '_', '~':
			n := 1
			for i+n < len(s) && s[i+n] == c {
				n++
			}
			before, _ := utf8.DecodeLastRuneInString(s[:i])
			after, _ := utf8.DecodeRuneInString(s[i+n:])
			if i == 0 {
				before = ' '
			}
			if i+n >= len(s) {
				after = ' '
			}
			left := !isSpaceRune(after) && (!isPunctRune(after) || isSpaceRune(before) || isPunctRune(before))
			right := !isSpaceRune(before) && (!isPunctRune(before) || isSpaceRune(after) || isPunctRune(after))
			t := inlineTok{text: s[i : i+n], delim: c, n: n}
			switch c {
			case '_':
				t.open = left && (!right || isPunctRune(before))
				t.close = right && (!left || isPunctRune(after))
			default:
				t.open, t.close = left, right
			}
			if c == '~' && n > 2 {
				t.open, t.close = false, false
			}
			if !t.open && !t.close {
				text.WriteString(t.text)
			} else {
				flush()
				toks = append(toks, t)
			}
			i += n
		case '\n':
			text.WriteByte(' ')
			i++
		default:
			j := i + 1
			for j < len(s) && !isInlineSpecial(s[j]) {
				j++
			}
			text.WriteString(s[i:j])
			i = j
		}
	}
	flush()
	matchEmphasis(toks)
	var out strings.Builder
	out.Grow(len(s))
	for _, t := range toks {
		if t.delim == 0 {
			out.WriteString(t.text)
		} else if t.n > 0 {
			out.WriteString(strings.Repeat(string(t.delim), t.n))
		}
	}
	return out.String()
}

func isInlineSpecial(c byte) bool {
	switch c {
	case '\\', '`', '<', '&', '!', '[', '*', '_', '~', '\n':
		return true
	}
	return false
}

// backtickRuns indexes the runs of backticks of s by length.
func (ir *inlineRenderer) backtickRuns(s string) map[int][]int {
	if strings.IndexByte(s, '`') < 0 {
		return nil
	}
	runs := map[int][]int{}
	for i := 0; i < len(s); {
		if s[i] == '\\' && i+1 < len(s) && s[i+1] == '`' {
			i += 2
			continue
		}
		if s[i] != '`' {
			i++
			continue
		}
		n := 1
		for i+n < len(s) && s[i+n] == '`' {
			n++
		}
		runs[n] = append(runs[n], i)
		i += n
	}
	return runs
}

// matchEmphasis pairs emphasis delimiter runs, as CommonMark's "process
// emphasis" does: each closer takes the nearest opener of the same
// character; delimiters left between a matched pair can no longer match.
// Matched delimiters are removed (their n reduced); the rest print as is.
func matchEmphasis(toks []inlineTok) {
	var stack []int // openers, innermost last
	top := map[byte]int{'*': -1, '_': -1, '~': -1}
	for i := range toks {
		t := &toks[i]
		if t.delim == 0 {
			continue
		}
		for t.close && t.n > 0 {
			o := top[t.delim]
			for o >= 0 && (toks[o].dead || toks[o].n == 0) {
				o = toks[o].stackNext
			}
			top[t.delim] = o
			if o < 0 {
				break
			}
			op := &toks[o]
			if t.delim == '~' && op.n != t.n {
				break
			}
			use := 1
			if op.n >= 2 && t.n >= 2 {
				use = 2
			}
			op.n -= use
			t.n -= use
			// Openers between the pair become literal text.
			for len(stack) > 0 && stack[len(stack)-1] > o {
				toks[stack[len(stack)-1]].dead = true
				stack = stack[:len(stack)-1]
			}
			if op.n == 0 {
				op.dead = true
				stack = stack[:len(stack)-1]
				top[t.delim] = op.stackNext
			}
		}
		if t.open && t.n > 0 {
			t.stackNext = top[t.delim]
			top[t.delim] = i
			stack = append(stack, i)
		}
	}
}

// bracketPairs maps the offset of each "[" of s to the offset of its
// matching "]", skipping backslash-escaped brackets; unmatched ones are
// absent. One pass with a stack, so that finding a link's end is O(1).
func bracketPairs(s string) map[int]int {
	if strings.IndexByte(s, '[') < 0 {
		return nil
	}
	pairs := map[int]int{}
	var stack []int
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '[':
			stack = append(stack, i)
		case ']':
			if n := len(stack); n > 0 {
				pairs[stack[n-1]] = i
				stack = stack[:n-1]
			}
		}
	}
	return pairs
}

// link parses a link at s[start] == '[': an inline link "[text](url
// "title")", a full or collapsed reference "[text][ref]" or a shortcut
// reference "[ref]" whose label is defined. It returns the link text and
// the offset just after the link. closers holds the matching brackets.
func (ir *inlineRenderer) link(s string, start int, closers map[int]int) (string, int, bool) {
	j, ok := closers[start]
	if !ok || j-start > maxLinkText {
		return "", 0, false
	}
	label := s[start+1 : j]
	if j+1 < len(s) && s[j+1] == '(' {
		if end, ok := linkDest(s, j+2); ok {
			return label, end, true
		}
	}
	if len(ir.refs) == 0 {
		return "", 0, false
	}

	if j+1 < len(s) && s[j+1] == '[' {
		if k, ok := closers[j+1]; ok && k-j <= maxLinkText {
			ref := s[j+2 : k]
			if ref == "" {
				ref = label
			}
			if ir.isRef(ref) {
				return label, k + 1, true
			}
		}
	}
	if ir.isRef(label) {
		return label, j + 1, true
	}
	return "", 0, false
}

// addRef records a reference definition's label (already normalised).
func (ir *inlineRenderer) addRef(label string) {
	if ir.refs == nil {
		ir.refs = map[string]bool{}
	}
	ir.refs[label] = true
	ir.refMax = max(ir.refMax, len(label))
}

// isRef reports whether label names a reference definition. Labels far
// longer than any definition's are not normalised at all, which keeps text
// full of brackets cheap.
func (ir *inlineRenderer) isRef(label string) bool {
	if len(label) > 4*ir.refMax+16 {
		return false
	}
	return ir.refs[normLabel(label)]
}

// linkDest parses an inline link's destination and optional title starting
// at s[i] (just after "("), returning the offset after the closing ")".
func linkDest(s string, i int) (int, bool) {
	limit := min(len(s), i+maxLinkDest)
	skip := func() {
		for i < limit && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
			i++
		}
	}
	skip()
	if i < limit && s[i] == '<' {
		for i++; i < limit && s[i] != '>' && s[i] != '\n'; i++ {
			if s[i] == '\\' {
				i++
			}
		}
		if i >= limit || s[i] != '>' {
			return 0, false
		}
		i++
	} else {
		parens := 0
		for ; i < limit; i++ {
			c := s[i]
			if c == '\\' {
				i++
				continue
			}
			if c == ' ' || c == '\t' || c == '\n' || c < 0x20 {
				break
			}
			if c == '(' {
				parens++
			}
			if c == ')' {
				if parens == 0 {
					break
				}
				parens--
			}
		}
	}
	skip()
	if i < limit && (s[i] == '"' || s[i] == '\'' || s[i] == '(') {
		closer := s[i]
		if closer == '(' {
			closer = ')'
		}
		for i++; i < limit && s[i] != closer; i++ {
			if s[i] == '\\' {
				i++
			}
		}
		if i >= limit {
			return 0, false
		}
		i++
		skip()
	}
	if i < limit && s[i] == ')' {
		return i + 1, true
	}
	return 0, false
}

// normLabel normalises a link reference label: case-folded, inner white
// space collapsed.
func normLabel(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// spaceTags are HTML elements that separate words when rendered; other tags
// (span, a, b, u, sup ...) are removed without a trace so that
// "Provider</span>’s" stays one word.
var spaceTags = map[string]bool{
	"br": true, "p": true, "div": true, "li": true, "ul": true, "ol": true, "tr": true, "td": true, "th": true,
	"table": true, "thead": true, "tbody": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true,
	"h6": true, "hr": true, "blockquote": true, "center": true, "dd": true, "dt": true, "dl": true,
	"section": true, "article": true, "header": true, "footer": true, "pre": true, "img": true,
}

// inlineHTML recognises at the start of s an autolink ("<https://x>",
// "<a@b.c>") or an HTML tag, and returns its length and replacement.
func inlineHTML(s string) (int, string, bool) {
	if strings.HasPrefix(s, "<!--") {
		return 0, "", false // comments are handled by the caller
	}
	if n, ok := autolink(s); ok {
		return n, s[1 : n-1], true
	}
	if n, name, ok := parseTag(s); ok {
		if spaceTags[name] {
			return n, " ", true
		}
		return n, "", true
	}
	return 0, "", false
}

// autolink matches "<scheme:...>" and "<user@host>". It scans only as far
// as the characters an autolink may hold.
func autolink(s string) (int, bool) {
	end := -1
	for i := 1; i < len(s) && i <= maxLinkDest; i++ {
		c := s[i]
		if c == '>' {
			end = i
			break
		}
		if c <= ' ' || c == '<' {
			return 0, false
		}
	}
	if end < 3 {
		return 0, false
	}
	body := s[1:end]
	if c := strings.IndexByte(body, ':'); c >= 2 && c <= 32 && isASCIILetter(body[0]) {
		for i := 1; i < c; i++ {
			if !isASCIIAlnum(body[i]) && body[i] != '+' && body[i] != '.' && body[i] != '-' {
				return 0, false
			}
		}
		return end + 1, true
	}
	if at := strings.IndexByte(body, '@'); at > 0 && at < len(body)-1 && strings.Contains(body[at:], ".") {
		return end + 1, true
	}
	return 0, false
}

// htmlElements are the element names taken for HTML tags. Anything else in
// angle brackets is text: agreements write placeholders that way
// ("between <Customer Name> and ...").
var htmlElements = map[string]bool{}

func init() {
	for _, n := range strings.Fields(`a abbr address area article aside b base basefont bdi bdo big blockquote
		body br button caption center cite code col colgroup data dd del details dfn dialog dir div dl dt em
		embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html
		i iframe img input ins kbd label legend li link main mark menu menuitem meta nav nobr noframes object ol
		optgroup option p param picture pre q s samp script search section select small source span strike
		strong style sub summary sup svg table tbody td template textarea tfoot th thead time title tr track tt
		u ul var video wbr`) {
		htmlElements[n] = true
	}
}

// parseTag matches an HTML open or close tag at the start of s ("<br/>",
// `<span class="x">`, "</li>") and returns its length and lower-case name.
func parseTag(s string) (int, string, bool) {
	if len(s) < 3 || s[0] != '<' {
		return 0, "", false
	}
	i := 1
	if s[i] == '/' {
		i++
	}
	if i >= len(s) || !isASCIILetter(s[i]) {
		return 0, "", false
	}
	ns := i
	for i < len(s) && (isASCIIAlnum(s[i]) || s[i] == '-') {
		i++
	}
	name := strings.ToLower(s[ns:i])
	if i >= len(s) || !htmlElements[name] {
		return 0, "", false
	}
	switch s[i] {
	case '>', ' ', '\t', '\n', '/':
	default:
		return 0, "", false
	}
	limit := min(len(s), maxTagLen)
	for i < limit {
		switch s[i] {
		case '>':
			return i + 1, name, true
		case '"', '\'':
			q := strings.IndexByte(s[i+1:limit], s[i])
			if q < 0 {
				return 0, "", false
			}
			i += q + 2
		case '<':
			return 0, "", false
		default:
			i++
		}
	}
	return 0, "", false
}

// entity decodes an HTML entity or numeric character reference at the
// start of s ("&amp;", "&#8217;", "&#x2019;").
func entity(s string) (int, string, bool) {
	end := -1
	for i := 1; i < len(s) && i < 40; i++ {
		c := s[i]
		if c == ';' {
			end = i
			break
		}
		if !isASCIIAlnum(c) && c != '#' {
			break
		}
	}
	if end < 2 {
		return 0, "", false
	}
	tok := s[:end+1]
	dec := html.UnescapeString(tok)
	if dec == tok {
		return 0, "", false
	}
	return end + 1, dec, true
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

func isSpaceRune(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || unicode.IsSpace(r) }

func isPunctRune(r rune) bool {
	if r < 0x80 {
		return isASCIIPunct(byte(r))
	}
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}

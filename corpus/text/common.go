package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the pieces the Markdown and plain-text readers share:
// list and clause markers, the test for whether a marker starts a new block
// inside a run of lines, heading-like lines, and joining hard-wrapped lines.

// marker is a list or clause marker printed at the start of a line: a
// bullet ("-"), a number ("1.", "1)"), a letter or roman numeral ("a.",
// "(iv)") or, in plain text, a decimal clause number ("5.2").
type marker struct {
	class byte   // '-' bullet, '1' number, 'a' lower letter or roman, 'A' upper letter or roman, 'd' decimal clause
	delim byte   // '.' or ')' after the value, '(' for a parenthesised value, ' ' for bullets and clauses
	value string // "3", "b", "iv", "5.2"
	width int    // bytes of the marker itself, without the spaces after it
}

// printed is the marker as it appears in the text.
func (m marker) printed() string {
	switch m.delim {
	case '(':
		return "(" + m.value + ")"
	case '.', ')':
		return m.value + string(m.delim)
	}
	return m.value
}

// style groups markers that can be siblings: "(a)" and "(b)", "1." and "2.".
func (m marker) style() [2]byte { return [2]byte{m.class, m.delim} }

// parseMarker reads a list marker at the start of s (s has no leading
// space). It accepts CommonMark's bullets and ordered markers ("1.", "1)")
// plus the forms contracts use: "a.", "a)", "(a)", "(iv)", "(1)". textMode
// adds typographic bullets ("•", "–") and decimal clause numbers ("5.2").
// A marker must be followed by white space or the end of the line.
func parseMarker(s string, textMode bool) (marker, bool) {
	if s == "" {
		return marker{}, false
	}
	spaceAt := func(i int) bool { return i >= len(s) || s[i] == ' ' || s[i] == '\t' }
	c := s[0]
	switch {
	case c == '-' || c == '*' || c == '+':
		if spaceAt(1) {
			return marker{class: '-', delim: ' ', value: s[:1], width: 1}, true
		}
		return marker{}, false
	case c >= '0' && c <= '9':
		i := 0
		for i < len(s) && i < 10 && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i >= len(s) {
			return marker{}, false
		}
		if textMode && s[i] == '.' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
			// "5.2", "5.2.1", "4.01": a clause number.
			j := i
			for j < len(s) && s[j] == '.' && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
				j++
				k := j
				for j < len(s) && j-k < 3 && s[j] >= '0' && s[j] <= '9' {
					j++
				}
			}
			if i > 3 {
				return marker{}, false
			}
			w := j
			if w < len(s) && s[w] == '.' {
				w++
			}
			if spaceAt(w) {
				return marker{class: 'd', delim: ' ', value: s[:j], width: w}, true
			}
			return marker{}, false
		}
		if (s[i] == '.' || s[i] == ')') && i <= 9 && spaceAt(i+1) {
			return marker{class: '1', delim: s[i], value: s[:i], width: i + 1}, true
		}
		return marker{}, false
	case c == '(':
		j := 1
		for j < len(s) && j <= 5 && isASCIIAlnum(s[j]) {
			j++
		}
		if j == 1 || j >= len(s) || s[j] != ')' || !spaceAt(j+1) {
			return marker{}, false
		}
		v := s[1:j]
		cl := valueClass(v)
		if cl == 0 || (cl == '1' && len(v) > 2) {
			return marker{}, false
		}
		return marker{class: cl, delim: '(', value: v, width: j + 1}, true
	case isASCIILetter(c):
		j := 0
		for j < len(s) && j < 5 && isASCIILetter(s[j]) {
			j++
		}
		if j >= len(s) || (s[j] != '.' && s[j] != ')') || !spaceAt(j+1) || j+1 >= len(s) {
			return marker{}, false
		}
		v := s[:j]
		if len(v) > 1 && !canonicalRoman(v) {
			return marker{}, false
		}
		cl := valueClass(v)
		if cl == 0 {
			return marker{}, false
		}
		return marker{class: cl, delim: s[j], value: v, width: j + 1}, true
	}
	if textMode {
		r, n := utf8.DecodeRuneInString(s)
		switch r {
		case '•', '◦', '▪', '·', '‣', '–', '—':
			if spaceAt(n) {
				return marker{class: '-', delim: ' ', value: s[:n], width: n}, true
			}
		}
	}
	return marker{}, false
}

// valueClass classifies a marker value: '1' digits, 'a' lower-case letters
// (a single letter, a doubled letter "aa" or a roman numeral), 'A' the same
// in upper case; 0 for anything else ("(the)", "(TBD)").
func valueClass(v string) byte {
	if v == "" {
		return 0
	}
	digits, lower, upper := true, true, true
	for i := 0; i < len(v); i++ {
		c := v[i]
		digits = digits && c >= '0' && c <= '9'
		lower = lower && c >= 'a' && c <= 'z'
		upper = upper && c >= 'A' && c <= 'Z'
	}
	switch {
	case digits:
		return '1'
	case !lower && !upper:
		return 0
	}
	same := strings.Count(v, v[:1]) == len(v) && len(v) <= 3
	if !same && !canonicalRoman(v) {
		return 0
	}
	if lower {
		return 'a'
	}
	return 'A'
}

func isRoman(v string) bool {
	if v == "" || len(v) > 6 {
		return false
	}
	for i := 0; i < len(v); i++ {
		if !strings.ContainsRune("ivxlcIVXLC", rune(v[i])) {
			return false
		}
	}
	return true
}

// canonicalRoman reports whether v is a roman numeral written the usual
// way ("iv", "xii"), so that "LLC." or "CIV." at the start of a line is
// not taken for a list marker.
func canonicalRoman(v string) bool {
	n := romanValue(v)
	return n > 0 && roman(n) == strings.ToLower(v)
}

// romanValue converts a roman numeral; 0 when it is not one.
func romanValue(v string) int {
	total, prev := 0, 0
	for i := len(v) - 1; i >= 0; i-- {
		n := 0
		switch v[i] | 0x20 {
		case 'i':
			n = 1
		case 'v':
			n = 5
		case 'x':
			n = 10
		case 'l':
			n = 50
		case 'c':
			n = 100
		default:
			return 0
		}
		if n < prev {
			total -= n
		} else {
			total += n
			prev = n
		}
	}
	return total
}

// follows reports whether marker m is the next sibling after p: "(b)" after
// "(a)", "(ii)" after "(i)", "(i)" after "(h)", "3." after "2.", "5.3"
// after "5.2", "5.1" after "5".
func follows(p, m marker) bool {
	if p.delim != m.delim || p.class == '-' || m.class == '-' {
		return false
	}
	if m.class == 'd' || p.class == 'd' {
		if m.class != 'd' {
			return false
		}
		if p.class == '1' || p.class == 'd' {
			if m.value == p.value+".1" || m.value == p.value+".01" {
				return true
			}
		}
		if p.class != 'd' {
			return false
		}
		pi, mi := strings.LastIndexByte(p.value, '.'), strings.LastIndexByte(m.value, '.')
		if pi < 0 || mi < 0 || p.value[:pi] != m.value[:mi] {
			return false
		}
		return atoi(m.value[mi+1:]) == atoi(p.value[pi+1:])+1
	}
	if p.class != m.class {
		return false
	}
	if p.class == '1' {
		return atoi(m.value) == atoi(p.value)+1
	}
	if len(p.value) == 1 && len(m.value) == 1 && m.value[0] == p.value[0]+1 {
		return true
	}
	if pr, mr := romanValue(p.value), romanValue(m.value); pr > 0 && mr == pr+1 {
		return true
	}
	// "aa" after "z".
	return len(m.value) == 2 && m.value[0] == m.value[1] && (p.value == "z" || p.value == "Z") && m.value[0]|0x20 == 'a'
}

// first reports whether m starts a sequence: "1", "a", "i", "A", "I".
func (m marker) first() bool {
	switch m.value {
	case "1", "a", "i", "A", "I":
		return true
	}
	return false
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s) && i < 9; i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// markerMemory remembers the last marker of each style seen, so that "(b)"
// can be recognised as following "(a)" several lines up.
type markerMemory map[[2]byte]marker

func (mm markerMemory) note(m marker) {
	if m.class != '-' {
		mm[m.style()] = m
	}
}

// interrupts decides whether a line starting with marker m begins a new
// block when it comes straight after the line prev, without a blank line in
// between. Hard-wrapped text often puts a number at the start of a line
// ("within thirty\n(30) days", "at least\n1.5 times"), so a marker only
// breaks the run when the line before ends a sentence or a clause (".",
// ":", ";", "and", "or") or when the marker continues a sequence seen
// before ("(b)" after "(a)", "5.3" after "5.2"). Bullets always break, as
// in CommonMark.
func interrupts(prev string, m marker, mm markerMemory) bool {
	if m.class == '-' {
		return true
	}
	if endsClause(prev) {
		return true
	}
	if p, ok := mm[m.style()]; ok && follows(p, m) {
		return true
	}
	return false
}

// endsClause reports whether a line ends a sentence or a clause of a list:
// it ends a sentence, or with the words "and", "or", "but", "then".
func endsClause(s string) bool {
	if endsSentence(s) {
		return true
	}
	s = strings.TrimRight(s, " \t*_\"'”’)]")
	i := strings.LastIndexAny(s, " \t")
	switch strings.ToLower(s[i+1:]) {
	case "and", "or", "but", "then":
		return i >= 0
	}
	return false
}

// endsSentence reports whether a line ends with ".", ":", ";", "!" or "?"
// (before closing quotes, brackets and emphasis markers): the line may be
// the last of a paragraph.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \t*_\"'”’)]")
	if s == "" {
		return false
	}
	switch s[len(s)-1] {
	case '.', ':', ';', '!', '?':
		return true
	}
	return false
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isASCIIAlnum(c byte) bool  { return isASCIILetter(c) || c >= '0' && c <= '9' }

// firstWordLen is the length in runes of the first word of s.
func firstWordLen(s string) int {
	n := 0
	for _, r := range s {
		if r == ' ' || r == '\t' {
			break
		}
		n++
	}
	return n
}

// startsLower reports whether s starts with a lower-case letter: the line
// continues a sentence.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// ---- labels and heading-like lines ----

// labelKind is the kind of a clause label at the start of a line, used to
// recognise plain-text headings and give them a level.
type labelKind int

const (
	lkNone    labelKind = iota
	lkAnnex             // "SCHEDULE 2", "Exhibit A"
	lkArticle           // "ARTICLE IV"
	lkPart              // "PART B"
	lkSection           // "Section 5", "Clause 5", "5."
	lkDecimal           // "5.2", "Section 4.01"
	lkSub               // "(a)", "a.", "1)"
)

var (
	annexWords   = []string{"schedule", "exhibit", "annex", "appendix", "attachment", "addendum"}
	sectionWords = []string{"section", "clause", "article", "part"}
)

// leadingLabel finds a clause label at the start of s and returns its kind,
// the decimal depth ("5.2" is 2) and the rest of the line after the label
// and any separator (" - ", ":", ".").
func leadingLabel(s string) (labelKind, int, string) {
	if s == "" {
		return lkNone, 0, s
	}
	word, after := s, ""
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		word, after = s[:i], strings.TrimLeft(s[i:], " \t")
	}
	lw := strings.ToLower(word)
	if isASCIILetter(s[0]) && s[0] >= 'A' && s[0] <= 'Z' {
		for _, a := range annexWords {
			if lw == a {
				v, rest := splitValue(after)
				if v != "" && (len(v) <= 2 && isAlnumString(v) || isRoman(v)) {
					return lkAnnex, 0, trimSep(rest)
				}
				return lkNone, 0, s
			}
		}
		for _, a := range sectionWords {
			if lw != a {
				continue
			}
			v, rest := splitValue(after)
			switch {
			case v == "":
			case a == "article" && (isRoman(v) || atoi(v) > 0):
				return lkArticle, 0, trimSep(rest)
			case a == "part" && (len(v) == 1 || isRoman(v) || atoi(v) > 0):
				return lkPart, 0, trimSep(rest)
			case a == "section" || a == "clause":
				if d := decimalDepth(v); d == 1 {
					return lkSection, 1, trimSep(rest)
				} else if d > 1 {
					return lkDecimal, d, trimSep(rest)
				}
			}
			return lkNone, 0, s
		}
	}
	if strings.HasPrefix(s, "§") {
		v, rest := splitValue(strings.TrimLeft(s[len("§"):], " "))
		if d := decimalDepth(v); d > 0 {
			return lkDecimal, d, trimSep(rest)
		}
	}
	if m, ok := parseMarker(s, true); ok {
		rest := strings.TrimLeft(s[m.width:], " \t")
		switch m.class {
		case 'd':
			return lkDecimal, strings.Count(m.value, ".") + 1, trimSep(rest)
		case '1':
			if m.delim == '.' {
				return lkSection, 1, trimSep(rest)
			}
			return lkSub, 0, rest
		case 'a', 'A':
			return lkSub, 0, rest
		}
	}
	return lkNone, 0, s
}

// splitValue splits "IV - SECURITY" into "IV" and "- SECURITY", dropping
// a trailing "." or ":" from the value.
func splitValue(s string) (string, string) {
	i := strings.IndexAny(s, " \t")
	v, rest := s, ""
	if i >= 0 {
		v, rest = s[:i], s[i:]
	}
	v = strings.TrimRight(v, ".:")
	return v, rest
}

func trimSep(s string) string {
	s = strings.TrimSpace(s)
	for _, sep := range []string{"-", "–", "—", ":", "."} {
		if strings.HasPrefix(s, sep) {
			return strings.TrimSpace(s[len(sep):])
		}
	}
	return s
}

// decimalDepth is the number of dotted parts of "4", "4.01", "12.3.1"; 0 if v
// is not such a number.
func decimalDepth(v string) int {
	v = strings.TrimRight(v, ".")
	if v == "" {
		return 0
	}
	d := 1
	prevDot := true
	for i := 0; i < len(v); i++ {
		switch {
		case v[i] >= '0' && v[i] <= '9':
			prevDot = false
		case v[i] == '.' && !prevDot:
			d++
			prevDot = true
		default:
			return 0
		}
	}
	if prevDot {
		return 0
	}
	return d
}

func isAlnumString(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isASCIIAlnum(s[i]) {
			return false
		}
	}
	return s != ""
}

// smallWords may be lower case in a title ("Limitation of Liability").
var smallWords = map[string]bool{
	"a": true, "an": true, "and": true, "as": true, "at": true, "by": true, "for": true, "from": true,
	"in": true, "into": true, "of": true, "on": true, "or": true, "the": true, "to": true, "with": true,
	"per": true, "upon": true, "under": true, "its": true, "their": true, "our": true, "vs": true, "via": true,
	"nor": true, "but": true, "than": true, "not": true, "no": true,
}

// titleLike reports whether s reads as a heading's title rather than a
// sentence: short, no sentence break inside, no trailing comma, and either
// in capitals or in title case (every word but small ones capitalised).
func titleLike(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return true
	}
	if utf8.RuneCountInString(s) > 100 {
		return false
	}
	words := strings.Fields(s)
	if len(words) > 12 {
		return false
	}
	last := s[len(s)-1]
	if last == ',' || last == ';' {
		return false
	}
	body := strings.TrimRight(s, ".:")
	if strings.Contains(body, ". ") || strings.Contains(body, "; ") {
		return false
	}
	if allCaps(s) {
		return true
	}
	for i, w := range words {
		w = strings.Trim(w, "\"'“”‘’()[],.:;")
		if w == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || unicode.IsDigit(r) || !unicode.IsLetter(r) {
			continue
		}
		if i > 0 && smallWords[strings.ToLower(w)] {
			continue
		}
		return false
	}
	return true
}

// allCaps reports whether s has letters and none of them is lower case.
func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// capsHeading reports whether a line on its own is an unnumbered heading in
// capitals: "RECITALS", "GENERAL PROVISIONS". It must be short, mostly
// letters and not end like a sentence that goes on (",", ";").
func capsHeading(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || utf8.RuneCountInString(s) > 80 || !allCaps(s) {
		return false
	}
	words := strings.Fields(s)
	if len(words) > 12 {
		return false
	}
	letters, other := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case r != ' ':
			other++
		}
	}
	if letters < 3 || letters < 2*other {
		return false
	}
	switch s[len(s)-1] {
	case ',', ';':
		return false
	case '.':
		return len(words) <= 6
	}
	return true
}

// ---- joining lines ----

// joiner joins the hard-wrapped lines of a block into one line. A word
// broken across lines with a hyphen ("notifi-" / "cation") is rejoined when
// the break is a soft one. The rule, since there is no dictionary:
//
//   - the next line starts with a capital or a digit ("Non-" / "Disclosure",
//     "COVID-" / "19"): keep the hyphen, it is part of a compound;
//   - the next word is "and", "or", "to" ("pre- and post-"): keep the hyphen
//     and a space;
//   - the fragment before the hyphen already has a hyphen ("state-of-the-"):
//     keep it;
//   - the joined word occurs elsewhere in the document ("notification"):
//     rejoin; the hyphenated form occurs elsewhere ("twenty-four"): keep;
//   - the fragment is a word that starts compounds (number words such as
//     "twenty", prefixes such as "non", "self", "co", "sub", "third"):
//     keep;
//   - otherwise rejoin: typesetters hyphenate inside words far more often
//     than a compound happens to break at its hyphen.
type joiner struct {
	doc   string
	words map[string]bool // built on first need from doc
}

// compoundFirst lists words that commonly start hyphenated compounds.
var compoundFirst = map[string]bool{
	"twenty": true, "thirty": true, "forty": true, "fifty": true, "sixty": true, "seventy": true,
	"eighty": true, "ninety": true, "one": true, "two": true, "three": true, "four": true, "five": true,
	"six": true, "seven": true, "eight": true, "nine": true, "ten": true, "half": true, "quarter": true,
	"non": true, "self": true, "co": true, "ex": true, "sub": true, "anti": true, "multi": true, "cross": true,
	"semi": true, "pre": true, "post": true, "re": true, "third": true, "first": true, "second": true,
	"well": true, "long": true, "short": true, "full": true, "part": true, "high": true, "low": true,
	"end": true, "year": true, "month": true, "day": true, "week": true, "time": true, "risk": true,
	"cost": true, "read": true, "real": true, "on": true, "off": true, "in": true, "out": true,
	"up": true, "down": true, "e": true, "x": true, "all": true, "case": true, "follow": true,
	"set": true, "opt": true, "role": true, "rule": true, "mid": true, "inter": true, "intra": true,
}

func (j *joiner) known(w string) bool {
	if j.words == nil {
		j.words = make(map[string]bool)
		s := j.doc
		start := -1
		for i, r := range s {
			inWord := unicode.IsLetter(r) || (r == '-' && start >= 0)
			if inWord && start < 0 {
				start = i
			} else if !inWord && start >= 0 {
				j.addWord(s[start:i])
				start = -1
			}
		}
		if start >= 0 {
			j.addWord(s[start:])
		}
	}
	return j.words[w]
}

func (j *joiner) addWord(w string) {
	w = strings.Trim(w, "-")
	if len(w) > 1 {
		j.words[strings.ToLower(w)] = true
	}
}

// join joins lines (already trimmed) with single spaces, rejoining words
// hyphenated at line ends as described on joiner.
func (j *joiner) join(lines []string) string {
	switch len(lines) {
	case 0:
		return ""
	case 1:
		return lines[0]
	}
	n := 0
	for _, l := range lines {
		n += len(l) + 1
	}
	buf := make([]byte, 0, n)
	for i, l := range lines {
		if i > 0 {
			drop, sep := j.hyphenBreak(lines[i-1], l)
			if drop {
				buf = buf[:len(buf)-1]
			}
			buf = append(buf, sep...)
		}
		buf = append(buf, l...)
	}
	return string(buf)
}

// hyphenBreak decides how to join prev and next across a line break: whether
// to drop the hyphen that ends prev and what to put between the lines.
func (j *joiner) hyphenBreak(prev, next string) (drop bool, sep string) {
	if len(prev) < 2 || prev[len(prev)-1] != '-' || next == "" {
		return false, " "
	}
	before, _ := utf8.DecodeLastRuneInString(prev[:len(prev)-1])
	if !unicode.IsLetter(before) {
		return false, " " // a dash standing alone ("fees -"), not a broken word
	}
	first, _ := utf8.DecodeRuneInString(next)
	if !unicode.IsLetter(first) && !unicode.IsDigit(first) {
		return false, " "
	}
	if !unicode.IsLower(first) {
		return false, "" // "Non-" + "Disclosure": keep the hyphen, no space
	}
	frag := prev[:len(prev)-1]
	if i := strings.LastIndexFunc(frag, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }); i >= 0 {
		_, n := utf8.DecodeRuneInString(frag[i:])
		frag = frag[i+n:]
	}
	right := next
	if i := strings.IndexFunc(next, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		right = next[:i]
	}
	lf, lr := strings.ToLower(frag), strings.ToLower(right)
	switch {
	case lr == "and" || lr == "or" || lr == "to" || lr == "nor":
		return false, " "
	case strings.Contains(lf, "-"):
		return false, ""
	case lr != "" && j.known(lf+lr):
		return true, ""
	case lr != "" && j.known(lf+"-"+lr):
		return false, ""
	case compoundFirst[lf]:
		return false, ""
	}
	return true, ""
}

// tidy turns every Unicode space in a block's text (em spaces, line
// separators, ideographic spaces) into a plain space and trims the ends, so
// that a block of white space only is empty and dropped.
func tidy(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return r >= 0x80 && unicode.IsSpace(r) }) < 0 {
		return strings.TrimSpace(s)
	}
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, s))
}

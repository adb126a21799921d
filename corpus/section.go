package corpus

import (
	"regexp"
	"strings"
)

// labelKind classifies a number printed at the start of a block.
type labelKind int

const (
	labelNone    labelKind = iota
	labelArticle           // "ARTICLE IV", "Article 4"
	labelDecimal           // "12", "12.3", "Section 4.01", "5.2(b)"
	labelSub               // "(b)", "(iv)", "b)", "b."
	labelAnnex             // "Schedule 2", "Exhibit A", "Annex I", "Attachment A"
	labelPart              // "Part B" (inside an annex)
)

// label is a parsed leading number.
type label struct {
	kind    labelKind
	printed string   // as printed, trimmed of trailing punctuation: "12.3", "(b)", "Schedule 2"
	decimal string   // the decimal part: "12.3" for "Section 12.3(a)"
	subs    []string // parenthesised parts: ["a"] for "12.3(a)", ["b"] for "(b)"
}

var (
	reArticle  = regexp.MustCompile(`^(?i:article)\s+([IVXLC]+|[ivxlc]+|\d+)\b\.?`)
	reSection  = regexp.MustCompile(`^(?:(?i:section|clause)\s+|§\s*)(\d+(?:\.\d+)*)((?:\([A-Za-z0-9]{1,4}\))*)\.?`)
	reDecimal  = regexp.MustCompile(`^(\d{1,3}(?:\.\d{1,3})+)\.?((?:\([A-Za-z0-9]{1,4}\))*)(?:\s|$|[A-Z])`)       // "2.17.1Datec": EDGAR glues numbers to words
	reLettered = regexp.MustCompile(`^([A-Z]{1,2}-\d{1,3}(?:\.\d{1,3})*)\.?((?:\([A-Za-z0-9]{1,4}\))*)\s+[A-Z(]`) // exhibit clauses "B-1", "A-2.3"
	reTop      = regexp.MustCompile(`^(\d{1,3})(\.?)((?:\([A-Za-z0-9]{1,4}\))*)(?:\s+|$)`)
	reParen    = regexp.MustCompile(`^\(([a-z]{1,4}|[A-Z]{1,4}|\d{1,2})\)(?:\s|$)`)
	reHalf     = regexp.MustCompile(`^([a-z]|[ivx]{1,4}|\d{1,2})\)\s`)
	reLetter   = regexp.MustCompile(`^([a-z]|[A-Z])\.\s`)
	reAnnex    = regexp.MustCompile(`^(?i:(schedule|exhibit|annex|appendix|attachment|addendum))\s+([A-Z]{1,2}|\d{1,2}|[IVX]{1,5})\b`)
	rePart     = regexp.MustCompile(`^(?i:part)\s+([A-Z]|\d{1,2}|[IVX]{1,5})\b`)
	reSubs     = regexp.MustCompile(`\(([A-Za-z0-9]{1,4})\)`)
)

// parseLabel reads the number printed at the start of a block's text. Short
// heading-like blocks may carry annex and part labels; a bare "12" needs
// a heading or a following capital letter so that "30 days ..." is not a
// section.
func parseLabel(text string, kind BlockKind) label {
	t := strings.TrimSpace(text)
	if t == "" {
		return label{}
	}
	if m := reAnnex.FindStringSubmatch(t); m != nil && headingLike(t, kind) && !strings.HasPrefix(t[len(m[0]):], ".") {
		// "Exhibit 10.21" is the number a filing gives the whole
		// agreement, not an annex of it; hence no "." after the label.
		return label{kind: labelAnnex, printed: titleWord(m[1]) + " " + m[2]}
	}
	if m := rePart.FindStringSubmatch(t); m != nil && headingLike(t, kind) {
		return label{kind: labelPart, printed: "Part " + m[1]}
	}
	if m := reArticle.FindStringSubmatch(t); m != nil {
		return label{kind: labelArticle, printed: strings.TrimSuffix(m[0], ".")}
	}
	if m := reSection.FindStringSubmatch(t); m != nil {
		return decimalLabel(m[1], m[2])
	}
	if m := reDecimal.FindStringSubmatch(t); m != nil {
		return decimalLabel(m[1], m[2])
	}
	if m := reLettered.FindStringSubmatch(t); m != nil {
		return decimalLabel(m[1], m[2])
	}
	if m := reTop.FindStringSubmatch(t); m != nil {
		rest := t[len(m[0]):]
		dotted := m[2] == "." || m[3] != ""
		if (dotted || kind == Heading) && startsUpperOrParen(rest) {
			return decimalLabel(m[1], m[3])
		}
	}
	if m := reParen.FindStringSubmatch(t); m != nil {
		return label{kind: labelSub, printed: "(" + m[1] + ")", subs: []string{m[1]}}
	}
	if m := reHalf.FindStringSubmatch(t); m != nil {
		return label{kind: labelSub, printed: m[1] + ")", subs: []string{m[1]}}
	}
	if m := reLetter.FindStringSubmatch(t); m != nil && kind != Heading {
		return label{kind: labelSub, printed: m[1] + ".", subs: []string{m[1]}}
	}
	return label{}
}

func decimalLabel(dec, parens string) label {
	l := label{kind: labelDecimal, decimal: dec, printed: dec + parens}
	for _, m := range reSubs.FindAllStringSubmatch(parens, -1) {
		l.subs = append(l.subs, m[1])
	}
	return l
}

// headingLike: a short line that could be a heading ("SCHEDULE 2 - SECURITY
// REQUIREMENTS"), not a sentence that mentions a schedule.
// Outside headings, only an upper-case label ("SCHEDULE 2") counts: a
// paragraph that starts "Schedule 4 Region-Specific Terms" is a definition
// or a cross-reference.
func headingLike(t string, kind BlockKind) bool {
	if kind == Heading {
		return true
	}
	first := strings.Fields(t)[0]
	return first == strings.ToUpper(first) && len(strings.Fields(t)) <= 12 && !strings.HasSuffix(t, ".") && !strings.Contains(t, ", ")
}

func startsUpperOrParen(s string) bool {
	s = strings.TrimLeft(s, " \t*_\"“'")
	if s == "" {
		return true
	}
	c := s[0]
	return c >= 'A' && c <= 'Z' || c == '(' || c >= 0x80
}

func titleWord(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + strings.ToLower(s[1:])
}

// subKind is the kind of a parenthesised label, for nesting: (a) within 3,
// (i) within (a), (A) within (i).
type subKind byte

func classifySub(s string, stack []subEntry) subKind {
	switch {
	case s[0] >= '0' && s[0] <= '9':
		return '1'
	case isRoman(strings.ToLower(s)):
		lower := s == strings.ToLower(s)
		alpha, roman := subKind('a'), subKind('i')
		if !lower {
			alpha, roman = 'A', 'I'
		}
		if len(s) > 1 {
			return roman // "ii", "iv", "xi"
		}
		// A single letter that is also a numeral: "(c)" after "(b)" is a
		// letter, "(v)" after "(iv)" a numeral; "(i)" with no letter
		// before it starts roman numbering.
		for _, e := range stack {
			if e.kind == alpha && len(e.value) == 1 && e.value[0]+1 == s[0] {
				return alpha
			}
		}
		for _, e := range stack {
			if e.kind == roman {
				return roman
			}
		}
		if strings.ToLower(s) == "i" {
			return roman
		}
		return alpha
	case s == strings.ToLower(s):
		return 'a'
	default:
		return 'A'
	}
}

func isRoman(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !strings.ContainsRune("ivxlc", c) {
			return false
		}
	}
	return true
}

type subEntry struct {
	kind  subKind
	value string
}

// sectioner tracks the numbering context while blocks are added in order.
type sectioner struct {
	// annexStart maps an annex label ("Schedule 2") to the index of the
	// block where the annex itself starts: its last heading-like
	// occurrence. Earlier ones are a table of contents or a list of
	// attachments on the first page.
	annexStart map[string]int
	index      int    // of the block being added
	annex      string // "Schedule 2" or "Schedule 2, Part B"
	base       string // "12.3" or "ARTICLE IV"
	// baseLevel is the level of the heading that set base (0: none), so
	// an unnumbered heading below it ("Termination for Cause" under
	// "4.0 Term and Termination", set in the same style) stays inside.
	baseLevel int
	subs      []subEntry
	article   string
}

func (s *sectioner) current() string {
	var b strings.Builder
	b.WriteString(s.base)
	for _, e := range s.subs {
		b.WriteString("(" + e.value + ")")
	}
	num := b.String()
	switch {
	case s.annex == "":
		return num
	case num == "":
		return s.annex
	default:
		return s.annex + ", " + num
	}
}

func (s *sectioner) pushSub(v string) {
	k := classifySub(v, s.subs)
	for i, e := range s.subs {
		if e.kind == k {
			s.subs = append(s.subs[:i], subEntry{k, v})
			return
		}
	}
	s.subs = append(s.subs, subEntry{k, v})
}

// labelOf parses a block's own label; table cells have none.
func labelOf(b *Block) label {
	if b.Kind == TableCell {
		return label{}
	}
	src := b.Text
	if b.Number != "" && !strings.HasPrefix(b.Text, b.Number) {
		src = b.Number + " " + b.Text
	}
	return parseLabel(src, b.Kind)
}

// findAnnexes records where each annex starts (see sectioner.annexStart),
// given the labels of the blocks Build keeps.
func (s *sectioner) findAnnexes(labels []label) {
	s.annexStart = map[string]int{}
	for i, l := range labels {
		if l.kind == labelAnnex {
			s.annexStart[l.printed] = i
		}
	}
}

// add updates the context with the next block, whose own label is l, and
// returns the block's section.
func (s *sectioner) add(b *Block, l label) string {
	if l.kind == labelAnnex && s.annexStart != nil && s.annexStart[l.printed] != s.index {
		l = label{}
	}
	s.index++
	switch l.kind {
	case labelAnnex:
		s.annex, s.base, s.subs, s.baseLevel = l.printed, "", nil, 0
	case labelPart:
		if i := strings.Index(s.annex, ", Part "); i >= 0 {
			s.annex = s.annex[:i]
		}
		if s.annex != "" {
			s.annex += ", " + l.printed
		} else {
			s.annex = l.printed
		}
		s.base, s.subs = "", nil
	case labelArticle:
		s.base, s.subs = l.printed, nil
		s.setLevel(b)
	case labelDecimal:
		if b.Kind == ListItem && len(s.subs) > 0 && !strings.Contains(l.decimal, ".") {
			// "2. Return ..." listed under item (c) numbers a list within
			// (c), not section 2.
			break
		}
		s.base, s.subs = l.decimal, nil
		s.setLevel(b)
		for _, v := range l.subs {
			s.pushSub(v)
		}
	case labelSub:
		if b.Kind == ListItem && l.subs[0][0] >= '0' && l.subs[0][0] <= '9' {
			break // "1)" list items inside a section keep the section's number
		}
		s.pushSub(l.subs[0])
	case labelNone:
		if b.Kind == Heading {
			// An unnumbered heading ends the lettered items above it; a
			// top-level one ends the numbered section too.
			s.subs = nil
			if s.baseLevel == 0 || b.Level < s.baseLevel {
				s.base, s.baseLevel = "", 0
			}
		}
	}
	return s.current()
}

// setLevel records the level of a heading that sets the section number.
func (s *sectioner) setLevel(b *Block) {
	if b.Kind == Heading {
		s.baseLevel = b.Level
	}
}

package docx

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// Word numbers paragraphs itself: the numbers of "12.3" or "(a)" are not in
// the text but computed from word/numbering.xml while the document is laid
// out. This file replays that computation in reading order.

type lvlXML struct {
	Ilvl       string  `xml:"ilvl,attr"`
	Start      *valXML `xml:"start"`
	NumFmt     *valXML `xml:"numFmt"`
	LvlText    *valXML `xml:"lvlText"`
	LvlRestart *valXML `xml:"lvlRestart"`
	PStyle     *valXML `xml:"pStyle"`
	IsLgl      *valXML `xml:"isLgl"`
}

type abstractNumXML struct {
	ID           string   `xml:"abstractNumId,attr"`
	Levels       []lvlXML `xml:"lvl"`
	NumStyleLink *valXML  `xml:"numStyleLink"`
}

type lvlOverrideXML struct {
	Ilvl          string  `xml:"ilvl,attr"`
	StartOverride *valXML `xml:"startOverride"`
	Lvl           *lvlXML `xml:"lvl"`
}

type numXML struct {
	ID            string           `xml:"numId,attr"`
	AbstractNumID valXML           `xml:"abstractNumId"`
	Overrides     []lvlOverrideXML `xml:"lvlOverride"`
}

type numberingXML struct {
	Abstract []abstractNumXML `xml:"abstractNum"`
	Nums     []numXML         `xml:"num"`
}

const maxLevels = 9

// level is one level of a list definition.
type level struct {
	start   int
	format  string // numFmt: decimal, lowerLetter, bullet, ...
	text    string // lvlText: "%1.%2", "(%3)"
	restart int    // lvlRestart: -1 when absent (restart after any higher level), 0 never
	pStyle  string
	legal   bool // isLgl: show every level's number as decimal
	defined bool
}

type abstractNum struct {
	levels       [maxLevels]level
	numStyleLink string
}

type num struct {
	abstract string
	// levels replaces the abstract definition's level where lvlOverride
	// gives a whole w:lvl; start is the startOverride, hasStart if given.
	levels   [maxLevels]*level
	start    [maxLevels]int
	hasStart [maxLevels]bool
	used     bool // a paragraph has used this numbering instance
}

// counters is the running state of one abstract list, shared by all the
// w:num instances of that definition: an instance continues the numbering
// of the others unless its lvlOverride restarts it (startOverride), which
// is how Word writes a restarted list.
type counters struct {
	val  [maxLevels]int
	used [maxLevels]bool
}

type numbering struct {
	abstracts map[string]*abstractNum
	nums      map[string]*num
	state     map[*abstractNum]*counters
	styles    *styles
}

// parseNumbering reads word/numbering.xml; data may be nil when the part is
// missing.
func parseNumbering(data []byte, st *styles) (*numbering, error) {
	n := &numbering{
		abstracts: map[string]*abstractNum{},
		nums:      map[string]*num{},
		state:     map[*abstractNum]*counters{},
		styles:    st,
	}
	if len(data) == 0 {
		return n, nil
	}
	var x numberingXML
	if err := xml.Unmarshal(data, &x); err != nil {
		return nil, err
	}
	for _, a := range x.Abstract {
		if _, dup := n.abstracts[a.ID]; dup {
			continue
		}
		an := &abstractNum{}
		for i := range a.Levels {
			if l, ok := toLevel(&a.Levels[i]); ok && !an.levels[l.idx].defined {
				an.levels[l.idx] = l.level
			}
		}
		if a.NumStyleLink != nil {
			an.numStyleLink = a.NumStyleLink.Val
		}
		n.abstracts[a.ID] = an
	}
	for _, x := range x.Nums {
		if _, dup := n.nums[x.ID]; dup {
			continue
		}
		nm := &num{abstract: x.AbstractNumID.Val}
		for i := range x.Overrides {
			o := &x.Overrides[i]
			idx, err := strconv.Atoi(o.Ilvl)
			if err != nil || idx < 0 || idx >= maxLevels {
				continue
			}
			if o.Lvl != nil {
				if l, ok := toLevel(o.Lvl); ok {
					lv := l.level
					nm.levels[idx] = &lv
				}
			}
			if o.StartOverride != nil {
				if v, err := strconv.Atoi(o.StartOverride.Val); err == nil {
					nm.start[idx], nm.hasStart[idx] = v, true
				}
			}
		}
		n.nums[x.ID] = nm
	}
	return n, nil
}

type indexedLevel struct {
	idx   int
	level level
}

func toLevel(x *lvlXML) (indexedLevel, bool) {
	idx, err := strconv.Atoi(x.Ilvl)
	if err != nil || idx < 0 || idx >= maxLevels {
		return indexedLevel{}, false
	}
	l := level{format: "decimal", restart: -1, defined: true}
	if x.Start != nil {
		// An absent w:start means 0 in the standard; Word always writes it.
		l.start, _ = strconv.Atoi(x.Start.Val)
	}
	if x.NumFmt != nil && x.NumFmt.Val != "" {
		l.format = x.NumFmt.Val
	}
	if x.LvlText != nil {
		l.text = x.LvlText.Val
	}
	if x.LvlRestart != nil {
		if v, err := strconv.Atoi(x.LvlRestart.Val); err == nil && v >= 0 {
			l.restart = v
		}
	}
	if x.PStyle != nil {
		l.pStyle = x.PStyle.Val
	}
	if x.IsLgl != nil {
		l.legal = on(x.IsLgl.Val)
	}
	return indexedLevel{idx, l}, true
}

// abstractOf finds the list definition of a numbering instance, following
// numStyleLink through a numbering style to the definition it names.
func (n *numbering) abstractOf(nm *num) *abstractNum {
	an := n.abstracts[nm.abstract]
	for hops := 0; an != nil && an.numStyleLink != "" && hops < 4; hops++ {
		id := n.styles.numStyle(an.numStyleLink)
		linked := n.nums[id]
		if linked == nil || n.abstracts[linked.abstract] == nil || n.abstracts[linked.abstract] == an {
			break
		}
		an = n.abstracts[linked.abstract]
	}
	return an
}

func (n *numbering) level(nm *num, an *abstractNum, idx int) *level {
	if nm.levels[idx] != nil {
		return nm.levels[idx]
	}
	return &an.levels[idx]
}

func (n *numbering) startOf(nm *num, an *abstractNum, idx int) int {
	if nm.hasStart[idx] {
		return nm.start[idx]
	}
	return n.level(nm, an, idx).start
}

// levelForStyle finds the level of a list whose w:pStyle names the
// paragraph's style: how heading styles tied to a multilevel list get their
// level when the style's own numPr gives none.
func (n *numbering) levelForStyle(numID, style string) int {
	nm := n.nums[numID]
	if nm == nil || style == "" {
		return -1
	}
	an := n.abstractOf(nm)
	if an == nil {
		return -1
	}
	for i := 0; i < maxLevels; i++ {
		if n.level(nm, an, i).pStyle == style {
			return i
		}
	}
	return -1
}

// label is the number Word prints for a numbered paragraph.
type label struct {
	text   string // "12.3", "(a)", "" for bullets and unnumbered levels
	bullet bool
}

// next advances the list numID at level ilvl for one paragraph and returns
// the label printed for it; ok is false when numID names no list.
func (n *numbering) next(numID string, ilvl int) (label, bool) {
	nm := n.nums[numID]
	if nm == nil {
		return label{}, false
	}
	an := n.abstractOf(nm)
	if an == nil {
		return label{}, false
	}
	if ilvl < 0 || ilvl >= maxLevels {
		ilvl = 0
	}
	c := n.state[an]
	if c == nil {
		c = &counters{}
		n.state[an] = c
	}
	if !nm.used {
		// The first paragraph of an instance with start overrides
		// restarts those levels.
		nm.used = true
		for i := 0; i < maxLevels; i++ {
			if nm.hasStart[i] || (nm.levels[i] != nil) {
				c.used[i] = false
			}
		}
	}
	if c.used[ilvl] {
		c.val[ilvl]++
	} else {
		c.val[ilvl] = n.startOf(nm, an, ilvl)
		c.used[ilvl] = true
	}
	// Deeper levels restart after this one, unless lvlRestart says they
	// restart only after a higher level (its value is 1-based) or never.
	for d := ilvl + 1; d < maxLevels; d++ {
		r := n.level(nm, an, d).restart
		if r < 0 {
			r = d
		}
		if ilvl < r {
			c.used[d] = false
		}
	}
	lv := n.level(nm, an, ilvl)
	if lv.format == "bullet" {
		return label{bullet: true}, true
	}
	var b strings.Builder
	t := lv.text
	for i := 0; i < len(t); i++ {
		if t[i] == '%' && i+1 < len(t) && t[i+1] >= '1' && t[i+1] <= '9' {
			idx := int(t[i+1] - '1')
			i++
			v := c.val[idx]
			if !c.used[idx] {
				// A level not reached yet prints as one less than its
				// start: Word's "0.1" for a Heading 2 before any Heading 1.
				v = n.startOf(nm, an, idx) - 1
				if v < 0 {
					v = 0
				}
			}
			format := n.level(nm, an, idx).format
			if lv.legal {
				format = "decimal"
			}
			b.WriteString(formatNumber(v, format))
			continue
		}
		b.WriteByte(t[i])
	}
	return label{text: strings.TrimSpace(b.String())}, true
}

// maxLetterRepeat bounds "zzz...": beyond it letters fall back to digits.
const maxLetterRepeat = 8

// formatNumber renders a counter in one of Word's number formats.
func formatNumber(v int, format string) string {
	switch format {
	case "none", "bullet":
		return ""
	case "decimalZero":
		if v >= 0 && v < 10 {
			return "0" + strconv.Itoa(v)
		}
	case "lowerLetter", "upperLetter":
		// Capped so that a hostile start value cannot ask for a
		// letter repeated millions of times.
		if v > 0 && v <= 26*maxLetterRepeat {
			// a..z, then aa..zz, aaa..: Word repeats the letter.
			s := strings.Repeat(string(rune('a'+(v-1)%26)), (v-1)/26+1)
			if format == "upperLetter" {
				s = strings.ToUpper(s)
			}
			return s
		}
	case "lowerRoman", "upperRoman":
		if v > 0 && v < 4000 {
			s := roman(v)
			if format == "lowerRoman" {
				s = strings.ToLower(s)
			}
			return s
		}
	case "ordinal":
		return strconv.Itoa(v) + ordinalSuffix(v)
	case "cardinalText", "ordinalText":
		if w := words(v, format == "ordinalText"); w != "" {
			return w
		}
	case "decimalEnclosedParen":
		return "(" + strconv.Itoa(v) + ")"
	case "decimalEnclosedFullstop":
		return strconv.Itoa(v) + "."
	case "decimalEnclosedCircle":
		if v >= 1 && v <= 20 {
			return string(rune(0x2460 + v - 1))
		}
	}
	return strconv.Itoa(v)
}

func roman(v int) string {
	var b strings.Builder
	for _, p := range [...]struct {
		n int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"},
		{50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for v >= p.n {
			b.WriteString(p.s)
			v -= p.n
		}
	}
	return b.String()
}

func ordinalSuffix(v int) string {
	if v%100 >= 11 && v%100 <= 13 {
		return "th"
	}
	switch v % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}

var (
	ones = [...]string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	onesOrd = [...]string{"zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"}
	tens = [...]string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
)

// words spells 1-99 as Word's cardinalText and ordinalText formats do
// ("Twenty-One", "Third"); other values fall back to digits.
func words(v int, ordinal bool) string {
	if v < 1 || v > 99 {
		return ""
	}
	var s string
	switch {
	case v < 20 && ordinal:
		s = onesOrd[v]
	case v < 20:
		s = ones[v]
	case v%10 == 0 && ordinal:
		s = strings.TrimSuffix(tens[v/10], "y") + "ieth"
	case v%10 == 0:
		s = tens[v/10]
	case ordinal:
		s = tens[v/10] + "-" + onesOrd[v%10]
	default:
		s = tens[v/10] + "-" + ones[v%10]
	}
	return titleCase(s)
}

func titleCase(s string) string {
	parts := strings.Split(s, "-")
	for i, p := range parts {
		if p != "" {
			parts[i] = strings.ToUpper(p[:1]) + p[1:]
		}
	}
	return strings.Join(parts, "-")
}

package analyzer

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a part of a text by byte offsets: text[Start:End].
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// abbreviations end with a period that does not end a sentence; compared in
// lower case without the period.
var abbreviations = map[string]bool{
	"e.g": true, "i.e": true, "etc": true, "inc": true, "ltd": true, "co": true, "corp": true,
	"llc": true, "plc": true, "pty": true, "no": true, "nos": true, "sec": true, "secs": true,
	"art": true, "cl": true, "para": true, "p": true, "pp": true, "vs": true, "v": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "u.s": true, "u.k": true,
	"e.u": true, "approx": true, "min": true, "max": true, "dept": true, "ex": true, "exh": true,
	"sched": true, "att": true, "fig": true, "ref": true, "cf": true, "al": true, "jr": true,
	"sr": true, "s.a": true, "n.v": true, "b.v": true, "a.g": true, "gmbh": true, "l.l.c": true,
	"l.p": true, "lp": true, "u.s.a": true, "incl": true, "esp": true, "viz": true, "resp": true,
}

// Sentences splits a block's text into sentences. A period, question or
// exclamation mark ends a sentence when a space and a capital, digit,
// quote or bracket follow, unless it ends an abbreviation ("Inc.", "e.g."),
// an initial ("J."), or a section number standing alone at the start
// ("12." in "12. Security").
func Sentences(text string) []Span {
	var out []Span
	start := skipSpace(text, 0)
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		end := i + 1
		// Closing quotes and brackets belong to the sentence they end.
		for end < len(text) {
			r, n := utf8.DecodeRuneInString(text[end:])
			if r != '"' && r != '\'' && r != ')' && r != ']' && r != '”' && r != '’' {
				break
			}
			end += n
		}
		if end >= len(text) {
			break
		}
		if text[end] != ' ' {
			continue
		}
		next := skipSpace(text, end)
		if next >= len(text) {
			break
		}
		r, _ := utf8.DecodeRuneInString(text[next:])
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune("\"'“‘(•[", r) {
			continue
		}
		if c == '.' && !endsSentenceAt(text[start:i]) {
			continue
		}
		out = append(out, Span{start, end})
		start = next
		i = next - 1
	}
	if end := trimRightSpace(text); end > start {
		out = append(out, Span{start, end})
	}
	return out
}

// endsSentenceAt reports whether a period after before ends a sentence.
func endsSentenceAt(before string) bool {
	w := before
	if i := strings.LastIndexAny(before, " \t(\"“"); i >= 0 {
		w = before[i+1:]
	}
	if w == "" {
		return true
	}
	lw := strings.ToLower(w)
	if abbreviations[lw] {
		return false
	}
	r, n := utf8.DecodeRuneInString(w)
	if n == len(w) && unicode.IsUpper(r) {
		return false // an initial: "J. Smith", "Schedule A. " is rare
	}
	// A section number alone at the start: "12.", "3.1.", "(a)." — not a
	// sentence of its own.
	if strings.TrimSpace(before) == w && isLabel(w) {
		return false
	}
	return true
}

// isLabel reports whether w is a section or list label: "12", "3.1",
// "(a)", "iv", "A".
func isLabel(w string) bool {
	w = strings.Trim(w, "()")
	if w == "" {
		return false
	}
	digits := true
	for _, c := range w {
		if !(c >= '0' && c <= '9' || c == '.') {
			digits = false
			break
		}
	}
	return digits || len(w) <= 4 && isRomanOrLetter(w)
}

func isRomanOrLetter(w string) bool {
	if len(w) == 1 {
		return unicode.IsLetter(rune(w[0]))
	}
	for _, c := range strings.ToLower(w) {
		if !strings.ContainsRune("ivxlc", c) {
			return false
		}
	}
	return true
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
		i++
	}
	return i
}

func trimRightSpace(s string) int {
	end := len(s)
	for end > 0 && (s[end-1] == ' ' || s[end-1] == '\t' || s[end-1] == '\n') {
		end--
	}
	return end
}

// ClauseSpan is a clause of a sentence: the sentence itself, a part of it
// between semicolons, an item of a list run into the sentence ("(a) ...
// (b) ..."), or a proviso ("provided that ...").
type ClauseSpan struct {
	Span
	// Lead is the index (in the same slice) of the clause that introduces
	// this one: the lead-in "Provider shall:" of an item "(b) encrypt
	// Customer Data", whose subject and modal verb the item shares; -1
	// when none.
	Lead int `json:"lead"`
	// Proviso marks a "provided that" clause.
	Proviso bool `json:"proviso,omitempty"`
}

// Clauses splits a sentence (text[s.Start:s.End]) into clauses: at
// semicolons, before the items of a list run into the sentence ("(a)",
// "(ii)", "(1)" after a colon, semicolon, comma or at a sequence), and
// before provisos. Items point at their lead-in.
func Clauses(text string, s Span) []ClauseSpan {
	sent := text[s.Start:s.End]
	type cut struct {
		at      int // offset in sent where the next clause starts
		item    bool
		proviso bool
	}
	var cuts []cut
	items := listItems(sent)
	for _, at := range items {
		cuts = append(cuts, cut{at: at, item: true})
	}
	for i := 0; i < len(sent); i++ {
		switch {
		case sent[i] == ';':
			cuts = append(cuts, cut{at: i + 1})
		case strings.HasPrefix(sent[i:], "\u037e"): // EDGAR's semicolon
			cuts = append(cuts, cut{at: i + len("\u037e")})
		case (i == 0 || sent[i-1] == ' ' || sent[i-1] == ',') && hasPrefixFold(sent[i:], "provided that") ||
			(i == 0 || sent[i-1] == ' ' || sent[i-1] == ',') && hasPrefixFold(sent[i:], "provided, however"):
			if i > 0 {
				cuts = append(cuts, cut{at: i, proviso: true})
			}
		}
	}
	sort.SliceStable(cuts, func(i, j int) bool { return cuts[i].at < cuts[j].at })
	// Segments between cuts; each takes the kind of the cut that starts it.
	var out []ClauseSpan
	lead := -1
	from, kind := 0, cut{}
	flush := func(to int) {
		a, b := skipSpace(sent, from), trimRightSpace(sent[:to])
		if b <= a {
			return
		}
		switch strings.ToLower(strings.Trim(sent[a:b], " ,")) {
		case "", "and", "or", "and/or", "but":
			return // the conjunction between two items
		}
		cs := ClauseSpan{Span: Span{s.Start + a, s.Start + b}, Lead: -1, Proviso: kind.proviso}
		if kind.item {
			cs.Lead = lead
		} else if !kind.proviso {
			lead = -1
		}
		out = append(out, cs)
	}
	for _, c := range cuts {
		if c.at <= from {
			kind.item = kind.item || c.item
			continue
		}
		flush(c.at)
		if c.item && !kind.item && len(out) > 0 && lead < 0 {
			lead = len(out) - 1 // the text before the first item
		}
		from, kind = c.at, c
	}
	flush(len(sent))
	return out
}

// listItems finds items of a list run into a sentence: "(a)", "(ii)", "(1)"
// markers that follow ":", ";", ",", "and", "or" or the start, where at
// least two markers of one sequence appear. Returns offsets of the markers.
func listItems(sent string) []int {
	var at []int
	var labels []string
	for i := 0; i+2 < len(sent); i++ {
		if sent[i] != '(' {
			continue
		}
		j := strings.IndexByte(sent[i:], ')')
		if j < 2 || j > 5 {
			continue
		}
		label := sent[i+1 : i+j]
		if !isItemLabel(label) {
			continue
		}
		if i+j+1 < len(sent) && sent[i+j+1] != ' ' {
			continue // "Article 28(3)" or "(a)-(c)"
		}
		before := strings.TrimRight(sent[:i], " ")
		if i > 0 && !(strings.HasSuffix(before, ":") || strings.HasSuffix(before, ";") || strings.HasSuffix(before, ",") ||
			strings.HasSuffix(before, "\u037e") || hasSuffixWord(before, "and") || hasSuffixWord(before, "or") || before == "") {
			continue
		}
		at = append(at, i)
		labels = append(labels, label)
	}
	// One marker alone ("the fees (a) ...") is not a list.
	if len(at) < 2 {
		return nil
	}
	return at
}

func isItemLabel(l string) bool {
	if len(l) == 0 || len(l) > 4 {
		return false
	}
	allDigit := true
	for _, c := range l {
		if c < '0' || c > '9' {
			allDigit = false
		}
	}
	if allDigit {
		return len(l) <= 2
	}
	if len(l) == 1 {
		return unicode.IsLower(rune(l[0])) || unicode.IsUpper(rune(l[0]))
	}
	return isRomanOrLetter(l)
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func hasSuffixWord(s, w string) bool {
	if !strings.HasSuffix(strings.ToLower(s), w) {
		return false
	}
	return len(s) == len(w) || s[len(s)-len(w)-1] == ' '
}

package analyzer

import (
	"regexp"
	"sort"
	"strings"

	"github.com/contractlint/contractlint/corpus"
)

// Term is a defined term of the agreement.
type Term struct {
	// Name as defined, without quotes ("Notification Period").
	Name string `json:"name"`
	// Definition is the defining text ("forty-eight (48) hours").
	Definition string `json:"definition"`
	// Block is the index of the defining block; Span locates Definition in
	// the block's text.
	Block int  `json:"block"`
	Span  Span `json:"span"`
	// Section of the defining block, as cited.
	Section string `json:"section,omitempty"`
	// Quantities read from the definition.
	Quantities []Quantity `json:"quantities,omitempty"`
	// External: the value is set in a document that is not part of this
	// one (a Cover Page, an Order Form, the main agreement): "value not in
	// document".
	External bool `json:"external,omitempty"`
}

// ValueNotInDocument is the note for a term whose value lives elsewhere.
const ValueNotInDocument = "value not in document"

var (
	// “Notification Period” means ..., "Term" shall mean ..., "X" is 48
	// hours, "X" has the meaning given in ...
	reDefinition = regexp.MustCompile(`^(?:\(?[0-9a-zA-Z.]{1,8}\)?\.?\s+)?["“]([^"”]{2,80})["”](?:\s+or\s+["“][^"”]{1,40}["”])?\s*(?:\([^)]*\)\s*)?(means|shall mean|will mean|has the meaning|shall have the meaning|is defined as|refers to|is|are|:)\s*(.*)$`)
	// within forty-eight (48) hours (the "Notification Period")
	reInlineDefinition = regexp.MustCompile(`\((?:the|each a|each, a|a|an|hereinafter)?\s*["“]([^"”]{2,60})["”]\)`)
	reExternal         = regexp.MustCompile(`(?i)\b(cover page|order form|order|key terms|setup page|statement of work|sow|schedule of fees|the agreement|main agreement|customer agreement|master agreement|purchase order|quote|proposal|as agreed|to be agreed)\b`)
)

// findTerms reads the defined terms of a document: definitions ("X"
// means ...), inline definitions (... (the "X")), and two-column tables
// of key terms. A term defined twice keeps its first definition.
func findTerms(doc *corpus.Document) map[string]*Term {
	terms := map[string]*Term{}
	add := func(t *Term) {
		if _, ok := terms[t.Name]; ok || isNonParty(t.Name) && t.Name != "Effective Date" {
			return
		}
		t.Quantities = ReadQuantities(t.Definition)
		t.External = len(t.Quantities) == 0 && reExternal.MatchString(t.Definition)
		terms[t.Name] = t
	}
	for bi, b := range doc.Blocks {
		text := b.Text
		if b.Kind == corpus.TableCell {
			if b.Col == 1 && bi > 0 {
				prev := doc.Blocks[bi-1]
				if prev.Kind == corpus.TableCell && prev.Table == b.Table && prev.Row == b.Row && prev.Col == 0 && looksLikeTermName(prev.Text) {
					add(&Term{Name: strings.Trim(prev.Text, " :\"“”"), Definition: text, Block: bi, Span: Span{0, len(text)}, Section: b.Section})
				}
			}
			continue
		}
		if m := reDefinition.FindStringSubmatchIndex(text); m != nil {
			name := text[m[2]:m[3]]
			verb := text[m[4]:m[5]]
			def := text[m[6]:m[7]]
			if (verb != "is" && verb != "are" && verb != ":") || len(def) < 80 {
				add(&Term{Name: name, Definition: def, Block: bi, Span: Span{m[6], m[7]}, Section: b.Section})
			}
		}
		for _, m := range reInlineDefinition.FindAllStringSubmatchIndex(text, -1) {
			name := text[m[2]:m[3]]
			if roleOfWord(name) != RoleNone {
				continue // a party's short name
			}
			// The defining text: the clause before the bracket.
			from := strings.LastIndexAny(text[:m[0]], ";:.") + 1
			if from < m[0]-200 {
				from = m[0] - 200
			}
			add(&Term{Name: name, Definition: strings.TrimSpace(text[from:m[0]]), Block: bi, Span: Span{from, m[0]}, Section: b.Section})
		}
	}
	return terms
}

// looksLikeTermName: a short capitalised phrase, the left cell of a row of
// key terms ("Breach Notification Period").
func looksLikeTermName(s string) bool {
	s = strings.Trim(s, " :\"“”")
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 6 {
		return false
	}
	for _, w := range f {
		if c := w[0]; !(c >= 'A' && c <= 'Z') && w != "of" && w != "and" && w != "for" && w != "to" {
			return false
		}
	}
	return true
}

// TermUse is a defined term used in a clause.
type TermUse struct {
	Term *Term `json:"term"`
	// Span of the term's name in the clause text.
	Span
}

// termFinder finds uses of the terms that carry a value (quantities) or
// whose value is external, in clause texts.
type termFinder struct {
	terms []*Term
}

func newTermFinder(terms map[string]*Term) *termFinder {
	f := &termFinder{}
	for _, t := range terms {
		if len(t.Quantities) > 0 || t.External {
			f.terms = append(f.terms, t)
		}
	}
	// Longest names first: "Extended Notification Period" before
	// "Notification Period".
	sort.Slice(f.terms, func(i, j int) bool {
		if len(f.terms[i].Name) != len(f.terms[j].Name) {
			return len(f.terms[i].Name) > len(f.terms[j].Name)
		}
		return f.terms[i].Name < f.terms[j].Name
	})
	return f
}

// uses returns the value-carrying terms used in text, in order, without
// overlaps. The defining block's own text is not a use.
func (f *termFinder) uses(text string) []TermUse {
	var out []TermUse
	for _, t := range f.terms {
		for at := nextWord(text, t.Name, 0); at >= 0; at = nextWord(text, t.Name, at+len(t.Name)) {
			end := at + len(t.Name)
			overlap := false
			for _, u := range out {
				if at < u.End && end > u.Start {
					overlap = true
					break
				}
			}
			if !overlap {
				out = append(out, TermUse{Term: t, Span: Span{at, end}})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// reUndefinedValue: "within the Breach Notification Period", "not to
// exceed the Liability Cap" — a capitalised term that must carry a number.
var reUndefinedValue = regexp.MustCompile(`\b(?:within|no later than|not later than|before the end of|not to exceed|exceed|at least|for|during)\s+(?:the\s+)?((?:[A-Z][a-z]+\s+){0,4}(?:Period|Window|Time|Timeframe|Deadline|Cap|Limit|Amount|Frequency|Interval))\b`)

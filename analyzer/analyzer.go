// Package analyzer reads contract language: it splits an agreement's blocks
// into sentences and clauses, finds the parties and their roles, the
// defined terms and their values, the quantities that govern a duty
// (durations, cadences, money, percentages, liability caps), and for each
// clause whether it binds, how strongly, whether it is negated, and whom it
// binds. The rules of the review (package rules) build on these readings;
// this package knows no rule.
package analyzer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/contractlint/contractlint/corpus"
)

// Analysis is an agreement as the language layer reads it.
type Analysis struct {
	Doc     *corpus.Document `json:"-"`
	Parties Parties          `json:"parties"`
	// Terms are the defined terms by name.
	Terms   map[string]*Term `json:"terms"`
	Clauses []Clause         `json:"clauses"`

	lazy *lazyIndex
}

// Clause is one clause of a sentence of a block, with its reading.
type Clause struct {
	// Block is the index of the block in Doc.Blocks; Sentence counts the
	// block's sentences from 0.
	Block    int `json:"block"`
	Sentence int `json:"sentence"`
	// Span locates the clause in the block's text (byte offsets).
	Span
	Text string `json:"text"`
	// Lead is the index in Analysis.Clauses of the clause that introduces
	// this one (a list's lead-in), or -1.
	Lead    int  `json:"lead"`
	Proviso bool `json:"proviso,omitempty"`
	// Title: the clause is a run-in heading ("12.1 Exit Assistance." at
	// the start of a paragraph), a name and not a statement.
	Title bool `json:"title,omitempty"`
	Reading
	// Party is the role the duty binds: the subject's role, the agent's
	// for a passive duty, or the lead-in's for a list item.
	Party Role `json:"party,omitempty"`
	// Quantities read in the clause's own words; offsets are in Text.
	Quantities []Quantity `json:"quantities,omitempty"`
	// Terms used that carry a value; offsets are in Text.
	Terms []TermUse `json:"terms,omitempty"`
	// Unresolved names capitalised value terms the clause relies on that
	// the document does not define ("the Breach Notification Period"):
	// their value is not in the document.
	Unresolved []string `json:"unresolved,omitempty"`
}

// Value is a number that governs a clause: a quantity read in its words
// or the value of a defined term it uses.
type Value struct {
	Quantity
	// Term is the defined term the value comes from, nil for a number in
	// the clause's words.
	Term *Term `json:"-"`
	// NotInDocument: the clause relies on a value set elsewhere (a Cover
	// Page, an Order Form, an undefined term); Quantity is empty.
	NotInDocument bool   `json:"notInDocument,omitempty"`
	Note          string `json:"note,omitempty"`
}

// Values returns the numbers that govern the clause, in order of
// appearance: its own quantities, and those of the defined terms it uses
// with the operator printed before the term ("within the Notification
// Period" is within 48 hours). A term whose value is elsewhere gives a
// Value with NotInDocument set.
func (c *Clause) Values() []Value {
	var out []Value
	for _, q := range c.Quantities {
		out = append(out, Value{Quantity: q})
	}
	for _, u := range c.Terms {
		if u.Term.External {
			out = append(out, Value{Term: u.Term, NotInDocument: true, Note: ValueNotInDocument + ": " + u.Term.Name + " is set outside this document"})
			continue
		}
		op := operatorBefore(c.Text[:u.Start])
		for _, q := range u.Term.Quantities {
			q.Text = c.Text[u.Start:u.End]
			q.Start, q.End = u.Start, u.End
			if op != OpNone {
				q.Operator = op
			}
			out = append(out, Value{Quantity: q, Term: u.Term})
		}
	}
	for _, name := range c.Unresolved {
		out = append(out, Value{NotInDocument: true, Note: ValueNotInDocument + ": " + name + " is not defined in this document"})
	}
	// Stable order by position (unresolved last).
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && !out[j].NotInDocument && (out[j-1].NotInDocument || out[j].Start < out[j-1].Start); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// operatorBefore reads the operator printed just before a defined term.
func operatorBefore(before string) Operator {
	b := strings.ToLower(strings.TrimSpace(before))
	b = strings.TrimSuffix(b, " the")
	for _, o := range []struct {
		words string
		op    Operator
	}{
		{"no later than", OpNoLater}, {"not later than", OpNoLater}, {"within", OpWithin},
		{"before the end of", OpWithin}, {"at least", OpAtLeast}, {"not less than", OpAtLeast},
		{"no less than", OpAtLeast}, {"not to exceed", OpUpTo}, {"exceed", OpUpTo}, {"up to", OpUpTo},
		{"for", OpFor}, {"during", OpFor}, {"every", OpEvery},
	} {
		if strings.HasSuffix(b, o.words) {
			return o.op
		}
	}
	return OpNone
}

// Analyze reads a whole document.
func Analyze(doc *corpus.Document) *Analysis {
	a := &Analysis{Doc: doc, lazy: &lazyIndex{}}
	a.Terms = findTerms(doc)
	a.Parties = findParties(doc)
	finder := newTermFinder(a.Terms)
	defines := termBlocks(a.Terms)
	for bi, b := range doc.Blocks {
		if b.Kind == corpus.Heading {
			continue
		}
		for si, s := range Sentences(b.Text) {
			first := len(a.Clauses)
			for _, cs := range Clauses(b.Text, s) {
				text := b.Text[cs.Start:cs.End]
				c := Clause{Block: bi, Sentence: si, Span: cs.Span, Text: text, Lead: -1, Proviso: cs.Proviso}
				if cs.Lead >= 0 {
					c.Lead = first + cs.Lead
				} else if si == 0 && cs.Start == 0 && first > 0 && b.Table == 0 {
					c.Lead = a.listLead(bi, text)
				} else if n := len(a.Clauses); n > 0 && b.Table == 0 && a.Clauses[n-1].Block == bi && a.Clauses[n-1].Lead >= 0 && endsItem(a.Clauses[n-1].Text) {
					// The next item of the same list, run on in one paragraph.
					c.Lead = a.Clauses[n-1].Lead
				}
				c.Reading = Read(text)
				c.Title = si == 0 && c.Modal == "" && (runInHeading(text) || b.Table == 0 && cs.Start == 0 && cs.End == len(strings.TrimRight(b.Text, " \n")) && headingLine(text))
				a.inherit(&c, first)
				// The subject of a passive duty is what is acted on
				// ("Customer Data shall be encrypted"); the agent acts.
				if c.Passive {
					c.Party = a.Parties.roleOf(c.Agent)
				} else {
					c.Party = a.Parties.roleOf(c.Subject)
				}
				if c.Party == RoleNone && c.Lead >= 0 {
					c.Party = a.Clauses[c.Lead].Party
				}
				c.Quantities = ReadQuantities(text)
				if !defines[bi] {
					c.Terms = finder.uses(text)
				}
				c.Unresolved = a.unresolved(text)
				a.Clauses = append(a.Clauses, c)
			}
		}
	}
	return a
}

// termBlocks returns the blocks in which a value-carrying term is defined
// (a definition is not a use of itself).
func termBlocks(terms map[string]*Term) map[int]bool {
	blocks := map[int]bool{}
	for _, t := range terms {
		if len(t.Quantities) > 0 || t.External {
			blocks[t.Block] = true
		}
	}
	return blocks
}

// inherit gives a list item or a continuation the lead-in's modal verb and
// subject: in "Provider shall: (a) encrypt ...; (b) notify ..." the items
// have none of their own.
func (a *Analysis) inherit(c *Clause, first int) {
	if c.Modal != "" {
		return
	}
	from := c.Lead
	if from < 0 && len(a.Clauses) > first && startsLowerWord(c.Text) {
		from = len(a.Clauses) - 1 // "...; and keep logs for 12 months"
	}
	if from < 0 {
		return
	}
	lead := a.Clauses[from]
	if lead.Modal == "" {
		return
	}
	c.Modality, c.Modal, c.Prohibition, c.Negated, c.Negation = lead.Modality, lead.Modal, lead.Prohibition, lead.Negated, lead.Negation
	c.Subject, c.Passive, c.Agent = lead.Subject, lead.Passive, lead.Agent
	c.ModalSpan = Span{}
	c.Hedges = append(append([]Hedge(nil), lead.Hedges...), c.Hedges...)
}

// listLead returns the lead-in of a paragraph that continues a list
// begun in an earlier paragraph ("Customer will: (a) ...;" then a
// paragraph "provide IBM with ...;"): a paragraph that starts with a
// lower-case word, or any paragraph after one that ends a list item with
// a semicolon ("...;", "...; and"), takes the lead-in of the list item
// before it, or the clause before it when that ends with a colon. It
// returns -1 otherwise.
func (a *Analysis) listLead(bi int, text string) int {
	prev := len(a.Clauses) - 1
	p := a.Clauses[prev]
	if a.Doc.Blocks[p.Block].Table > 0 || p.Block < bi-2 {
		return -1
	}
	if !startsLowerWord(text) && !endsItem(p.Text) {
		return -1
	}
	// The previous paragraph's list: the lead-in one of its clauses
	// continued, or a clause of it that introduces items ("for:",
	// "Customer will: provide ...;").
	l := -1
	for i := prev; i >= 0 && a.Clauses[i].Block == p.Block; i-- {
		c := a.Clauses[i]
		t := strings.TrimSpace(c.Text)
		if c.Lead >= 0 {
			l = c.Lead
			break
		}
		if strings.HasSuffix(t, ":") || c.Modal != "" && strings.Contains(t, ": ") {
			l = i
			break
		}
	}
	// Flat paragraphs do not show how lists nest: attach to the outermost
	// lead-in, whose party and modal the items share.
	for l >= 0 && a.Clauses[l].Lead >= 0 {
		l = a.Clauses[l].Lead
	}
	return l
}

// endsItem reports whether a clause ends the way a list item does before
// the next one: with a semicolon (or EDGAR's Greek question mark for one),
// or "; and" / "; or".
func endsItem(s string) bool {
	s = strings.TrimRight(s, " \n")
	for _, w := range []string{" and", " or"} {
		s = strings.TrimSuffix(s, w)
	}
	return strings.HasSuffix(s, ";") || strings.HasSuffix(s, "\u037e")
}

func startsLowerWord(s string) bool {
	s = strings.TrimLeft(s, " (")
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// unresolved lists value terms the clause relies on that are not defined.
func (a *Analysis) unresolved(text string) []string {
	if !mayNameValueTerm(text) {
		return nil // most clauses: skip the regular expression
	}
	var out []string
	for _, m := range reUndefinedValue.FindAllStringSubmatch(text, -1) {
		name := m[1]
		if _, ok := a.Terms[name]; ok {
			continue
		}
		if len(strings.Fields(name)) < 2 {
			continue // "Term", "Period" alone are ordinary words
		}
		out = append(out, name)
	}
	return out
}

// ClausesOf returns the clauses of block bi.
func (a *Analysis) ClausesOf(bi int) []Clause {
	var out []Clause
	for _, c := range a.Clauses {
		if c.Block == bi {
			out = append(out, c)
		}
	}
	return out
}

// valueTermHeads end the names of terms that carry a number.
var valueTermHeads = []string{"Period", "Window", "Time", "Timeframe", "Deadline", "Cap", "Limit", "Amount", "Frequency", "Interval"}

func mayNameValueTerm(text string) bool {
	for _, h := range valueTermHeads {
		if strings.Contains(text, h) {
			return true
		}
	}
	return false
}

// runInHeading reports whether a block's first sentence is a heading run
// into the paragraph: a few words, each significant word capitalised,
// ending in a period or colon ("Section 11.01 Confidential
// Information.", "(a) Change of Control.").
func runInHeading(text string) bool {
	t := strings.TrimSpace(text)
	if !strings.HasSuffix(t, ".") && !strings.HasSuffix(t, ":") {
		return false
	}
	return headingLine(t)
}

// headingLine reports whether text reads as a heading: at most ten
// words, each of four letters or more capitalised ("6. NON-DISCLOSURE",
// "Security Incident Management"). A paragraph that is only a heading
// (an extractor that did not mark it) names a section; it is not a term.
func headingLine(text string) bool {
	t := strings.TrimSpace(text)
	fields := strings.Fields(strings.TrimRight(t, ".:"))
	if len(fields) == 0 || len(fields) > 10 {
		return false
	}
	words := 0
	for _, f := range fields {
		f = strings.Trim(f, "()[],;\"'")
		r, size := utf8.DecodeRuneInString(f)
		if size == 0 || !unicode.IsLetter(r) {
			continue // a number or label
		}
		words++
		if utf8.RuneCountInString(f) >= 4 && !unicode.IsUpper(r) {
			return false
		}
	}
	return words > 0
}

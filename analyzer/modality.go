package analyzer

import (
	"strings"
	"unicode"
)

// Modality says whether a clause binds, permits or merely states.
type Modality string

// The modalities.
const (
	// Binding: shall, must, will, agrees to, undertakes to, is
	// responsible for, is required to.
	Binding Modality = "binding"
	// Permissive: may, is entitled to, has the right to, can.
	Permissive Modality = "permissive"
	// Statement: no modal verb ("Provider maintains ...", a definition).
	Statement Modality = "statement"
)

// HedgeKind says how a hedge weakens a duty.
type HedgeKind string

// The kinds of hedge.
const (
	// HedgeEfforts: "commercially reasonable efforts", "endeavour".
	HedgeEfforts HedgeKind = "efforts"
	// HedgeFeasibility: "where feasible", "as appropriate", "where time
	// permits".
	HedgeFeasibility HedgeKind = "feasibility"
	// HedgeTiming: "promptly", "without undue delay", "as soon as
	// practicable" — a time with no number. Only a hedge when the clause
	// gives no duration; Reading.Hedged accounts for that.
	HedgeTiming HedgeKind = "timing"
)

// Hedge is a phrase that weakens a duty, as printed.
type Hedge struct {
	Kind HedgeKind `json:"kind"`
	Text string    `json:"text"`
	Span
}

// Reading is what the language layer reads in one clause: whether it binds,
// how strongly, whether it is negated, and whom it binds.
type Reading struct {
	Modality Modality `json:"modality"`
	// Modal is the modal phrase as printed ("shall", "agrees to").
	Modal     string `json:"modal,omitempty"`
	ModalSpan Span   `json:"modalSpan"`
	// Prohibition: a binding duty not to act ("shall not disclose").
	Prohibition bool `json:"prohibition,omitempty"`
	// Negated: the duty is excluded ("shall not be required to", "has no
	// obligation to", "nothing in this Agreement obliges"): no duty.
	Negated  bool   `json:"negated,omitempty"`
	Negation string `json:"negation,omitempty"`
	// Hedges found in the clause, in order.
	Hedges []Hedge `json:"hedges,omitempty"`
	// Subject is the subject of the modal verb as printed ("the
	// Supplier", "Each party"), empty when none was found.
	Subject string `json:"subject,omitempty"`
	// Passive: the duty is in the passive voice ("Customer Data shall be
	// encrypted"); Agent is the "by ..." phrase if printed.
	Passive bool   `json:"passive,omitempty"`
	Agent   string `json:"agent,omitempty"`
	// Precedence: the clause only ranks documents or provisions against
	// each other ("the provisions of Section 6 will prevail", "the DPA
	// shall take precedence", "Schedule 2 shall govern in the event of a
	// conflict"); whatever it names, it states no duty.
	Precedence bool `json:"precedence,omitempty"`
}

// Hedged reports whether a hedge weakens the clause: an efforts or
// feasibility hedge always, a timing hedge when hasNumber is false (the
// clause gives no time limit of its own).
func (r Reading) Hedged(hasNumber bool) bool {
	for _, h := range r.Hedges {
		if h.Kind != HedgeTiming || !hasNumber {
			return true
		}
	}
	return false
}

// phrase tables, lower case, words separated by single spaces.
var (
	negations = []string{
		"shall not be required to", "will not be required to", "is not required to", "are not required to",
		"shall not be obliged to", "shall not be obligated to", "is not obliged to", "is not obligated to",
		"are not obliged to", "will not be obliged to", "shall have no obligation to", "has no obligation to",
		"have no obligation to", "will have no obligation to", "shall be under no obligation to",
		"is under no obligation to", "are under no obligation to", "has no duty to", "shall have no duty to",
		"nothing in this agreement obliges", "nothing in this agreement shall oblige", "nothing in this agreement requires",
		"nothing in this agreement shall require", "nothing in this agreement obligates", "nothing in this agreement will require",
		"nothing in this dpa requires", "nothing in this addendum requires", "nothing herein shall require", "nothing herein requires",
		"shall not be responsible for", "is not responsible for", "are not responsible for", "will not be responsible for",
		"has no responsibility for", "shall have no responsibility for", "need not", "is not required",
		"shall not be liable", "will not be liable", "is not liable", "shall have no liability", "will have no liability",
		"does not require", "do not require", "shall not require the consent", "will not require the consent",
		"makes no commitment", "does not commit to", "does not undertake to", "does not warrant",
		"is not included in the services", "are not included in the services", "is not included in the scope",
		"are not included in the scope", "is not part of the services", "are not part of the services",
		"is excluded from the services", "are excluded from the services", "is outside the scope", "are outside the scope",
	}
	binders = []string{
		"shall", "must", "will", "agrees to", "agree to", "undertakes to", "undertake to", "covenants to",
		"commits to", "is responsible for", "are responsible for", "is responsible to", "are responsible to",
		"is solely responsible for", "are solely responsible for", "is required to", "are required to",
		"is obliged to", "are obliged to", "is obligated to", "are obligated to", "has the obligation to",
		"is bound to", "warrants that", "represents and warrants that", "ensures that",
	}
	permitters = []string{
		"may", "can", "is entitled to", "are entitled to", "shall be entitled to", "will be entitled to",
		"is permitted to", "are permitted to", "has the right to", "have the right to", "shall have the right to",
		"reserves the right to", "is free to", "at its discretion", "at its option", "in its sole discretion",
	}
	hedgePhrases = map[HedgeKind][]string{
		HedgeEfforts: {
			"commercially reasonable efforts", "reasonable efforts", "reasonable endeavours", "reasonable endeavors",
			"best efforts", "best endeavours", "endeavour to", "endeavor to", "endeavours to", "endeavors to",
			"use efforts", "good faith efforts", "make efforts", "aim to", "aims to", "seek to", "seeks to",
			"try to", "tries to", "strive to", "strives to", "reasonably practicable efforts",
		},
		HedgeFeasibility: {
			"where feasible", "where possible", "if feasible", "if possible", "when feasible", "as feasible",
			"as appropriate", "where appropriate", "if appropriate", "where practicable", "if practicable",
			"to the extent practicable", "to the extent possible", "to the extent feasible", "where reasonably practicable",
			"where time permits", "as needed", "as necessary", "as it deems appropriate", "as it considers appropriate",
			"where it considers", "where it deems", "if it considers", "if it deems", "considers appropriate",
			"considers this appropriate", "deems appropriate", "considers necessary", "deems necessary",
			"where technically feasible", "if technically feasible", "where technically possible", "tooling allows",
			"where supported", "if supported", "encourages", "encourage", "is encouraged to", "are encouraged to",
			"if it agrees", "if they agree", "as it sees fit", "as it thinks fit", "in its sole discretion", "at its sole discretion", "at its option",
			"in its discretion", "at its discretion", "normally", "generally", "typically", "subject to availability",
			"where commercially reasonable", "to the extent commercially reasonable", "as far as possible",
		},
		HedgeTiming: {
			"promptly", "without undue delay", "as soon as practicable", "as soon as reasonably practicable",
			"as soon as possible", "as soon as reasonably possible", "immediately", "in a timely manner", "timely",
			"within a reasonable time", "within a reasonable period", "in due course", "without delay",
			"reasonable time", "periodically", "from time to time", "regularly", "on a regular basis",
		},
	}
)

// phraseMatcher finds phrases in lower-cased text at word boundaries.
type phraseMatcher struct {
	byFirst map[string][]matcherPhrase
}

type matcherPhrase struct {
	text string
	kind string
}

func newPhraseMatcher(groups map[string][]string) *phraseMatcher {
	m := &phraseMatcher{byFirst: map[string][]matcherPhrase{}}
	for kind, phrases := range groups {
		for _, p := range phrases {
			first := p
			if i := strings.IndexByte(p, ' '); i >= 0 {
				first = p[:i]
			}
			m.byFirst[first] = append(m.byFirst[first], matcherPhrase{p, kind})
		}
	}
	// Longest first, so "shall not be required to" wins over "shall".
	for k, ps := range m.byFirst {
		for i := 1; i < len(ps); i++ {
			for j := i; j > 0 && len(ps[j].text) > len(ps[j-1].text); j-- {
				ps[j], ps[j-1] = ps[j-1], ps[j]
			}
		}
		m.byFirst[k] = ps
	}
	return m
}

// match is a phrase found in a text.
type match struct {
	kind string
	Span
}

// find returns the phrases in text, leftmost first, longest at each word,
// not overlapping. text must be the lower-cased form of the original with
// the same byte offsets (see lowerSameLength).
func (m *phraseMatcher) find(text string) []match {
	var out []match
	for i := 0; i < len(text); {
		if !isWordStart(text, i) {
			i++
			continue
		}
		j := i
		for j < len(text) && isWordByte(text[j]) {
			j++
		}
		word := text[i:j]
		found := false
		for _, p := range m.byFirst[word] {
			if hasPhraseAt(text, i, p.text) {
				out = append(out, match{p.kind, Span{i, i + len(p.text)}})
				i += len(p.text)
				found = true
				break
			}
		}
		if !found {
			i = j
		}
	}
	return out
}

// hasPhraseAt: p at text[i:], ending at a word boundary; runs of spaces in
// text match the single spaces of p.
func hasPhraseAt(text string, i int, p string) bool {
	if !strings.HasPrefix(text[i:], p) {
		return false
	}
	end := i + len(p)
	return end == len(text) || !isWordByte(text[end])
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c == '\'' || c >= 0x80
}

func isWordStart(text string, i int) bool {
	return isWordByte(text[i]) && text[i] != '\'' && (i == 0 || !isWordByte(text[i-1]))
}

var (
	negationMatcher = newPhraseMatcher(map[string][]string{"neg": negations})
	modalMatcher    = newPhraseMatcher(map[string][]string{"bind": binders, "permit": permitters})
	hedgeMatcher    = newPhraseMatcher(map[string][]string{
		string(HedgeEfforts):     hedgePhrases[HedgeEfforts],
		string(HedgeFeasibility): hedgePhrases[HedgeFeasibility],
		string(HedgeTiming):      hedgePhrases[HedgeTiming],
	})
)

// lowerSameLength lower-cases ASCII letters and folds curly apostrophes to
// "'" byte for byte where possible, keeping offsets; other runes are kept.
// Runs of white space become single spaces only where they already are.
func lowerSameLength(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		} else if c == '\t' || c == '\n' {
			b[i] = ' '
		}
	}
	return string(b)
}

// Read reads a clause: its modal verb, negation, hedges and subject.
func Read(clause string) Reading {
	lower := lowerSameLength(clause)
	var r Reading
	r.Modality = Statement
	if ms := negationMatcher.find(lower); len(ms) > 0 && !modalBefore(lower, ms[0].Start) {
		r.Negated = true
		r.Negation = clause[ms[0].Start:ms[0].End]
		r.Modality = Binding
		r.Modal = r.Negation
		r.ModalSpan = ms[0].Span
	}
	for _, m := range modalMatcher.find(lower) {
		if r.Negated {
			break
		}
		after := strings.TrimLeft(lower[m.End:], " ")
		if clause[m.Start] == 'M' && after != "" && after[0] >= '0' && after[0] <= '9' {
			continue // "May 2004", a date
		}
		// "may not" and "can not" prohibit: a binding duty to refrain.
		switch {
		case m.kind == "bind":
			r.Modality = Binding
		case strings.HasPrefix(after, "not ") && (lower[m.Start:m.End] == "may" || lower[m.Start:m.End] == "can"):
			r.Modality = Binding
		default:
			r.Modality = Permissive
		}
		r.Modal = clause[m.Start:m.End]
		r.ModalSpan = m.Span
		if strings.HasPrefix(after, "not ") || strings.HasPrefix(after, "never ") {
			r.Prohibition = true
		}
		if r.Modality == Permissive && restricts(lower[:m.Start], after) {
			// "No personnel may access ..." and "Provider may carry out
			// maintenance only after notice" restrict: binding.
			r.Modality, r.Prohibition = Binding, true
		}
		break
	}
	for _, m := range hedgeMatcher.find(lower) {
		r.Hedges = append(r.Hedges, Hedge{Kind: HedgeKind(m.kind), Text: clause[m.Start:m.End], Span: m.Span})
	}
	if r.Modal != "" {
		r.Subject = subjectBefore(clause[:r.ModalSpan.Start])
		after := strings.TrimLeft(lower[r.ModalSpan.End:], " ")
		if strings.HasPrefix(after, "not ") {
			after = after[4:]
		}
		r.Precedence = ranks(after, lower)
		if strings.HasPrefix(after, "be ") && isParticiple(after[3:]) {
			r.Passive = true
			if i := strings.Index(lower[r.ModalSpan.End:], " by "); i >= 0 {
				r.Agent = agentPhrase(clause[r.ModalSpan.End+i+4:])
			}
		}
	}
	return r
}

// ranks reports whether the verb after a modal ranks one text over
// another: "prevail", "take precedence", or "govern" / "control" in a
// clause about a conflict or inconsistency.
func ranks(after, lower string) bool {
	for _, v := range []string{"prevail", "take precedence", "have precedence", "apply in priority"} {
		if hasPhraseAt(after, 0, v) {
			return true
		}
	}
	for _, v := range []string{"govern", "control"} {
		if hasPhraseAt(after, 0, v) && (strings.Contains(lower, "conflict") || strings.Contains(lower, "inconsisten")) {
			return true
		}
	}
	return false
}

// modalBefore reports whether a modal verb governs the clause before
// position at: in "Provider may monitor ... but has no obligation to share
// alerts" the negation belongs to a later part, not to the duty.
func modalBefore(lower string, at int) bool {
	for _, m := range modalMatcher.find(lower[:at]) {
		after := strings.TrimLeft(lower[m.End:], " ")
		if strings.HasPrefix(after, "not ") {
			continue
		}
		return true
	}
	return false
}

// restricts reports whether a permissive modal restricts rather than
// permits: its subject is negative ("No Contractor personnel may", "Neither
// party may") or the permission is qualified by "only" ("may ... only
// within the agreed window", "may only").
func restricts(before, after string) bool {
	b := strings.Fields(before)
	for i, w := range b {
		if i >= len(b)-6 && (w == "no" || w == "neither" || w == "nor") {
			return true
		}
	}
	a := strings.Fields(after)
	for i, w := range a {
		if i > 8 {
			break
		}
		if w == "only" || w == "solely" {
			return true
		}
		if strings.ContainsAny(w, ",;") {
			break
		}
	}
	return false
}

// subjectBefore takes the subject of a modal verb from the text before it:
// after the last comma (an introductory "If ..., Provider shall"), without
// a leading label or lead-in heading, at most a few words.
func subjectBefore(before string) string {
	s := strings.TrimSpace(before)
	if i := strings.LastIndexAny(s, ",:;\u037e"); i >= 0 {
		s = strings.TrimSpace(s[i+1:])
	}
	for _, lead := range []string{"and ", "or ", "but ", "then ", "that "} {
		s = strings.TrimPrefix(s, lead)
	}
	// Labels "(b)", "12.3" at the start.
	for {
		t := strings.TrimSpace(s)
		if f := strings.Fields(t); len(f) > 0 && isLabel(strings.TrimSuffix(f[0], ".")) && len(f) > 1 {
			s = strings.TrimSpace(t[len(f[0]):])
			continue
		}
		break
	}
	if f := strings.Fields(s); len(f) > 8 {
		s = strings.Join(f[len(f)-8:], " ")
	}
	return strings.Trim(s, " \"“”'")
}

// agentPhrase is the noun phrase after "by": up to the next comma or a
// preposition.
func agentPhrase(s string) string {
	if i := strings.IndexAny(s, ",;.("); i >= 0 {
		s = s[:i]
	}
	f := strings.Fields(s)
	for i, w := range f {
		lw := strings.ToLower(w)
		switch lw {
		case "in", "at", "within", "on", "for", "to", "and", "or", "using", "with", "via", "under", "as", "from", "through", "no", "not", "before", "after":
			if i == 0 {
				continue
			}
			return strings.Join(f[:i], " ")
		}
	}
	if len(f) > 6 {
		f = f[:6]
	}
	return strings.Join(f, " ")
}

// isParticiple: the word at the start of s looks like a past participle
// ("encrypted", "kept", "performed", "made").
func isParticiple(s string) bool {
	w := s
	if i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		w = s[:i]
	}
	if strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") {
		return true
	}
	switch w {
	case "kept", "held", "made", "done", "run", "built", "set", "sent", "put", "met", "paid", "sold", "told", "shut", "read", "led", "lost", "found", "bound":
		return true
	}
	return false
}

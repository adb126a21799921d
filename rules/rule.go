package rules

import (
	"crypto/sha256"
	"fmt"
	"sort"
	"strings"

	"github.com/contractlint/contractlint/analyzer"
)

// The rule kinds. Every kind finds the clauses of its check by word
// patterns and judges them with the language layer's reading (who is
// bound, how strongly, negation, hedges, numbers); the kinds differ in
// whose words count.
const (
	// KindDuty: a duty of the provider ("Provider shall encrypt ...").
	// A customer's duty, a negated duty or a provider's mere right does
	// not count; "may" makes it weak.
	KindDuty = "duty"
	// KindRight: a right of the customer ("Customer may audit ...",
	// "Customer may terminate ..."), or a provider duty that gives the
	// same ("Provider shall permit audits ..."). A right that only the
	// provider holds ("Provider may terminate") does not count.
	KindRight = "right"
	// KindCap: a limit on the provider's liability. A cap of enough
	// months of fees, or a carve-out for data and security breaches,
	// passes; a lower cap, or data loss excluded as consequential loss,
	// is weak.
	KindCap = "cap"
)

var kinds = map[string]bool{KindDuty: true, KindRight: true, KindCap: true}

// quantityKinds maps a check's quantity (spec/checks.yaml) to the
// language layer's kind of number and the direction of its threshold.
var quantityKinds = map[string]struct {
	kind analyzer.QuantityKind
	op   byte // '<' smaller is better, '>' larger is better
}{
	"duration":       {analyzer.Duration, '<'},
	"retention":      {analyzer.Duration, '>'},
	"frequency":      {analyzer.Frequency, '<'},
	"money":          {analyzer.Money, '>'},
	"percent":        {analyzer.Percent, '>'},
	"months-of-fees": {analyzer.MonthsOfFees, '>'},
	"notice":         {analyzer.Duration, '>'},
	// target: a service level's number, a percentage or a time.
	"target": {analyzer.Percent, '>'},
}

// ruleSpec is a rule as written in a rule file.
type ruleSpec struct {
	ID          string   `yaml:"id"`
	Kind        string   `yaml:"kind"`
	Title       string   `yaml:"title"`
	Requirement string   `yaml:"requirement"`
	Severity    string   `yaml:"severity"`
	Tags        []string `yaml:"tags"`
	// Applies names the baselines that must be chosen by name for the
	// rule to run (in-kingdom-operations: ecc-2-2024).
	Applies []string `yaml:"applies"`
	// Quantity is the kind of number the check reads: duration,
	// retention, frequency, money, percent, months-of-fees, notice.
	Quantity  string `yaml:"quantity"`
	Threshold string `yaml:"threshold"`
	// Number: "required" (a clause without a number is weak; the default
	// when the rule has a quantity) or "optional".
	Number string `yaml:"number"`
	// Match: a unit is about the check when any pattern matches. A
	// pattern is groups separated by "&" that must all occur, each a list
	// of alternative phrases separated by "|"; a word ending in "*"
	// matches as a prefix.
	Match []string `yaml:"match"`
	// Exclude: a unit matching any of these is not about the check.
	Exclude []string `yaml:"exclude"`
	// Weak: wording that makes a clause weak for this check ("on
	// request", "at its discretion").
	Weak []string `yaml:"weak"`
	// Pass: wording that makes a clause pass whatever its number (a
	// carve-out from a liability cap).
	Pass []string `yaml:"pass"`
	// Limits: wording that takes back what another clause gives ("credits
	// are the sole and exclusive remedy", "Provider may use Customer Data
	// in aggregated form"): found in any clause about the check, whoever
	// it binds, it makes a passing check weak, unless a Pass pattern
	// matches too.
	Limits []string `yaml:"limits"`
	// Parts: the elements the check requires (at rest, in transit); a
	// clause set that lacks some of them is weak.
	Parts []partSpec `yaml:"parts"`
	// PartsNeeded: how many parts must be present (default all).
	PartsNeeded int `yaml:"parts_needed"`
	// Focus: when some clauses about the check match one of these, the
	// others are set aside (critical patches have their own window).
	Focus []string `yaml:"focus"`
	// Hedges: "weaken" (the default) or "ignore", for a check whose pass
	// rule looks only at the number.
	Hedges string `yaml:"hedges"`
	// Parties: "provider" (the kind's default) or "any": whoever the
	// clause binds, it settles the check (who controls the encryption
	// keys); the provider's "may" is still weak.
	Parties string `yaml:"parties"`
}

type partSpec struct {
	Name  string   `yaml:"name"`
	Match []string `yaml:"match"`
}

// Rule is a compiled rule; it implements analyzer.Rule.
type Rule struct {
	info     analyzer.RuleInfo
	sig      string
	applies  []string
	qkind    analyzer.QuantityKind
	qop      byte
	needNum  bool
	match    []*analyzer.Pattern
	exclude  []*analyzer.Pattern
	weak     []*analyzer.Pattern
	pass     []*analyzer.Pattern
	limits   []*analyzer.Pattern
	focus    []*analyzer.Pattern
	noHedges bool
	anyParty bool
	parts    []part
	partsMin int
}

type part struct {
	name string
	pats []*analyzer.Pattern
}

// Info describes the rule.
func (r *Rule) Info() *analyzer.RuleInfo { return &r.info }

// Signature implements analyzer.Signed: a hash of the rule's
// specification without its id, so that a review evaluates a rule copied
// under another id (a pack that adopts a built-in check for its own
// baseline) once.
func (r *Rule) Signature() string { return r.sig }

// Applies lists the baselines the rule is limited to (empty: all).
func (r *Rule) Applies() []string { return r.applies }

func compile(s ruleSpec, at string) (*Rule, error) {
	fail := func(format string, args ...any) error {
		id := show(s.ID)
		if s.ID == "" {
			id = "(no id)"
		}
		return fmt.Errorf("%s: rule %s: %s", at, id, fmt.Sprintf(format, args...))
	}
	if s.ID == "" {
		return nil, fail("missing id")
	}
	for _, r := range s.ID {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return nil, fail("id must be lower-case letters, digits and hyphens")
		}
	}
	if !kinds[s.Kind] {
		return nil, fail("unknown kind %q (want duty, right or cap)", s.Kind)
	}
	if s.Title == "" {
		return nil, fail("missing title")
	}
	sev, err := analyzer.ParseSeverity(s.Severity)
	if err != nil || sev == analyzer.SeverityNone {
		return nil, fail("severity must be error, warning or note, not %q", s.Severity)
	}
	r := &Rule{
		info: analyzer.RuleInfo{ID: s.ID, Title: s.Title, Requirement: s.Requirement, Kind: s.Kind, Severity: sev,
			Quantity: s.Quantity, Tags: s.Tags, Source: at},
		applies: s.Applies,
	}
	// Rules whose specifications differ only in their id decide alike.
	same := s
	same.ID = ""
	r.sig = fmt.Sprintf("%x", sha256.Sum256([]byte(fmt.Sprintf("%#v", same))))
	if s.Quantity != "" {
		qk, ok := quantityKinds[s.Quantity]
		if !ok {
			return nil, fail("unknown quantity %q (want duration, retention, frequency, money, percent, months-of-fees or notice)", s.Quantity)
		}
		r.qkind, r.qop = qk.kind, qk.op
	}
	switch s.Number {
	case "", "required":
		r.needNum = s.Quantity != ""
	case "optional":
	default:
		return nil, fail("number must be required or optional, not %q", s.Number)
	}
	if s.Threshold != "" {
		if s.Quantity == "" {
			return nil, fail("a threshold needs a quantity")
		}
		th, err := analyzer.ParseThreshold(s.Threshold)
		if err != nil {
			return nil, fail("%v", err)
		}
		r.info.Threshold = th
		if err := r.acceptsThreshold(th); err != nil {
			return nil, fail("%v", err)
		}
	}
	switch s.Hedges {
	case "", "weaken":
	case "ignore":
		r.noHedges = true
	default:
		return nil, fail("hedges must be weaken or ignore, not %q", s.Hedges)
	}
	switch s.Parties {
	case "", "provider":
	case "any":
		r.anyParty = true
	default:
		return nil, fail("parties must be provider or any, not %q", s.Parties)
	}
	if len(s.Match) == 0 {
		return nil, fail("no match patterns")
	}
	for _, f := range []struct {
		name string
		src  []string
		dst  *[]*analyzer.Pattern
	}{{"match", s.Match, &r.match}, {"exclude", s.Exclude, &r.exclude}, {"weak", s.Weak, &r.weak}, {"pass", s.Pass, &r.pass}, {"limits", s.Limits, &r.limits}, {"focus", s.Focus, &r.focus}} {
		ps, err := compilePatterns(f.src)
		if err != nil {
			return nil, fail("%s: %v", f.name, err)
		}
		*f.dst = ps
	}
	for _, p := range s.Parts {
		if p.Name == "" || len(p.Match) == 0 {
			return nil, fail("a part needs a name and match patterns")
		}
		ps, err := compilePatterns(p.Match)
		if err != nil {
			return nil, fail("part %s: %v", p.Name, err)
		}
		r.parts = append(r.parts, part{name: p.Name, pats: ps})
	}
	r.partsMin = len(r.parts)
	if s.PartsNeeded != 0 {
		if s.PartsNeeded < 0 || s.PartsNeeded > len(r.parts) {
			return nil, fail("parts_needed %d: have %d parts", s.PartsNeeded, len(r.parts))
		}
		r.partsMin = s.PartsNeeded
	}
	return r, nil
}

// AcceptsThreshold reports, as an error saying why not, whether the rule
// can compare its number with th: the rule reads a number, of th's kind,
// and th points the rule's way (<= for a time limit, >= for a retention).
// A configuration file's threshold overrides are checked with it.
func (r *Rule) AcceptsThreshold(th *analyzer.Threshold) error { return r.acceptsThreshold(th) }

// acceptsThreshold checks that a threshold compares with the rule's kind
// of number in the rule's direction.
func (r *Rule) acceptsThreshold(th *analyzer.Threshold) error {
	if r.qkind == "" {
		return fmt.Errorf("check %s reads no number; it takes no threshold", r.info.ID)
	}
	if th.Op[0] != r.qop {
		want := "<="
		if r.qop == '>' {
			want = ">="
		}
		return fmt.Errorf("threshold %q: a %s is compared with %s", th.Text, r.info.Quantity, want)
	}
	if th.Quantity.Kind != r.qkind && !(r.qkind == analyzer.Frequency && th.Quantity.Kind == analyzer.Duration) {
		return fmt.Errorf("threshold %q is a %s, the check reads a %s", th.Text, th.Quantity.Kind, r.info.Quantity)
	}
	return nil
}

func compilePatterns(src []string) ([]*analyzer.Pattern, error) {
	var out []*analyzer.Pattern
	for _, s := range src {
		var groups [][]string
		for _, g := range strings.Split(s, "&") {
			groups = append(groups, []string{g})
		}
		p, err := analyzer.CompilePattern(groups)
		if err != nil {
			return nil, fmt.Errorf("%q: %v", s, err)
		}
		p.Source = s
		out = append(out, p)
	}
	return out, nil
}

// cand is a unit judged for the check.
type cand struct {
	unit   int
	status analyzer.Status
	why    string
	q      *analyzer.Quantity
	term   string
	strong bool // a customer's own right (KindRight) or a pass pattern
	passed bool // a pass pattern matched
}

// found returns the units any match pattern finds, in order.
func (r *Rule) found(a *analyzer.Analysis) []int {
	seen := map[int]bool{}
	var units []int
	for _, p := range r.match {
		for _, u := range a.Find(p) {
			if !seen[u] {
				seen[u] = true
				units = append(units, u)
			}
		}
	}
	sort.Ints(units)
	return units
}

// Matching implements analyzer.Matcher: the units about the check (found
// by a match pattern and by no exclude pattern), in order, whether or
// not they count for it.
func (r *Rule) Matching(a *analyzer.Analysis) []int {
	var out []int
	for _, u := range r.found(a) {
		if !r.matchesAny(a, r.exclude, u) {
			out = append(out, u)
		}
	}
	return out
}

// Check implements analyzer.Rule.
func (r *Rule) Check(a *analyzer.Analysis, th *analyzer.Threshold) analyzer.Finding {
	var cands []cand
	limit, passed := -1, false
	for _, u := range r.found(a) {
		if r.matchesAny(a, r.exclude, u) {
			continue
		}
		if limit < 0 && r.matchesAny(a, r.limits, u) {
			limit = u
		}
		byWording := r.matchesAny(a, r.pass, u)
		passed = passed || byWording
		if c, ok := r.judge(a, u, th, byWording); ok {
			cands = append(cands, c)
		}
	}
	if len(r.focus) > 0 {
		var focused []cand
		for _, c := range cands {
			if r.matchesAny(a, r.focus, c.unit) {
				focused = append(focused, c)
			}
		}
		if len(focused) > 0 {
			cands = focused
		}
	}
	if len(cands) == 0 && limit >= 0 {
		// Only a clause that takes something back ("Provider may use
		// Customer Data in aggregated form"): the subject is addressed,
		// weakly.
		return analyzer.Finding{Status: analyzer.Weak, Message: "limited: " + r.limitSource(a, limit), Evidence: []analyzer.Evidence{{Unit: limit}}}
	}
	if len(cands) == 0 {
		return analyzer.Finding{Status: analyzer.Missing, Message: "no clause on " + lowerFirst(r.info.Title)}
	}
	f := r.decide(a, cands, th)
	if f.Status == analyzer.Pass && limit >= 0 && !passed {
		f.Status = analyzer.Weak
		f.Message = "limited elsewhere: " + r.limitSource(a, limit)
		f.Evidence = append([]analyzer.Evidence{{Unit: limit}}, f.Evidence...)
	}
	return f
}

func (r *Rule) limitSource(a *analyzer.Analysis, u int) string {
	for _, p := range r.limits {
		if a.Matches(p, u) {
			return fmt.Sprintf("%q", a.Matched(p, u))
		}
	}
	return ""
}

func (r *Rule) matchesAny(a *analyzer.Analysis, ps []*analyzer.Pattern, u int) bool {
	for _, p := range ps {
		if a.Matches(p, u) {
			return true
		}
	}
	return false
}

// judge reads one unit: whether it counts for the check at all, and if
// so whether it passes or is weak, and why.
// byWording says a Pass pattern matches the unit.
func (r *Rule) judge(a *analyzer.Analysis, ui int, th *analyzer.Threshold, byWording bool) (cand, bool) {
	u := a.Units()[ui]
	c := &a.Clauses[u.Clause]
	k := cand{unit: ui, status: analyzer.Pass}
	weak := func(why string) {
		if k.status == analyzer.Pass {
			k.status, k.why = analyzer.Weak, why
		}
	}
	if !u.Row {
		if c.Title || c.Precedence {
			return k, false
		}
		if c.Negated && r.info.Kind != KindCap {
			return k, false
		}
		switch r.info.Kind {
		case KindRight:
			switch {
			case c.Party == analyzer.RoleCustomer || c.Party == analyzer.RoleBoth:
				k.strong = true
			case c.Modality == analyzer.Binding && r.grants(a, ui):
				// "Provider shall permit Customer to audit ..."
				k.strong = true
			case c.Party == analyzer.RoleProvider && c.Modality == analyzer.Permissive:
				if !r.grants(a, ui) {
					return k, false // the provider's own right
				}
				// "Provider may permit Customer to audit": the customer
				// has it only at the provider's discretion.
				weak(fmt.Sprintf("at the provider's discretion (%q)", c.Modal))
			}
		default:
			if c.Party == analyzer.RoleCustomer && !r.anyParty {
				return k, false
			}
			if c.Modality == analyzer.Permissive && !c.Prohibition {
				weak(fmt.Sprintf("optional (%q)", c.Modal))
			}
		}
		for _, h := range c.Hedges {
			if h.Kind != analyzer.HedgeTiming && !r.noHedges {
				weak(fmt.Sprintf("hedged (%q)", h.Text))
			}
		}
	}
	for _, p := range r.weak {
		if a.Matches(p, ui) {
			weak(fmt.Sprintf("weak wording (%q)", a.Matched(p, ui)))
		}
	}
	if r.qkind != "" {
		q, term, notIn, note := r.quantity(a, u)
		switch {
		case q != nil:
			k.q, k.term = q, term
			if th != nil {
				if ok, cmp := th.Meets(*q); cmp && !ok {
					weak(fmt.Sprintf("%s does not meet %s", describe(q, term), th.Text))
				}
			}
		case notIn:
			weak(note)
		case r.needNum:
			timing := ""
			for _, h := range c.Hedges {
				if h.Kind == analyzer.HedgeTiming {
					timing = h.Text
					break
				}
			}
			if timing != "" {
				weak(fmt.Sprintf("no %s stated (%q)", r.numberWord(), timing))
			} else {
				weak(fmt.Sprintf("no %s stated", r.numberWord()))
			}
		}
	}
	if r.info.Kind == KindRight && k.strong && k.status == analyzer.Weak && strings.HasPrefix(k.why, "no ") {
		// A customer's right needs no cadence of its own.
		k.status, k.why = analyzer.Pass, ""
	}
	if byWording {
		k.status, k.why, k.strong, k.passed = analyzer.Pass, "", true, true
	}
	return k, true
}

var grantPattern = func() *analyzer.Pattern {
	p, err := analyzer.CompilePattern([][]string{{"permit* | allow* | grant* | let | make available | offer*"}})
	if err != nil {
		panic(err)
	}
	return p
}()

// grants reports whether a provider's "may" clause grants something to
// the customer ("may permit", "may allow").
func (r *Rule) grants(a *analyzer.Analysis, ui int) bool {
	return a.Matches(grantPattern, ui)
}

func (r *Rule) numberWord() string {
	switch r.info.Quantity {
	case "duration":
		return "time limit"
	case "retention":
		return "retention period"
	case "frequency":
		return "cadence"
	case "money":
		return "amount"
	case "percent":
		return "percentage"
	case "months-of-fees":
		return "cap"
	case "notice":
		return "notice period"
	}
	return "number"
}

// quantity returns the number of the check's kind that governs the unit:
// its best value (a unit's own second number is usually a detail, "then
// updates every 24 hours"). notIn is set when the unit relies on a value
// kept outside the document.
func (r *Rule) quantity(a *analyzer.Analysis, u analyzer.Unit) (best *analyzer.Quantity, term string, notIn bool, note string) {
	for _, ci := range u.Clauses {
		c := &a.Clauses[ci]
		for _, v := range c.Values() {
			if v.NotInDocument {
				notIn, note = true, v.Note
				continue
			}
			if !r.wants(v.Quantity) {
				continue
			}
			q := v.Quantity
			if best == nil || analyzer.Worse(*best, q, string(r.qop)) {
				best = &q
				term = ""
				if v.Term != nil {
					term = v.Term.Name
				}
			}
		}
	}
	return best, term, notIn, note
}

// wants reports whether a quantity is of the kind the check reads.
func (r *Rule) wants(q analyzer.Quantity) bool {
	switch r.info.Quantity {
	case "frequency":
		return q.Kind == analyzer.Frequency
	case "duration":
		return q.Kind == analyzer.Duration && q.Operator != analyzer.OpFor && q.Operator != analyzer.OpAtLeast
	case "retention":
		return q.Kind == analyzer.Duration && q.Operator != analyzer.OpWithin && q.Operator != analyzer.OpNoLater
	case "notice":
		return q.Kind == analyzer.Duration
	case "target":
		return q.Kind == analyzer.Percent || q.Kind == analyzer.Duration
	}
	return q.Kind == r.qkind
}

func describe(q *analyzer.Quantity, term string) string {
	if term != "" {
		return fmt.Sprintf("%s (%s)", term, q.Text)
	}
	return q.Text
}

// decide turns the judged units into the check's finding.
func (r *Rule) decide(a *analyzer.Analysis, cands []cand, th *analyzer.Threshold) analyzer.Finding {
	// Parts: the elements present anywhere in the units that count.
	var missingParts []string
	if len(r.parts) > 0 {
		have := 0
		for _, p := range r.parts {
			found := false
			for _, c := range cands {
				if r.matchesAny(a, p.pats, c.unit) {
					found = true
					break
				}
			}
			if found {
				have++
			} else {
				missingParts = append(missingParts, p.name)
			}
		}
		if have >= r.partsMin {
			missingParts = nil
		}
	}
	ev := func(c cand) analyzer.Evidence { return analyzer.Evidence{Unit: c.unit, Quantity: c.q, Term: c.term} }
	// A clause that passes by its wording (a carve-out) decides.
	for _, c := range cands {
		if c.passed {
			return analyzer.Finding{Status: analyzer.Pass, Message: "passes by its wording", Evidence: []analyzer.Evidence{ev(c)}}
		}
	}
	// Different numbers for the same check: the weaker decides.
	if th != nil {
		var worst, best *cand
		for i := range cands {
			c := &cands[i]
			if c.q == nil {
				continue
			}
			if ok, cmp := th.Meets(*c.q); !cmp {
				continue
			} else if !ok && (worst == nil || analyzer.Worse(*c.q, *worst.q, th.Op)) {
				worst = c
			}
			if best == nil || analyzer.Worse(*best.q, *c.q, th.Op) {
				best = c
			}
		}
		if worst != nil && best != nil && best != worst {
			if ok, _ := th.Meets(*best.q); ok {
				return analyzer.Finding{Status: analyzer.Weak,
					Message:  fmt.Sprintf("%s does not meet %s (elsewhere %s)", describe(worst.q, worst.term), th.Text, describe(best.q, best.term)),
					Evidence: []analyzer.Evidence{ev(*worst), ev(*best)}}
			}
		}
	}
	var pass, weak *cand
	for i := range cands {
		c := &cands[i]
		switch {
		case c.status == analyzer.Pass && (pass == nil || better(c, pass)):
			pass = c
		case c.status == analyzer.Weak && weak == nil:
			weak = c
		}
	}
	if pass != nil {
		if len(missingParts) > 0 {
			return analyzer.Finding{Status: analyzer.Weak, Message: "does not cover " + strings.Join(missingParts, ", "),
				Evidence: []analyzer.Evidence{ev(*pass)}}
		}
		msg := "binding provider clause"
		if r.info.Kind == KindRight && pass.strong {
			msg = "customer right"
		}
		if pass.q != nil {
			msg = describe(pass.q, pass.term)
			if th != nil {
				msg += " meets " + th.Text
			}
		}
		return analyzer.Finding{Status: analyzer.Pass, Message: msg, Evidence: []analyzer.Evidence{ev(*pass)}}
	}
	msg := weak.why
	if len(missingParts) > 0 && msg == "" {
		msg = "does not cover " + strings.Join(missingParts, ", ")
	}
	return analyzer.Finding{Status: analyzer.Weak, Message: msg, Evidence: []analyzer.Evidence{ev(*weak)}}
}

// better prefers a passing clause with a number, a percentage over a
// time for a service-level target, then the earlier one.
func better(c, than *cand) bool {
	if c.q != nil && than.q != nil {
		return c.q.Kind == analyzer.Percent && than.q.Kind != analyzer.Percent
	}
	return c.q != nil && than.q == nil
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

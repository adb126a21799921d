package analyzer

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Status is the outcome of one check in one agreement.
type Status string

// The statuses, as the specification and the corpus labels name them.
const (
	// Pass: the clause is there, binds the provider and meets the threshold.
	Pass Status = "pass"
	// Weak: a clause is there but is hedged, has no number where one is
	// needed, misses part of the requirement or gives a worse number.
	Weak Status = "weak"
	// Missing: nothing in the agreement addresses the check.
	Missing Status = "missing"
)

// Severity is how a weak or missing result is reported. The zero value is
// SeverityNone, below every other level (the --fail-on none gate).
type Severity int

// The severities, in increasing order.
const (
	SeverityNone Severity = iota
	SeverityNote
	SeverityWarning
	SeverityError
)

var severityNames = []string{"none", "note", "warning", "error"}

func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity's name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	*s = v
	return err
}

// ParseSeverity reads "error", "warning", "note" or "none".
func ParseSeverity(name string) (Severity, error) {
	for i, n := range severityNames {
		if n == name {
			return Severity(i), nil
		}
	}
	return SeverityNone, fmt.Errorf("unknown severity %q (want error, warning, note or none)", name)
}

// Control is a control reference of a baseline that a check maps to.
type Control struct {
	Baseline string `json:"baseline"`
	Ref      string `json:"ref"`
}

// Help is what a person reads about a check: what it looks for, what passes
// and what is weak, and clause language that would pass.
type Help struct {
	LooksFor   string `json:"looksFor,omitempty"`
	Pass       string `json:"pass,omitempty"`
	Weak       string `json:"weak,omitempty"`
	Suggestion string `json:"suggestion,omitempty"`
}

// RuleInfo describes a rule: the check it implements and where it was
// defined.
type RuleInfo struct {
	ID          string
	Title       string
	Requirement string
	// Kind is the rule kind the rule file names (duty, right, cap).
	Kind     string
	Severity Severity
	// Quantity is the kind of number the check reads; empty when none.
	// Retention is a duration where longer is better.
	Quantity string
	// Threshold is the check's default threshold; nil when none.
	Threshold *Threshold
	Tags      []string
	Help      Help
	// Source is the file and line the rule was defined at.
	Source string
}

// Rule is a check, compiled from rule data.
type Rule interface {
	Info() *RuleInfo
	// Check decides the check on one agreement, comparing numbers with th
	// (nil when the check reads no number).
	Check(a *Analysis, th *Threshold) Finding
}

// Finding is what a rule concludes about one agreement.
type Finding struct {
	Status Status
	// Message says why, in a few words ("notification within 72 hours
	// exceeds 24 hours").
	Message string
	// Evidence lists the clauses the status rests on, the deciding one
	// first; empty when the check is missing.
	Evidence []Evidence
}

// Evidence is a clause a finding rests on.
type Evidence struct {
	// Unit is the index in Analysis.Units of the clause or table row.
	Unit int
	// Quantity is the number read for the check in this clause, if any.
	Quantity *Quantity
	// Term is the defined term the number comes from, if any.
	Term string
}

// Planned is a rule as a review runs it: with the control references of
// the chosen baselines, its threshold and its severity after overrides.
type Planned struct {
	Rule      Rule
	Controls  []Control
	Threshold *Threshold
	Severity  Severity
}

// Location says where evidence is: PDF page (0 for other formats), section
// as cited, 1-based line of the extracted text, and code point offsets in
// the extracted text (Document.Text).
type Location struct {
	Page    int    `json:"page,omitempty"`
	Section string `json:"section,omitempty"`
	Line    int    `json:"line"`
	// EndLine is the last line the evidence runs over when that is not
	// Line (a table row, whose cells are lines of their own); 0 otherwise.
	EndLine int `json:"endLine,omitempty"`
	Column  int `json:"column"`
	Start   int `json:"start"`
	End     int `json:"end"`
}

// QuantityValue is a number as a report shows it, in the units of the
// corpus labels.
type QuantityValue struct {
	Amount    float64 `json:"amount"`
	Unit      string  `json:"unit"`
	Qualifier string  `json:"qualifier,omitempty"`
	Text      string  `json:"text"`
	// Term is the defined term that carries the number, if any.
	Term string `json:"term,omitempty"`
}

// Place is a piece of evidence in a report.
type Place struct {
	Evidence string         `json:"evidence"`
	Location Location       `json:"location"`
	Quantity *QuantityValue `json:"quantity,omitempty"`
}

// Result is the outcome of one check on one agreement, as reported.
type Result struct {
	Check     string         `json:"check"`
	Title     string         `json:"title"`
	Status    Status         `json:"status"`
	Severity  Severity       `json:"severity"`
	Controls  []Control      `json:"controls"`
	Message   string         `json:"message"`
	Threshold string         `json:"threshold,omitempty"`
	Quantity  *QuantityValue `json:"quantity,omitempty"`
	Evidence  string         `json:"evidence,omitempty"`
	Location  *Location      `json:"location,omitempty"`
	// Related are the other clauses the status rests on (the body's
	// number where an exhibit's weaker one decides).
	Related []Place `json:"related,omitempty"`
	// Fingerprint identifies the finding across re-exports of the same
	// agreement: it is derived from the check and the words of the
	// evidence clause, not from its line or page (see Fingerprint).
	Fingerprint string `json:"fingerprint"`
	// Suppression is set when a waiver accepts this result; a suppressed
	// result does not count for --fail-on.
	Suppression *Suppression `json:"suppression,omitempty"`
	// Portfolio says how the result's number compares with the same
	// check's numbers in other agreements (review --compare-index); nil
	// unless asked for and the result has a number.
	Portfolio *Comparison `json:"portfolio,omitempty"`
}

// Comparison is a result's number set against the numbers other
// agreements give for the same check (an indexed portfolio). Lower, Same
// and Higher count the agreements whose number is below, equal to and
// above this one; agreements whose number cannot be compared with it (a
// month and an hour, two currencies without a rate) are not counted.
type Comparison struct {
	// Summary says it in words: "72 hours; 9 of 12 indexed agreements
	// give 24 hours or less".
	Summary string `json:"summary"`
	// Agreements is the number of other agreements with a comparable
	// number for the check.
	Agreements int `json:"agreements"`
	// MeetThreshold counts those that meet the result's threshold; nil
	// when the check has none.
	MeetThreshold *int `json:"meetThreshold,omitempty"`
	Lower         int  `json:"lower"`
	Same          int  `json:"same"`
	Higher        int  `json:"higher"`
	// Median is the median of the agreements' numbers, in the unit most
	// of them use; nil when there are none.
	Median *QuantityValue `json:"median,omitempty"`
}

// Matcher is a Rule that can list the units of an agreement that are
// about its check: those its patterns find, whether or not they end up
// counting (a customer's duty, a hedged clause). The corpus index records
// them so that a search can be limited to the clauses of one check.
type Matcher interface {
	Matching(a *Analysis) []int
}

// Suppression is a waiver applied to a result.
type Suppression struct {
	// Reason is the waiver's justification.
	Reason   string `json:"reason"`
	Approver string `json:"approver,omitempty"`
	// Expires is the waiver's last day (YYYY-MM-DD), if it has one.
	Expires string `json:"expires,omitempty"`
	// Source says where the waiver is written ("FILE:LINE").
	Source string `json:"source,omitempty"`
}

// Fingerprint returns a result's fingerprint: a hash of the check id and
// the evidence's letters and digits, so that reflowed lines, hyphenation,
// page breaks between words and punctuation changes from re-exporting a
// document (PDF, DOCX) do not change it. The letters are compared as a
// search engine would: compatibility forms composed (Unicode NFKC: the
// "ﬁ" ligature and full-width digits a PDF may carry are "fi" and "24",
// an "é" drawn as "e" and an accent is one letter) and case folded
// ("SECURITY" in a heading styled as capitals, "Straße" and "STRASSE").
// A result with no evidence (a missing clause) is fingerprinted by its
// check alone.
func Fingerprint(check, evidence string) string {
	return fingerprint(check, evidence, fingerprintWords(evidence))
}

// fingerprintWords returns the letters and digits of the folded evidence:
// what a fingerprint hashes besides the check.
func fingerprintWords(evidence string) string {
	var b strings.Builder
	for _, r := range fingerprintText(evidence) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func fingerprint(check, evidence, words string) string {
	h := sha256.New()
	h.Write([]byte(check))
	h.Write([]byte{0})
	if evidence == "" {
		h.Write([]byte("missing"))
	}
	h.Write([]byte(words))
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// fingerprintText is NFKC case folding: NFKC, full case folding, NFKC
// again (folding may leave a sequence that composes). A Caser keeps
// state, so each call makes its own: reviews run in parallel.
func fingerprintText(s string) string {
	return norm.NFKC.String(cases.Fold().String(norm.NFKC.String(s)))
}

// Failing reports whether the result counts against a --fail-on level:
// it is not a pass, not suppressed by a waiver, and its severity is at
// least the level. A level of SeverityNone fails nothing.
func (r Result) Failing(level Severity) bool {
	return r.Status != Pass && r.Suppression == nil && level != SeverityNone && r.Severity >= level
}

// Signed is a Rule that can say when another rule decides alike: two
// rules with the same non-empty signature and threshold give the same
// finding, so a review checks them once.
type Signed interface {
	Signature() string
}

// Review runs the planned rules over an agreement and returns one result
// per rule, in plan order.
func Review(a *Analysis, plan []Planned) []Result {
	out := make([]Result, 0, len(plan))
	folded := map[string]string{}
	decided := map[string]Finding{}
	for _, p := range plan {
		info := p.Rule.Info()
		var f Finding
		if s, ok := p.Rule.(Signed); ok && s.Signature() != "" {
			key := s.Signature()
			if p.Threshold != nil {
				key += "\x00" + p.Threshold.Text
			}
			var seen bool
			if f, seen = decided[key]; !seen {
				f = p.Rule.Check(a, p.Threshold)
				decided[key] = f
			}
		} else {
			f = p.Rule.Check(a, p.Threshold)
		}
		r := Result{
			Check:    info.ID,
			Title:    info.Title,
			Status:   f.Status,
			Severity: p.Severity,
			Controls: p.Controls,
			Message:  f.Message,
		}
		if r.Controls == nil {
			r.Controls = []Control{}
		}
		if p.Threshold != nil {
			r.Threshold = p.Threshold.Text
		}
		for i, e := range f.Evidence {
			pl := a.Place(e)
			if i == 0 {
				r.Evidence, r.Location, r.Quantity = pl.Evidence, &pl.Location, pl.Quantity
				continue
			}
			r.Related = append(r.Related, pl)
		}
		w, ok := folded[r.Evidence]
		if !ok {
			// Many checks quote the same clause: fold it once.
			w = fingerprintWords(r.Evidence)
			folded[r.Evidence] = w
		}
		r.Fingerprint = fingerprint(r.Check, r.Evidence, w)
		out = append(out, r)
	}
	return out
}

// Place locates a piece of evidence in the extracted text.
func (a *Analysis) Place(e Evidence) Place {
	u := a.Units()[e.Unit]
	c := a.Clauses[u.Clause]
	b := a.Doc.Blocks[c.Block]
	start := b.Start + runeOffset(b.Text, c.Start)
	text := strings.TrimSpace(u.Text)
	pl := Place{
		Evidence: text,
		Location: Location{
			Page:    b.Page,
			Section: b.Section,
			Line:    b.Line,
			Column:  runeOffset(b.Text, c.Start) + 1,
			Start:   start,
			End:     start + len([]rune(u.Text)),
		},
	}
	if u.Row {
		// A row's cells are separate blocks: the span runs from the first
		// cell to the end of the last.
		last := a.Clauses[u.Clauses[len(u.Clauses)-1]]
		lb := a.Doc.Blocks[last.Block]
		pl.Location.End = lb.Start + runeOffset(lb.Text, last.End)
		if lb.Line > b.Line {
			pl.Location.EndLine = lb.Line
		}
	}
	if q := e.Quantity; q != nil {
		pl.Quantity = &QuantityValue{Amount: q.Amount, Unit: q.Unit, Qualifier: q.Qualifier, Text: q.Text, Term: e.Term}
	}
	return pl
}

// Threshold is a limit a number is compared with: "<= 24 hours" (a time
// limit), ">= 12 months" (a retention), "<= 1 year" (a cadence's
// interval: at least annually), ">= 1,000,000 usd", ">= 12
// months-of-fees".
type Threshold struct {
	// Op is "<=" or ">=" (also "<", ">").
	Op       string
	Quantity Quantity
	// Text is the threshold as written.
	Text string
}

// ParseThreshold reads "OP QUANTITY", where the quantity is written as
// contract text is ("24 hours", "12 months", "USD 1,000,000",
// "quarterly", "12 months of fees").
func ParseThreshold(s string) (*Threshold, error) {
	s = strings.TrimSpace(s)
	var op string
	for _, o := range []string{"<=", ">=", "<", ">"} {
		if strings.HasPrefix(s, o) {
			op = o
			break
		}
	}
	if op == "" {
		return nil, fmt.Errorf("threshold %q: want an operator (<=, >=, <, >) and a quantity, as in \"<= 24 hours\"", s)
	}
	rest := strings.TrimSpace(s[len(op):])
	qs := ReadQuantities(rest)
	for _, suffix := range []string{" months-of-fees", " months of fees", " month of fees", " months' fees", " months fees"} {
		if m := strings.TrimSuffix(strings.ToLower(rest), suffix); m != strings.ToLower(rest) {
			var v float64
			if _, err := fmt.Sscanf(m, "%g", &v); err == nil {
				return &Threshold{Op: op, Quantity: Quantity{Kind: MonthsOfFees, Amount: v, Unit: "months-of-fees", Text: rest}, Text: s}, nil
			}
		}
	}
	if len(qs) != 1 {
		return nil, fmt.Errorf("threshold %q: %q is not one quantity (write \"24 hours\", \"12 months\", \"quarterly\", \"USD 1,000,000\", \"12 months-of-fees\")", s, rest)
	}
	return &Threshold{Op: op, Quantity: qs[0], Text: s}, nil
}

// Compare compares q with the threshold's quantity: it returns the sign of
// q minus the threshold (in a common measure) and whether the two are
// comparable at all (money in different currencies is compared through
// approximate fixed rates; a month and an hour are not comparable).
func Compare(q, t Quantity) (int, bool) {
	sign := func(d float64) int {
		switch {
		case math.Abs(d) < 1e-9:
			return 0
		case d < 0:
			return -1
		}
		return 1
	}
	if q.Unit == t.Unit {
		return sign(q.Amount - t.Amount), true
	}
	if qh, ok := q.Hours(); ok {
		if th, ok := t.Hours(); ok {
			return sign(qh - th), true
		}
	}
	if qm, ok := q.Months(); ok && q.Unit != "months-of-fees" {
		if tm, ok := t.Months(); ok && t.Unit != "months-of-fees" {
			return sign(qm - tm), true
		}
	}
	if q.Kind == Money && t.Kind == Money {
		qr, ok1 := usdPer[q.Unit]
		tr, ok2 := usdPer[t.Unit]
		if ok1 && ok2 {
			return sign(q.Amount*qr - t.Amount*tr), true
		}
	}
	return 0, false
}

// usdPer holds approximate, fixed values of currencies in US dollars, used
// only to compare an insurance amount with a threshold in another
// currency ("USD 1,000,000 or equivalent"). They are rounded on purpose:
// a review must not change with the markets.
var usdPer = map[string]float64{
	"usd": 1, "eur": 1.1, "gbp": 1.25, "chf": 1.1, "cad": 0.7, "aud": 0.65, "nzd": 0.6, "sgd": 0.75,
	"hkd": 0.13, "jpy": 0.0067, "cny": 0.14, "inr": 0.012, "sar": 0.27, "aed": 0.27, "qar": 0.27,
	"kwd": 3.25, "bhd": 2.65, "omr": 2.6, "egp": 0.02, "zar": 0.055, "sek": 0.095, "nok": 0.095, "dkk": 0.15,
	"pgk": 0.26,
}

// USD converts an amount of money to US dollars at the fixed rates that
// Compare uses; false when the unit is not a currency it knows.
func (q Quantity) USD() (float64, bool) {
	r, ok := usdPer[q.Unit]
	return q.Amount * r, ok
}

// Meets reports whether q meets the threshold, and whether the two could
// be compared.
func (t *Threshold) Meets(q Quantity) (meets, ok bool) {
	c, ok := Compare(q, t.Quantity)
	if !ok {
		return false, false
	}
	switch t.Op {
	case "<=":
		return c <= 0, true
	case "<":
		return c < 0, true
	case ">=":
		return c >= 0, true
	case ">":
		return c > 0, true
	}
	return false, false
}

// Stricter returns the stricter of two thresholds on the same check (the
// smaller upper bound, the larger lower bound); t when they cannot be
// compared.
func (t *Threshold) Stricter(u *Threshold) *Threshold {
	if t == nil {
		return u
	}
	if u == nil {
		return t
	}
	c, ok := Compare(u.Quantity, t.Quantity)
	if !ok || t.Op[0] != u.Op[0] {
		return t
	}
	if (t.Op[0] == '<' && c < 0) || (t.Op[0] == '>' && c > 0) {
		return u
	}
	return t
}

// Worse reports whether quantity a is worse than b for a threshold of
// direction op ("<=": larger is worse; ">=": smaller is worse).
func Worse(a, b Quantity, op string) bool {
	c, ok := Compare(a, b)
	if !ok {
		return false
	}
	if strings.HasPrefix(op, "<") {
		return c > 0
	}
	return c < 0
}

// SortControls orders control references by baseline, then reference.
func SortControls(cs []Control) {
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].Baseline != cs[j].Baseline {
			return cs[i].Baseline < cs[j].Baseline
		}
		return cs[i].Ref < cs[j].Ref
	})
}

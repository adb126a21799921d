package analyzer

// QuantityKind says what a number measures.
type QuantityKind string

// The kinds of quantity the checks read (spec/checks.yaml: quantity).
const (
	// Duration is a span of time: a time limit ("within twenty-four (24)
	// hours") or a retention period ("for at least twelve (12) months").
	Duration QuantityKind = "duration"
	// Frequency is a cadence, recorded as its interval: "quarterly" is
	// 3 months, "annually" 1 year, "every ninety (90) days" 90 days.
	Frequency QuantityKind = "frequency"
	// Money is an amount with a currency.
	Money QuantityKind = "money"
	// Percent is a percentage ("99.9%", "ten percent (10%)").
	Percent QuantityKind = "percent"
	// MonthsOfFees is a liability cap as fees over a look-back period
	// ("fees paid in the twelve (12) months preceding the claim") or a
	// multiple of annual fees (2x annual fees = 24).
	MonthsOfFees QuantityKind = "months-of-fees"
)

// Operator is the word that governs a quantity.
type Operator string

// The operators, as normalised names; the printed words are in Quantity.Text
// or just before it.
const (
	OpNone    Operator = ""
	OpWithin  Operator = "within"        // within, in no more than
	OpNoLater Operator = "no-later-than" // no later than, not later than, by no later than
	OpAtLeast Operator = "at-least"      // at least, not less than, no less than, a minimum of, minimum
	OpUpTo    Operator = "up-to"         // up to, not to exceed, not exceed, no more than, at most, a maximum of
	OpEvery   Operator = "every"         // every, each, once per, per (cadences)
	OpBefore  Operator = "before"        // before, prior to, in advance
	OpFor     Operator = "for"           // for (a retention: "for twelve months")
	OpExactly Operator = "exactly"       // a bare number
)

// Quantity is a number with its unit, read from contract text.
type Quantity struct {
	Kind QuantityKind `json:"kind"`
	// Amount in Unit: 24 for "twenty-four (24) hours", 5000000 for
	// "$5 million", 0.25 is never produced from "15 minutes" (that is 15
	// minute); callers convert with Hours or Months.
	Amount float64 `json:"amount"`
	// Unit is one of minute, hour, day, business-day, week, month, year,
	// percent, months-of-fees, or for money the ISO 4217 code in lower case
	// (usd, eur, gbp, aud, cad, sar, aed, inr, chf, jpy, ...), the units of
	// the corpus labels (testdata/corpus/LABELS.md).
	Unit string `json:"unit"`
	// Qualifier keeps the word that qualifies a day or period as printed,
	// lower case: "business", "working", "calendar"; empty when none. A
	// business or working day has Unit business-day; a calendar day has
	// Unit day and Qualifier calendar. Never dropped.
	Qualifier string `json:"qualifier,omitempty"`
	// Operator is the word that governs the number.
	Operator Operator `json:"operator,omitempty"`
	// Text is the quantity as printed, including its operator words
	// ("no later than seventy-two (72) hours").
	Text string `json:"text"`
	// Start and End are byte offsets of Text in the string read.
	Start int `json:"start"`
	End   int `json:"end"`
}

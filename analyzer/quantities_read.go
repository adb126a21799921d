package analyzer

import (
	"math"
	"strconv"
	"strings"
)

// qtok is a token of text for the quantity reader: a word (lower case), a
// number, or one punctuation character.
type qtok struct {
	s          string // lower case
	start, end int
	num        bool
	val        float64
}

// qTokenize splits text into words, numbers and single punctuation marks.
// Hyphens split words ("twenty-four", "24-hour") but are kept as tokens.
func qTokenize(text string) []qtok {
	var out []qtok
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c >= '0' && c <= '9':
			j := i
			for j < len(text) && (text[j] >= '0' && text[j] <= '9' || (text[j] == ',' || text[j] == '.') && j+1 < len(text) && text[j+1] >= '0' && text[j+1] <= '9') {
				j++
			}
			raw := text[i:j]
			v, err := strconv.ParseFloat(strings.ReplaceAll(raw, ",", ""), 64)
			if err != nil || math.IsInf(v, 0) {
				v = 0
			}
			out = append(out, qtok{s: raw, start: i, end: j, num: true, val: v})
			i = j
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			j := i
			for j < len(text) && (text[j] >= 'a' && text[j] <= 'z' || text[j] >= 'A' && text[j] <= 'Z') {
				j++
			}
			out = append(out, qtok{s: strings.ToLower(text[i:j]), start: i, end: j})
			i = j
		case c == ' ' || c == '\t' || c == '\n':
			i++
		default:
			n := 1
			if c >= 0x80 {
				for n < 4 && i+n < len(text) && text[i+n]&0xC0 == 0x80 {
					n++
				}
			}
			out = append(out, qtok{s: text[i : i+n], start: i, end: i + n})
			i += n
		}
	}
	return out
}

var qSmall = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

var qScale = map[string]float64{"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9}

// qNumber reads a number at tokens[i]: digits ("5,000,000", "1.5"), words
// ("twenty-four", "one hundred and twenty", "five million"), the dual form
// "twenty-four (24)" (the digits win), and a scale after digits ("$5
// million", "$2m"). It returns the value and the index after the number.
func qNumber(t []qtok, i int) (float64, int, bool) {
	if i >= len(t) {
		return 0, i, false
	}
	if t[i].num {
		v, j := t[i].val, i+1
		if j < len(t) {
			if s, ok := qScale[t[j].s]; ok && s >= 1e3 {
				v, j = v*s, j+1
			} else if (t[j].s == "m" || t[j].s == "mm" || t[j].s == "bn" || t[j].s == "k") && t[j].start == t[i].end {
				v, j = v*map[string]float64{"m": 1e6, "mm": 1e6, "bn": 1e9, "k": 1e3}[t[j].s], j+1
			}
		}
		return v, j, true
	}
	total, cur := 0.0, 0.0
	j := i
	seen := false
	for j < len(t) {
		w := t[j].s
		if v, ok := qSmall[w]; ok {
			cur += v
			seen = true
			j++
			if j+1 < len(t) && t[j].s == "-" {
				if _, ok := qSmall[t[j+1].s]; ok {
					j++ // "twenty-four"
				}
			}
			continue
		}
		if s, ok := qScale[w]; ok && seen {
			if s == 100 {
				cur *= 100
			} else {
				total += cur * s
				cur = 0
			}
			j++
			continue
		}
		if w == "and" && seen && j+1 < len(t) {
			if _, ok := qSmall[t[j+1].s]; ok {
				j++
				continue
			}
		}
		break
	}
	if !seen {
		return 0, i, false
	}
	v := total + cur
	// "twenty-four (24)": the digits in brackets restate the number.
	if j+2 < len(t) && t[j].s == "(" && t[j+1].num && t[j+2].s == ")" {
		v, j = t[j+1].val, j+3
	} else if j+3 < len(t) && t[j].s == "(" && t[j+1].num && t[j+2].s == "%" && t[j+3].s == ")" {
		v, j = t[j+1].val, j+4 // "ten percent (10%)"
	}
	return v, j, true
}

// qUnit maps unit words to units.
var qUnit = map[string]string{
	"minute": "minute", "minutes": "minute", "min": "minute", "mins": "minute",
	"hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour",
	"day": "day", "days": "day", "week": "week", "weeks": "week",
	"month": "month", "months": "month", "year": "year", "years": "year",
	"quarter": "quarter", "quarters": "quarter",
}

var qCadence = map[string][2]any{
	"daily": {1.0, "day"}, "weekly": {1.0, "week"}, "fortnightly": {2.0, "week"}, "monthly": {1.0, "month"},
	"quarterly": {3.0, "month"}, "annually": {1.0, "year"}, "yearly": {1.0, "year"}, "annual": {1.0, "year"},
	"biennially": {2.0, "year"}, "biannually": {6.0, "month"}, "semiannually": {6.0, "month"},
}

var qCurrencyCode = map[string]string{
	"usd": "usd", "eur": "eur", "gbp": "gbp", "sar": "sar", "aud": "aud", "cad": "cad", "aed": "aed",
	"inr": "inr", "chf": "chf", "jpy": "jpy", "nzd": "nzd", "sgd": "sgd", "zar": "zar", "pgk": "pgk", "kina": "pgk",
}

var qCurrencySymbol = map[string]string{"$": "usd", "€": "eur", "£": "gbp", "¥": "jpy"}

var qCurrencyWord = map[string]string{
	"dollars": "usd", "dollar": "usd", "euros": "eur", "euro": "eur", "pounds": "gbp", "riyals": "sar", "riyal": "sar",
}

// qOperators, longest first, as lower-case word sequences before a quantity.
var qOperators = []struct {
	words string
	op    Operator
}{
	{"in no case less frequently than", OpAtLeast}, {"by no later than", OpNoLater}, {"in no event exceed", OpUpTo},
	{"shall not exceed", OpUpTo}, {"will not exceed", OpUpTo}, {"no later than", OpNoLater}, {"not later than", OpNoLater},
	{"not less than", OpAtLeast}, {"no less than", OpAtLeast}, {"a minimum of", OpAtLeast}, {"at least", OpAtLeast},
	{"not to exceed", OpUpTo}, {"no more than", OpUpTo}, {"a maximum of", OpUpTo}, {"not exceed", OpUpTo},
	{"up to", OpUpTo}, {"at most", OpUpTo}, {"minimum", OpAtLeast}, {"maximum", OpUpTo}, {"within", OpWithin},
	{"for a period of", OpFor}, {"for", OpFor}, {"every", OpEvery}, {"each", OpEvery}, {"per", OpEvery},
}

// qOperatorWords are qOperators split into words once.
var qOperatorWords = func() [][]string {
	out := make([][]string, len(qOperators))
	for i, o := range qOperators {
		out[i] = strings.Fields(o.words)
	}
	return out
}()

// qOperatorBefore reads an operator ending just before token i; it returns
// the operator and the index of its first token.
func qOperatorBefore(t []qtok, i int) (Operator, int) {
	for oi, o := range qOperators {
		ws := qOperatorWords[oi]
		if i-len(ws) < 0 {
			continue
		}
		ok := true
		for k, w := range ws {
			if t[i-len(ws)+k].s != w {
				ok = false
				break
			}
		}
		if ok {
			return o.op, i - len(ws)
		}
	}
	return OpNone, i
}

// qFeeWords mark a period as a look-back for fees (a liability cap).
var qFeeWords = map[string]bool{"fees": true, "fee": true, "charges": true, "paid": true, "payable": true, "amounts": true}

// ReadQuantities reads every quantity in a piece of contract text, in
// order: durations, cadences, money, percentages and liability caps in
// months of fees, with the operator that governs each and any business,
// working or calendar qualifier.
func ReadQuantities(text string) []Quantity {
	if !qMayHold(text) {
		return nil
	}
	t := qTokenize(text)
	var out []Quantity
	emit := func(q Quantity, from, to int) {
		q.Start, q.End = t[from].start, t[to-1].end
		q.Text = text[q.Start:q.End]
		out = append(out, q)
	}
	for i := 0; i < len(t); i++ {
		w := t[i].s
		// Currency before a number: "USD 5,000,000", "$5 million", "US$2m".
		if cur, ok := qCurrencyAt(t, i); ok {
			j := i + 1
			if w == "us" || w == "a" && cur == "aud" {
				j++
			}
			if v, k, ok := qNumber(t, j); ok && (t[j].num || j == i+1) {
				op, from := qOperatorBefore(t, i)
				emit(Quantity{Kind: Money, Amount: v, Unit: cur, Operator: op}, from, k)
				i = k - 1
				continue
			}
		}
		// Cadence adverbs: "quarterly", "semi-annually", "half-yearly".
		if cad, n := qCadenceAt(t, i); n > 0 {
			op, from := qOperatorBefore(t, i)
			if op != OpAtLeast && op != OpUpTo {
				op, from = OpEvery, i // "for weekly" is still a cadence
			}
			end := i + n
			if end+1 < len(t) && t[end].s == "basis" {
				end++
			}
			emit(Quantity{Kind: Frequency, Amount: cad[0].(float64), Unit: cad[1].(string), Operator: op}, from, end)
			i = end - 1
			continue
		}
		// "once/twice/three times a|per|every|each [calendar] year|month|quarter",
		// "each month", "every quarter", "every 30 days".
		if q, from, to, ok := qCadencePhrase(t, i); ok {
			op, ofrom := qOperatorBefore(t, from)
			if op == OpNone || op == OpEvery {
				op = OpEvery
			}
			emit(Quantity{Kind: Frequency, Amount: q.Amount, Unit: q.Unit, Qualifier: q.Qualifier, Operator: op}, ofrom, to)
			i = to - 1
			continue
		}
		if qClockTime(t, i) {
			continue // "07.30 hours to 1800 hours" is a time of day
		}
		v, j, ok := qNumber(t, i)
		if !ok && (w == "a" || w == "an") && i+1 < len(t) && qUnit[t[i+1].s] != "" {
			v, j, ok = 1, i+1, true // "within a week"
		}
		if !ok {
			continue
		}
		// A number word glued to a hyphen and unit: "24-hour".
		k := j
		if k < len(t) && t[k].s == "-" && k+1 < len(t) && qUnit[t[k+1].s] != "" {
			k++
		}
		qual := ""
		if k < len(t) && (t[k].s == "business" || t[k].s == "working" || t[k].s == "calendar") {
			qual = t[k].s
			k++
		}
		switch {
		case k < len(t) && (t[k].s == "%" || t[k].s == "percent") && qual == "":
			op, from := qOperatorBefore(t, i)
			// "fifty percent (50%)": the digits in brackets restate it.
			if k+3 < len(t) && t[k].s == "percent" && t[k+1].s == "(" && t[k+2].num && t[k+3].s == "%" {
				v, k = t[k+2].val, k+3
				if k+1 < len(t) && t[k+1].s == ")" {
					k++
				}
			}
			// "one hundred and fifty percent (150%) of the annual Fees"
			// is a cap of 18 months of fees.
			if end, ok := qOfAnnualFees(t, k+1); ok {
				emit(Quantity{Kind: MonthsOfFees, Amount: 12 * v / 100, Unit: "months-of-fees", Operator: op}, from, end)
				i = end - 1
				continue
			}
			emit(Quantity{Kind: Percent, Amount: v, Unit: "percent", Operator: op}, from, k+1)
			i = k
		case k+1 < len(t) && t[k].s == "per" && t[k+1].s == "cent" && qual == "":
			op, from := qOperatorBefore(t, i)
			emit(Quantity{Kind: Percent, Amount: v, Unit: "percent", Operator: op}, from, k+2)
			i = k + 1
		case k < len(t) && qUnit[t[k].s] != "":
			unit := qUnit[t[k].s]
			end := k + 1
			if end < len(t) && (t[end].s == "'" || t[end].s == "’") {
				end++ // "hours' notice"
			}
			amount := v
			if unit == "quarter" {
				amount, unit = v*3, "month"
			}
			if unit == "day" && (qual == "business" || qual == "working") {
				unit = "business-day"
			}
			op, from := qOperatorBefore(t, i)
			q := Quantity{Kind: Duration, Amount: amount, Unit: unit, Qualifier: qual, Operator: op}
			if op == OpEvery {
				q.Kind = Frequency
			}
			if mof, mFrom, mTo, ok := qMonthsOfFees(t, from, end, q); ok {
				emit(mof, mFrom, mTo)
				i = mTo - 1
				continue
			}
			emit(q, from, end)
			i = end - 1
		case k < len(t) && qCurrencyWord[t[k].s] != "" && qual == "":
			op, from := qOperatorBefore(t, i)
			emit(Quantity{Kind: Money, Amount: v, Unit: qCurrencyWord[t[k].s], Operator: op}, from, k+1)
			i = k
		case k+1 < len(t) && (t[k].s == "us" || t[k].s == "saudi") && qCurrencyWord[t[k+1].s] != "":
			op, from := qOperatorBefore(t, i)
			emit(Quantity{Kind: Money, Amount: v, Unit: qCurrencyWord[t[k+1].s], Operator: op}, from, k+2)
			i = k + 1
		case k < len(t) && qCurrencyCode[t[k].s] != "" && qual == "" && t[i].num:
			op, from := qOperatorBefore(t, i)
			emit(Quantity{Kind: Money, Amount: v, Unit: qCurrencyCode[t[k].s], Operator: op}, from, k+1)
			i = k
		default:
			if mof, mFrom, mTo, ok := qFeeMultiple(t, i, v, j); ok {
				emit(mof, mFrom, mTo)
				i = mTo - 1
				continue
			}
			i = j - 1
		}
	}
	// Liability caps stated without a number: "the fees paid for the month
	// in which the claim arose", "one year's fees" handled above.
	if len(out) == 0 {
		if q, from, to, ok := qFeesOfThePeriod(t); ok {
			emit(q, from, to)
		}
	}
	return out
}

// qCurrencyAt: a currency sign or code at token i.
func qCurrencyAt(t []qtok, i int) (string, bool) {
	w := t[i].s
	if c, ok := qCurrencySymbol[w]; ok {
		return c, true
	}
	if w == "us" && i+1 < len(t) && t[i+1].s == "$" && t[i+1].start == t[i].end {
		return "usd", true
	}
	if w == "a" && i+1 < len(t) && t[i+1].s == "$" && t[i+1].start == t[i].end {
		return "aud", true
	}
	if c, ok := qCurrencyCode[w]; ok && w != "kina" && i+1 < len(t) && t[i+1].num {
		return c, true
	}
	return "", false
}

// qCadenceAt reads a cadence adverb at i ("quarterly", "semi-annually",
// "half-yearly", "bi-annually"); n is the number of tokens it takes.
func qCadenceAt(t []qtok, i int) ([2]any, int) {
	w := t[i].s
	if i+2 < len(t) && t[i+1].s == "-" {
		switch w + t[i+2].s {
		case "semiannually", "semiannual", "halfyearly", "biannually", "biannual", "biweekly":
			m := map[string][2]any{"biweekly": {2.0, "week"}}
			if c, ok := m[w+t[i+2].s]; ok {
				return c, 3
			}
			return [2]any{6.0, "month"}, 3
		}
	}
	if c, ok := qCadence[w]; ok {
		// "annual" only as an adjective of an event: "annual penetration
		// test"; not "annual fees" (a cap) or "annual leave".
		if w == "annual" && qFeeNear(t, i+1) {
			return [2]any{}, 0
		}
		return c, 1
	}
	return [2]any{}, 0
}

// qCadencePhrase reads "once a month", "twice per year", "three times a
// year", "once every seven (7) days", "each calendar quarter", "every 30
// days", "once each Contract Year", "each month".
func qCadencePhrase(t []qtok, i int) (Quantity, int, int, bool) {
	times := 0.0
	j := i
	switch t[i].s {
	case "once":
		times, j = 1, i+1
	case "twice":
		times, j = 2, i+1
	default:
		if v, k, ok := qNumber(t, i); ok && k < len(t) && t[k].s == "times" && !t[i].num {
			times, j = v, k+1
		}
	}
	if times > 0 {
		if j >= len(t) {
			return Quantity{}, 0, 0, false
		}
		switch t[j].s {
		case "a", "an", "per", "each", "every", "in":
			j++
		default:
			return Quantity{}, 0, 0, false
		}
		if j < len(t) && t[j].s == "every" {
			j++
		}
	} else {
		switch t[i].s {
		case "every", "each":
			j = i + 1
			times = 1
		default:
			return Quantity{}, 0, 0, false
		}
	}
	// An interval: "[N] [calendar|contract] unit".
	n := 1.0
	if v, k, ok := qNumber(t, j); ok {
		n, j = v, k
	}
	qual := ""
	if j < len(t) && (t[j].s == "calendar" || t[j].s == "contract" || t[j].s == "business" || t[j].s == "working") {
		qual = t[j].s
		j++
	}
	if j >= len(t) || qUnit[t[j].s] == "" {
		return Quantity{}, 0, 0, false
	}
	unit := qUnit[t[j].s]
	if unit == "quarter" {
		n, unit = n*3, "month"
	}
	if unit == "day" && (qual == "business" || qual == "working") {
		unit = "business-day"
	}
	if qual == "contract" {
		qual = ""
	}
	amount := n / times
	if times > 1 {
		// "twice a year" is every six months.
		switch unit {
		case "year":
			amount, unit = 12*n/times, "month"
		case "month":
			amount, unit = 30*n/times, "day"
		case "week":
			amount, unit = 7*n/times, "day"
		}
	}
	return Quantity{Kind: Frequency, Amount: amount, Unit: unit, Qualifier: qual}, i, j + 1, true
}

// qMonthsOfFees turns a period into a liability cap when fees surround it:
// "the fees paid in the twelve (12) months preceding the claim", "12
// months' charges", "three (3) times the fees paid in the twelve months".
func qMonthsOfFees(t []qtok, from, end int, q Quantity) (Quantity, int, int, bool) {
	if q.Unit != "month" && q.Unit != "year" {
		return q, 0, 0, false
	}
	months := q.Amount
	if q.Unit == "year" {
		months *= 12
	}
	fees := false
	lo := max(0, from-20)
	for k := lo; k < from; k++ {
		if qFeeWords[t[k].s] && t[k].s != "paid" && t[k].s != "payable" || t[k].s == "fees" {
			fees = true
		}
	}
	after := end
	if after < len(t) && (t[after].s == "fees" || t[after].s == "charges") {
		fees, after = true, after+1
	}
	if !fees {
		return q, 0, 0, false
	}
	mult := 1.0
	start := from
	for k := lo; k < from; k++ {
		if t[k].s == "times" && k > 0 {
			if v, kk, ok := qNumber(t, k-1); ok && kk == k {
				mult, start = v, k-1
			} else if k > 3 && t[k-1].s == ")" {
				if v, _, ok := qNumber(t, k-4); ok {
					mult, start = v, k-4
				}
			}
		}
		if t[k].s == "twice" {
			mult, start = 2, k
		}
	}
	return Quantity{Kind: MonthsOfFees, Amount: mult * months, Unit: "months-of-fees", Operator: q.Operator}, start, after, true
}

// qFeeMultiple reads "two times (2x) the annual fees", "2x annual fees".
func qFeeMultiple(t []qtok, i int, v float64, j int) (Quantity, int, int, bool) {
	k := j
	if k < len(t) && (t[k].s == "times" || t[k].s == "x") {
		k++
	} else {
		return Quantity{}, 0, 0, false
	}
	if k+3 < len(t) && t[k].s == "(" && t[k+3].s == ")" {
		k += 4 // "(2x)"
	}
	for end := k; end < min(len(t), k+4); end++ {
		if t[end].s == "annual" || t[end].s == "yearly" {
			if end+1 < len(t) && (t[end+1].s == "fees" || t[end+1].s == "charges") {
				return Quantity{Kind: MonthsOfFees, Amount: 12 * v, Unit: "months-of-fees"}, i, end + 2, true
			}
		}
	}
	return Quantity{}, 0, 0, false
}

// qFeesOfThePeriod reads caps without a number: "the fees paid for the
// month in which the claim arose", "one year's fees", "the annual fees".
func qFeesOfThePeriod(t []qtok) (Quantity, int, int, bool) {
	for i := 0; i+3 < len(t); i++ {
		if t[i].s != "fees" && t[i].s != "charges" {
			continue
		}
		for k := i + 1; k < min(len(t), i+6); k++ {
			if t[k].s == "month" && t[k-1].s == "the" {
				return Quantity{Kind: MonthsOfFees, Amount: 1, Unit: "months-of-fees"}, i, k + 1, true
			}
			if t[k].s == "year" && t[k-1].s == "the" {
				return Quantity{Kind: MonthsOfFees, Amount: 12, Unit: "months-of-fees"}, i, k + 1, true
			}
		}
	}
	return Quantity{}, 0, 0, false
}

// Hours converts a duration or cadence in minute, hour, day, business-day
// or week to hours; a business day counts as 24 hours of elapsed time
// (callers show the qualifier). Months and years are not hours: ok false.
func (q Quantity) Hours() (float64, bool) {
	switch q.Unit {
	case "minute":
		return q.Amount / 60, true
	case "hour":
		return q.Amount, true
	case "day", "business-day":
		return q.Amount * 24, true
	case "week":
		return q.Amount * 24 * 7, true
	}
	return 0, false
}

// Months converts months and years to months; days and weeks count 30 and
// 7/30*... days a month (a month is 30 days here, for comparing cadences
// such as "every 30 days" with "monthly").
func (q Quantity) Months() (float64, bool) {
	switch q.Unit {
	case "month", "months-of-fees":
		return q.Amount, true
	case "year":
		return q.Amount * 12, true
	case "day", "business-day":
		return q.Amount / 30, true
	case "week":
		return q.Amount * 7 / 30, true
	}
	return 0, false
}

// Equal compares with an amount and unit as the labels record them,
// allowing exact conversions: 15 minute is 0.25 hour, 1 week 7 day, 1
// year 12 month. A business day equals only a business day; money only
// the same currency.
func (q Quantity) Equal(amount float64, unit string) bool {
	near := func(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }
	if q.Unit == unit {
		return near(q.Amount, amount)
	}
	exact := map[string]float64{"minute": 1.0 / 60, "hour": 1, "day": 24, "week": 168}
	if a, ok := exact[q.Unit]; ok {
		if b, ok := exact[unit]; ok {
			return near(q.Amount*a, amount*b)
		}
	}
	months := map[string]float64{"month": 1, "year": 12}
	if a, ok := months[q.Unit]; ok {
		if b, ok := months[unit]; ok {
			return near(q.Amount*a, amount*b)
		}
	}
	return false
}

// qOfAnnualFees matches "of the annual Fees" at k; end is after it.
func qOfAnnualFees(t []qtok, k int) (int, bool) {
	if k < len(t) && t[k].s == ")" {
		k++
	}
	if k >= len(t) || t[k].s != "of" {
		return 0, false
	}
	k++
	if k < len(t) && t[k].s == "the" {
		k++
	}
	if k+1 < len(t) && (t[k].s == "annual" || t[k].s == "yearly") && (t[k+1].s == "fees" || t[k+1].s == "charges") {
		return k + 2, true
	}
	return 0, false
}

// qFeeNear: "annual" qualifies fees within the next two words ("annual
// fees", "Annual Base Fee"), or leave; it is then not a cadence.
func qFeeNear(t []qtok, k int) bool {
	for j := k; j < min(len(t), k+3); j++ {
		if qFeeWords[t[j].s] || t[j].s == "fee" || t[j].s == "leave" || t[j].s == "salary" {
			return true
		}
	}
	return false
}

// qClockTime: "07.30 hours", "1800 hours", "0900 hrs" are times of day.
func qClockTime(t []qtok, i int) bool {
	if !t[i].num || i+1 >= len(t) || qUnit[t[i+1].s] != "hour" {
		return false
	}
	s := t[i].s
	return len(s) == 4 && s[0] <= '2' && !strings.ContainsAny(s, ".,") || len(s) == 5 && s[0] == '0' && (s[2] == '.' || s[2] == ':')
}

// qMayHold is a cheap test that text may hold a quantity: a digit, a
// currency sign, or a letter sequence that starts a number, cadence or
// "once"/"twice"/"each"/"every" word. Most clauses have none.
func qMayHold(text string) bool {
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c >= '0' && c <= '9' || c == '$' || c >= 0x80 {
			return true
		}
	}
	lower := strings.ToLower(text)
	for _, w := range []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
		"twenty", "thirty", "forty", "fifty", "sixty", "ninety", "hundred", "daily", "weekly", "monthly", "quarterly", "annual",
		"yearly", "ennial", "once", "twice", "each", "every", "fees", "charges", "a week", "a day", "a month", "a year", "an hour",
		"usd", "eur", "gbp", "sar", "aud", "cad", "aed", "inr", "chf", "jpy"} {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

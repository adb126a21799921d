package index

import (
	"strconv"
	"strings"
)

// unitWords are the units as a sentence says them (singular, plural).
var unitWords = map[string][2]string{
	"minute": {"minute", "minutes"}, "hour": {"hour", "hours"}, "day": {"day", "days"},
	"business-day": {"business day", "business days"}, "week": {"week", "weeks"},
	"month": {"month", "months"}, "year": {"year", "years"},
	"months-of-fees": {"month of fees", "months of fees"},
}

// QuantityText writes a quantity the way a report says it: "72 hours",
// "3 business days", "99.9%", "12 months of fees", "USD 1,000,000".
func QuantityText(q Quantity) string {
	return FormatAmount(q.Amount, q.Unit)
}

// FormatAmount writes an amount in a unit (see QuantityText).
func FormatAmount(amount float64, unit string) string {
	n := strconv.FormatFloat(amount, 'f', -1, 64)
	if amount != float64(int64(amount)) {
		n = strconv.FormatFloat(amount, 'f', 2, 64)
		n = strings.TrimRight(strings.TrimRight(n, "0"), ".")
	}
	if unit == "percent" {
		return n + "%"
	}
	if w, ok := unitWords[unit]; ok {
		if n == "1" {
			return n + " " + w[0]
		}
		return n + " " + w[1]
	}
	// Money: the currency code, then the amount with thousands separators.
	return strings.ToUpper(unit) + " " + thousands(n)
}

func thousands(n string) string {
	intPart, frac := n, ""
	if i := strings.IndexByte(n, '.'); i >= 0 {
		intPart, frac = n[:i], n[i:]
	}
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String() + frac
}

// dayLength is the length of each time unit in days; a month is 30 days
// and a year 360, as analyzer.Quantity.Months counts them.
var dayLength = map[string]float64{
	"minute": 1.0 / 1440, "hour": 1.0 / 24, "day": 1, "business-day": 1, "week": 7, "month": 30, "year": 360,
}

// Days converts a time quantity to days; false for other units.
func Days(q Quantity) (float64, bool) {
	f, ok := dayLength[q.Unit]
	return q.Amount * f, ok
}

// DayLength is the length of a time unit in days (a month is 30 days, a
// year 360); false for other units.
func DayLength(unit string) (float64, bool) {
	f, ok := dayLength[unit]
	return f, ok
}

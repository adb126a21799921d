package analyzer

import (
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestPhrasings reads every row of testdata/quantities/phrasings.tsv, real
// phrasings collected from the corpus text, and checks the first quantity
// (or that there is none).
func TestPhrasings(t *testing.T) {
	positive, negative := 0, 0
	for _, c := range readTSV(t, "phrasings.tsv", 7) {
		text, kind := c[1], c[2]
		qs := ReadQuantities(text)
		if kind == "" {
			negative++
			if len(qs) != 0 {
				t.Errorf("%q holds no quantity; read %+v", text, qs[0])
			}
			continue
		}
		positive++
		amount, err := strconv.ParseFloat(c[3], 64)
		if err != nil {
			t.Fatalf("phrasings.tsv: %v", err)
		}
		if len(qs) == 0 {
			t.Errorf("%q: read nothing; want %s %g %s", text, kind, amount, c[4])
			continue
		}
		q := qs[0]
		if string(q.Kind) != kind || q.Unit != c[4] || math.Abs(q.Amount-amount) > 1e-9 || q.Qualifier != c[5] || string(q.Operator) != c[6] {
			t.Errorf("%q: read %s %g %s qualifier %q operator %q; want %s %g %s qualifier %q operator %q",
				text, q.Kind, q.Amount, q.Unit, q.Qualifier, q.Operator, kind, amount, c[4], c[5], c[6])
		}
		if text[q.Start:q.End] != q.Text {
			t.Errorf("%q: offsets %d-%d do not give %q", text, q.Start, q.End, q.Text)
		}
	}
	if positive < 150 || negative < 25 {
		t.Errorf("%d positive and %d negative rows; want at least 150 and 25", positive, negative)
	}
}

func TestReadQuantities(t *testing.T) {
	type want struct {
		kind   QuantityKind
		amount float64
		unit   string
		qual   string
		op     Operator
	}
	for _, c := range []struct {
		text string
		want []want
	}{
		{"within twenty-four (24) hours", []want{{Duration, 24, "hour", "", OpWithin}}},
		{"no later than five (5) Business Days after", []want{{Duration, 5, "business-day", "business", OpNoLater}}},
		{"within 10 working days", []want{{Duration, 10, "business-day", "working", OpWithin}}},
		{"not later than thirty (30) calendar days", []want{{Duration, 30, "day", "calendar", OpNoLater}}},
		{"for at least twelve (12) months", []want{{Duration, 12, "month", "", OpAtLeast}}},
		{"one hundred and twenty days", []want{{Duration, 120, "day", "", OpNone}}},
		{"a 24-hour window", []want{{Duration, 24, "hour", "", OpNone}}},
		{"within a week", []want{{Duration, 1, "week", "", OpWithin}}},
		{"not less than seventy-two (72) hours' notice", []want{{Duration, 72, "hour", "", OpAtLeast}}},
		{"quarterly", []want{{Frequency, 3, "month", "", OpEvery}}},
		{"at least annually", []want{{Frequency, 1, "year", "", OpAtLeast}}},
		{"semi-annually", []want{{Frequency, 6, "month", "", OpEvery}}},
		{"on a monthly basis", []want{{Frequency, 1, "month", "", OpEvery}}},
		{"at least once per calendar year", []want{{Frequency, 1, "year", "calendar", OpAtLeast}}},
		{"twice a year", []want{{Frequency, 6, "month", "", OpEvery}}},
		{"three times a year", []want{{Frequency, 4, "month", "", OpEvery}}},
		{"every ninety (90) days", []want{{Frequency, 90, "day", "", OpEvery}}},
		{"each calendar quarter", []want{{Frequency, 3, "month", "calendar", OpEvery}}},
		{"once each Contract Year", []want{{Frequency, 1, "year", "", OpEvery}}},
		{"USD 5,000,000", []want{{Money, 5e6, "usd", "", OpNone}}},
		{"$5 million", []want{{Money, 5e6, "usd", "", OpNone}}},
		{"US$2m", []want{{Money, 2e6, "usd", "", OpNone}}},
		{"five million dollars", []want{{Money, 5e6, "usd", "", OpNone}}},
		{"€1,000,000 and £250,000", []want{{Money, 1e6, "eur", "", OpNone}, {Money, 250000, "gbp", "", OpNone}}},
		{"not less than SAR 500,000", []want{{Money, 500000, "sar", "", OpAtLeast}}},
		{"99.9% of the time", []want{{Percent, 99.9, "percent", "", OpNone}}},
		{"ten percent (10%)", []want{{Percent, 10, "percent", "", OpNone}}},
		{"the fees paid or payable in the twelve (12) months preceding the claim", []want{{MonthsOfFees, 12, "months-of-fees", "", OpNone}}},
		{"12 months' charges", []want{{MonthsOfFees, 12, "months-of-fees", "", OpNone}}},
		{"two times (2x) the annual fees", []want{{MonthsOfFees, 24, "months-of-fees", "", OpNone}}},
		{"one hundred and fifty percent (150%) of the annual Fees", []want{{MonthsOfFees, 18, "months-of-fees", "", OpNone}}},
		{"shall in no event exceed the fees paid for the month in which the claim arose", []want{{MonthsOfFees, 1, "months-of-fees", "", OpNone}}},
		{"Section 12.3 of ISO/IEC 27001 with TLS 1.2 and AES-256, dated 1 June 2025, 24x7", nil},
		{"8:00 am to 6:00 pm; three (3) copies; Priority 1; Schedule 2", nil},
	} {
		qs := ReadQuantities(c.text)
		if len(qs) != len(c.want) {
			t.Errorf("ReadQuantities(%q) = %d quantities %+v; want %d", c.text, len(qs), qs, len(c.want))
			continue
		}
		for i, w := range c.want {
			q := qs[i]
			if q.Kind != w.kind || q.Amount != w.amount || q.Unit != w.unit || q.Qualifier != w.qual || q.Operator != w.op {
				t.Errorf("ReadQuantities(%q)[%d] = %+v; want %+v", c.text, i, q, w)
			}
			if c.text[q.Start:q.End] != q.Text {
				t.Errorf("%q: offsets do not give %q", c.text, q.Text)
			}
		}
	}
}

func TestQuantityConversions(t *testing.T) {
	if !(Quantity{Amount: 15, Unit: "minute"}).Equal(0.25, "hour") || !(Quantity{Amount: 1, Unit: "week"}).Equal(7, "day") ||
		!(Quantity{Amount: 1, Unit: "year"}).Equal(12, "month") || (Quantity{Amount: 5, Unit: "business-day"}).Equal(5, "day") ||
		(Quantity{Amount: 5, Unit: "usd"}).Equal(5, "eur") || (Quantity{Amount: 1, Unit: "month"}).Equal(30, "day") {
		t.Error("Equal: exact conversions only; business days and currencies never convert")
	}
	if h, ok := (Quantity{Amount: 2, Unit: "business-day"}).Hours(); !ok || h != 48 {
		t.Errorf("2 business days = %v hours", h)
	}
	if _, ok := (Quantity{Amount: 1, Unit: "month"}).Hours(); ok {
		t.Error("a month has no fixed number of hours")
	}
	if m, ok := (Quantity{Amount: 2, Unit: "year"}).Months(); !ok || m != 24 {
		t.Errorf("2 years = %v months", m)
	}
}

// FuzzReadQuantities: no panic, offsets in range and in order, Text is the
// text at the offsets, amounts finite and not negative.
func FuzzReadQuantities(f *testing.F) {
	for _, s := range []string{
		"within twenty-four (24) hours", "USD 5,000,000", "$5 million", "fifty percent (50%)", "once every seven (7) days",
		"three (3) times the fees paid in the twelve (12) months", "one hundred and", "(((", "99.9.9%", "1e400 days",
		"semi-", "twenty-", "a", "$", "US$", "07.30 hours", "every", "once a", "fees for the",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, q := range ReadQuantities(text) {
			if q.Start < prev || q.End > len(text) || q.Start > q.End || text[q.Start:q.End] != q.Text {
				t.Fatalf("bad span %d-%d in %q", q.Start, q.End, text)
			}
			if math.IsNaN(q.Amount) || math.IsInf(q.Amount, 0) || q.Amount < 0 {
				t.Fatalf("amount %v in %q", q.Amount, text)
			}
			prev = q.Start
		}
	})
}

func BenchmarkReadQuantities(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "corpus", "docs", "github-dpa-2023.md"))
	if err != nil {
		b.Fatal(err)
	}
	paras := strings.Split(string(data), "\n\n")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		for _, p := range paras {
			ReadQuantities(p)
		}
	}
}

package portfolio

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/contractlint/contractlint/analyzer"
	"github.com/contractlint/contractlint/corpus/index"
)

// Portfolio is the indexed agreements side by side: each agreement's
// status for each check, and for each check that reads a number the
// spread of the numbers the agreements give.
type Portfolio struct {
	// Checks are the columns: every check any agreement was reviewed
	// for, in the order of the plan that reviewed most of them.
	Checks    []Check    `json:"checks"`
	Documents []Document `json:"documents"`
	// Distributions are the checks with a number, in column order.
	Distributions []Distribution `json:"distributions"`
}

// Check is a column: a check and how many agreements have each status.
type Check struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Pass    int    `json:"pass"`
	Weak    int    `json:"weak"`
	Missing int    `json:"missing"`
}

// Document is a row: an agreement's statuses, aligned with
// Portfolio.Checks ("" for a check it was not reviewed for), and its
// numbers (nil where it has none).
type Document struct {
	Path     string   `json:"path"`
	Format   string   `json:"format"`
	Statuses []string `json:"statuses"`
	// Values are the numbers the results rest on, as written
	// ("72 hours"), aligned with Checks; "" where there is none.
	Values  []string `json:"values"`
	Pass    int      `json:"pass"`
	Weak    int      `json:"weak"`
	Missing int      `json:"missing"`
}

// Value is a number in a distribution: an agreement's own (minimum,
// maximum, outliers) in the unit it writes, a figure between agreements
// (quartiles, median) in the unit most of them write.
type Value struct {
	Amount float64 `json:"amount"`
	Unit   string  `json:"unit"`
	Text   string  `json:"text"`
	// Path is an agreement that gives the number (the first by path),
	// for the minimum and the maximum.
	Path string `json:"path,omitempty"`
}

// Distribution is the spread of one check's numbers across agreements.
//
// Numbers are compared in a common measure: times in days (a month is 30
// days, a year 360, as the review compares cadences; a business day
// counts as a day), money in US dollars at the review's fixed rates,
// percentages and months of fees as they are. Only numbers of the
// check's main measure (the one most agreements use) are counted; Other
// counts the rest. The figures are shown in the unit most agreements
// write.
//
// Quartiles and the median interpolate between neighbours (as
// spreadsheets' QUARTILE and numpy's default do). An agreement is an
// outlier when its number lies beyond Tukey's fences, 1.5 interquartile
// ranges below the first quartile or above the third; with fewer than 4
// numbers there are no outliers.
type Distribution struct {
	Check string `json:"check"`
	Title string `json:"title"`
	// Threshold is the threshold most of the agreements were reviewed
	// against; "" when none.
	Threshold string `json:"threshold,omitempty"`
	// Count is the number of agreements with a number for the check.
	Count int `json:"count"`
	// Other counts agreements whose number is of another measure (a
	// time where most give a percentage).
	Other int `json:"other,omitempty"`
	// Without counts agreements reviewed for the check with no number
	// (missing, or weak for want of one).
	Without int `json:"without"`
	// MeetThreshold counts the numbers that meet Threshold; nil without
	// one.
	MeetThreshold *int  `json:"meetThreshold,omitempty"`
	Min           Value `json:"min"`
	Q1            Value `json:"q1"`
	Median        Value `json:"median"`
	Q3            Value `json:"q3"`
	Max           Value `json:"max"`
	// Outliers are in order of distance from the median, farthest first.
	Outliers []Outlier `json:"outliers"`
}

// Outlier is an agreement whose number lies beyond a fence. Side is
// "worse" or "better" when the threshold says which way is better
// (worse: more time to notify, less retention), else "high" or "low".
type Outlier struct {
	Path  string `json:"path"`
	Value Value  `json:"value"`
	Side  string `json:"side"`
}

// Build lays out the agreements (sorted by path) as a portfolio.
func Build(agreements []index.Agreement) *Portfolio {
	docs := append([]index.Agreement(nil), agreements...)
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].Path < docs[j].Path })
	p := &Portfolio{Checks: []Check{}, Documents: []Document{}, Distributions: []Distribution{}}
	col := columns(docs)
	for _, c := range col {
		p.Checks = append(p.Checks, Check{ID: c.id, Title: c.title})
	}
	pos := map[string]int{}
	for i, c := range p.Checks {
		pos[c.ID] = i
	}
	for _, a := range docs {
		d := Document{Path: a.Path, Format: a.Format, Statuses: make([]string, len(p.Checks)), Values: make([]string, len(p.Checks))}
		for _, r := range a.Results {
			i := pos[r.Check]
			d.Statuses[i] = r.Status
			if r.Quantity != nil {
				d.Values[i] = index.QuantityText(*r.Quantity)
			}
			switch r.Status {
			case string(analyzer.Pass):
				d.Pass++
				p.Checks[i].Pass++
			case string(analyzer.Weak):
				d.Weak++
				p.Checks[i].Weak++
			case string(analyzer.Missing):
				d.Missing++
				p.Checks[i].Missing++
			}
		}
		p.Documents = append(p.Documents, d)
	}
	for _, c := range col {
		if !c.quantity {
			continue
		}
		p.Distributions = append(p.Distributions, distribution(c.id, c.title, docs))
	}
	return p
}

type column struct {
	id, title string
	quantity  bool // some agreement's result has a number
}

// columns orders the checks: the plan order of the agreement reviewed
// for most checks (the first by path among equals), then any others in
// the order met.
func columns(docs []index.Agreement) []column {
	var out []column
	seen := map[string]int{}
	best := -1
	for i, a := range docs {
		if best < 0 || len(a.Results) > len(docs[best].Results) {
			best = i
		}
	}
	order := []index.Agreement{}
	if best >= 0 {
		order = append(order, docs[best])
	}
	order = append(order, docs...)
	for _, a := range order {
		for _, r := range a.Results {
			i, ok := seen[r.Check]
			if !ok {
				i = len(out)
				seen[r.Check] = i
				out = append(out, column{id: r.Check, title: r.Title})
			}
			if r.Quantity != nil || r.Threshold != "" {
				out[i].quantity = true
			}
		}
	}
	return out
}

// point is one agreement's number in the common measure.
type point struct {
	path string
	v    float64
	q    index.Quantity
}

func distribution(check, title string, docs []index.Agreement) Distribution {
	d := Distribution{Check: check, Title: title, Outliers: []Outlier{}}
	thresholds := map[string]int{}
	byDim := map[string][]point{}
	for _, a := range docs {
		for _, r := range a.Results {
			if r.Check != check {
				continue
			}
			if r.Threshold != "" {
				thresholds[r.Threshold]++
			}
			if r.Quantity == nil {
				d.Without++
				continue
			}
			v, dim, ok := measure(*r.Quantity)
			if !ok {
				dim = "other"
			}
			byDim[dim] = append(byDim[dim], point{a.Path, v, *r.Quantity})
		}
	}
	d.Threshold = mostCommon(thresholds)
	dim := mainDimension(byDim)
	pts := byDim[dim]
	for k, ps := range byDim {
		if k != dim {
			d.Other += len(ps)
		}
	}
	d.Count = len(pts)
	if len(pts) == 0 {
		return d
	}
	sort.SliceStable(pts, func(i, j int) bool {
		if pts[i].v != pts[j].v {
			return pts[i].v < pts[j].v
		}
		return pts[i].path < pts[j].path
	})
	units := map[string]int{}
	vs := make([]float64, len(pts))
	for i, pt := range pts {
		units[pt.q.Unit]++
		vs[i] = pt.v
	}
	unit := mostCommon(units)
	val := func(v float64, path string) Value {
		amt := fromMeasure(v, unit)
		return Value{Amount: amt, Unit: unit, Text: index.FormatAmount(amt, unit), Path: path}
	}
	// An agreement's own number is shown as it writes it ("90 days",
	// not "2160 hours"); figures between agreements in the common unit.
	own := func(pt point) Value {
		return Value{Amount: pt.q.Amount, Unit: pt.q.Unit, Text: index.QuantityText(pt.q), Path: pt.path}
	}
	d.Min = own(pts[0])
	d.Max = own(pts[len(pts)-1])
	for _, pt := range pts {
		if pt.v == vs[len(vs)-1] {
			d.Max = own(pt) // the first by path among equals
			break
		}
	}
	q1, med, q3 := quantile(vs, 0.25), quantile(vs, 0.5), quantile(vs, 0.75)
	d.Q1, d.Median, d.Q3 = val(q1, ""), val(med, ""), val(q3, "")

	th, _ := analyzer.ParseThreshold(d.Threshold)
	if th != nil {
		n := 0
		for _, pt := range pts {
			if ok, cmp := th.Meets(toAnalyzer(pt.q)); ok && cmp {
				n++
			}
		}
		d.MeetThreshold = &n
	}
	if len(vs) >= 4 {
		iqr := q3 - q1
		lo, hi := q1-1.5*iqr, q3+1.5*iqr
		for _, pt := range pts {
			side := ""
			switch {
			case pt.v < lo-1e-9:
				side = "low"
			case pt.v > hi+1e-9:
				side = "high"
			default:
				continue
			}
			if th != nil {
				higherWorse := strings.HasPrefix(th.Op, "<")
				if (side == "high") == higherWorse {
					side = "worse"
				} else {
					side = "better"
				}
			}
			v := own(pt)
			v.Path = ""
			d.Outliers = append(d.Outliers, Outlier{Path: pt.path, Value: v, Side: side})
		}
		sort.SliceStable(d.Outliers, func(i, j int) bool {
			di := math.Abs(toMeasure(d.Outliers[i].Value) - med)
			dj := math.Abs(toMeasure(d.Outliers[j].Value) - med)
			if di != dj {
				return di > dj
			}
			return d.Outliers[i].Path < d.Outliers[j].Path
		})
	}
	return d
}

// quantile interpolates linearly between the order statistics of sorted
// values (Hyndman and Fan's type 7).
func quantile(sorted []float64, p float64) float64 {
	if len(sorted) == 1 {
		return sorted[0]
	}
	h := p * float64(len(sorted)-1)
	lo := math.Floor(h)
	i := int(lo)
	if i+1 >= len(sorted) {
		return sorted[len(sorted)-1]
	}
	return sorted[i] + (h-lo)*(sorted[i+1]-sorted[i])
}

// measure puts a quantity in its dimension's common measure: days,
// US dollars, percent or months of fees.
func measure(q index.Quantity) (float64, string, bool) {
	if d, ok := index.Days(q); ok {
		return d, "time", true
	}
	switch q.Unit {
	case "percent", "months-of-fees":
		return q.Amount, q.Unit, true
	}
	if usd, ok := toAnalyzer(q).USD(); ok {
		return usd, "money", true
	}
	return 0, "", false
}

// fromMeasure converts a measure back to an amount of unit.
func fromMeasure(v float64, unit string) float64 {
	if f, ok := index.DayLength(unit); ok {
		return v / f
	}
	if r, ok := (analyzer.Quantity{Amount: 1, Unit: unit}).USD(); ok && r > 0 {
		return v / r
	}
	return v
}

func toMeasure(v Value) float64 {
	m, _, _ := measure(index.Quantity{Amount: v.Amount, Unit: v.Unit})
	return m
}

// dimensionOrder breaks ties between measures.
var dimensionOrder = []string{"time", "percent", "months-of-fees", "money"}

func mainDimension(byDim map[string][]point) string {
	best, n := "", 0
	for _, dim := range dimensionOrder {
		if len(byDim[dim]) > n {
			best, n = dim, len(byDim[dim])
		}
	}
	return best
}

// mostCommon returns the key with the highest count, the smallest key
// among equals; "" for none.
func mostCommon(counts map[string]int) string {
	best, n := "", 0
	for k, c := range counts {
		if c > n || c == n && k < best {
			best, n = k, c
		}
	}
	return best
}

// toAnalyzer gives a stored quantity the kind the review's comparisons
// need.
func toAnalyzer(q index.Quantity) analyzer.Quantity {
	out := analyzer.Quantity{Amount: q.Amount, Unit: q.Unit, Qualifier: q.Qualifier, Text: q.Text}
	switch {
	case q.Unit == "percent":
		out.Kind = analyzer.Percent
	case q.Unit == "months-of-fees":
		out.Kind = analyzer.MonthsOfFees
	default:
		if _, ok := index.DayLength(q.Unit); ok {
			out.Kind = analyzer.Duration
		} else {
			out.Kind = analyzer.Money
		}
	}
	return out
}

// Compare sets a result's number against the same check's numbers in
// other agreements; nil when the result has no number. Agreements whose
// path is skip (the agreement under review, when it is indexed) are left
// out.
func Compare(r analyzer.Result, agreements []index.Agreement, skip string) *analyzer.Comparison {
	if r.Quantity == nil {
		return nil
	}
	q := index.Quantity{Amount: r.Quantity.Amount, Unit: r.Quantity.Unit, Qualifier: r.Quantity.Qualifier}
	aq := toAnalyzer(q)
	th, _ := analyzer.ParseThreshold(r.Threshold)
	c := &analyzer.Comparison{}
	meet := 0
	units := map[string]int{}
	var vs []float64
	for _, a := range agreements {
		if a.Path == skip {
			continue
		}
		for _, x := range a.Results {
			if x.Check != r.Check || x.Quantity == nil {
				continue
			}
			oq := toAnalyzer(*x.Quantity)
			sign, ok := analyzer.Compare(oq, aq)
			if !ok {
				continue
			}
			c.Agreements++
			switch {
			case sign < 0:
				c.Lower++
			case sign > 0:
				c.Higher++
			default:
				c.Same++
			}
			if th != nil {
				if m, ok := th.Meets(oq); ok && m {
					meet++
				}
			}
			if v, _, ok := measure(*x.Quantity); ok {
				vs = append(vs, v)
				units[x.Quantity.Unit]++
			}
		}
	}
	if th != nil {
		c.MeetThreshold = &meet
	}
	this := index.QuantityText(q)
	if c.Agreements == 0 {
		c.Summary = this + "; no other indexed agreement gives a comparable number"
		return c
	}
	sort.Float64s(vs)
	if len(vs) > 0 {
		unit := mostCommon(units)
		amt := fromMeasure(quantile(vs, 0.5), unit)
		c.Median = &analyzer.QuantityValue{Amount: amt, Unit: unit, Text: index.FormatAmount(amt, unit)}
	}
	var b strings.Builder
	b.WriteString(this + "; ")
	if th != nil {
		fmt.Fprintf(&b, "%d of %s give %s", meet, plural(c.Agreements, "indexed agreement"), thresholdWords(th))
		worse, word := c.Higher, "more"
		if strings.HasPrefix(th.Op, ">") {
			worse, word = c.Lower, "less"
		}
		fmt.Fprintf(&b, ", %d %s than %s", worse, word, this)
	} else {
		fmt.Fprintf(&b, "of %s, %d give less, %d the same, %d more", plural(c.Agreements, "indexed agreement"), c.Lower, c.Same, c.Higher)
	}
	if c.Median != nil {
		fmt.Fprintf(&b, " (median %s)", c.Median.Text)
	}
	c.Summary = b.String()
	return c
}

// thresholdWords says a threshold in words: "24 hours or less".
func thresholdWords(th *analyzer.Threshold) string {
	q := index.FormatAmount(th.Quantity.Amount, th.Quantity.Unit)
	switch th.Op {
	case "<=":
		return q + " or less"
	case ">=":
		return q + " or more"
	case "<":
		return "less than " + q
	case ">":
		return "more than " + q
	}
	return th.Text
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

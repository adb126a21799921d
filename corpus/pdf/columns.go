package pdf

import (
	"math"
	"sort"
)

// columnize splits a page's segments into flows read one after another: a
// page set in two columns is read down the left column, then down the
// right, with full-width lines (a title, a clause heading across both
// columns) in their place between. A page in one column is one flow.
//
// The gutter is found as an empty vertical band near the middle of the text
// that most two-segment rows straddle; rows with a segment across it end a
// two-column zone.
func columnize(segs []line) [][]line {
	if len(segs) < 8 {
		return [][]line{segs}
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range segs {
		lo, hi = math.Min(lo, s.x0), math.Max(hi, s.x1)
	}
	const bin = 2.0
	n := int((hi-lo)/bin) + 1
	if n < 20 || n > 5000 {
		return [][]line{segs}
	}
	cover := make([]int, n)
	for _, s := range segs {
		for i := int((s.x0 - lo) / bin); i < n && float64(i)*bin+lo < s.x1; i++ {
			cover[i]++
		}
	}
	// The widest run of (nearly) empty bins in the middle three fifths;
	// a title or a heading across both columns may cross the gutter.
	maxCover := 0
	for _, c := range cover {
		maxCover = max(maxCover, c)
	}
	empty := max(1, maxCover/10)
	bestStart, bestLen := -1, 0
	for i := n / 5; i < n*4/5; {
		if cover[i] > empty {
			i++
			continue
		}
		j := i
		for j < n*4/5 && cover[j] <= empty {
			j++
		}
		if j-i > bestLen {
			bestStart, bestLen = i, j-i
		}
		i = j
	}
	if bestLen*int(bin) < 6 {
		return [][]line{segs}
	}
	gLo := lo + float64(bestStart)*bin
	gHi := gLo + float64(bestLen)*bin
	// Both sides must carry text on many of the same rows, or this is a
	// ragged right margin or a short table, not a column layout.
	left, right := map[int]bool{}, map[int]bool{}
	for _, s := range segs {
		if s.x1 <= gLo+bin {
			left[s.row] = true
		} else if s.x0 >= gHi-bin {
			right[s.row] = true
		}
	}
	both := 0
	for r := range left {
		if right[r] {
			both++
		}
	}
	if len(left) < 6 || len(right) < 6 || both < 4 {
		return [][]line{segs}
	}
	// Both sides must read as prose, lines filling their column: a table
	// (task | who does it) has the same gutter but short cells, and is
	// read row by row.
	if !prose(segs, lo, gLo, true) || !prose(segs, gHi, hi, false) {
		return [][]line{segs}
	}
	// Zones: runs of rows without a segment across the gutter.
	spans := map[int]bool{}
	for _, s := range segs {
		if s.x0 < gLo-bin && s.x1 > gHi+bin {
			spans[s.row] = true
		}
	}
	var flows [][]line
	var l, r, full []line
	flush := func() {
		for _, f := range [][]line{full, l, r} {
			if len(f) > 0 {
				flows = append(flows, f)
			}
		}
		l, r, full = nil, nil, nil
	}
	for i, s := range segs {
		if i > 0 && spans[s.row] != spans[segs[i-1].row] {
			flush()
		}
		switch {
		case spans[s.row]:
			full = append(full, s)
		case s.x1 <= gLo+bin:
			l = append(l, s)
		default:
			r = append(r, s)
		}
	}
	flush()
	return flows
}

// prose reports whether the segments on one side of a gutter are lines of
// running text: most are long and fill the side's width.
func prose(segs []line, from, to float64, leftSide bool) bool {
	var chars, widths []float64
	for _, s := range segs {
		if leftSide && s.x1 <= to+2 || !leftSide && s.x0 >= from-2 {
			chars = append(chars, float64(s.chars))
			widths = append(widths, (s.x1-s.x0)/(to-from))
		}
	}
	return median(chars) >= 25 && median(widths) >= 0.6
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[len(s)/2]
}

package pdf

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/contractlint/contractlint/corpus"
)

// line is a run of glyphs on one baseline, in reading order, as words.
type line struct {
	page   int
	text   string
	x0, x1 float64
	y      float64 // baseline
	size   float64 // the size most of its characters are set in
	bold   bool    // every letter bold
	chars  int
	row    int // baseline group on the page
	segs   int // segments merged into the line
}

// Word breaks: a gap wider than this share of the font size between two
// glyphs is a space. Kerning moves glyphs by a few hundredths of an em;
// the narrowest spaces in justified text are about a fifth of one.
const wordGap = 0.12

// buildLines turns one page's glyphs into lines: the horizontal text top
// to bottom, then text set at an angle (a note up the margin, a rotated
// table heading), each angle read in its own frame.
func buildLines(page int, gs []glyph) []line {
	// Almost every page is all horizontal text: lay it out in place.
	mixed := false
	kept := gs[:0]
	for _, g := range gs {
		if g.size > 0.5 {
			kept = append(kept, g)
			mixed = mixed || g.angle != 0
		}
	}
	if !mixed {
		return layoutLines(page, kept)
	}
	byAngle := map[int][]glyph{}
	var angles []int
	for _, g := range kept {
		if _, ok := byAngle[g.angle]; !ok {
			angles = append(angles, g.angle)
		}
		byAngle[g.angle] = append(byAngle[g.angle], g)
	}
	sort.Ints(angles)
	if len(angles) > 0 && angles[0] < 0 {
		// Keep 0 first: the page's ordinary text.
		sort.SliceStable(angles, func(i, j int) bool { return angles[i] == 0 && angles[j] != 0 })
	}
	var lines []line
	for _, a := range angles {
		g := byAngle[a]
		if a != 0 {
			sin, cos := math.Sincos(float64(a) * math.Pi / 180)
			for i := range g {
				x, y := g[i].x, g[i].y
				g[i].x, g[i].y = x*cos+y*sin, -x*sin+y*cos
			}
		}
		rows := 0
		if n := len(lines); n > 0 {
			rows = lines[n-1].row + 1
		}
		for _, l := range layoutLines(page, g) {
			l.row += rows
			lines = append(lines, l)
		}
	}
	return lines
}

// layoutLines groups glyphs of one direction, in a frame where that
// direction is horizontal, into lines top to bottom.
func layoutLines(page int, up []glyph) []line {
	if len(up) == 0 {
		return nil
	}
	// Group by baseline. Sorting by y then x keeps the grouping linear;
	// glyphs within a third of their size of a line's baseline join it.
	sort.SliceStable(up, func(i, j int) bool {
		if math.Abs(up[i].y-up[j].y) > 0.01 {
			return up[i].y > up[j].y
		}
		return up[i].x < up[j].x
	})
	// A superscript ("12th") sits above the baseline in a smaller size and
	// sorts first; measuring the tolerance by the largest size in the group
	// keeps it on its line.
	var groups [][]glyph
	start := 0
	maxSize := up[0].size
	for i := 1; i <= len(up); i++ {
		if i < len(up) {
			m := math.Max(maxSize, up[i].size)
			if up[start].y-up[i].y <= 0.4*m && up[i-1].y-up[i].y <= 0.25*m {
				maxSize = m
				continue
			}
		}
		groups = append(groups, up[start:i])
		start = i
		if i < len(up) {
			maxSize = up[i].size
		}
	}
	lines := make([]line, 0, len(groups))
	for row, g := range groups {
		sort.SliceStable(g, func(i, j int) bool { return g[i].x < g[j].x })
		g = dedupe(g)
		// A wide gap on a baseline separates segments: table cells, or
		// the left and right parts of a running footer. They are laid
		// out together again by mergeRows once furniture is gone.
		start := 0
		end := 0.0
		for i := 0; i <= len(g); i++ {
			if i > 0 && i < len(g) {
				if e := g[i-1].x + g[i-1].w; e > end {
					end = e
				}
			}
			if i == len(g) || i > start && g[i].x-end > segGap*g[i].size && strings.TrimSpace(g[i].text) != "" {
				if l, ok := makeLine(page, g[start:i]); ok {
					l.row = row
					lines = append(lines, l)
				}
				start = i
			}
		}
	}
	return lines
}

// segGap: a gap wider than this many font sizes splits a baseline into
// segments (columns, table cells, left and right footer parts).
const segGap = 1.5

// mergeRows joins the segments of each baseline into one line.
func mergeRows(segs []line) []line {
	var out []line
	for _, s := range segs {
		if n := len(out); n > 0 && out[n-1].row == s.row {
			l := &out[n-1]
			l.text += " " + s.text
			l.x0 = math.Min(l.x0, s.x0)
			l.x1 = math.Max(l.x1, s.x1)
			l.bold = l.bold && s.bold
			if s.chars > l.chars {
				l.size = s.size
			}
			l.chars += s.chars
			l.segs++
			continue
		}
		s.segs = 1
		out = append(out, s)
	}
	return out
}

// dedupe drops glyphs drawn twice at the same place (fake bold, shadows),
// in place.
func dedupe(g []glyph) []glyph {
	out := g[:0]
	for i, c := range g {
		dup := false
		for j := len(out) - 1; j >= 0 && j >= len(out)-3; j-- {
			p := out[j]
			if p.text == c.text && math.Abs(p.x-c.x) < 0.15*c.size && math.Abs(p.y-c.y) < 0.15*c.size {
				dup = true
				break
			}
		}
		if !dup || i == 0 {
			out = append(out, c)
		}
	}
	return out
}

func makeLine(page int, g []glyph) (line, bool) {
	var b strings.Builder
	l := line{page: page, x0: math.Inf(1), x1: math.Inf(-1), bold: true}
	var sizes sizeCount
	var prevEnd float64
	prevSpace := true
	letters := 0
	for i, c := range g {
		isSpace := strings.TrimSpace(c.text) == ""
		if i == 0 && isSpace {
			continue
		}
		if i > 0 && !prevSpace && !isSpace && c.x-prevEnd > wordGap*c.size {
			b.WriteByte(' ')
			prevSpace = true
		}
		if isSpace {
			if !prevSpace {
				b.WriteByte(' ')
			}
			prevSpace = true
		} else {
			b.WriteString(c.text)
			prevSpace = false
			l.x0 = math.Min(l.x0, c.x)
			l.x1 = math.Max(l.x1, c.x+c.w)
			sizes.add(math.Round(c.size*2) / 2)
			if hasLetter(c.text) {
				letters++
				if !c.bold {
					l.bold = false
				}
			}
			l.chars++
		}
		if end := c.x + c.w; i == 0 || end > prevEnd || isSpace {
			prevEnd = end
		}
	}
	l.text = strings.TrimSpace(b.String())
	if l.text == "" {
		return l, false
	}
	if letters == 0 {
		l.bold = false
	}
	l.size = sizes.most()
	l.y = g[0].y
	return l, true
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

var (
	reDigits     = regexp.MustCompile(`\d+`)
	rePageNumber = regexp.MustCompile(`^(?:page\s*\|?\s*)?(#|[ivxlc]+)(\s*(of|/)\s*#)?$|^(?:page\s*)?-\s*#\s*-$|^\[\s*#\s*\]$|^#\s*\|\s*page$`)
)

// furnitureKey folds a line for comparison across pages: digits ignored.
func furnitureKey(s string) string {
	return reDigits.ReplaceAllString(strings.ToLower(strings.Join(strings.Fields(s), " ")), "#")
}

// edge is how many lines at the top and bottom of a page may be furniture.
const edge = 3

// dropFurniture removes running headers and footers: lines near the top or
// bottom of a page that repeat (digits ignored) on at least 3 pages and 30%
// of them, and bare page numbers ("7", "Page 3 of 12", "- 4 -"). "Near"
// means among the first or last three lines in reading order, where the
// lines of a column or a footer block are read before the block beside it
// (as pdftotext reads them); a repeated table header row further down a
// page is content, not furniture.
func dropFurniture(pages [][]line) [][]line {
	edges := make([][]bool, len(pages))
	seen := map[string]int{}
	for pi, p := range pages {
		edges[pi] = edgeLines(p)
		keys := map[string]bool{}
		for i, l := range p {
			if edges[pi][i] {
				keys[furnitureKey(l.text)] = true
			}
		}
		for k := range keys {
			seen[k]++
		}
	}
	limit := math.Max(3, 0.3*float64(len(pages)))
	out := make([][]line, len(pages))
	for pi, p := range pages {
		for i, l := range p {
			if edges[pi][i] {
				k := furnitureKey(l.text)
				if float64(seen[k]) >= limit || rePageNumber.MatchString(k) {
					continue
				}
			}
			out[pi] = append(out[pi], l)
		}
	}
	return out
}

// edgeLines marks the first and last `edge` segments of a page in reading
// order. Segments stacked closely above each other with overlapping extents
// and the same size form a block; blocks are read top to bottom, left to
// right, and a block's lines in order.
func edgeLines(segs []line) []bool {
	n := len(segs)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := 0; i < n; i++ {
		a := segs[i]
		for j := i + 1; j < n; j++ {
			b := segs[j]
			lim := 1.6 * math.Max(a.size, b.size)
			if a.y-b.y > lim {
				break // segments are sorted top to bottom
			}
			if b.row != a.row && math.Min(a.x1, b.x1) > math.Max(a.x0, b.x0) && math.Abs(a.size-b.size) <= 1.5 {
				parent[find(j)] = find(i)
			}
		}
	}
	// Order: blocks by their first segment (the top-left one, since segs
	// are sorted top to bottom, left to right), lines within a block in
	// page order.
	order := make([]int, 0, n)
	members := map[int][]int{}
	var roots []int
	for i := 0; i < n; i++ {
		r := find(i)
		if _, ok := members[r]; !ok {
			roots = append(roots, r)
		}
		members[r] = append(members[r], i)
	}
	for _, r := range roots {
		order = append(order, members[r]...)
	}
	marks := make([]bool, n)
	for k, i := range order {
		if k < edge || k >= n-edge {
			marks[i] = true
		}
	}
	return marks
}

// docStats are measured over the whole document, after furniture is gone.
type docStats struct {
	body float64 // the body text size
}

func measure(pages [][]line) docStats {
	count := map[float64]int{}
	for _, p := range pages {
		for _, l := range p {
			count[l.size] += l.chars
		}
	}
	var st docStats
	best := 0
	for s, n := range count {
		if n > best || n == best && s < st.body {
			best, st.body = n, s
		}
	}
	if st.body == 0 {
		st.body = 10
	}
	return st
}

// reLabelStart: a line that starts with a section number or list label
// probably starts a new paragraph.
var reLabelStart = regexp.MustCompile(`^(?:\(?[a-zA-Z]{1,4}\)|\(\d{1,2}\)|\d{1,3}(?:\.\d{1,3})*\.?(?:\([a-zA-Z0-9]{1,4}\))*\s|\d{1,3}(?:\.\d{1,3})+[A-Z]|(?i:article|section|schedule|exhibit|annex|appendix|attachment)\s|[•·▪●◦\-–*]\s)`)

var bullets = "•·▪●◦■□➢❖✓"

// blocksOf lays a page's lines out as blocks.
func blocksOf(lines []line, st docStats) []pblock {
	if len(lines) == 0 {
		return nil
	}
	// The right edge of the text column: most body lines end near it.
	var ends []float64
	var gaps []float64
	for i, l := range lines {
		ends = append(ends, l.x1)
		if i > 0 && math.Abs(l.size-lines[i-1].size) < 0.6 {
			if d := lines[i-1].y - l.y; d > 0 {
				gaps = append(gaps, d/l.size)
			}
		}
	}
	sort.Float64s(ends)
	right := ends[len(ends)*9/10]
	lineGap := 1.25 // line pitch in font sizes
	if len(gaps) > 0 {
		sort.Float64s(gaps)
		lineGap = gaps[len(gaps)/3] // the tight spacing within paragraphs
	}

	var out []pblock
	var cur *pblock
	for i, l := range lines {
		head := isHeadingLine(l, st)
		newBlock := cur == nil
		if cur != nil {
			prev := lines[i-1]
			gap := (prev.y - l.y) / math.Max(l.size, 1)
			ended := endsSentence(prev.text)
			short := prev.x1 < right-0.12*(right-cur.x0) || prev.x1 < right-6*l.size
			switch {
			case gap > lineGap*1.35 || gap < -0.5:
				newBlock = true
			case head != cur.head || math.Abs(l.size-prev.size) > 1:
				newBlock = true
			case cur.head && len(cur.lines) >= 3:
				newBlock = true
			case reLabelStart.MatchString(l.text) && (ended || short || strings.HasSuffix(prev.text, " and") || strings.HasSuffix(prev.text, " or")):
				newBlock = true
			case short && ended:
				newBlock = true
			case short && prev.x1 < right-0.5*(right-cur.x0):
				newBlock = true
			}
		}
		if newBlock {
			out = append(out, pblock{page: l.page, head: head, size: l.size, x0: l.x0})
			cur = &out[len(out)-1]
		}
		cur.lines = append(cur.lines, l)
	}
	return out
}

// pblock is a block under construction.
type pblock struct {
	page  int
	head  bool
	size  float64
	x0    float64
	lines []line
}

func isHeadingLine(l line, st docStats) bool {
	if utf8.RuneCountInString(l.text) > 120 || !hasLetter(l.text) {
		return false
	}
	return l.bold || l.size > st.body*1.15
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, `"'”’)]* `)
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".:;!?", r)
}

// joinLines joins a block's lines into its text: a line ending in a hyphen
// after a letter or digit joins the next without a space (the hyphen stays:
// word processors wrap after the hard hyphen of "third-party", "3-DES" or
// "twenty-four" far more often than they hyphenate words, and a kept hyphen
// still matches the unhyphenated word after normalisation); a soft hyphen
// is dropped.
func joinLines(ls []line) string {
	var b strings.Builder
	for i, l := range ls {
		t := l.text
		if i > 0 {
			prev := b.String()
			switch {
			case strings.HasSuffix(prev, "\u00ad"):
				b.Reset()
				b.WriteString(strings.TrimSuffix(prev, "\u00ad"))
			case strings.HasSuffix(prev, "-") && len(prev) > 1 && isAlnumBefore(prev):
			default:
				b.WriteByte(' ')
			}
		}
		b.WriteString(t)
	}
	return b.String()
}

func isAlnumBefore(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(s, "-"))
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// toBlocks converts laid-out blocks to corpus blocks, joining a paragraph
// that runs over a page or column break with its continuation. flows are
// the pages' text flows in reading order (see columnize).
func toBlocks(flows [][]pblock, st docStats) []corpus.Block {
	var out []corpus.Block
	for _, p := range flows {
		for i, pb := range p {
			text := joinLines(pb.lines)
			b := corpus.Block{Kind: corpus.Paragraph, Text: text, Page: pb.page}
			if pb.head && len(strings.Fields(text)) <= 20 {
				b.Kind = corpus.Heading
				b.Style = "bold"
				switch {
				case pb.size > st.body*1.6:
					b.Level = 1
				case pb.size > st.body*1.15:
					b.Level = 2
				default:
					b.Level = 3
				}
			} else if r, n := utf8.DecodeRuneInString(text); strings.ContainsRune(bullets, r) {
				b.Kind = corpus.ListItem
				b.Text = strings.TrimSpace(text[n:])
			}
			if i == 0 && len(out) > 0 && b.Kind == corpus.Paragraph {
				last := &out[len(out)-1]
				if last.Kind != corpus.Heading && !endsSentence(last.Text) && !reLabelStart.MatchString(b.Text) {
					last.Text = joinLines([]line{{text: last.Text}, {text: b.Text}})
					continue
				}
			}
			out = append(out, b)
		}
	}
	return out
}

// sizeCount counts font sizes; a line has one or two.
type sizeCount struct {
	size []float64
	n    []int
}

func (c *sizeCount) add(s float64) {
	for i, x := range c.size {
		if x == s {
			c.n[i]++
			return
		}
	}
	c.size = append(c.size, s)
	c.n = append(c.n, 1)
}

// most returns the most frequent size, the larger on a tie.
func (c *sizeCount) most() float64 {
	best, size := 0, 0.0
	for i, s := range c.size {
		if c.n[i] > best || c.n[i] == best && s > size {
			best, size = c.n[i], s
		}
	}
	return size
}

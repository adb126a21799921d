package pdf

import (
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"sync"

	lpdf "github.com/ledongthuc/pdf"
)

// glyph is one character code drawn on a page, in page space (points, y up).
type glyph struct {
	x, y float64 // baseline start
	w    float64 // advance along the baseline
	size float64 // font size as drawn
	text string
	bold bool
	// angle is the direction of the baseline in whole degrees: 0 for
	// ordinary text, 90 for text running up the page.
	angle int
}

// mat is a PDF affine matrix [a b c d e f]; points are row vectors.
type mat [6]float64

var identity = mat{1, 0, 0, 1, 0, 0}

// mul returns m × n (apply m, then n).
func (m mat) mul(n mat) mat {
	return mat{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m mat) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

type gstate struct {
	ctm                mat
	tc, tw, th, tl, ts float64
	tfs                float64
	font               *font
	mode               int
}

// objKey identifies a PDF object (or a direct object by its container and
// name) so fonts are decoded once per document.
type objKey struct {
	id   uint64
	name string
}

// objID reads the object number the library keeps in an unexported field of
// Value. The library has no accessor for it, and without it two references
// to the same font cannot be told apart, so each page would decode its fonts
// again.
func objID(v lpdf.Value) uint64 {
	rv := reflect.ValueOf(v).FieldByName("ptr")
	if !rv.IsValid() || rv.NumField() < 2 {
		return 0
	}
	return rv.Field(0).Uint()<<16 | rv.Field(1).Uint()
}

// fontCache is shared by the pages of one document.
type fontCache struct {
	mu    sync.Mutex
	fonts map[objKey]*font
}

func (c *fontCache) get(res lpdf.Value, name string) *font {
	fv := res.Key("Font").Key(name)
	if fv.Kind() != lpdf.Dict {
		return nil
	}
	// A font dictionary written inline carries the number of the object
	// that contains it, so the name is part of the key.
	k := objKey{objID(fv), name}
	c.mu.Lock()
	f, ok := c.fonts[k]
	c.mu.Unlock()
	if ok {
		return f
	}
	f = loadFont(fv)
	c.mu.Lock()
	c.fonts[k] = f
	c.mu.Unlock()
	return f
}

// errStopped unwinds a content stream whose context is done: the library's
// Interpret has no way to stop early.
var errStopped = errors.New("stopped")

// maxFormDepth bounds nested Form XObjects; real files nest two or three.
const maxFormDepth = 12

// maxGlyphs bounds the glyphs of one page so a hostile content stream
// cannot exhaust memory.
const maxGlyphs = 2_000_000

// interp runs content streams and collects glyphs.
type interp struct {
	ctx       context.Context // checked every few thousand operators
	ops       int
	maxStream int64 // Options.MaxStreamSize
	fonts     *fontCache
	glyphs    []glyph
	codes     []code
	forms     []uint64 // forms being run, to stop cycles
	fontRes   map[objKey]*font
}

// run interprets a content stream with the given resources.
func (in *interp) run(strm, res lpdf.Value, g gstate) {
	if !within(strm, in.maxStream) {
		panic(streamTooLarge{in.maxStream}) // readPage recovers it
	}
	resID := objID(res)
	var stack []gstate
	var tm, tlm mat
	lpdf.Interpret(strm, func(stk *lpdf.Stack, op string) {
		if in.ops++; in.ops%4096 == 0 && in.ctx != nil && in.ctx.Err() != nil {
			panic(errStopped) // readPage recovers it
		}
		n := stk.Len()
		var args [6]lpdf.Value
		var extra []lpdf.Value
		if n > 6 {
			extra = make([]lpdf.Value, n)
			for i := n - 1; i >= 0; i-- {
				extra[i] = stk.Pop()
			}
			copy(args[:], extra[n-6:])
			n = 6
		} else {
			for i := n - 1; i >= 0; i-- {
				args[i] = stk.Pop()
			}
		}
		num := func(i int) float64 { return args[i].Float64() }
		switch op {
		case "q":
			if len(stack) < 1000 {
				stack = append(stack, g)
			}
		case "Q":
			if len(stack) > 0 {
				g = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		case "cm":
			if n == 6 {
				g.ctm = mat{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(g.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tc":
			g.tc = num(0)
		case "Tw":
			g.tw = num(0)
		case "Tz":
			g.th = num(0) / 100
		case "TL":
			g.tl = num(0)
		case "Ts":
			g.ts = num(0)
		case "Tr":
			g.mode = int(args[0].Int64())
		case "Tf":
			if n == 2 {
				g.font = in.font(res, resID, args[0].Name())
				g.tfs = num(1)
			}
		case "Td", "TD":
			if n == 2 {
				if op == "TD" {
					g.tl = -num(1)
				}
				tlm = mat{1, 0, 0, 1, num(0), num(1)}.mul(tlm)
				tm = tlm
			}
		case "Tm":
			if n == 6 {
				tm = mat{num(0), num(1), num(2), num(3), num(4), num(5)}
				tlm = tm
			}
		case "T*":
			tlm = mat{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
			tm = tlm
		case "Tj":
			in.show(args[0].RawString(), &g, &tm)
		case "'":
			tlm = mat{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
			tm = tlm
			in.show(args[0].RawString(), &g, &tm)
		case "\"":
			if n == 3 {
				g.tw, g.tc = num(0), num(1)
				tlm = mat{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
				tm = tlm
				in.show(args[2].RawString(), &g, &tm)
			}
		case "TJ":
			a := args[0]
			for i := 0; i < a.Len(); i++ {
				x := a.Index(i)
				if x.Kind() == lpdf.String {
					in.show(x.RawString(), &g, &tm)
				} else {
					tx := -x.Float64() / 1000 * g.tfs * g.th
					tm = mat{1, 0, 0, 1, tx, 0}.mul(tm)
				}
			}
		case "Do":
			in.do(res, args[0].Name(), g)
		}
	})
}

func (in *interp) font(res lpdf.Value, resID uint64, name string) *font {
	k := objKey{resID, name}
	if f, ok := in.fontRes[k]; ok {
		return f
	}
	f := in.fonts.get(res, name)
	in.fontRes[k] = f
	return f
}

// do runs a Form XObject: the library's Content() skips them, and some
// producers (EDGAR's HTML-to-PDF converters) put every page's text in one.
func (in *interp) do(res lpdf.Value, name string, g gstate) {
	x := res.Key("XObject").Key(name)
	if x.Kind() != lpdf.Stream || x.Key("Subtype").Name() != "Form" {
		return
	}
	id := objID(x)
	if len(in.forms) >= maxFormDepth {
		return
	}
	for _, f := range in.forms {
		if f == id {
			return // a form that draws itself
		}
	}
	in.forms = append(in.forms, id)
	defer func() { in.forms = in.forms[:len(in.forms)-1] }()
	if m := x.Key("Matrix"); m.Len() == 6 {
		var fm mat
		for i := range fm {
			fm[i] = m.Index(i).Float64()
		}
		g.ctm = fm.mul(g.ctm)
	}
	fres := x.Key("Resources")
	if fres.Kind() != lpdf.Dict {
		fres = res
	}
	in.run(x, fres, g)
}

// show draws a string: one glyph per character code, advancing the text
// matrix as PDF 9.4.4 says.
func (in *interp) show(raw string, g *gstate, tm *mat) {
	f := g.font
	if f == nil || len(in.glyphs) >= maxGlyphs {
		return
	}
	if len(raw) > maxShowBytes {
		raw = raw[:maxShowBytes]
	}
	in.codes = f.decode(raw, in.codes[:0])
	th := g.th
	for _, c := range in.codes {
		adv := c.width*g.tfs + g.tc
		if c.n == 1 && c.c == 32 {
			adv += g.tw
		}
		adv *= th
		trm := tm.mul(g.ctm)
		if c.text != "" && g.mode != 7 {
			x0, y0 := trm.apply(0, g.ts)
			x1, y1 := trm.apply(c.width*g.tfs*th, g.ts)
			// Font size as drawn: the length of the text space's unit
			// y vector, times the font size.
			size := math.Hypot(trm[2], trm[3]) * math.Abs(g.tfs)
			// Mirrored text (negative determinant) and vertical writing
			// are rare in agreements and left out.
			if !f.vertical && trm[0]*trm[3]-trm[1]*trm[2] > 0 {
				angle := int(math.Round(math.Atan2(y1-y0, x1-x0) * 180 / math.Pi))
				if angle == 360 || angle == -360 {
					angle = 0
				}
				in.glyphs = append(in.glyphs, glyph{
					x: x0, y: y0, w: math.Hypot(x1-x0, y1-y0), size: size,
					text: c.text, bold: f.bold || g.mode == 2, angle: angle,
				})
			}
		}
		if f.vertical {
			*tm = mat{1, 0, 0, 1, 0, -c.width * g.tfs}.mul(*tm)
		} else {
			*tm = mat{1, 0, 0, 1, adv, 0}.mul(*tm)
		}
	}
}

// pageInfo is a page with the attributes it inherits from the page tree.
type pageInfo struct {
	v   lpdf.Value
	res lpdf.Value
	box [4]float64
}

// tooManyPages stops the walk of a page tree beyond the page limit.
type tooManyPages struct{ count int64 }

func (e tooManyPages) Error() string { return "too many pages" }

// pages walks the page tree once, in order. The library's Page(n) walks it
// from the root for every page. The walk stops past maxPages pages (0 for
// no limit) with a tooManyPages error.
func pages(r *lpdf.Reader, maxPages int) ([]pageInfo, error) {
	var out []pageInfo
	seen := map[uint64]bool{}
	var walk func(node, res lpdf.Value, box [4]float64, depth int) error
	walk = func(node, res lpdf.Value, box [4]float64, depth int) error {
		if depth > 64 {
			return fmt.Errorf("it is nested more than 64 deep")
		}
		if id := objID(node); id != 0 {
			if seen[id] {
				return fmt.Errorf("it reaches object %d twice: a cycle", id>>16)
			}
			seen[id] = true
		}
		if r := node.Key("Resources"); r.Kind() == lpdf.Dict {
			res = r
		}
		if mb := node.Key("MediaBox"); mb.Len() == 4 {
			for i := range box {
				box[i] = mb.Index(i).Float64()
			}
		}
		kids := node.Key("Kids")
		if node.Key("Type").Name() == "Page" || kids.Kind() != lpdf.Array {
			if maxPages > 0 && len(out) >= maxPages {
				return tooManyPages{}
			}
			out = append(out, pageInfo{v: node, res: res, box: box})
			return nil
		}
		for i := 0; i < kids.Len(); i++ {
			if err := walk(kids.Index(i), res, box, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	root := r.Trailer().Key("Root").Key("Pages")
	if root.Kind() != lpdf.Dict {
		return nil, fmt.Errorf("no page tree")
	}
	err := walk(root, lpdf.Value{}, [4]float64{0, 0, 612, 792}, 0)
	if _, ok := err.(tooManyPages); ok {
		// The tree's own count, when it is believable, says how many.
		n := root.Key("Count").Int64()
		if n <= int64(maxPages) {
			n = 0
		}
		return nil, tooManyPages{n}
	}
	return out, err
}

package pdf

import (
	"strings"

	lpdf "github.com/ledongthuc/pdf"
)

// font is a PDF font decoded once for the whole document: how to split a
// shown string into character codes, the Unicode text of each code, and each
// code's advance width. The library re-reads a font's dictionary and CMap on
// every use; a 150-page agreement shows text thousands of times in the same
// two fonts, so we decode each font object once and look codes up in maps.
type font struct {
	twoByte   bool       // Type0 with a 2-byte CMap: codes are byte pairs
	space     *codespace // ToUnicode codespace ranges, for 1-4 byte codes
	toUnicode map[uint32]string
	simple    *[256]string // simple fonts without ToUnicode: byte → text
	widths    map[uint32]float64
	dw        float64 // default width, glyph space (1/1000 em)
	scale     float64 // glyph space → text space: 0.001, or Type3 FontMatrix
	bold      bool
	vertical  bool // Identity-V: vertical writing; advance is along y
}

// code is one character code of a shown string.
type code struct {
	c     uint32
	n     int // bytes
	text  string
	width float64 // in text space units per unit font size
}

// decode splits a raw string into codes with their text and widths.
func (f *font) decode(raw string, out []code) []code {
	for i := 0; i < len(raw); {
		var c uint32
		n := 1
		switch {
		case f.space != nil:
			n = f.space.length(raw[i:])
		case f.twoByte:
			n = 2
		}
		if i+n > len(raw) {
			n = len(raw) - i
		}
		for j := 0; j < n; j++ {
			c = c<<8 | uint32(raw[i+j])
		}
		i += n
		var text string
		if s, ok := f.toUnicode[c]; ok {
			text = s
		} else if f.simple != nil && c < 256 {
			text = f.simple[c]
		} else if f.toUnicode == nil && f.simple == nil && !f.twoByte {
			text = string(rune(c))
		}
		w, ok := f.widths[c]
		if !ok {
			w = f.dw
		}
		out = append(out, code{c: c, n: n, text: text, width: w * f.scale})
	}
	return out
}

// loadFont decodes a font dictionary.
func loadFont(v lpdf.Value) *font {
	f := &font{scale: 0.001, widths: map[uint32]float64{}}
	subtype := v.Key("Subtype").Name()
	base := v.Key("BaseFont").Name()
	f.bold = isBoldName(base)
	desc := v.Key("FontDescriptor")
	if subtype == "Type0" {
		desc = v.Key("DescendantFonts").Index(0).Key("FontDescriptor")
	}
	if desc.Kind() == lpdf.Dict {
		if flags := desc.Key("Flags").Int64(); flags&(1<<18) != 0 {
			f.bold = true
		}
		if w := desc.Key("FontWeight").Float64(); w >= 600 {
			f.bold = true
		}
		if !f.bold && isBoldName(desc.Key("FontName").Name()) {
			f.bold = true
		}
	}
	if tu := v.Key("ToUnicode"); tu.Kind() == lpdf.Stream {
		f.space, f.toUnicode = readCMap(tu, v)
	}

	switch subtype {
	case "Type0":
		enc := v.Key("Encoding")
		f.twoByte = true
		if enc.Kind() == lpdf.Name {
			name := enc.Name()
			f.vertical = strings.HasSuffix(name, "-V")
			if name == "Identity-H" || name == "Identity-V" {
				// Identity CMaps have 2-byte codes whatever a
				// (sometimes sloppy) ToUnicode codespace says.
				f.space = nil
			} else {
				// Predefined CJK CMaps: UCS2 ones decode as UTF-16.
				if strings.Contains(name, "UCS2") || strings.Contains(name, "UTF16") {
					if f.toUnicode == nil {
						f.toUnicode = map[uint32]string{}
						f.simple = nil
					}
				}
			}
		} else if enc.Kind() == lpdf.Stream && f.space == nil {
			// An embedded CMap: its codespace tells code lengths.
			f.space, _ = readCMap(enc, v)
		}
		d := v.Key("DescendantFonts").Index(0)
		f.dw = 1000
		if dw := d.Key("DW"); dw.Kind() == lpdf.Integer || dw.Kind() == lpdf.Real {
			f.dw = dw.Float64()
		}
		readCIDWidths(d.Key("W"), f.widths)
	default:
		if subtype == "Type3" {
			if m := v.Key("FontMatrix"); m.Len() >= 1 {
				f.scale = m.Index(0).Float64()
			}
		}
		first := v.Key("FirstChar").Int64()
		ws := v.Key("Widths")
		for i := 0; i < ws.Len(); i++ {
			f.widths[uint32(first)+uint32(i)] = ws.Index(i).Float64()
		}
		f.dw = desc.Key("MissingWidth").Float64()
		f.simple = simpleEncoding(v, base)
		f.space = nil // simple fonts have 1-byte codes
		if ws.Len() == 0 {
			f.dw = standardWidth(base)
			if tbl := standardWidths(base); tbl != nil {
				for c, text := range f.simple {
					if len(text) == 1 && text[0] >= 32 && text[0] <= 126 {
						f.widths[uint32(c)] = float64(tbl[text[0]-32])
					}
				}
			}
		}
	}
	return f
}

func isBoldName(name string) bool {
	n := strings.ToLower(name)
	return strings.Contains(n, "bold") || strings.Contains(n, "black") || strings.Contains(n, "heavy") || strings.Contains(n, "semibold") || strings.Contains(n, "demi")
}

// standardWidth is an average width for the standard 14 fonts, which PDFs
// may use without a Widths array. Word spacing is judged from gaps, so an
// average is enough; Courier is monospaced at 600.
func standardWidth(base string) float64 {
	if strings.Contains(strings.ToLower(base), "courier") {
		return 600
	}
	return 500
}

// standardWidths finds the metrics of a standard font by its base name,
// allowing for subset prefixes and the usual aliases ("Arial,Bold",
// "TimesNewRomanPS-BoldMT").
func standardWidths(base string) *[95]uint16 {
	if i := strings.IndexByte(base, '+'); i >= 0 {
		base = base[i+1:]
	}
	n := strings.ToLower(base)
	family := ""
	switch {
	case strings.Contains(n, "helvetica") || strings.Contains(n, "arial"):
		family = "Helvetica"
	case strings.Contains(n, "times"):
		family = "Times"
	default:
		return nil
	}
	bold := isBoldName(n)
	italic := strings.Contains(n, "italic") || strings.Contains(n, "oblique")
	name := family
	switch {
	case family == "Times" && bold && italic:
		name = "Times-BoldItalic"
	case family == "Times" && bold:
		name = "Times-Bold"
	case family == "Times" && italic:
		name = "Times-Italic"
	case family == "Times":
		name = "Times-Roman"
	case bold && italic:
		name = "Helvetica-BoldOblique"
	case bold:
		name = "Helvetica-Bold"
	case italic:
		name = "Helvetica-Oblique"
	}
	return standardASCIIWidths[name]
}

// readCIDWidths reads a CIDFont's W array: [c [w1 w2 ...]] or [cfirst clast w].
func readCIDWidths(w lpdf.Value, out map[uint32]float64) {
	n := w.Len()
	for i := 0; i < n; {
		first := w.Index(i)
		if i+1 >= n {
			break
		}
		next := w.Index(i + 1)
		if next.Kind() == lpdf.Array {
			c := uint32(first.Int64())
			for j := 0; j < next.Len(); j++ {
				out[c+uint32(j)] = next.Index(j).Float64()
			}
			i += 2
			continue
		}
		if i+2 >= n {
			break
		}
		lo, hi, width := first.Int64(), next.Int64(), w.Index(i+2).Float64()
		if hi-lo > 65535 || hi < lo {
			i += 3
			continue
		}
		for c := lo; c <= hi; c++ {
			out[uint32(c)] = width
		}
		i += 3
	}
}

// simpleEncoding builds the byte → text table of a simple font: its base
// encoding (WinAnsi, MacRoman, Standard) with the Differences applied.
func simpleEncoding(v lpdf.Value, base string) *[256]string {
	var t [256]string
	table := &standardEncoding
	enc := v.Key("Encoding")
	name := enc.Name()
	if enc.Kind() == lpdf.Dict {
		name = enc.Key("BaseEncoding").Name()
	}
	switch name {
	case "WinAnsiEncoding":
		table = &winAnsiEncoding
	case "MacRomanEncoding":
		table = &macRomanEncoding
	case "StandardEncoding":
		table = &standardEncoding
	default:
		// Symbolic fonts (Symbol, Wingdings) have their own built-in
		// encodings; their glyphs are bullets and arrows, not words.
		if strings.Contains(base, "Symbol") || strings.Contains(base, "Dingbat") || strings.Contains(base, "Wingding") {
			table = &symbolFallback
		} else if enc.Kind() != lpdf.Dict {
			table = &winAnsiEncoding
		}
	}
	for i := range t {
		if r := table[i]; r != 0 {
			t[i] = string(r)
		}
	}
	if enc.Kind() == lpdf.Dict {
		diffs := enc.Key("Differences")
		c := 0
		for i := 0; i < diffs.Len(); i++ {
			x := diffs.Index(i)
			switch x.Kind() {
			case lpdf.Integer:
				c = int(x.Int64())
			case lpdf.Name:
				if c >= 0 && c < 256 {
					t[c] = glyphText(x.Name())
				}
				c++
			}
		}
	}
	return &t
}

// glyphText maps a glyph name to its text: the Adobe Glyph List names that
// agreements use, "uniXXXX" and "uXXXX[XX]" names, and ligatures.
func glyphText(name string) string {
	if s, ok := glyphNames[name]; ok {
		return s
	}
	if len(name) == 1 {
		return name
	}
	if strings.HasPrefix(name, "uni") && len(name) >= 7 {
		if r, ok := hexRune(name[3:7]); ok {
			return string(r)
		}
	}
	if strings.HasPrefix(name, "u") && len(name) >= 5 && len(name) <= 7 {
		if r, ok := hexRune(name[1:]); ok {
			return string(r)
		}
	}
	if i := strings.IndexByte(name, '.'); i > 0 {
		return glyphText(name[:i]) // "a.sc", "one.oldstyle"
	}
	return ""
}

func hexRune(s string) (rune, bool) {
	var r rune
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | (c - '0')
		case c >= 'A' && c <= 'F':
			r = r<<4 | (c - 'A' + 10)
		case c >= 'a' && c <= 'f':
			r = r<<4 | (c - 'a' + 10)
		default:
			return 0, false
		}
	}
	return r, true
}

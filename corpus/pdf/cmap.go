package pdf

import (
	"unicode/utf16"

	lpdf "github.com/ledongthuc/pdf"
)

// codespace holds a CMap's codespace ranges by code length, so a shown
// string can be split into 1- to 4-byte codes.
type codespace struct {
	ranges [4][][2]string
}

// length is the byte length of the code at the start of s.
func (cs *codespace) length(s string) int {
	for n := 1; n <= 4 && n <= len(s); n++ {
		for _, r := range cs.ranges[n-1] {
			if inRange(s[:n], r[0], r[1]) {
				return n
			}
		}
	}
	for n := 1; n <= 4; n++ {
		if len(cs.ranges[n-1]) > 0 {
			return n
		}
	}
	return 1
}

// inRange compares byte by byte, as the PDF specification defines
// codespace ranges (each byte within its own bounds).
func inRange(s, lo, hi string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < lo[i] || s[i] > hi[i] {
			return false
		}
	}
	return true
}

// maxCMapEntries bounds how many codes one CMap may map, so a hostile file
// cannot make us build a huge table.
const maxCMapEntries = 1 << 20

// readCMap parses a ToUnicode (or embedded encoding) CMap into its
// codespace and a code → text map. A malformed CMap yields what was read
// before the fault. scratch must be a Dict value: the CMap program's
// "/CIDInit /ProcSet findresource begin" needs a dictionary to begin, and
// the library offers no way to make one.
func readCMap(strm, scratch lpdf.Value) (cs *codespace, m map[uint32]string) {
	cs = &codespace{}
	m = map[uint32]string{}
	defer func() {
		if recover() != nil && len(m) == 0 {
			m = nil
		}
		if cs != nil && len(cs.ranges[0])+len(cs.ranges[1])+len(cs.ranges[2])+len(cs.ranges[3]) == 0 {
			cs = nil
		}
	}()
	if !within(strm, maxCMapSize) {
		return nil, nil
	}
	n := 0
	lpdf.Interpret(strm, func(stk *lpdf.Stack, op string) {
		switch op {
		case "begincodespacerange", "beginbfchar", "beginbfrange", "begincidchar", "begincidrange":
			n = int(stk.Pop().Int64())
			if n < 0 || n > 10000 {
				n = 0
			}
			for stk.Len() > 0 {
				stk.Pop()
			}
		case "endcodespacerange":
			vals := popN(stk, 2*n)
			for i := 0; i+1 < len(vals); i += 2 {
				lo, hi := vals[i].RawString(), vals[i+1].RawString()
				if len(lo) >= 1 && len(lo) <= 4 && len(lo) == len(hi) {
					cs.ranges[len(lo)-1] = append(cs.ranges[len(lo)-1], [2]string{lo, hi})
				}
			}
		case "endbfchar":
			vals := popN(stk, 2*n)
			for i := 0; i+1 < len(vals) && len(m) < maxCMapEntries; i += 2 {
				src := vals[i].RawString()
				if len(src) == 0 || len(src) > 4 {
					continue
				}
				dst := vals[i+1]
				if dst.Kind() == lpdf.Name {
					m[codeOf(src)] = glyphText(dst.Name())
				} else {
					m[codeOf(src)] = utf16Text(dst.RawString())
				}
			}
		case "endbfrange":
			vals := popN(stk, 3*n)
			for i := 0; i+2 < len(vals); i += 3 {
				lo, hi, dst := vals[i].RawString(), vals[i+1].RawString(), vals[i+2]
				if len(lo) == 0 || len(lo) > 4 || len(lo) != len(hi) {
					continue
				}
				a, b := codeOf(lo), codeOf(hi)
				if b < a || b-a > 65535 || len(m)+int(b-a) > maxCMapEntries {
					continue
				}
				switch dst.Kind() {
				case lpdf.String:
					base := []rune(utf16Text(dst.RawString()))
					if len(base) == 0 {
						continue
					}
					for c := a; c <= b; c++ {
						r := append([]rune(nil), base...)
						r[len(r)-1] += rune(c - a)
						m[c] = string(r)
					}
				case lpdf.Array:
					for c := a; c <= b && int(c-a) < dst.Len(); c++ {
						m[c] = utf16Text(dst.Index(int(c - a)).RawString())
					}
				}
			}
		case "findresource":
			popN(stk, stk.Len())
			stk.Push(scratch)
		default:
			// findresource, begincmap, def and friends: nothing to read,
			// but leave nothing on the stack that would shift our operands.
		}
	})
	return cs, m
}

// popN pops up to n values and returns them bottom first.
func popN(stk *lpdf.Stack, n int) []lpdf.Value {
	if n > stk.Len() {
		n = stk.Len()
	}
	vals := make([]lpdf.Value, n)
	for i := n - 1; i >= 0; i-- {
		vals[i] = stk.Pop()
	}
	for stk.Len() > 0 {
		stk.Pop()
	}
	return vals
}

func codeOf(s string) uint32 {
	var c uint32
	for i := 0; i < len(s); i++ {
		c = c<<8 | uint32(s[i])
	}
	return c
}

// utf16Text decodes a CMap destination: big-endian UTF-16.
func utf16Text(s string) string {
	if len(s)%2 == 1 {
		return string([]rune{rune(s[0])}) // malformed, one byte
	}
	u := make([]uint16, len(s)/2)
	for i := range u {
		u[i] = uint16(s[2*i])<<8 | uint16(s[2*i+1])
	}
	return string(utf16.Decode(u))
}

package pdf

import (
	"bytes"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
)

// The library trusts a file's cross-reference data: it follows /Prev from
// section to section and /Extends from object stream to object stream
// until the chain ends, and sizes its object table from /Size, /Index and
// subsection headers. A chain that loops makes it spin for ever, and a
// claimed size of a billion objects makes it allocate that many entries
// (an out-of-memory crash no recover can stop). precheck reads those few
// numbers from the raw bytes first and refuses such files.

// maxObjects is the most indirect objects a PDF may hold (PDF 32000-1,
// Annex C); beyond it a table is an attack, not a document.
const maxObjects = 8_388_607

// maxSections bounds the cross-reference sections (one per incremental
// update) followed; real files have a handful.
const maxSections = 4096

// maxWidth bounds a field of a cross-reference stream's /W array, in bytes.
const maxWidth = 8

var (
	reStartxref = regexp.MustCompile(`startxref\s+(\d+)`)
	rePrev      = regexp.MustCompile(`/Prev\s+(\d+)`)
	reSize      = regexp.MustCompile(`/Size\s+(\d+)`)
	reIndex     = regexp.MustCompile(`/Index\s*\[([^\]]*)\]`)
	reW         = regexp.MustCompile(`/W\s*\[([^\]]*)\]`)
	reObjDict   = regexp.MustCompile(`(\d+)\s+\d+\s+obj\s*<<`)
	reExtends   = regexp.MustCompile(`/Extends\s+(\d+)\s+\d+\s+R`)
	reObjStm    = regexp.MustCompile(`/Type\s*/ObjStm\b`)
)

// precheck returns an error (wrapping nothing: the caller adds the
// sentinel) for a cross-reference chain that loops or claims more objects
// than a PDF may hold, and for object streams that extend each other in a
// loop. Anything it cannot read it leaves to the library.
func precheck(data []byte) error {
	tail := data[max(0, len(data)-1024):]
	m := reStartxref.FindAllSubmatch(tail, -1)
	if m == nil {
		return nil
	}
	off, ok := atoi(m[len(m)-1][1])
	seen := map[int64]bool{}
	for ok {
		if off < 0 || off >= int64(len(data)) {
			return nil
		}
		if seen[off] {
			return fmt.Errorf("the cross-reference sections form a loop (/Prev leads back to byte %d)", off)
		}
		seen[off] = true
		if len(seen) > maxSections {
			return fmt.Errorf("more than %d cross-reference sections", maxSections)
		}
		dict, err := section(data, off)
		if dict == nil || err != nil {
			return err
		}
		off, ok = lastInt(rePrev, dict)
	}
	return objStmLoop(data)
}

// section checks the cross-reference section at off and returns its
// trailer (or cross-reference stream) dictionary; nil when it cannot be
// found, which the library will report.
func section(data []byte, off int64) ([]byte, error) {
	s := data[off:]
	s = s[len(s)-len(bytes.TrimLeft(s, " \t\r\n\f\x00")):]
	if bytes.HasPrefix(s, []byte("xref")) {
		end := bytes.Index(s, []byte("trailer"))
		if end < 0 {
			return nil, nil
		}
		if err := subsections(s[len("xref"):end]); err != nil {
			return nil, err
		}
		dict := dictAt(s, end)
		if n, ok := lastInt(reSize, dict); ok && n > maxObjects {
			return nil, tooMany(n)
		}
		return dict, nil
	}
	loc := reObjDict.FindIndex(s[:min(len(s), 64)])
	if loc == nil || loc[0] != 0 {
		return nil, nil
	}
	dict := dictAt(s, loc[1]-2)
	if n, ok := lastInt(reSize, dict); ok && n > maxObjects {
		return nil, tooMany(n)
	}
	if m := reIndex.FindSubmatch(dict); m != nil {
		f := bytes.Fields(m[1])
		for i := 0; i+1 < len(f); i += 2 {
			start, ok1 := atoi(f[i])
			n, ok2 := atoi(f[i+1])
			if !ok1 || !ok2 || start > maxObjects || n > maxObjects || start+n > maxObjects {
				return nil, fmt.Errorf("a cross-reference stream lists objects %s to %s+%s, beyond the %d a PDF may hold", f[i], f[i], f[i+1], maxObjects)
			}
		}
	}
	if m := reW.FindSubmatch(dict); m != nil {
		for _, w := range bytes.Fields(m[1]) {
			if n, ok := atoi(w); !ok || n > maxWidth {
				return nil, fmt.Errorf("a cross-reference stream has %s-byte fields (/W)", w)
			}
		}
	}
	return dict, nil
}

// subsections checks the headers of an xref table's subsections ("first
// count", each followed by count three-token entries).
func subsections(table []byte) error {
	f := bytes.Fields(table)
	for i := 0; i+1 < len(f); {
		start, ok1 := atoi(f[i])
		n, ok2 := atoi(f[i+1])
		if !ok1 || !ok2 {
			return nil // malformed: the library says so
		}
		if start > maxObjects || n > maxObjects || start+n > maxObjects {
			return fmt.Errorf("the cross-reference table lists objects %d to %d, beyond the %d a PDF may hold", start, start+n-1, maxObjects)
		}
		i += 2 + 3*int(n)
	}
	return nil
}

func tooMany(n int64) error {
	return fmt.Errorf("the cross-reference data claims %d objects, more than the %d a PDF may hold", n, maxObjects)
}

// objStmLoop finds object streams whose /Extends chain comes back to
// itself. Object streams are never compressed inside other streams, so
// their dictionaries are in the raw bytes.
func objStmLoop(data []byte) error {
	if !bytes.Contains(data, []byte("/Extends")) {
		return nil
	}
	ext := map[int64]int64{}
	for _, loc := range reObjDict.FindAllSubmatchIndex(data, -1) {
		dict := dictAt(data, loc[1]-2)
		if !reObjStm.Match(dict) {
			continue
		}
		m := reExtends.FindSubmatch(dict)
		if m == nil {
			continue
		}
		id, ok1 := atoi(data[loc[2]:loc[3]])
		to, ok2 := atoi(m[1])
		if ok1 && ok2 {
			ext[id] = to
		}
	}
	for _, start := range slices.Sorted(maps.Keys(ext)) {
		id, steps := start, 0
		for {
			next, ok := ext[id]
			if !ok {
				break
			}
			if next == start {
				return fmt.Errorf("its object streams extend each other in a loop (object %d leads back to itself)", start)
			}
			if steps++; steps > len(ext) {
				break // a loop not through start: found from its own members
			}
			id = next
		}
	}
	return nil
}

// dictAt returns the dictionary that starts at the first "<<" at or after
// i, up to its matching ">>"; nil if there is none within 1 MB. Literal
// and hexadecimal strings are skipped, so brackets inside them do not
// count.
func dictAt(data []byte, i int) []byte {
	j := bytes.Index(data[i:min(len(data), i+1<<20)], []byte("<<"))
	if j < 0 {
		return nil
	}
	start := i + j
	end := min(len(data), start+1<<20)
	depth := 0
	for k := start; k < end; k++ {
		switch data[k] {
		case '<':
			if k+1 < end && data[k+1] == '<' {
				depth++
				k++
				continue
			}
			// A hexadecimal string.
			if e := bytes.IndexByte(data[k:end], '>'); e >= 0 {
				k += e
				continue
			}
			return nil
		case '>':
			if k+1 < end && data[k+1] == '>' {
				depth--
				k++
				if depth == 0 {
					return data[start : k+1]
				}
			}
		case '(':
			for nest := 0; k < end; k++ {
				if c := data[k]; c == '\\' {
					k++
				} else if c == '(' {
					nest++
				} else if c == ')' {
					if nest--; nest == 0 {
						break
					}
				}
			}
		}
	}
	return nil
}

// lastInt is the number after the last match of re in dict (a key given
// twice takes its last value, as in the library).
func lastInt(re *regexp.Regexp, dict []byte) (int64, bool) {
	m := re.FindAllSubmatch(dict, -1)
	if m == nil {
		return 0, false
	}
	return atoi(m[len(m)-1][1])
}

// atoi parses a non-negative decimal; one too large for int64 reads as
// the largest, which every limit refuses.
func atoi(b []byte) (int64, bool) {
	n, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange && len(b) > 0 && b[0] != '-' {
			return 1<<63 - 1, true
		}
		return 0, false
	}
	return n, n >= 0
}

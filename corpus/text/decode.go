package text

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Text files come in a handful of encodings. We read UTF-8 with or without a
// byte-order mark, UTF-16 in either byte order when it carries a BOM (that
// is what Windows tools write), and fall back to Windows-1252 for bytes that
// are not valid UTF-8: legacy Windows text is by far the most common
// non-UTF-8 text, and its printable range is a superset of Latin-1.

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// cp1252 maps the bytes 0x80-0x9F of Windows-1252 to Unicode; the other
// bytes above 0x7F are the same code points as in Latin-1. The five bytes
// Windows-1252 leaves undefined map to U+FFFD.
var cp1252 = [32]rune{
	'€', '\uFFFD', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\uFFFD', 'Ž', '\uFFFD',
	'\uFFFD', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\uFFFD', 'ž', 'Ÿ',
}

// decode turns data into a UTF-8 string with "\n" line endings.
func decode(data []byte) string {
	var s string
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		s = utf8Lenient(data[3:])
	case bytes.HasPrefix(data, bomUTF16LE):
		s = decodeUTF16(data[2:], false)
	case bytes.HasPrefix(data, bomUTF16BE):
		s = decodeUTF16(data[2:], true)
	case utf8.Valid(data):
		s = string(data)
	default:
		s = decode1252(data)
	}
	return normalizeNewlines(s)
}

// utf8Lenient keeps valid UTF-8 and decodes stray invalid bytes as
// Windows-1252: a file that declares UTF-8 with a BOM is mostly UTF-8.
func utf8Lenient(data []byte) string {
	if utf8.Valid(data) {
		return string(data)
	}
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		if r == utf8.RuneError && n <= 1 {
			b.WriteRune(cp1252Rune(data[0]))
			data = data[1:]
			continue
		}
		b.WriteRune(r)
		data = data[n:]
	}
	return b.String()
}

func cp1252Rune(c byte) rune {
	if c >= 0x80 && c < 0xA0 {
		return cp1252[c-0x80]
	}
	return rune(c)
}

func decode1252(data []byte) string {
	var b strings.Builder
	b.Grow(len(data) + len(data)/4)
	for _, c := range data {
		if c < 0x80 {
			b.WriteByte(c)
		} else {
			b.WriteRune(cp1252Rune(c))
		}
	}
	return b.String()
}

func decodeUTF16(data []byte, bigEndian bool) string {
	u := make([]uint16, len(data)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			u[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	return string(utf16.Decode(u))
}

// normalizeNewlines turns CRLF and lone CR into LF, and drops a BOM that
// survived decoding (a UTF-16 file may carry a second one).
func normalizeNewlines(s string) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// sniffLimit bounds how much of a file LooksBinary and LooksMarkdown read:
// the start of a file tells its nature, and sniffing must stay cheap.
const sniffLimit = 64 << 10

// LooksBinary reports whether data is not text: it holds NUL bytes (outside
// a UTF-16 text that starts with a byte-order mark), a high share of control
// characters, or bytes that are neither valid UTF-8 nor plausible
// Windows-1252 text. Format sniffing uses it for files that are neither PDF
// nor DOCX: images, archives, executables and random bytes are binary;
// UTF-8, UTF-16 with BOM and Windows-1252 text are not. Empty data is not
// binary. Only the first 64 KB are examined.
func LooksBinary(data []byte) bool {
	if len(data) > sniffLimit {
		data = data[:sniffLimit]
		// Do not let the cut split a UTF-8 sequence.
		for i := len(data) - 1; i >= 0 && i >= len(data)-utf8.UTFMax; i-- {
			if utf8.RuneStart(data[i]) {
				if !utf8.FullRune(data[i:]) {
					data = data[:i]
				}
				break
			}
		}
	}
	switch {
	case bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE):
		if bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}) {
			return true // UTF-32 LE or binary that happens to start like UTF-16
		}
		return controlShare(decodeUTF16(data[2:], data[0] == 0xFE))
	case bytes.HasPrefix(data, bomUTF8):
		data = data[3:]
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return true
	}
	if utf8.Valid(data) {
		return controlShare(string(data))
	}
	// Not UTF-8: is it believable Windows-1252 text? Such text is mostly
	// ASCII with a few accented letters and typographic quotes, and never
	// uses the five bytes the code page leaves undefined.
	high, undefined := 0, 0
	for _, c := range data {
		if c >= 0x80 {
			high++
			switch c {
			case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
				undefined++
			}
		}
	}
	if undefined > 0 || high*4 > len(data) {
		return true
	}
	return controlShare(decode1252(data))
}

// OtherEncoding reports whether data that LooksBinary rejects is still text,
// in an encoding Extract does not read (Shift-JIS, GB18030, Big5, KOI8-R
// and the like): no NUL bytes, hardly any control characters, and bytes
// above 0x7F that are neither UTF-8 nor believable Windows-1252. Random
// and compressed bytes are a tenth control characters; text is almost
// none. Only the first 64 KB are examined.
func OtherEncoding(data []byte) bool {
	if len(data) > sniffLimit {
		data = data[:sniffLimit]
	}
	control, high := 0, 0
	for _, c := range data {
		switch {
		case c == 0:
			return false
		case c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x1A:
		case c < 0x20 || c == 0x7F:
			control++
		case c >= 0x80:
			high++
		}
	}
	return high > 0 && control*200 <= len(data)
}

// controlShare reports whether more than 2% of the characters of s (or any
// at all in a very short text) are control characters other than the white
// space text files use (tab, newline, carriage return, form feed, vertical
// tab) and the DOS end-of-file mark, or are U+FFFD from a broken encoding.
func controlShare(s string) bool {
	total, bad := 0, 0
	for _, r := range s {
		total++
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v' || r == 0x1A:
		case r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0) || r == utf8.RuneError:
			bad++
		}
	}
	return bad > 0 && bad*50 >= total
}

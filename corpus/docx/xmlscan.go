package docx

import (
	"bytes"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// scanner is a small XML tokenizer for the rewrite of word/document.xml.
//
// encoding/xml spends most of its time allocating names, attributes and
// text for every token; on a 150-page agreement that was a third of the
// extraction time. The rewrite needs far less: local names, a few attribute
// values and text. The scanner returns slices of the input (decoded only
// where a character reference makes that necessary) and checks what makes
// the part well formed for the purpose: tags closed in order, quoted
// attributes, known character references, terminated comments, CDATA
// sections and processing instructions. go-docx then decodes the rewritten
// part with encoding/xml, which checks the characters of everything kept.
type scanner struct {
	src []byte
	pos int

	// The current token.
	kind  tokenKind
	name  []byte // qualified name of a start or end tag
	local []byte // its local part
	attrs []xattr
	text  []byte // decoded character data

	selfClosed bool // the start tag was <x/>: an end token follows
	abuf, tbuf []byte
}

type tokenKind uint8

const (
	tokStart tokenKind = iota + 1
	tokEnd
	tokText
)

type xattr struct {
	local, value []byte
}

type syntaxError struct {
	line int
	msg  string
}

func (e *syntaxError) Error() string {
	return fmt.Sprintf("XML syntax error on line %d: %s", e.line, e.msg)
}

func (s *scanner) errorf(at int, format string, args ...any) error {
	at = min(at, len(s.src))
	return &syntaxError{line: 1 + bytes.Count(s.src[:at], []byte{'\n'}), msg: fmt.Sprintf(format, args...)}
}

// attr returns the value of the current start tag's attribute with the
// given local name, or nil.
func (s *scanner) attr(local string) []byte {
	for _, a := range s.attrs {
		if string(a.local) == local {
			return a.value
		}
	}
	return nil
}

// next reads the next token; ok is false at the end of the input.
func (s *scanner) next() (ok bool, err error) {
	if s.selfClosed {
		s.selfClosed = false
		s.kind = tokEnd
		return true, nil
	}
	for {
		if s.pos >= len(s.src) {
			return false, nil
		}
		if s.src[s.pos] != '<' {
			return true, s.charData()
		}
		rest := s.src[s.pos:]
		switch {
		case bytes.HasPrefix(rest, []byte("<?")):
			if err := s.skipPast(s.pos+2, "?>", "processing instruction"); err != nil {
				return false, err
			}
		case bytes.HasPrefix(rest, []byte("<!--")):
			if err := s.skipPast(s.pos+4, "-->", "comment"); err != nil {
				return false, err
			}
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			start := s.pos + 9
			end := bytes.Index(s.src[start:], []byte("]]>"))
			if end < 0 {
				return false, s.errorf(s.pos, "unterminated CDATA section")
			}
			s.kind, s.text = tokText, s.src[start:start+end]
			s.pos = start + end + 3
			return true, nil
		case bytes.HasPrefix(rest, []byte("<!")):
			if err := s.skipDecl(); err != nil {
				return false, err
			}
		case bytes.HasPrefix(rest, []byte("</")):
			return true, s.endTag()
		default:
			return true, s.startTag()
		}
	}
}

func (s *scanner) skipPast(from int, end, what string) error {
	i := bytes.Index(s.src[from:], []byte(end))
	if i < 0 {
		return s.errorf(s.pos, "unterminated %s", what)
	}
	s.pos = from + i + len(end)
	return nil
}

// skipDecl skips a <!DOCTYPE ...> declaration, internal subset included.
// Its entities are not expanded: a reference to one is an error later, as
// in encoding/xml.
func (s *scanner) skipDecl() error {
	depth := 0
	var quote byte
	for i := s.pos + 2; i < len(s.src); i++ {
		c := s.src[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[':
			depth++
		case c == ']':
			depth--
		case c == '>' && depth <= 0:
			s.pos = i + 1
			return nil
		}
	}
	return s.errorf(s.pos, "unterminated declaration")
}

func (s *scanner) charData() error {
	start := s.pos
	end := bytes.IndexByte(s.src[start:], '<')
	if end < 0 {
		end = len(s.src)
	} else {
		end += start
	}
	s.pos = end
	raw := s.src[start:end]
	s.kind = tokText
	if bytes.IndexByte(raw, '&') < 0 {
		s.text = raw
		return nil
	}
	var err error
	s.tbuf, err = decodeRefs(s.tbuf[:0], raw)
	if err != nil {
		return s.errorf(start, "%v", err)
	}
	s.text = s.tbuf
	return nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// nameChar: the bytes a name may hold. Non-ASCII bytes are accepted
// wholesale; encoding/xml rechecks the names that are kept.
func nameChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '_' || c == ':' || c == '-' || c == '.' || c >= 0x80
}

// readName reads a name at s.pos.
func (s *scanner) readName() ([]byte, error) {
	start := s.pos
	for s.pos < len(s.src) && nameChar(s.src[s.pos]) {
		s.pos++
	}
	n := s.src[start:s.pos]
	if len(n) == 0 || n[0] >= '0' && n[0] <= '9' || n[0] == '-' || n[0] == '.' {
		return nil, s.errorf(start, "invalid name")
	}
	return n, nil
}

func localOf(name []byte) []byte {
	if i := bytes.LastIndexByte(name, ':'); i >= 0 {
		return name[i+1:]
	}
	return name
}

func (s *scanner) skipSpace() {
	for s.pos < len(s.src) && isSpace(s.src[s.pos]) {
		s.pos++
	}
}

func (s *scanner) endTag() error {
	s.pos += 2
	name, err := s.readName()
	if err != nil {
		return err
	}
	s.skipSpace()
	if s.pos >= len(s.src) || s.src[s.pos] != '>' {
		return s.errorf(s.pos, "invalid end tag </%s", name)
	}
	s.pos++
	s.kind, s.name, s.local = tokEnd, name, localOf(name)
	return nil
}

func (s *scanner) startTag() error {
	s.pos++
	name, err := s.readName()
	if err != nil {
		return err
	}
	s.kind, s.name, s.local = tokStart, name, localOf(name)
	s.attrs = s.attrs[:0]
	s.abuf = s.abuf[:0]
	for {
		space := s.pos
		s.skipSpace()
		if s.pos >= len(s.src) {
			return s.errorf(s.pos, "unexpected end of part in <%s>", name)
		}
		switch s.src[s.pos] {
		case '>':
			s.pos++
			return nil
		case '/':
			if s.pos+1 < len(s.src) && s.src[s.pos+1] == '>' {
				s.pos += 2
				s.selfClosed = true
				return nil
			}
			return s.errorf(s.pos, "invalid tag <%s", name)
		}
		if s.pos == space {
			return s.errorf(s.pos, "no space before an attribute of <%s>", name)
		}
		an, err := s.readName()
		if err != nil {
			return err
		}
		s.skipSpace()
		if s.pos >= len(s.src) || s.src[s.pos] != '=' {
			return s.errorf(s.pos, "attribute %s of <%s> has no value", an, name)
		}
		s.pos++
		s.skipSpace()
		if s.pos >= len(s.src) || s.src[s.pos] != '"' && s.src[s.pos] != '\'' {
			return s.errorf(s.pos, "unquoted value of attribute %s", an)
		}
		q := s.src[s.pos]
		s.pos++
		end := bytes.IndexByte(s.src[s.pos:], q)
		if end < 0 {
			return s.errorf(s.pos, "unterminated value of attribute %s", an)
		}
		raw := s.src[s.pos : s.pos+end]
		if bytes.IndexByte(raw, '<') >= 0 {
			return s.errorf(s.pos, "'<' in the value of attribute %s", an)
		}
		val := raw
		if bytes.IndexByte(raw, '&') >= 0 {
			from := len(s.abuf)
			s.abuf, err = decodeRefs(s.abuf, raw)
			if err != nil {
				return s.errorf(s.pos, "%v", err)
			}
			val = s.abuf[from:len(s.abuf):len(s.abuf)]
		}
		s.pos += end + 1
		s.attrs = append(s.attrs, xattr{local: localOf(an), value: val})
	}
}

// decodeRefs appends raw to dst with its entity and character references
// replaced by the characters they stand for.
func decodeRefs(dst, raw []byte) ([]byte, error) {
	for {
		i := bytes.IndexByte(raw, '&')
		if i < 0 {
			return append(dst, raw...), nil
		}
		dst = append(dst, raw[:i]...)
		raw = raw[i:]
		j := bytes.IndexByte(raw, ';')
		if j < 0 || j > 12 {
			return dst, fmt.Errorf("invalid character entity %.12q", raw)
		}
		ref := raw[1:j]
		raw = raw[j+1:]
		switch string(ref) {
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "amp":
			dst = append(dst, '&')
		case "quot":
			dst = append(dst, '"')
		case "apos":
			dst = append(dst, '\'')
		default:
			r, ok := charRef(ref)
			if !ok {
				return dst, fmt.Errorf("invalid character entity &%s;", ref)
			}
			dst = utf8.AppendRune(dst, r)
		}
	}
}

// charRef reads "#65" or "#x41"; the character must be one XML allows.
func charRef(ref []byte) (rune, bool) {
	if len(ref) < 2 || ref[0] != '#' {
		return 0, false
	}
	var n uint64
	var err error
	if ref[1] == 'x' {
		n, err = strconv.ParseUint(string(ref[2:]), 16, 32)
	} else {
		n, err = strconv.ParseUint(string(ref[1:]), 10, 32)
	}
	r := rune(n)
	if err != nil || !(r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF) {
		return 0, false
	}
	return r, true
}

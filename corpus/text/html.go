package text

import (
	"strconv"
	"strings"

	"github.com/contractlint/contractlint/corpus"
)

// Markdown files written for websites embed HTML blocks: ordered lists with
// a list-style-type, headings wrapped in <p>, tables. htmlBlocks turns such
// a fragment into blocks: <h1>-<h6> become headings, <li> list items
// numbered as the list style renders them, <td>/<th> table cells, and the
// text between block-level tags paragraphs. Tags are not checked for
// balance; a sloppy fragment still yields its text.
//
// Ordered list items are numbered in the citation style contracts use,
// "(a)", "(iv)", "(1)", rather than the browser's "a." so that the
// sectioner reads "(d)" inside Clause 12 as "12(d)"; decimal items are
// "(1)" for the same reason, and as list items they leave the enclosing
// clause number alone.

type htmlList struct {
	ordered bool
	style   byte // '1', 'a', 'A', 'i', 'I'
	n       int  // the number of the current item
}

func (p *mdParser) htmlBlocks(frag string) {
	var (
		cur    strings.Builder
		kind   = corpus.Paragraph
		level  int
		prefix string
		lists  []htmlList
		table  struct{ no, row, col int }
		inCell bool
	)
	flush := func() {
		t := cur.String()
		cur.Reset()
		if strings.TrimSpace(t) == "" {
			return
		}
		b := pending{kind: kind, level: level, raw: prefix + t}
		if inCell {
			b.kind, b.table, b.row, b.col = corpus.TableCell, table.no, table.row, table.col
		} else {
			// Text after a list item's first block (after a nested list,
			// say) continues the item as a paragraph.
			if kind == corpus.ListItem {
				kind = corpus.Paragraph
			}
			prefix = ""
		}
		p.out = append(p.out, b)
	}
	for i := 0; i < len(frag); {
		c := frag[i]
		if c == '&' {
			if n, repl, ok := entity(frag[i:]); ok {
				cur.WriteString(repl)
				i += n
				continue
			}
		}
		if c != '<' {
			j := i + 1
			for j < len(frag) && frag[j] != '<' && frag[j] != '&' {
				j++
			}
			cur.WriteString(frag[i:j])
			i = j
			continue
		}
		rest := frag[i:]
		if strings.HasPrefix(rest, "<!--") {
			end := strings.Index(rest, "-->")
			if end < 0 {
				break
			}
			i += end + 3
			continue
		}
		if strings.HasPrefix(rest, "<!") || strings.HasPrefix(rest, "<?") {
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				break
			}
			i += end + 1
			continue
		}
		n, name, ok := parseTag(rest)
		if !ok {
			cur.WriteByte('<')
			i++
			continue
		}
		tag := rest[:n]
		closing := tag[1] == '/'
		i += n
		switch name {
		case "script", "style":
			if !closing {
				// Skip the script's text up to its closing tag.
				i += indexCloseTag(frag[i:], name)
			}
		case "h1", "h2", "h3", "h4", "h5", "h6":
			flush()
			if closing {
				kind, level = corpus.Paragraph, 0
			} else {
				kind, level = corpus.Heading, int(name[1]-'0')
				p.lastHeading = level
			}
		case "ol", "ul":
			flush()
			if closing {
				if len(lists) > 0 {
					lists = lists[:len(lists)-1]
				}
			} else {
				l := htmlList{ordered: name == "ol", style: listStyle(tag)}
				if s := attr(tag, "start"); s != "" {
					if v, err := strconv.Atoi(s); err == nil && v > 0 && v < 1e6 {
						l.n = v - 1
					}
				}
				lists = append(lists, l)
			}
		case "li":
			flush()
			kind, prefix = corpus.Paragraph, ""
			if !closing {
				kind = corpus.ListItem
				if len(lists) > 0 && lists[len(lists)-1].ordered {
					l := &lists[len(lists)-1]
					l.n++
					prefix = "(" + listLabel(l.style, l.n) + ") "
				}
			}
		case "table":
			flush()
			inCell = false
			if !closing {
				p.tables++
				table.no, table.row, table.col = p.tables, -1, -1
			}
		case "tr":
			flush()
			inCell = false
			if !closing {
				table.row++
				table.col = -1
			}
		case "td", "th":
			flush()
			inCell = !closing && table.no > 0
			if inCell {
				table.col++
				if table.row < 0 {
					table.row = 0
				}
			}
		case "br":
			cur.WriteByte(' ')
		default:
			if spaceTags[name] {
				flush()
			}
		}
	}
	flush()
}

// indexCloseTag returns the offset in s of the closing tag "</name"
// (in any case), or len(s) if there is none. It does not copy s, so that
// many scripts in one fragment cost time linear in its length.
func indexCloseTag(s, name string) int {
	for from := 0; ; {
		i := strings.Index(s[from:], "</")
		if i < 0 {
			return len(s)
		}
		i += from
		if end := i + 2 + len(name); end <= len(s) && strings.EqualFold(s[i+2:end], name) {
			return i
		}
		from = i + 2
	}
}

// listStyle reads an <ol>'s numbering style from its style attribute
// ("list-style-type:lower-alpha") or its type attribute ("a").
func listStyle(tag string) byte {
	lower := strings.ToLower(tag)
	if i := strings.Index(lower, "list-style-type"); i >= 0 {
		v := lower[i+len("list-style-type"):]
		v = strings.TrimLeft(v, ": ")
		switch {
		case strings.HasPrefix(v, "lower-alpha"), strings.HasPrefix(v, "lower-latin"):
			return 'a'
		case strings.HasPrefix(v, "upper-alpha"), strings.HasPrefix(v, "upper-latin"):
			return 'A'
		case strings.HasPrefix(v, "lower-roman"):
			return 'i'
		case strings.HasPrefix(v, "upper-roman"):
			return 'I'
		}
		return '1'
	}
	switch attr(tag, "type") {
	case "a":
		return 'a'
	case "A":
		return 'A'
	case "i":
		return 'i'
	case "I":
		return 'I'
	}
	return '1'
}

// attr returns the value of attribute name in an HTML tag, "" if absent.
func attr(tag, name string) string {
	lower := strings.ToLower(tag)
	for from := 0; ; {
		i := strings.Index(lower[from:], name)
		if i < 0 {
			return ""
		}
		i += from
		from = i + len(name)
		if i == 0 || (lower[i-1] != ' ' && lower[i-1] != '\t' && lower[i-1] != '\n') {
			continue
		}
		rest := strings.TrimLeft(tag[from:], " ")
		if !strings.HasPrefix(rest, "=") {
			continue
		}
		rest = strings.TrimLeft(rest[1:], " ")
		if rest == "" {
			return ""
		}
		if q := rest[0]; q == '"' || q == '\'' {
			if end := strings.IndexByte(rest[1:], q); end >= 0 {
				return rest[1 : 1+end]
			}
			return ""
		}
		end := strings.IndexAny(rest, " \t>/")
		if end < 0 {
			end = len(rest)
		}
		return rest[:end]
	}
}

// listLabel renders item number n in a list style: 3 is "c", "iii", "3".
func listLabel(style byte, n int) string {
	switch style {
	case 'a', 'A':
		s := ""
		for n > 0 {
			n--
			s = string(rune('a'+n%26)) + s
			n /= 26
		}
		if style == 'A' {
			s = strings.ToUpper(s)
		}
		return s
	case 'i', 'I':
		s := roman(n)
		if style == 'I' {
			s = strings.ToUpper(s)
		}
		return s
	}
	return strconv.Itoa(n)
}

func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

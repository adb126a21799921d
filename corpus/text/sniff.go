package text

// LooksMarkdown reports whether text data is Markdown rather than plain
// text, judging from the bytes alone. It scores Markdown constructs in the
// first 64 KB: ATX headings ("## Terms"), GFM table delimiter rows
// ("|---|---|"), fenced code, links and images ("[text](url)"), bold and
// emphasis pairs, inline code, block quotes, HTML tags, and list markers
// ("- item"), and answers true at a score of 3 or more.
//
// Setext underlines ("=====" or "-----" under a line) score nothing: plain
// text agreements underline their headings the same way (see the synthetic
// corpus's syn-15-copperline.txt and syn-16-manarah.txt, which therefore
// sniff as plain text). That choice is safe either way, since both readers
// make such a line a heading and read those files into the same blocks
// with the same sections; a plain-text "Item | Unit" row over a rule of
// dashes is no GFM delimiter row either.
func LooksMarkdown(data []byte) bool {
	if len(data) > sniffLimit {
		data = data[:sniffLimit]
	}
	return markdownScore(decode(data)) >= 3
}

// markdownScore adds up evidence of Markdown in s. Strong, unambiguous
// signals (ATX headings, table delimiter rows, fences, links) weigh 3;
// weaker ones that plain text also shows now and then (a bullet, a pair
// of asterisks) weigh less, and their total is capped.
func markdownScore(s string) float64 {
	var strong, weak float64
	lines := 0
	for len(s) > 0 {
		i := 0
		for i < len(s) && s[i] != '\n' {
			i++
		}
		line := s[:i]
		if i < len(s) {
			i++
		}
		s = s[i:]
		lines++
		_, rest := indentOf(line)
		if rest == "" {
			continue
		}
		if _, t, ok := atxHeading(rest); ok && t != "" {
			// "# Title" is strong evidence; "# of users" is prose.
			if r := t[0]; r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r >= 0x80 || r == '*' || r == '[' {
				strong += 3
			} else {
				weak++
			}
		}
		if isDelimRow(rest) {
			strong += 3
		}
		if fenceOpen(rest) != "" {
			strong += 1.5 // a fence needs its closing twin to count fully
		}
		if rest[0] == '>' {
			weak += 0.5
		}
		if m, ok := parseMarker(rest, false); ok && m.class == '-' && len(rest) > 2 {
			weak += 0.25
		}
		weak += inlineEvidence(line)
	}
	if weak > 4 {
		weak = 4
	}
	return strong + weak
}

// inlineEvidence scores inline Markdown on one line: links and images,
// bold pairs, inline code, HTML tags.
func inlineEvidence(line string) float64 {
	var score float64
	// noParen and noTick remember failed searches, so that a line full of
	// "](" without ")" is not scanned again and again.
	noParen, noTick := false, false
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case ']':
			if i+1 < len(line) && line[i+1] == '(' && !noParen {
				if j := indexByteFrom(line, i+2, ')'); j > 0 {
					score += 3
					i = j
				} else {
					noParen = true
				}
			}
		case '*', '_':
			if i+1 < len(line) && line[i+1] == line[i] && i+2 < len(line) && line[i+2] != ' ' && line[i+2] != line[i] {
				// "**bold**": an opening pair with its closing pair later.
				if j := indexFrom(line, i+2, line[i:i+2]); j > i+2 && line[j-1] != ' ' {
					score += 1
					i = j + 1
				}
			}
		case '`':
			if noTick {
				continue
			}
			if j := indexByteFrom(line, i+1, '`'); j > i+1 {
				score += 0.5
				i = j
			} else if j < 0 {
				noTick = true
			}
		case '<':
			if n, _, ok := parseTag(line[i:]); ok {
				score += 0.5
				i += n - 1
			}
		}
	}
	return score
}

func indexByteFrom(s string, from int, c byte) int {
	for i := from; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func indexFrom(s string, from int, sub string) int {
	for i := from; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

package analyzer

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/contractlint/contractlint/corpus"
)

// Rules find the clauses of a check by word patterns. A Pattern is a list
// of groups that must all occur in a unit of text; a group is a list of
// alternative phrases; a phrase is a sequence of words, each matched
// exactly or, when it ends in "*", as a prefix ("notif*" matches notify,
// notified, notification). Words are lower-case runs of letters and
// digits of the normalised text, so "multi-factor" is the two words
// "multi factor" and "Customer's" is "customer s".
//
// Prefixes rather than stems: Porter stemming does not bring "notify"
// (notifi) and "notification" (notif) together, and a prefix states what
// it matches in the rule file itself.
//
// All rules search one inverted index of the agreement (word -> places),
// built once per agreement, so adding rules adds lookups, not scans of
// the text.

// Pattern is a compiled word pattern: every group must match.
type Pattern struct {
	groups [][]phrase
	// not are groups none of whose phrases may occur ("!" groups).
	not [][]phrase
	// Source is the pattern as written, for messages.
	Source string
}

type phrase []pword

type pword struct {
	w      string
	prefix bool
}

// CompilePattern compiles groups of alternative phrases. A group may also
// be written as one string with alternatives separated by "|". A group
// whose first alternative begins with "!" is negated: the pattern matches
// only units where none of its phrases occurs ("minimum necessary & use* &
// !access*").
func CompilePattern(groups [][]string) (*Pattern, error) {
	p := &Pattern{}
	var src []string
	for _, g := range groups {
		var alts []phrase
		negated := false
		if len(g) > 0 {
			if t := strings.TrimSpace(g[0]); strings.HasPrefix(t, "!") {
				negated = true
				g = append([]string{strings.TrimPrefix(t, "!")}, g[1:]...)
			}
		}
		for _, s := range g {
			for _, alt := range strings.Split(s, "|") {
				ph, err := compilePhrase(alt)
				if err != nil {
					return nil, err
				}
				alts = append(alts, ph)
			}
		}
		if len(alts) == 0 {
			return nil, fmt.Errorf("empty group")
		}
		if negated {
			p.not = append(p.not, alts)
			src = append(src, "!"+strings.Join(g, " | "))
			continue
		}
		p.groups = append(p.groups, alts)
		src = append(src, strings.Join(g, " | "))
	}
	p.Source = strings.Join(src, " + ")
	if len(p.groups) == 0 && len(p.not) > 0 {
		return nil, fmt.Errorf("%s: a pattern needs a group that must occur, not only \"!\" groups", p.Source)
	}
	return p, nil
}

func compilePhrase(s string) (phrase, error) {
	var ph phrase
	for _, f := range strings.Fields(strings.TrimSpace(s)) {
		if f == RoleCustomerWord || f == RoleProviderWord {
			ph = append(ph, pword{w: f})
			continue
		}
		prefix := strings.HasSuffix(f, "*")
		f = strings.TrimSuffix(f, "*")
		ws := words(strings.ToLower(corpus.Normalize(f)))
		if len(ws) == 0 {
			return nil, fmt.Errorf("phrase %q: %q has no letters or digits", s, f)
		}
		for i, w := range ws {
			ph = append(ph, pword{w: w.s, prefix: prefix && i == len(ws)-1})
		}
	}
	if len(ph) == 0 {
		return nil, fmt.Errorf("empty phrase in %q", s)
	}
	return ph, nil
}

// Empty reports whether the pattern has no groups (it matches nothing).
func (p *Pattern) Empty() bool { return p == nil || len(p.groups) == 0 }

// The role words of a pattern: "{customer}" matches the word the
// agreement calls the customer ("Client", "Company", "BSP"), "{provider}"
// the provider's ("Supplier", "Datec"), whatever the agreement's names.
const (
	RoleCustomerWord = "{customer}"
	RoleProviderWord = "{provider}"
)

// word is a word of a unit's text with its byte offsets in the
// normalised, lower-cased text, and the role word it names, if any.
type word struct {
	s          string
	start, end int
	role       string
}

// words splits lower-case text into runs of letters and digits.
func words(s string) []word {
	var out []word
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, word{s: s[start:i], start: start, end: i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, word{s: s[start:], start: start, end: len(s)})
	}
	return out
}

// Unit is a piece of an agreement a rule judges as one: a clause, or a
// row of a table (its cells read together, after the table's header row).
type Unit struct {
	// Clause is the index in Analysis.Clauses of the unit's clause; for a
	// table row, of its first cell's first clause.
	Clause int
	// Clauses lists every clause of the unit (a row has one per cell).
	Clauses []int
	// Block is the block of the unit's first clause.
	Block int
	// Row: the unit is a table row.
	Row bool
	// Text is the unit's text as printed; Match the normalised lower-case
	// text the patterns search (for a row, the header row first).
	Text  string
	Match string
	words []word
	// live is Text with drafting notes and unticked options blanked.
	live string
	// prefix is read before the unit's text: the header row and the
	// row's label, for a sentence of a long table cell.
	prefix string
}

// index is the inverted index of an agreement's units.
type index struct {
	units []Unit
	post  map[string][]posting
	vocab []string // sorted keys of post

	mu    sync.Mutex
	found map[string][]int // Find's results by pattern text
}

type posting struct{ unit, pos int32 }

type lazyIndex struct {
	once sync.Once
	ix   *index
}

// Units returns the agreement's units, built once.
func (a *Analysis) Units() []Unit { return a.index().units }

func (a *Analysis) index() *index {
	if a.lazy == nil {
		// An Analysis built by hand in a test; not shared.
		a.lazy = &lazyIndex{}
	}
	a.lazy.once.Do(func() { a.lazy.ix = buildIndex(a) })
	return a.lazy.ix
}

func buildIndex(a *Analysis) *index {
	ix := &index{post: map[string][]posting{}, found: map[string][]int{}}
	roles := roleWords(a.Parties)
	blocks := a.Doc.Blocks
	rowUnit := map[[2]int]int{}   // (table, row) -> unit
	header := map[int]string{}    // table -> header row text
	options := map[int][][2]int{} // block -> drafting notes and unticked options
	long := longRows(a)
	label := map[[2]int]string{} // (table, row) -> first cell's text, for long rows
	for ci, c := range a.Clauses {
		b := blocks[c.Block]
		if c.Title || notClause(c.Text) {
			continue
		}
		spans, ok := options[c.Block]
		if !ok {
			spans = deadSpans(b.Text)
			options[c.Block] = spans
		}
		if dead(b.Text, spans, c.Start, c.End) {
			continue
		}
		// The clause's words with drafting notes and unticked options
		// blanked: what patterns search.
		live := blank(b.Text, spans, c.Start, c.End)
		key := [2]int{b.Table, b.Row}
		if b.Table > 0 && b.Row == 0 {
			header[b.Table] = joinCell(header[b.Table], live)
		}
		if b.Table > 0 && b.Row > 0 && long[key] && b.Col == 0 {
			// The label of a row whose cells hold several sentences each:
			// read before each of them, not judged on its own.
			label[key] = joinCell(label[key], live)
			continue
		}
		if b.Table > 0 && !(b.Row > 0 && long[key]) {
			if ui, ok := rowUnit[key]; ok {
				u := &ix.units[ui]
				u.Clauses = append(u.Clauses, ci)
				u.Text = joinCell(u.Text, c.Text)
				u.live = joinCell(u.live, live)
				continue
			}
			rowUnit[key] = len(ix.units)
			ix.units = append(ix.units, Unit{Clause: ci, Clauses: []int{ci}, Block: c.Block, Row: true, Text: c.Text, live: live})
			continue
		}
		// Clauses of one sentence are one unit ("The Supplier shall not use
		// standing privileged accounts; elevated access shall expire ..."),
		// except the items of a list, each a duty of its own.
		if n := len(ix.units); n > 0 && c.Lead < 0 && !c.Title {
			u := &ix.units[n-1]
			first := a.Clauses[u.Clause]
			// (A paragraph that continues an earlier paragraph's list is an
			// item whose clauses read together.)
			if !u.Row && first.Block == c.Block && first.Sentence == c.Sentence && (first.Lead < 0 || a.Clauses[first.Lead].Block != first.Block) && !first.Title {
				u.Clauses = append(u.Clauses, ci)
				u.Text = b.Text[first.Start:c.End]
				u.live = blank(b.Text, spans, first.Start, c.End)
				continue
			}
		}
		u := Unit{Clause: ci, Clauses: []int{ci}, Block: c.Block, Text: c.Text, live: live}
		if b.Table > 0 {
			u.prefix = joinCell(header[b.Table], label[key])
		}
		ix.units = append(ix.units, u)
	}
	for ui := range ix.units {
		u := &ix.units[ui]
		m := u.live
		if u.prefix != "" {
			m = u.prefix + " | " + m
		}
		if u.Row {
			if h := header[blocks[u.Block].Table]; h != "" && blocks[u.Block].Row != 0 {
				m = h + " | " + m
			}
		}
		u.Match = strings.ToLower(corpus.Normalize(m))
		u.live = ""
		u.words = words(u.Match)
		for pi := range u.words {
			w := &u.words[pi]
			ix.post[w.s] = append(ix.post[w.s], posting{int32(ui), int32(pi)})
			if r := roles[w.s]; r != "" {
				w.role = r
				ix.post[r] = append(ix.post[r], posting{int32(ui), int32(pi)})
			}
		}
	}
	ix.vocab = make([]string, 0, len(ix.post))
	for w := range ix.post {
		ix.vocab = append(ix.vocab, w)
	}
	sort.Strings(ix.vocab)
	return ix
}

// longRows returns the table rows (table, row) one of whose cells after
// the first holds more than one sentence: such a row is read a sentence at
// a time, each after the header and the row's label, rather than as one
// unit whose words could come from unrelated sentences.
func longRows(a *Analysis) map[[2]int]bool {
	long := map[[2]int]bool{}
	last := map[int]int{} // block -> last sentence seen
	for _, c := range a.Clauses {
		b := a.Doc.Blocks[c.Block]
		if b.Table == 0 || b.Col == 0 || c.Title {
			continue
		}
		if s, ok := last[c.Block]; ok && s != c.Sentence {
			long[[2]int{b.Table, b.Row}] = true
		}
		last[c.Block] = c.Sentence
	}
	return long
}

func joinCell(a, b string) string {
	if a == "" {
		return b
	}
	return a + " | " + b
}

// Find returns the units in which every group of p matches, in document
// order. Results are kept per agreement by the pattern's text, so rules
// that share a pattern (or a rule pack that repeats the built-in ones)
// look it up once. The slice returned is shared: do not modify it.
func (a *Analysis) Find(p *Pattern) []int {
	if p.Empty() {
		return nil
	}
	ix := a.index()
	ix.mu.Lock()
	out, ok := ix.found[p.Source]
	ix.mu.Unlock()
	if ok {
		return out
	}
	out = ix.find(p)
	ix.mu.Lock()
	ix.found[p.Source] = out
	ix.mu.Unlock()
	return out
}

func (ix *index) find(p *Pattern) []int {
	var hits map[int32]bool
	for _, g := range p.groups {
		in := map[int32]bool{}
		for _, ph := range g {
			ix.phraseUnits(ph, func(u int32) {
				if hits == nil || hits[u] {
					in[u] = true
				}
			})
		}
		hits = in
		if len(hits) == 0 {
			return nil
		}
	}
	for _, g := range p.not {
		for _, ph := range g {
			ix.phraseUnits(ph, func(u int32) { delete(hits, u) })
		}
	}
	out := make([]int, 0, len(hits))
	for u := range hits {
		out = append(out, int(u))
	}
	sort.Ints(out)
	return out
}

// Matches reports whether every group of p matches unit ui.
func (a *Analysis) Matches(p *Pattern, ui int) bool {
	if p.Empty() {
		return false
	}
	// The units a pattern matches are found once per agreement through the
	// word index (Find); each question after that is a binary search.
	in := a.Find(p)
	i := sort.SearchInts(in, ui)
	return i < len(in) && in[i] == ui
}

func (u *Unit) matchGroup(g []phrase) bool {
	for _, ph := range g {
		for i := range u.words {
			if ph.at(u.words, i) {
				return true
			}
		}
	}
	return false
}

// at reports whether the phrase matches ws from position i.
func (ph phrase) at(ws []word, i int) bool {
	if i+len(ph) > len(ws) {
		return false
	}
	for k, pw := range ph {
		w := ws[i+k].s
		if pw.w[0] == '{' {
			if ws[i+k].role != pw.w {
				return false
			}
			continue
		}
		if pw.prefix {
			if !strings.HasPrefix(w, pw.w) {
				return false
			}
		} else if w != pw.w {
			return false
		}
	}
	return true
}

// phraseUnits calls f for every unit where ph occurs.
func (ix *index) phraseUnits(ph phrase, f func(int32)) {
	first := ph[0]
	visit := func(ps []posting) {
		for _, p := range ps {
			if len(ph) == 1 || ph.at(ix.units[p.unit].words, int(p.pos)) {
				f(p.unit)
			}
		}
	}
	if !first.prefix {
		visit(ix.post[first.w])
		return
	}
	i := sort.SearchStrings(ix.vocab, first.w)
	for ; i < len(ix.vocab) && strings.HasPrefix(ix.vocab[i], first.w); i++ {
		visit(ix.post[ix.vocab[i]])
	}
}

// runeOffset converts a byte offset in s to a code point offset.
func runeOffset(s string, b int) int {
	if b > len(s) {
		b = len(s)
	}
	return utf8.RuneCountInString(s[:b])
}

// roleWords maps the lower-case words that name each party to its role
// word: the last word of its short name ("Client", "Service Provider"),
// and the generic role words "customer" and "provider" unless the
// agreement's short names take them.
func roleWords(p Parties) map[string]string {
	m := map[string]string{}
	add := func(name, role string) {
		ws := words(strings.ToLower(corpus.Normalize(name)))
		if len(ws) == 0 {
			return
		}
		w := ws[len(ws)-1].s
		if _, taken := m[w]; !taken {
			m[w] = role
		}
	}
	add(p.Customer.Alias, RoleCustomerWord)
	add(p.Provider.Alias, RoleProviderWord)
	add(string(RoleCustomer), RoleCustomerWord)
	add(string(RoleProvider), RoleProviderWord)
	return m
}

// draftingNote matches a template's bracketed drafting note, which is
// advice to the drafter and not part of the agreement.
var draftingNote = regexp.MustCompile(`(?i)\[\s*drafting note[^\]]*\]`)

// optionBox matches a template's check box: "[ ]" unticked, "[x]" or
// "[ X ]" ticked.
var optionBox = regexp.MustCompile(`\[\s?([xX✓✔])?\s?\]|[\x{2610}\x{2611}\x{2612}]`)

// deadSpans returns the byte spans of a block's text that are not terms
// of the agreement: drafting notes, and options a template leaves
// unticked (from an empty box, "[ ]" or "☐", to the next box or the end
// of the block).
func deadSpans(text string) [][2]int {
	if !strings.Contains(text, "[") && !strings.ContainsAny(text, "\u2610\u2611\u2612") {
		return nil
	}
	var spans [][2]int
	for _, m := range draftingNote.FindAllStringIndex(text, -1) {
		spans = append(spans, [2]int{m[0], m[1]})
	}
	boxes := optionBox.FindAllStringSubmatchIndex(text, -1)
	for i, m := range boxes {
		box := text[m[0]:m[1]]
		if m[2] >= 0 || box == "\u2611" || box == "\u2612" {
			continue // ticked
		}
		end := len(text)
		if i+1 < len(boxes) {
			end = boxes[i+1][0]
		}
		spans = append(spans, [2]int{m[0], end})
	}
	return spans
}

// blank returns text[start:end] with the parts inside the spans replaced
// by spaces.
func blank(text string, spans [][2]int, start, end int) string {
	if len(spans) == 0 {
		return text[start:end]
	}
	b := []byte(text[start:end])
	for _, s := range spans {
		lo, hi := max(s[0], start), min(s[1], end)
		for i := lo; i < hi; i++ {
			b[i-start] = ' '
		}
	}
	return string(b)
}

// dead reports whether every letter or digit of text[start:end] lies in
// one of the spans.
func dead(text string, spans [][2]int, start, end int) bool {
	if len(spans) == 0 {
		return false
	}
	for i, r := range text[start:end] {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		at, in := start+i, false
		for _, s := range spans {
			if at >= s[0] && at < s[1] {
				in = true
				break
			}
		}
		if !in {
			return false
		}
	}
	return true
}

// definition matches a clause that defines a term ("“Report” means ..."):
// its words say what a term means, not what a party must do.
var definition = regexp.MustCompile(`^[\s\d.()a-z]{0,12}["“][^"”]{1,80}["”]\s*(\([^)]*\)\s*)?(means|shall mean|has the meaning|refers to|is defined as|will mean)\b`)

// notClause reports whether a clause's text is not a term of the
// agreement a rule should judge: a definition, an option a template
// leaves unticked ("[ ] Penetration testing"), a line of a table of
// contents, or a list of the sections that survive termination.
func notClause(text string) bool {
	t := strings.TrimSpace(text)
	if strings.HasPrefix(t, "[ ]") || strings.HasPrefix(t, "[]") || strings.HasPrefix(t, "\u2610") {
		return true
	}
	if definition.MatchString(t) {
		return true
	}
	l := strings.ToLower(t)
	if strings.Contains(l, "will survive") || strings.Contains(l, "shall survive") || strings.Contains(l, "survive expiration") || strings.Contains(l, "survive termination") || strings.Contains(l, "survive any termination") {
		return true
	}
	return tocLike(t)
}

// tocLike reports whether text reads like a table of contents: mostly
// capitalised words between section and page numbers.
func tocLike(t string) bool {
	caps, lower, nums := 0, 0, 0
	for _, f := range strings.Fields(t) {
		r, _ := utf8.DecodeRuneInString(f)
		switch {
		case unicode.IsDigit(r):
			nums++
		case utf8.RuneCountInString(f) < 4:
		case unicode.IsUpper(r):
			caps++
		case unicode.IsLetter(r):
			lower++
		}
	}
	return nums >= 3 && caps >= 3 && lower*4 <= caps
}

// Matched returns the words of unit ui that the first group of p matches,
// as the unit's normalised text has them ("reasonable time"), or "".
func (a *Analysis) Matched(p *Pattern, ui int) string {
	if p.Empty() {
		return ""
	}
	u := &a.index().units[ui]
	for _, ph := range p.groups[0] {
		for i := range u.words {
			if ph.at(u.words, i) {
				return u.Match[u.words[i].start:u.words[i+len(ph)-1].end]
			}
		}
	}
	return ""
}

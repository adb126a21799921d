package analyzer

import (
	"regexp"
	"sort"
	"strings"

	"github.com/contractlint/contractlint/corpus"
)

// Role is the side of the agreement a party is on.
type Role string

// The roles. The review takes the customer's side: duties count when they
// bind the provider.
const (
	RoleNone     Role = ""
	RoleProvider Role = "provider"
	RoleCustomer Role = "customer"
	// RoleBoth: "each party", "the parties", "neither party".
	RoleBoth Role = "both"
)

// Party is one side of the agreement as the text defines it.
type Party struct {
	Role Role `json:"role"`
	// Name is the legal name as printed ("NetGuard Services LLC"); empty
	// when the document names the party only by its role, as standard
	// terms do ("Provider", "Customer").
	Name string `json:"name,omitempty"`
	// Alias is the short name the agreement uses ("Provider", "IBM").
	Alias string `json:"alias,omitempty"`
	// Block is the index of the block where the party is defined, -1 when
	// the role was inferred from use.
	Block int `json:"block"`
}

// Parties are the two sides of an agreement.
type Parties struct {
	Provider Party `json:"provider"`
	Customer Party `json:"customer"`
}

var (
	providerWords = []string{"Service Provider", "Provider", "Supplier", "Contractor", "Vendor", "MSSP", "MSP",
		"Data Processor", "Processor", "Business Associate", "Consultant", "Licensor", "Seller", "Service Company", "Data Importer"}
	customerWords = []string{"Customer", "Client", "Company", "Data Controller", "Controller", "Covered Entity",
		"Buyer", "Purchaser", "Licensee", "Subscriber", "Data Exporter"}
)

// roleOfWord gives the role a defined short name states ("Provider",
// "the Supplier"), or RoleNone for a name ("IBM").
func roleOfWord(alias string) Role {
	a := strings.TrimPrefix(strings.TrimSpace(alias), "the ")
	for _, w := range providerWords {
		if strings.EqualFold(a, w) {
			return RoleProvider
		}
	}
	for _, w := range customerWords {
		if strings.EqualFold(a, w) {
			return RoleCustomer
		}
	}
	return RoleNone
}

var (
	// NAME, a Delaware corporation ("Vendor") / NAME ("IBM") / NAME (the
	// "Customer") / NAME, hereinafter referred to as "MMMW".
	reQuotedAlias = regexp.MustCompile(`\((?:(?:the|hereinafter|hereinafter referred to as|hereinafter called|referred to as)\s+)?["“]([A-Z][A-Za-z&.\- ]{0,40})["”]\)|,?\s+(?:hereinafter|hereafter)\s+(?:referred to as|called)\s+(?:the\s+)?["“]([A-Z][A-Za-z&.\- ]{0,40})["”]`)
	// NAME (ALIAS) without quotes, where NAME ends in a company form:
	// "Datec (PNG) LTD (Datec)".
	reBareAlias   = regexp.MustCompile(`(?i:ltd|limited|inc|llc|plc|corporation|corp|company|co|llp|gmbh|pty ltd|p\.c)\.?\s+\(([A-Z][A-Za-z]{1,20})\)`)
	reNameStart   = regexp.MustCompile(`(?i)(?:\bbetween\s+|\band\s+|\bby\s+(?:and\s+between\s+)?|\bto\s+(?:the\s+)?|^\(\d\)\s+|^\d\.\s+|^)`)
	reDescriptor  = regexp.MustCompile(`,\s+(?:a|an|the|having|with|whose|incorporated|organized|organised|registered|of|ABN|ACN|CRN|company number|company no|registration)\b|,\s*$`)
	rePlaceholder = regexp.MustCompile(`^\[.*\]$|^\{.*\}$|^_+$|(?i)insert name`)
)

// partyCandidate is a defined party found in the text.
type partyCandidate struct {
	name, alias string
	block       int
	pos         int // offset of the definition in the block
}

// findParties reads the parties from the preamble and definitions: the
// first blocks that define a name with a short name in brackets, with
// roles from the short names ("Provider", "Client") or, for names ("IBM",
// "Datec"), from the other party's role or from who provides the services.
func findParties(doc *corpus.Document) Parties {
	var cands []partyCandidate
	// The preamble may follow a long table of contents (EDGAR exhibits).
	limit := min(len(doc.Blocks), 250)
	for bi := 0; bi < limit && len(cands) < 4; bi++ {
		text := doc.Blocks[bi].Text
		if !strings.Contains(text, "(") && !strings.Contains(text, "hereinafter") && !strings.Contains(text, "hereafter") {
			continue
		}
		type hit struct {
			at, end int
			alias   string
		}
		var hits []hit
		for _, m := range reQuotedAlias.FindAllStringSubmatchIndex(text, -1) {
			alias := submatch(text, m, 1)
			if alias == "" {
				alias = submatch(text, m, 2)
			}
			hits = append(hits, hit{m[0], m[1], strings.TrimSpace(alias)})
		}
		for _, m := range reBareAlias.FindAllStringSubmatchIndex(text, -1) {
			hits = append(hits, hit{strings.LastIndex(text[:m[1]], "("), m[1], text[m[2]:m[3]]})
		}
		sort.Slice(hits, func(i, j int) bool { return hits[i].at < hits[j].at })
		// A name runs from the end of the previous short name.
		from := 0
		for _, h := range hits {
			if h.at < from {
				continue
			}
			// A short name that is a role word may follow any name
			// ("Oakridge Unified School District (the "Customer")");
			// another short name ("IBM") only an organisation's.
			name := nameBefore(text[from:h.at])
			if name != "" && !isNonParty(h.alias) && (roleOfWord(h.alias) != RoleNone || reOrganisation.MatchString(name) || rePlaceholder.MatchString(name)) {
				cands = append(cands, partyCandidate{name, h.alias, bi, h.at})
			}
			from = h.end
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].block != cands[j].block {
			return cands[i].block < cands[j].block
		}
		return cands[i].pos < cands[j].pos
	})
	var p Parties
	var unknown []partyCandidate
	for _, c := range cands {
		party := Party{Name: c.name, Alias: c.alias, Block: c.block}
		if rePlaceholder.MatchString(c.name) {
			party.Name = ""
		}
		switch roleOfWord(c.alias) {
		case RoleProvider:
			if p.Provider.Alias == "" {
				party.Role = RoleProvider
				p.Provider = party
			}
		case RoleCustomer:
			if p.Customer.Alias == "" {
				party.Role = RoleCustomer
				p.Customer = party
			}
		default:
			if len(unknown) < 2 && (len(unknown) == 0 || unknown[0].alias != c.alias) {
				unknown = append(unknown, c)
			}
		}
	}
	// Names, not roles ("IBM", "Datec"): by elimination, by who provides
	// the services, or against the role word the text uses.
	switch {
	case len(unknown) == 2 && p.Provider.Alias == "" && p.Customer.Alias == "":
		a, b := unknown[0], unknown[1]
		if providesMore(doc, b.alias, a.alias) {
			a, b = b, a
		}
		p.Provider = Party{Role: RoleProvider, Name: a.name, Alias: a.alias, Block: a.block}
		p.Customer = Party{Role: RoleCustomer, Name: b.name, Alias: b.alias, Block: b.block}
	case len(unknown) >= 1:
		c := unknown[0]
		party := Party{Name: c.name, Alias: c.alias, Block: c.block}
		if p.Provider.Alias == "" && p.Customer.Alias == "" {
			// GitHub's DPA defines only GitHub and calls the other side
			// "Customer" throughout.
			if w := mostUsed(doc, customerWords, ""); w != "" {
				p.Customer = Party{Role: RoleCustomer, Alias: w, Block: -1}
			} else if w := mostUsed(doc, providerWords, ""); w != "" {
				p.Provider = Party{Role: RoleProvider, Alias: w, Block: -1}
			}
		}
		switch {
		case p.Provider.Alias == "" && p.Customer.Alias != "":
			party.Role, p.Provider = RoleProvider, party
		case p.Customer.Alias == "" && p.Provider.Alias != "":
			party.Role, p.Customer = RoleCustomer, party
		}
	}
	// Standard terms name the parties by role only: take the role words
	// the text uses most.
	if p.Provider.Alias == "" {
		if w := mostUsed(doc, providerWords, p.Customer.Alias); w != "" {
			p.Provider = Party{Role: RoleProvider, Alias: w, Block: -1}
		}
	}
	if p.Customer.Alias == "" {
		if w := mostUsed(doc, customerWords, p.Provider.Alias); w != "" {
			p.Customer = Party{Role: RoleCustomer, Alias: w, Block: -1}
		}
	}
	return p
}

func submatch(s string, m []int, i int) string {
	if 2*i+1 >= len(m) || m[2*i] < 0 {
		return ""
	}
	return s[m[2*i]:m[2*i+1]]
}

// isNonParty: short names that define the agreement or its parts, not a
// party ("Agreement", "DPA", "Effective Date", "Services").
func isNonParty(alias string) bool {
	switch strings.ToLower(alias) {
	case "agreement", "dpa", "effective date", "services", "service", "msa", "sow", "order", "order form",
		"base terms", "attachment", "terms", "addendum", "baa", "sla", "contract", "deliverables":
		return true
	}
	a := strings.ToLower(alias)
	return strings.HasSuffix(a, " date") || strings.Contains(a, "agreement") // "Effective Date", "Master Agreement"; not "Datec"
}

// nameBefore takes the party name that ends where a bracketed short name
// starts: back to "between", "and", "by", "to" or the start of the block,
// without descriptors (", a Delaware corporation").
func nameBefore(s string) string {
	s = strings.TrimRight(s, " ,")
	// The name starts at the last marker before its first descriptor:
	// in "(1) Lanyard Ltd, a company incorporated in England and Wales"
	// the "and" inside the descriptor does not start a name.
	desc := len(s)
	if loc := reDescriptor.FindStringIndex(s); loc != nil {
		desc = loc[0]
	}
	from := 0
	for _, st := range reNameStart.FindAllStringIndex(s, -1) {
		if st[1] <= desc && st[1] < len(s) {
			from = st[1]
		}
	}
	name := s[from:desc]
	if loc := reDescriptor.FindStringIndex(name); loc != nil {
		name = name[:loc[0]]
	}
	name = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(name), ","))
	words := strings.Fields(name)
	if len(words) == 0 || len(words) > 10 {
		return ""
	}
	// A name starts with a capital or a digit ("3M") or is a placeholder.
	c := name[0]
	if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '[' || c == '{') {
		return ""
	}
	return name
}

// reOrganisation: a name that ends in a company form.
var reOrganisation = regexp.MustCompile(`(?i)\b(?:inc|ltd|limited|llc|l\.l\.c|plc|corporation|corp|company|co|llp|lp|gmbh|ag|s\.a|n\.v|b\.v|p\.c|pty ltd|pte ltd|bhd|sa|spa|s\.p\.a|group|district|association|authority|council|university|trust|bank|union|cooperative|society|partnership)\.?,?$`)

// providesMore reports whether a is more often than b the subject of
// "provide", "perform" or "deliver" the services.
func providesMore(doc *corpus.Document, a, b string) bool {
	count := func(alias string) int {
		n := 0
		for _, blk := range doc.Blocks {
			t := blk.Text
			for _, v := range []string{" will provide", " shall provide", " provides", " will perform", " shall perform", " agrees to provide", " hereby agrees to provide", " to provide service"} {
				n += strings.Count(t, alias+v)
			}
			n += strings.Count(t, "by "+alias+" to")
		}
		return n
	}
	return count(a) > count(b)
}

// mostUsed returns the role word of words most used as a capitalised word
// in the document, other than exclude.
func mostUsed(doc *corpus.Document, words []string, exclude string) string {
	best, bestN := "", 0
	for _, w := range words {
		if w == exclude {
			continue
		}
		n := 0
		for _, b := range doc.Blocks {
			n += countWord(b.Text, w)
		}
		if n > bestN {
			best, bestN = w, n
		}
	}
	if bestN < 3 {
		return ""
	}
	return best
}

// countWord counts w in s at word boundaries.
func countWord(s, w string) int {
	n := 0
	for at := nextWord(s, w, 0); at >= 0; at = nextWord(s, w, at+len(w)) {
		n++
	}
	return n
}

// nextWord finds w in s at or after from, at word boundaries (a
// possessive "'s" may follow), or returns -1.
func nextWord(s, w string, from int) int {
	for i := from; i <= len(s); {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return -1
		}
		at := i + j
		end := at + len(w)
		if (at == 0 || !isWordByte(s[at-1])) && (end == len(s) || !isWordByte(s[end]) || s[end] == '\'') {
			return at
		}
		i = at + 1
	}
	return -1
}

// roleOf resolves a subject ("the Supplier", "IBM", "Each party") to a role.
func (p Parties) roleOf(subject string) Role {
	if subject == "" {
		return RoleNone
	}
	s := strings.ToLower(subject)
	for _, both := range []string{"each party", "either party", "both parties", "the parties", "neither party", "each of the parties", "a party", "the party"} {
		if strings.Contains(s, both) {
			return RoleBoth
		}
	}
	// The party named first is the head: "Customer's auditor" is the
	// customer's, "Provider and its Subprocessors" the provider's.
	provider := p.Provider.mentioned(subject)
	customer := p.Customer.mentioned(subject)
	switch {
	case provider >= 0 && (customer < 0 || provider < customer):
		return RoleProvider
	case customer >= 0:
		return RoleCustomer
	}
	// A role word inside the subject: "Data importer's personnel", "the
	// Service Provider's staff"; the first one named is the head.
	best, role := -1, RoleNone
	for _, group := range []struct {
		words []string
		role  Role
	}{{providerWords, RoleProvider}, {customerWords, RoleCustomer}} {
		for _, w := range group.words {
			if i := nextWord(s, strings.ToLower(w), 0); i >= 0 && (best < 0 || i < best) {
				best, role = i, group.role
			}
		}
	}
	return role
}

// mentioned returns where the party's alias or name stands in s, or -1.
func (pt Party) mentioned(s string) int {
	best := -1
	for _, n := range []string{pt.Alias, pt.Name} {
		if n == "" {
			continue
		}
		if i := nextWord(s, n, 0); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}

package analyzer

import (
	"strings"
	"testing"

	"github.com/contractlint/contractlint/corpus/extract"
)

// matchesUnit reports whether every group of p matches unit ui by reading
// the unit's words (the reference Find and Matches are held to).
func (a *Analysis) matchesUnit(p *Pattern, ui int) bool {
	u := &a.index().units[ui]
	for _, g := range p.groups {
		if !u.matchGroup(g) {
			return false
		}
	}
	for _, g := range p.not {
		if u.matchGroup(g) {
			return false
		}
	}
	return true
}

// TestFindAgreesWithReading: the word index (Find, and Matches through it)
// gives the units that reading each unit's words gives, "!" groups, prefixes,
// role words and table rows included; and a second Find (cached) gives the same.
func TestFindAgreesWithReading(t *testing.T) {
	doc, err := extract.Bytes("p.md", []byte("This Agreement is between Acme Ltd (\"Client\") and NetGuard LLC (\"Supplier\").\n\nThe Supplier shall notify the Client of any Security Incident within 24 hours.\n\nThe Supplier's personnel shall receive security training annually.\n\n| Priority | Response |\n|---|---|\n| P1 | 15 minutes |\n| P2 | notify within 4 hours |\n"))
	if err != nil {
		t.Fatal(err)
	}
	a := Analyze(doc)
	for _, src := range [][]string{
		{"notif*"}, {"notify"}, {"{provider} & notif*"}, {"{customer}"}, {"response & 15 minutes"},
		{"notif* ", "!p2"}, {"security ", "!training"}, {"security incident* | training"}, {"within 24 hours"},
	} {
		var groups [][]string
		for _, g := range src {
			for _, part := range strings.Split(g, "&") {
				groups = append(groups, []string{part})
			}
		}
		p, err := CompilePattern(groups)
		if err != nil {
			t.Fatal(err)
		}
		found := a.Find(p)
		if again := a.Find(p); len(again) != len(found) {
			t.Errorf("%v: a second Find gives %v, the first %v", src, again, found)
		}
		in := map[int]bool{}
		for _, u := range found {
			in[u] = true
		}
		for ui := range a.Units() {
			want := a.matchesUnit(p, ui)
			if in[ui] != want || a.Matches(p, ui) != want {
				t.Errorf("%v, unit %d %q: Find %v, Matches %v, reading the words %v", src, ui, a.Units()[ui].Text, in[ui], a.Matches(p, ui), want)
			}
		}
	}
}

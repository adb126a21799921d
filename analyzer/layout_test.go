package analyzer

import (
	"strings"
	"testing"

	"github.com/contractlint/contractlint/corpus"
)

// Template options a drafter leaves unticked, and drafting notes, are not
// terms of the agreement; ticked options are.
func TestDeadSpans(t *testing.T) {
	text := "Security measures: [ drafting note: check all that apply. ] [ x ] See Security Policy [ ] Encryption at rest: {measures} [ ] Events logging ☐ Annual penetration test"
	spans := deadSpans(text)
	live := blank(text, spans, 0, len(text))
	for _, want := range []string{"Security measures:", "See Security Policy"} {
		if !strings.Contains(live, want) {
			t.Errorf("live text %q lost %q", live, want)
		}
	}
	for _, gone := range []string{"drafting", "Encryption", "Events logging", "penetration"} {
		if strings.Contains(live, gone) {
			t.Errorf("live text %q keeps %q from a drafting note or unticked option", live, gone)
		}
	}
	start := len("Security measures: [ drafting note: check all that apply. ] [ x ] See Security Policy ")
	if !dead(text, spans, start, len(text)) {
		t.Errorf("the unticked options %q should be dead", text[start:])
	}
	if dead(text, spans, 0, start) {
		t.Errorf("%q holds live words", text[:start])
	}
	if deadSpans("Provider shall encrypt Customer Data [at rest].") != nil {
		t.Error("a bracketed word is not an option box")
	}
}

// A paragraph that is only a heading, or a run-in heading, names a
// section: it is a title and no rule judges it.
func TestHeadingParagraphs(t *testing.T) {
	doc := &corpus.Document{Path: "h.txt", Format: corpus.FormatText, Blocks: []corpus.Block{
		{Kind: corpus.Paragraph, Text: "6. NON-DISCLOSURE", Line: 1},
		{Kind: corpus.Paragraph, Text: "Security Incident Management", Line: 3},
		{Kind: corpus.Paragraph, Text: "12.1 Exit Assistance. Provider shall return all Customer Data.", Line: 5},
		{Kind: corpus.Paragraph, Text: "Provider shall keep Customer Data confidential", Line: 7},
		{Kind: corpus.Paragraph, Text: "Confidentiality", Line: 9, Table: 1},
	}}
	wantClauses(t, Analyze(doc), "Title", func(c Clause) bool { return c.Title }, map[string]bool{
		"6. NON-DISCLOSURE":                              true,
		"Security Incident Management":                   true,
		"12.1 Exit Assistance.":                          true,
		"Provider shall return all Customer Data.":       false,
		"Provider shall keep Customer Data confidential": false,
		"Confidentiality":                                false, // a table cell labels its row
	})
}

// A paragraph that starts with a lower-case word continues the list of an
// earlier paragraph (filings flatten lists into paragraphs): it takes the
// outermost lead-in's party and modal.
func TestListAcrossParagraphs(t *testing.T) {
	doc := &corpus.Document{Path: "l.txt", Format: corpus.FormatText, Blocks: []corpus.Block{
		{Kind: corpus.Paragraph, Text: `This Agreement is between Acme Inc. ("Customer") and IBM Corp. ("IBM").`, Line: 1},
		{Kind: corpus.Paragraph, Text: "Customer will: provide IBM with firewall settings; keep its contacts current;", Line: 3},
		{Kind: corpus.Paragraph, Text: "perform regular reviews of its accounts for:", Line: 5},
		{Kind: corpus.Paragraph, Text: "dormant users;", Line: 7},
		{Kind: corpus.Paragraph, Text: "not access the networks of other IBM customers; and keep its passwords secret.", Line: 9},
		{Kind: corpus.Paragraph, Text: "IBM will patch the servers monthly.", Line: 11},
	}}
	wantClauses(t, Analyze(doc), "party", func(c Clause) Role { return c.Party }, map[string]Role{
		"perform regular reviews of its accounts for:":    RoleCustomer,
		"not access the networks of other IBM customers;": RoleCustomer,
		"IBM will patch the servers monthly.":             RoleProvider,
	})
}

// Items of a list that each start with a capital, in their own paragraphs
// or run on in one, continue the list while the item before ends with a
// semicolon (EDGAR's Greek question mark for one included), so they share
// the lead-in's negation; a paragraph after a full stop starts afresh.
func TestCapitalisedListItems(t *testing.T) {
	doc := &corpus.Document{Path: "x.txt", Format: corpus.FormatText, Blocks: []corpus.Block{
		{Kind: corpus.Paragraph, Text: "Provider is not responsible for any Outage outside its control, including the following:", Line: 1},
		{Kind: corpus.Paragraph, Text: "periods of scheduled maintenance;", Line: 3},
		{Kind: corpus.Paragraph, Text: "Outages caused by Customer Content\u037e Outages caused by Customer patches;", Line: 5},
		{Kind: corpus.Paragraph, Text: "Power outages caused by customer equipment; and Customer's performance of any penetration test.", Line: 7},
		{Kind: corpus.Paragraph, Text: "Penetration tests are run every year.", Line: 9},
	}}
	wantClauses(t, Analyze(doc), "Negated", func(c Clause) bool { return c.Negated }, map[string]bool{
		"periods of scheduled maintenance;":                   true,
		"Outages caused by Customer Content\u037e":            true,
		"Outages caused by Customer patches;":                 true,
		"Power outages caused by customer equipment;":         true,
		"and Customer's performance of any penetration test.": true,
		"Penetration tests are run every year.":               false, // after a full stop: not an item
	})
}

// wantClauses checks what f reads of the clauses with the given texts
// (white space trimmed); every text must be a clause of a.
func wantClauses[T comparable](t *testing.T, a *Analysis, what string, f func(Clause) T, want map[string]T) {
	t.Helper()
	got := map[string]T{}
	for _, c := range a.Clauses {
		got[strings.TrimSpace(c.Text)] = f(c)
	}
	for text, w := range want {
		g, ok := got[text]
		if !ok {
			t.Errorf("no clause %q; clauses: %v", text, got)
			continue
		}
		if g != w {
			t.Errorf("%q: %s = %v, want %v", text, what, g, w)
		}
	}
}

package analyzer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/contractlint/contractlint/corpus"
	"github.com/contractlint/contractlint/corpus/extract"
)

// analyzeText builds a document from Markdown-like text and analyses it.
func analyzeText(t *testing.T, text string) *Analysis {
	t.Helper()
	doc, err := extract.Bytes("test.md", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return Analyze(doc)
}

func clauseWith(t *testing.T, a *Analysis, part string) *Clause {
	t.Helper()
	for i := range a.Clauses {
		if strings.Contains(a.Clauses[i].Text, part) {
			return &a.Clauses[i]
		}
	}
	t.Fatalf("no clause contains %q", part)
	return nil
}

func TestAnalyzeDuties(t *testing.T) {
	a := analyzeText(t, `# Managed Services Agreement

This Agreement is made between NetGuard Services LLC, a Delaware limited liability company ("Provider"), and Acme Retail Ltd ("Customer").

## 1. Definitions

"Notification Period" means forty-eight (48) hours.

"Breach Window" means the period stated in the Order Form.

## 12. Security

12.1 The Provider shall: (a) encrypt Customer Data at rest; and (b) notify Customer of any Security Incident within the Notification Period.

12.2 Customer shall notify Provider of changes to its contacts.

12.3 Provider shall not be required to test backups.

12.4 Customer Data shall be backed up daily by Provider.

12.5 Provider will use commercially reasonable efforts to report incidents within the Breach Window.

12.6 Each party shall keep the other's Confidential Information confidential.
`)
	if a.Parties.Provider.Name != "NetGuard Services LLC" || a.Parties.Provider.Alias != "Provider" || a.Parties.Customer.Name != "Acme Retail Ltd" {
		t.Errorf("parties %+v", a.Parties)
	}
	term := a.Terms["Notification Period"]
	if term == nil || term.Section != "1" {
		t.Fatalf("Notification Period: %+v", term)
	}
	if a.Terms["Breach Window"] == nil || !a.Terms["Breach Window"].External {
		t.Errorf("Breach Window should be external (set in the Order Form): %+v", a.Terms["Breach Window"])
	}

	enc := clauseWith(t, a, "encrypt Customer Data at rest")
	if enc.Modality != Binding || enc.Party != RoleProvider || enc.Lead < 0 {
		t.Errorf("item (a) should inherit the lead-in's binding duty on the provider: %+v", enc)
	}
	notify := clauseWith(t, a, "within the Notification Period")
	if len(notify.Terms) != 1 || notify.Terms[0].Term != term {
		t.Errorf("the Notification Period is used in item (b): %+v", notify.Terms)
	}
	if c := clauseWith(t, a, "notify Provider of changes"); c.Party != RoleCustomer || c.Modality != Binding {
		t.Errorf("12.2 binds the customer: %+v", c.Reading)
	}
	if c := clauseWith(t, a, "not be required to test"); !c.Negated || c.Party != RoleProvider {
		t.Errorf("12.3 is a negated duty: %+v", c.Reading)
	}
	if c := clauseWith(t, a, "backed up daily"); !c.Passive || c.Party != RoleProvider {
		t.Errorf("12.4 is passive with the provider as agent: %+v party %s", c.Reading, c.Party)
	}
	hedged := clauseWith(t, a, "commercially reasonable efforts")
	if !hedged.Hedged(false) || hedged.Party != RoleProvider {
		t.Errorf("12.5 is hedged: %+v", hedged.Reading)
	}
	vs := hedged.Values()
	if len(vs) != 1 || !vs[0].NotInDocument || !strings.HasPrefix(vs[0].Note, ValueNotInDocument) {
		t.Errorf("12.5 relies on a value not in the document: %+v", vs)
	}
	if c := clauseWith(t, a, "Each party shall keep"); c.Party != RoleBoth {
		t.Errorf("12.6 binds both parties: %s", c.Party)
	}
}

// TestUndefinedValueTerm: a clause relying on a capitalised period the
// document never defines resolves to "value not in document".
func TestUndefinedValueTerm(t *testing.T) {
	a := analyzeText(t, "Provider shall notify Customer of a Security Incident within the Breach Notification Period.\n")
	vs := a.Clauses[0].Values()
	if len(vs) != 1 || !vs[0].NotInDocument || !strings.Contains(vs[0].Note, "Breach Notification Period") {
		t.Errorf("values %+v", vs)
	}
}

// TestCorpusDefinedTerms: defined periods of the synthetic agreements are
// found far from their use and resolve to their values.
func TestCorpusDefinedTerms(t *testing.T) {
	for _, c := range []struct {
		doc, term, use string
	}{
		{"synthetic/docs/syn-07-corvane.docx", "Notification Period", "Vendor shall notify Company of each Security Incident within the Notification Period."},
		{"synthetic/docs/syn-08-northgate.docx", "Patch Window", "The Contractor shall remediate Critical Vulnerabilities within the Patch Window."},
		{"docs/bonterms-dpa-v1.0.pdf", "Specified Notice Period", "not later than the Specified Notice Period"},
	} {
		a := corpusAnalysis(t, c.doc)
		term := a.Terms[c.term]
		if term == nil {
			t.Errorf("%s: %q not defined", c.doc, c.term)
			continue
		}
		cl := clauseWith(t, a, c.use)
		found := false
		for _, u := range cl.Terms {
			found = found || u.Term == term
		}
		if !found || term.Block == cl.Block {
			t.Errorf("%s: clause %q does not resolve %q (defined in block %d)", c.doc, cl.Text, c.term, term.Block)
		}
	}
}

// FuzzClauses: the sentence and clause splitters and the modality reader
// never panic, and their spans stay inside the text, in order.
func FuzzClauses(f *testing.F) {
	for _, s := range []string{
		"Provider shall: (a) encrypt; (b) notify, provided that Customer pays.",
		"12. Security. Inc. e.g. (i) (ii) ; ; provided that",
		"Datec’s breach of\u037e (i) any; or (ii) any.",
		"((((a) b) c)", "", ". . .", "(a)", "Mr. A. B. shall not be required to.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, s := range Sentences(text) {
			if s.Start < prev || s.End > len(text) || s.Start >= s.End {
				t.Fatalf("sentence %v out of order or range in %q", s, text)
			}
			prev = s.End
			cprev := s.Start
			for _, c := range Clauses(text, s) {
				if c.Start < cprev || c.End > s.End || c.Start >= c.End {
					t.Fatalf("clause %v outside sentence %v of %q", c.Span, s, text)
				}
				cprev = c.End
				r := Read(text[c.Start:c.End])
				for _, h := range r.Hedges {
					if h.End > c.End-c.Start {
						t.Fatalf("hedge %v outside clause", h.Span)
					}
				}
			}
		}
	})
}

func largeDoc(b *testing.B) (*corpus.Document, []byte) {
	path := filepath.Join(corpusRoot, "synthetic", "docs", "syn-17-meridian-large.pdf")
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	doc, err := extract.Bytes(path, data)
	if err != nil {
		b.Fatal(err)
	}
	return doc, data
}

// BenchmarkExtractLargePDF and BenchmarkAnalyzeLarge print both halves of
// reading the 148-page synthetic agreement: extracting its PDF, and
// analysing the extracted document.
func BenchmarkExtractLargePDF(b *testing.B) {
	_, data := largeDoc(b)
	for b.Loop() {
		if _, err := extract.Bytes("syn-17-meridian-large.pdf", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAnalyzeLarge(b *testing.B) {
	doc, _ := largeDoc(b)
	for b.Loop() {
		Analyze(doc)
	}
}

// TestRoleWordInSubject: a subject that names a role rather than a party's
// short name still resolves ("Data importer's personnel", "the
// Supplier's staff").
func TestRoleWordInSubject(t *testing.T) {
	a := analyzeText(t, `This Agreement is between Acme Ltd ("Customer") and NetGuard LLC ("Provider").

Data importer's personnel shall not process personal data without authorization.

The data exporter may audit the data importer.
`)
	if c := clauseWith(t, a, "personnel shall not process"); c.Party != RoleProvider || !c.Prohibition {
		t.Errorf("party %q prohibition %v; want provider, a prohibition", c.Party, c.Prohibition)
	}
	if c := clauseWith(t, a, "may audit"); c.Party != RoleCustomer || c.Modality != Permissive {
		t.Errorf("party %q modality %s; want customer, permissive", c.Party, c.Modality)
	}
}

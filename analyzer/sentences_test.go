package analyzer

import (
	"reflect"
	"testing"
)

func spans(text string, ss []Span) []string {
	var out []string
	for _, s := range ss {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"(b) Incident Notice. Vendor shall notify Customer within 72 hrs. Vendor shall cooperate.",
			[]string{"(b) Incident Notice.", "Vendor shall notify Customer within 72 hrs.", "Vendor shall cooperate."}},
		{"12. Security. Provider shall encrypt data, e.g. backups, using AES-256 (i.e. at rest).",
			[]string{"12. Security.", "Provider shall encrypt data, e.g. backups, using AES-256 (i.e. at rest)."}},
		{"NetGuard Services Inc. shall notify J. Smith of Acme Ltd. within 24 hours. Then it ends.",
			[]string{"NetGuard Services Inc. shall notify J. Smith of Acme Ltd. within 24 hours.", "Then it ends."}},
		{"Section 4.01 applies. TLS 1.2 or later is used.", []string{"Section 4.01 applies.", "TLS 1.2 or later is used."}},
		{`The "Term" ends. "Services" means the services.`, []string{`The "Term" ends.`, `"Services" means the services.`}},
		{"No final period here", []string{"No final period here"}},
		{"", nil},
	} {
		if got := spans(c.text, Sentences(c.text)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Sentences(%q)\n got %q\nwant %q", c.text, got, c.want)
		}
	}
}

func TestClauses(t *testing.T) {
	text := "Provider shall: (a) encrypt Customer Data at rest; (b) encrypt it in transit; and (c) notify Customer within 24 hours, provided that Customer has given contact details."
	cs := Clauses(text, Span{0, len(text)})
	var got []string
	var leads []int
	for _, c := range cs {
		got = append(got, text[c.Start:c.End])
		leads = append(leads, c.Lead)
	}
	want := []string{"Provider shall:", "(a) encrypt Customer Data at rest;", "(b) encrypt it in transit;", "(c) notify Customer within 24 hours,", "provided that Customer has given contact details."}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Clauses\n got %q\nwant %q", got, want)
	}
	if !reflect.DeepEqual(leads, []int{-1, 0, 0, 0, -1}) || !cs[4].Proviso {
		t.Errorf("leads %v, proviso %v", leads, cs[4].Proviso)
	}
	// A single bracketed letter or a citation is not a list.
	one := "Customer may terminate under Article 28(3) or clause (a) of Schedule 2."
	if cs := Clauses(one, Span{0, len(one)}); len(cs) != 1 {
		t.Errorf("%q split into %d clauses", one, len(cs))
	}
	semi := "Datec’s breach of\u037e (i) any representation; or (ii) any obligation."
	if cs := Clauses(semi, Span{0, len(semi)}); len(cs) != 3 || cs[1].Lead != 0 {
		t.Errorf("EDGAR semicolon list: %+v", cs)
	}
}

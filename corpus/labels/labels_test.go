package labels

import (
	"path/filepath"
	"testing"
)

func TestParseWhere(t *testing.T) {
	for _, c := range []struct{ where, annex, number string }{
		{"p12 Schedule 2, 8.2", "schedule 2", "8.2"},
		{"5.2(b)", "", "5.2(b)"},
		{"p4 6(b)", "", "6(b)"},
		{"Standard Terms 2.6(a)", "", "2.6(a)"},
		{"p12 Att. A 1.0", "attachment a", "1.0"},
		{"Schedule 3, 2", "schedule 3", "2"},
		{"p45 Schedule B, 1(a)", "schedule b", "1(a)"},
		{"Schedule 4, A (California) 2.5", "schedule 4", "2.5"},
		{"p3 3(g)(ii)", "", "3(g)(ii)"},
		{"Security Obligations", "", ""},
		{"p51 Schedule D", "schedule d", ""},
		{"Exhibit B, B-1", "exhibit b", "b-1"},
	} {
		annex, number, ok := ParseWhere(c.where)
		if annex != c.annex || number != c.number || ok != (c.number != "") {
			t.Errorf("ParseWhere(%q) = %q, %q, %v; want %q, %q", c.where, annex, number, ok, c.annex, c.number)
		}
	}
}

func TestSectionMatches(t *testing.T) {
	for _, c := range []struct {
		section, annex, number string
		want                   bool
	}{
		{"Schedule 2, 8.2", "schedule 2", "8.2", true},
		{"8.2", "schedule 2", "8.2", false},
		{"Schedule 2, 8.2", "", "8.2", false},
		{"6(b)", "", "6(b)", true},
		{"16(b)", "", "6(b)", false},
		{"Attachment 3, (h)", "attachment 3", "(h)", true},
		{"Exhibit B, B-1", "exhibit b", "b-1", true},
	} {
		if got := SectionMatches(c.section, c.annex, c.number); got != c.want {
			t.Errorf("SectionMatches(%q, %q, %q) = %v", c.section, c.annex, c.number, got)
		}
	}
	if !InlineItem("18.1", "18.1 each party will (a) use it, (b) not disclose it", "not disclose it", "", "18.1(b)") ||
		InlineItem("18.1", "18.1 each party will not disclose it, (b) later", "not disclose it", "", "18.1(b)") {
		t.Error("InlineItem: evidence must follow the item's letter in its section's block")
	}
}

func TestLoad(t *testing.T) {
	docs, err := Load(filepath.Join("..", "..", "testdata", "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 29 {
		t.Fatalf("%d labelled documents; want 29 (11 real, 18 synthetic)", len(docs))
	}
	for _, d := range docs {
		if len(d.Labels.Checks) != 43 {
			t.Errorf("%s: %d checks labelled; want 43", d.Path, len(d.Labels.Checks))
		}
	}
	ibm := docs[0]
	for _, d := range docs {
		if filepath.Base(d.Path) == "cuad-ibm-quantum-ebusiness-hosting-2009.pdf" {
			ibm = d
		}
	}
	if c := ibm.Labels.Checks["key-management"]; c.Status != "uncertain" || ibm.Labels.Format != "pdf" {
		t.Errorf("IBM key-management: %+v", c)
	}
}

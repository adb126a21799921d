package pdf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/contractlint/contractlint/corpus"
)

func extractFile(t *testing.T, parts ...string) *corpus.Document {
	t.Helper()
	path := filepath.Join(append([]string{"..", "..", "testdata"}, parts...)...)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Extract(path, data)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// block finds the block whose text starts with prefix.
func block(t *testing.T, doc *corpus.Document, prefix string) corpus.Block {
	t.Helper()
	for _, b := range doc.Blocks {
		if strings.HasPrefix(b.Text, prefix) {
			return b
		}
	}
	t.Fatalf("no block starts with %q; text:\n%s", prefix, doc.Text)
	return corpus.Block{}
}

// TestStandardFontsWordByWord: the standard 14 fonts without a Widths
// array, text placed one word (page 2: one character) at a time, a running
// header and "Page N of M" footer, and a clause running over a page break,
// as report generators write them (testdata/pdf/make_fixtures.py).
func TestStandardFontsWordByWord(t *testing.T) {
	doc := extractFile(t, "pdf", "standard14-words.pdf")
	if doc.Pages != 4 {
		t.Errorf("%d pages; want 4", doc.Pages)
	}
	titles := []string{"Security Incidents", "Data Breaches", "Intrusions", "Ransomware"}
	what := []string{"Security Incident", "Personal Data Breach", "suspected intrusion", "ransomware attack"}
	hours := []string{"twenty-four (24)", "forty-eight (48)", "seventy-two (72)", "twelve (12)"}
	for n, sec := range []string{"12", "13", "14", "15"} {
		h := block(t, doc, sec+". "+titles[n])
		if h.Kind != corpus.Heading || h.Page != n+1 || h.Section != sec {
			t.Errorf("heading %s: %+v", sec, h)
		}
		c := block(t, doc, sec+".1 ")
		want := sec + ".1 Provider shall notify Customer of any " + what[n] + " within " + hours[n] + " hours after becoming aware of it, and shall give Customer a written report of the incident within five (5) Business Days."
		if c.Text != want || c.Section != sec+".1" || c.Page != n+1 || c.Kind != corpus.Paragraph {
			t.Errorf("clause %s.1:\n got %+v\nwant text %q", sec, c, want)
		}
	}
	over := block(t, doc, "14.3 ")
	if over.Text != "14.3 The parties shall meet at least once every calendar quarter to review the security of the Services." || over.Page != 3 {
		t.Errorf("clause over the page break: %+v", over)
	}
	for _, furniture := range []string{"ACME Managed Services Agreement", "Page 1 of 4", "of 4"} {
		if strings.Contains(doc.Text, furniture) {
			t.Errorf("page furniture %q kept", furniture)
		}
	}
}

// TestFormAndRotatedText: text inside a Form XObject placed by a matrix is
// read (the library's Content() skips it), and so is a note set at 90
// degrees.
func TestFormAndRotatedText(t *testing.T) {
	doc := extractFile(t, "pdf", "form-rotated.pdf")
	c := block(t, doc, "7.1 ")
	if c.Text != "7.1 Provider shall encrypt Customer Data at rest using AES-256." || c.Section != "7.1" {
		t.Errorf("form text: %+v", c)
	}
	if h := block(t, doc, "7. Encryption"); h.Kind != corpus.Heading {
		t.Errorf("bold 12pt line should be a heading: %+v", h)
	}
	block(t, doc, "Document ID 2024-117 rotated margin note")
}

// TestEDGARFormXObjects: the SEC filings of the corpus draw all their text
// in Form XObjects; the library alone returns nothing for them.
func TestEDGARFormXObjects(t *testing.T) {
	doc := extractFile(t, "corpus", "docs", "cuad-trizetto-tech-infrastructure-maintenance-1998.pdf")
	if doc.Pages != 4 || len(doc.Blocks) < 20 {
		t.Fatalf("%d pages, %d blocks", doc.Pages, len(doc.Blocks))
	}
	if !strings.Contains(doc.Text, "TECHNICAL INFRASTRUCTURE MAINTENANCE AGREEMENT") {
		t.Errorf("title missing from %.300q", doc.Text)
	}
}

// TestLocations: corpus clauses land in blocks with the section and page a
// reader cites (from the labels of syn-05 and the Bonterms DPA).
func TestLocations(t *testing.T) {
	for _, c := range []struct {
		file    []string
		prefix  string
		section string
		page    int
	}{
		{[]string{"corpus", "synthetic", "docs", "syn-05-harbourline.pdf"}, "(b) Incident Notice. Vendor shall notify Customer", "6(b)", 5},
		{[]string{"corpus", "synthetic", "docs", "syn-03-tessellate.pdf"}, "Section 5.03", "5.03", 4},
		{[]string{"corpus", "docs", "bonterms-dpa-v1.0.pdf"}, "1.19. “Specified Notice Period” is 48 hours.", "1.19", 2},
	} {
		doc := extractFile(t, c.file...)
		b := block(t, doc, c.prefix)
		if b.Section != c.section || b.Page != c.page {
			t.Errorf("%s %q: section %q page %d; want %q page %d", c.file[len(c.file)-1], c.prefix, b.Section, b.Page, c.section, c.page)
		}
	}
}

// TestTwoColumns: terms printed in two columns are read down the left
// column and then the right, and a clause running from one column into the
// next stays one block.
func TestTwoColumns(t *testing.T) {
	doc := extractFile(t, "pdf", "two-columns.pdf")
	var got []string
	for _, b := range doc.Blocks {
		got = append(got, b.Section)
	}
	if strings.Join(got, " ") != " 1 2 3 4 5" {
		t.Errorf("sections %q; want the title then 1 to 5 in order", got)
	}
	sec := block(t, doc, "2. Security.")
	if !strings.HasSuffix(sec.Text, "shall notify Customer of any Security Incident within twenty-four (24) hours after becoming aware of it.") {
		t.Errorf("clause 2 across the column break: %q", sec.Text)
	}
}

// TestTablesNotColumns: the corpus's tables (responsibility matrices, site
// lists) have a gutter too, but are read row by row, so a task stays next
// to the party that performs it.
func TestTablesNotColumns(t *testing.T) {
	doc := extractFile(t, "corpus", "docs", "cuad-ibm-quantum-ebusiness-hosting-2009.pdf")
	const task = "Update Base and/or Customer Components with applicable fixes (patches, hotfixes, Perform"
	if !strings.Contains(doc.Text, task) {
		t.Errorf("the IBM responsibility table should read task, then who performs it: %q not found", task)
	}
}

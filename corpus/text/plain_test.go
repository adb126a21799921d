package text

import (
	"strings"
	"testing"

	"github.com/contractlint/contractlint/corpus"
)

func TestPlainBlocks(t *testing.T) {
	runBlockCases(t, corpus.FormatText, []blockCase{
		{"title and numbered headings", "MASTER SERVICES AGREEMENT\n\n1. DEFINITIONS\n\nARTICLE IV - SECURITY\n\nSection 5. Security Incidents\n\nSCHEDULE 2 - SERVICE LEVELS\n\n5.2 Incident Response\n\nRECITALS", []string{
			"H1 MASTER SERVICES AGREEMENT", "H2 1. DEFINITIONS", "H1 ARTICLE IV - SECURITY", "H2 Section 5. Security Incidents",
			"H1 SCHEDULE 2 - SERVICE LEVELS", "H3 5.2 Incident Response", "H3 RECITALS"}},
		{"underlined headings", "MANAGED SERVICES AGREEMENT\n==========================\n\n1. DEFINITIONS\n--------------\n\n1.1 The text applies.", []string{
			"H1 MANAGED SERVICES AGREEMENT", "H2 1. DEFINITIONS", "P 1.1 The text applies."}},
		{"label over title", "Intro.\n\nARTICLE IV\nSECURITY\nSection 4.01 Scope. The Provider shall.", []string{
			"P Intro.", "H1 ARTICLE IV SECURITY", "P Section 4.01 Scope. The Provider shall."}},
		{"heading followed by text without a blank line", "Intro.\n\n5. SECURITY\nThe Provider shall keep\nrecords.", []string{
			"P Intro.", "H2 5. SECURITY", "P The Provider shall keep records."}},
		{"hanging indent joined", "2.1 Provision of Services. Contractor shall provide the Services to Client\n    from the Effective Date in accordance with this Agreement.", []string{
			"P 2.1 Provision of Services. Contractor shall provide the Services to Client from the Effective Date in accordance with this Agreement."}},
		{"sentence and not headings", "The Services shall be provided.\n\nCopperline Network Services Inc.\n\nWHEREAS, the Client wishes; and", []string{
			"P The Services shall be provided.", "P Copperline Network Services Inc.", "P WHEREAS, the Client wishes; and"}},
		{"items inside a run", "The Provider shall:\n    (a) keep logs;\n    (b) review them; and\n    (c) report.", []string{
			"P The Provider shall:", "L (a) keep logs;", "L (b) review them; and", "L (c) report."}},
		{"sequence without punctuation", "CONTACTS\n\n(a) the Provider\n(b) the Customer", []string{"H1 CONTACTS", "L (a) the Provider", "L (b) the Customer"}},
		{"clauses inside a run", "5.1 Scope. This part applies.\n5.2 Logs. Logs are kept for a\n    year.", []string{
			"P 5.1 Scope. This part applies.", "P 5.2 Logs. Logs are kept for a year."}},
		{"numbers in wrapped text stay", "7.1 Audit Rights. Client may audit Contractor once per calendar year on thirty\n    (30) days' written notice, or at least\n    1.5 times as often after an incident.", []string{
			"P 7.1 Audit Rights. Client may audit Contractor once per calendar year on thirty (30) days' written notice, or at least 1.5 times as often after an incident."}},
		{"short line ending a sentence breaks", "This is a long first line of a paragraph that is wrapped at some width.\nIt ends here.\nA new paragraph starts on the next line without a blank.", []string{
			"P This is a long first line of a paragraph that is wrapped at some width. It ends here.",
			"P A new paragraph starts on the next line without a blank."}},
		{"unwrapped lines are paragraphs", strings.Repeat("x", 90) + " one sentence that runs on beyond one hundred characters.\nSecond paragraph.\nthird continues", []string{
			"P " + strings.Repeat("x", 90) + " one sentence that runs on beyond one hundred characters.", "P Second paragraph. third continues"}},
		{"bullets", "Services:\n- monitoring\n* patching\n• backups\n– reporting", []string{
			"P Services:", "L monitoring", "L patching", "L backups", "L reporting"}},
		{"rules dropped", "One.\n\n* * *\n\nTwo.\n\n----------\n\nThree.", []string{"P One.", "P Two.", "P Three."}},
		{"pipe table", "Rates:\n\nItem | Unit | Charge\n-----------------------\nUser | month | SAR 10\nSite | month | SAR 20", []string{
			"P Rates:", "T1.0.0 Item", "T1.0.1 Unit", "T1.0.2 Charge", "T1.1.0 User", "T1.1.1 month", "T1.1.2 SAR 10",
			"T1.2.0 Site", "T1.2.1 month", "T1.2.2 SAR 20"}},
		{"grid table", "+------+-------+\n| Tier | Hours |\n+------+-------+\n| P1   | 4     |\n+------+-------+", []string{
			"T1.0.0 Tier", "T1.0.1 Hours", "T1.1.0 P1", "T1.1.1 4"}},
		{"space table", "Priority   Response    Resolution\nP1         15 min      4 hours\nP2         1 hour      1 day", []string{
			"T1.0.0 Priority", "T1.0.1 Response", "T1.0.2 Resolution", "T1.1.0 P1", "T1.1.1 15 min", "T1.1.2 4 hours",
			"T1.2.0 P2", "T1.2.1 1 hour", "T1.2.2 1 day"}},
		{"two spaces after full stops are no table", "The Provider shall keep logs.  It shall review them.\nThe Customer may audit.  It pays for audits.", []string{
			"P The Provider shall keep logs. It shall review them. The Customer may audit. It pays for audits."}},
		{"no inline markup in text", "Fees are *not* refundable [see below].", []string{"P Fees are *not* refundable [see below]."}},
		{"form feed separates", "Page one text.\fPage two text.", []string{"P Page one text.", "P Page two text."}},
	})
}

func TestHyphenation(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"Provider shall give notifi-\ncation within twenty-\nfour (24) hours.", "Provider shall give notification within twenty-four (24) hours."},
		{"a Non-\nDisclosure Agreement and COVID-\n19 measures", "a Non-Disclosure Agreement and COVID-19 measures"},
		{"both pre-\nand post-termination", "both pre- and post-termination"},
		{"a state-of-the-\nart system", "a state-of-the-art system"},
		{"the follow-\nup test; a follow-up test", "the follow-up test; a follow-up test"},
		{"a non-\nexclusive licence", "a non-exclusive licence"},
		{"the report-\ning period; reporting", "the reporting period; reporting"},
		{"an unknown hyphen-\nated word", "an unknown hyphenated word"},
		{"fees -\nnamely", "fees - namely"},
	} {
		for _, f := range []corpus.Format{corpus.FormatText, corpus.FormatMarkdown} {
			d := extractString(t, c.src, f)
			if len(d.Blocks) != 1 || d.Blocks[0].Text != c.want {
				t.Errorf("%s %q: got %q, want %q", f, c.src, brief(d.Blocks), c.want)
			}
		}
	}
}

func TestPlainSections(t *testing.T) {
	src := "AGREEMENT\n\n1. DEFINITIONS\n\n1.1 Scope. Text.\n\n    (a) first;\n\n    (b) second.\n\nSCHEDULE 2 - SECURITY\n\n1. Logs. Kept.\n\n2. Reviews. Done."
	d := extractString(t, src, corpus.FormatText)
	var got []string
	for _, b := range d.Blocks {
		got = append(got, b.Section)
	}
	want := []string{"", "1", "1.1", "1.1(a)", "1.1(b)", "Schedule 2", "Schedule 2, 1", "Schedule 2, 2"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sections\n got  %q\n want %q", got, want)
	}
}

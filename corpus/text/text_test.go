package text

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/contractlint/contractlint/corpus"
)

// fixtureDir holds the encoding and binary fixtures (testdata/text/README.md).
const fixtureDir = "../../testdata/text"

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixtureDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func utf16Bytes(s string, bigEndian bool) []byte {
	var b bytes.Buffer
	if bigEndian {
		b.Write([]byte{0xFE, 0xFF})
	} else {
		b.Write([]byte{0xFF, 0xFE})
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			b.WriteByte(byte(u >> 8))
			b.WriteByte(byte(u))
		} else {
			b.WriteByte(byte(u))
			b.WriteByte(byte(u >> 8))
		}
	}
	return b.Bytes()
}

func TestDecode(t *testing.T) {
	const want = "1. DEFINITIONS\n\n“Services” means the Provider’s services – all of them.\nEnd é"
	src := "1. DEFINITIONS\r\n\r\n“Services” means the Provider’s services – all of them.\rEnd é"
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"utf-8", []byte(src)},
		{"utf-8 bom", append([]byte{0xEF, 0xBB, 0xBF}, src...)},
		{"utf-16 le bom", utf16Bytes(src, false)},
		{"utf-16 be bom", utf16Bytes(src, true)},
		{"windows-1252", []byte("1. DEFINITIONS\r\n\r\n\x93Services\x94 means the Provider\x92s services \x96 all of them.\rEnd \xe9")},
	} {
		if got := decode(c.data); got != want {
			t.Errorf("%s: decode = %q, want %q", c.name, got, want)
		}
	}
	// A UTF-8 file with a BOM and a stray Windows-1252 byte keeps its UTF-8.
	if got := decode([]byte("\xEF\xBB\xBFcaf\xc3\xa9 \x96 ok")); got != "café – ok" {
		t.Errorf("lenient UTF-8 = %q", got)
	}
}

func TestEncodingFixtures(t *testing.T) {
	for _, name := range []string{"utf16le-bom.txt", "utf16be-bom.txt"} {
		data := readFixture(t, name)
		if LooksBinary(data) {
			t.Errorf("%s: LooksBinary = true", name)
		}
		d, err := Extract(name, data, corpus.FormatText)
		if err != nil {
			t.Fatal(err)
		}
		got := brief(d.Blocks)
		want := []string{
			"H1 MASTER SERVICES AGREEMENT", "H2 1. DEFINITIONS",
			"P 1.1 “Services” means the managed services described in Schedule 1 – including monitoring of the Customer’s network.",
			"P 1.2 Provider shall notify Customer of a Security Incident within twenty-four (24) hours.",
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s:\n got  %q\n want %q", name, got, want)
		}
		if d.Blocks[3].Section != "1.2" {
			t.Errorf("%s: section of 1.2 = %q", name, d.Blocks[3].Section)
		}
	}
	data := readFixture(t, "cp1252.txt")
	if utf8.Valid(data) || LooksBinary(data) {
		t.Fatalf("cp1252.txt: valid UTF-8 %v, LooksBinary %v; want false, false", utf8.Valid(data), LooksBinary(data))
	}
	d, err := Extract("cp1252.txt", data, corpus.FormatText)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"H1 ACCORD DE SERVICES", "H2 1. DÉFINITIONS",
		"P 1.1 Le « Prestataire » désigne la société qui fournit les services – y compris l’hébergement des données du Client.",
		"P 1.2 The Provider’s “Service Levels” are set out in Schedule 2.",
	}
	if got := brief(d.Blocks); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("cp1252.txt:\n got  %q\n want %q", got, want)
	}
}

func TestLooksBinary(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
		want bool
	}{
		{"empty", nil, false},
		{"ascii", []byte("1. DEFINITIONS\n\nText.\n"), false},
		{"utf-8 with bom", []byte("\xEF\xBB\xBF“Quoted” text – é\n"), false},
		{"utf-16 le", utf16Bytes("Agreement – “Services”\r\n", false), false},
		{"utf-16 be", utf16Bytes("Agreement – “Services”\r\n", true), false},
		{"windows-1252", []byte("The Provider\x92s \x93Services\x94 \x96 caf\xe9.\r\n"), false},
		{"form feeds and tabs", []byte("Page 1\f\tPage 2\x1a"), false},
		{"utf-16 without bom", []byte("A\x00g\x00r\x00e\x00e\x00"), true},
		{"nul byte", []byte("text\x00more text"), true},
		{"control characters", bytes.Repeat([]byte("ab\x01\x02\x03"), 20), true},
		{"undefined cp1252 bytes", []byte("text \x81\x8d\x8f\x90\x9d"), true},
		{"mostly high bytes", []byte("\xc0\xc1\xf5\xf6\xf7\xf8\xfa\xfb a"), true},
		{"utf-32", []byte("\xFF\xFE\x00\x00A\x00\x00\x00"), true},
		{"elf", []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00"), true},
		{"pe executable", []byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00"), true},
	} {
		if got := LooksBinary(c.data); got != c.want {
			t.Errorf("LooksBinary(%s) = %v, want %v", c.name, got, c.want)
		}
	}
	for _, name := range []string{"image.png", "random.bin", "text.gz"} {
		if !LooksBinary(readFixture(t, name)) {
			t.Errorf("LooksBinary(%s) = false, want true", name)
		}
	}
	// Only the start is examined: a text file larger than the sniffing
	// window, cut in the middle of a character, is still text.
	big := bytes.Repeat([]byte("Les données – “é” "), sniffLimit/10)
	if LooksBinary(big) {
		t.Error("LooksBinary(large UTF-8 text) = true")
	}
}

func TestLooksMarkdown(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      bool
	}{
		{"atx heading", "# Master Agreement\n\nThe parties agree.", true},
		{"table", "Rates\n\n| Item | Fee |\n|---|---|\n| a | 1 |", true},
		{"links", "See [the policy](https://example.com/policy).", true},
		{"bold and list", "**RECITALS**\n\n- one **item**\n- two\n\n**Terms** apply and `code`.", true},
		{"html", "<p>Text</p> <br> <span>x</span> and **bold** and *em*", true},
		{"fence and quote", "```\ncode\n```\n\n> quoted", true},
		{"plain", "MASTER AGREEMENT\n\n1. DEFINITIONS\n\n1.1 Text applies.\n", false},
		{"plain with setext-like rules", "AGREEMENT\n=========\n\n1. DEFINITIONS\n--------------\n\n2. SERVICES\n-----------\n", false},
		{"plain pipe table", "Item | Unit | Charge\n--------------------\nUser | month | 10\n", false},
		{"a hash in prose", "Invoice #12 is due.\n# of users: 40\n", false},
		{"a few bullets", "- one\n- two\n- three\n", false},
		{"empty", "", false},
	} {
		if got := LooksMarkdown([]byte(c.src)); got != c.want {
			t.Errorf("LooksMarkdown(%s) = %v, want %v (score %v)", c.name, got, c.want, markdownScore(c.src))
		}
	}
	// The corpus: its Markdown files sniff as Markdown; its text files,
	// which underline headings with "=" and "-", as plain text.
	for path := range textCorpus(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		want := strings.HasSuffix(path, ".md")
		if got := LooksMarkdown(data); got != want {
			t.Errorf("LooksMarkdown(%s) = %v, want %v", filepath.Base(path), got, want)
		}
		if LooksBinary(data) {
			t.Errorf("LooksBinary(%s) = true", filepath.Base(path))
		}
	}
	if !LooksMarkdown(utf16Bytes("# Title\n\nText with **bold**.", false)) {
		t.Error("LooksMarkdown(UTF-16 Markdown) = false")
	}
}

func TestExtractLineEndings(t *testing.T) {
	want := []string{"H1 AGREEMENT", "P The Provider shall notify the Customer.", "L (a) first"}
	for _, nl := range []string{"\n", "\r\n", "\r"} {
		src := strings.ReplaceAll("AGREEMENT\n\nThe Provider shall\nnotify the Customer.\n\n(a) first\n", "\n", nl)
		for _, f := range []corpus.Format{corpus.FormatText, corpus.FormatMarkdown} {
			got := brief(extractString(t, src, f).Blocks)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s with %q line endings:\n got  %q\n want %q", f, nl, got, want)
			}
		}
	}
}

func TestExtractEmptyAndErrors(t *testing.T) {
	for _, src := range []string{"", "  \n\t\r\n \u00a0 \n", "\xEF\xBB\xBF\n"} {
		for _, f := range []corpus.Format{corpus.FormatText, corpus.FormatMarkdown} {
			d, err := Extract("blank.txt", []byte(src), f)
			if err != nil {
				t.Fatalf("Extract(%q, %s): %v", src, f, err)
			}
			if len(d.Blocks) != 0 || d.Path != "blank.txt" || d.Format != f {
				t.Errorf("Extract(%q, %s) = %d blocks, path %q, format %q", src, f, len(d.Blocks), d.Path, d.Format)
			}
		}
	}
	// Markdown that renders to nothing gives no blocks either.
	if d := extractString(t, "---\n\n<!-- nothing -->\n\n***\n", corpus.FormatMarkdown); len(d.Blocks) != 0 {
		t.Errorf("empty Markdown gave %q", brief(d.Blocks))
	}

	checkErr := func(err error, sentinel error) {
		t.Helper()
		var ie *corpus.InputError
		if !errors.As(err, &ie) || ie.Path != "in/contract.bin" {
			t.Fatalf("error %v is not an InputError naming the path", err)
		}
		if !errors.Is(err, sentinel) {
			t.Errorf("error %v does not wrap %v", err, sentinel)
		}
		if msg := err.Error(); strings.ContainsAny(msg, "\r\n") || !strings.HasPrefix(msg, "in/contract.bin: ") {
			t.Errorf("error message %q is not one line starting with the path", msg)
		}
	}
	_, err := Extract("in/contract.bin", readFixture(t, "image.png"), corpus.FormatText)
	checkErr(err, corpus.ErrUnsupported)
	_, err = Extract("in/contract.bin", []byte("text"), corpus.FormatPDF)
	checkErr(err, corpus.ErrUnsupported)
	_, err = Extract("in/contract.bin", make([]byte, MaxSize+1), corpus.FormatText)
	checkErr(err, corpus.ErrTooLarge)
}

// TestOffsets checks the invariants Build promises on our output: each
// block's text is its slice of the document's text, lines count up.
func TestOffsets(t *testing.T) {
	for path := range textCorpus(t) {
		for _, f := range []corpus.Format{corpus.FormatText, corpus.FormatMarkdown} {
			d := extractFile(t, path, f)
			checkOffsets(t, d)
		}
	}
}

func checkOffsets(t testing.TB, d *corpus.Document) {
	t.Helper()
	runes := []rune(d.Text)
	line := 0
	for i, b := range d.Blocks {
		if b.Start < 0 || b.End > len(runes) || b.Start > b.End {
			t.Fatalf("%s block %d: offsets %d..%d outside the text (%d runes)", d.Path, i, b.Start, b.End, len(runes))
		}
		if got := string(runes[b.Start:b.End]); got != b.Text {
			t.Fatalf("%s block %d: text[%d:%d] = %q, block text %q", d.Path, i, b.Start, b.End, got, b.Text)
		}
		if b.Line < line || strings.ContainsAny(b.Text, "\n\r") || b.Text != strings.TrimSpace(b.Text) {
			t.Fatalf("%s block %d: line %d after %d, text %q", d.Path, i, b.Line, line, b.Text)
		}
		line = b.Line
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"", "# Title\n\nText **bold** [link](url).",
		"1. DEFINITIONS\n--------------\n\n1.1 Text\n    continued notifi-\ncation.",
		"| a | b |\n|---|---|\n| 1 | 2 |",
		"<ol style=\"list-style-type:lower-alpha\"><li>x<ol><li>y</li></ol></li></ol>",
		"> > > quote\n- - item\n  1. nested\n     (a) deep",
		"```\ncode\n", "*a **b* c** _d_ `e` <!-- f", "[a][b]\n\n[b]: c", "\xff\xfe1\x00.\x00",
		"ARTICLE IV\nSECURITY\n(a) x\n(b) y", "Item | Unit\n-----\nA | B", "A  B\nC  D",
	} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, data []byte, markdown bool) {
		format := corpus.FormatText
		if markdown {
			format = corpus.FormatMarkdown
		}
		d, err := Extract("fuzz", data, format)
		if err != nil {
			var ie *corpus.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not an InputError", err)
			}
			return
		}
		checkOffsets(t, d)
		LooksMarkdown(data)
	})
}

//go:build ignore

// gen writes the small DOCX fixtures of corpus/docx's tests. Each exercises
// one feature of WordprocessingML that the extractor must read as a reader
// sees the printed document, or one way a file can be broken.
//
//	cd testdata/docx && go run gen.go
//
// The archives are written with a fixed modification time, so running it
// again reproduces the same bytes.
package main

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"log"
	"maps"
	"os"
	"slices"
	"strings"
	"time"
)

const (
	nsW   = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	nsAll = nsW + ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"` +
		` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"` +
		` xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"` +
		` xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"` +
		` xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"` +
		` xmlns:v="urn:schemas-microsoft-com:vml"`
	relBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
)

var modified = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

func main() {
	write("tracked-changes.docx", pkg(trackedChanges, "", "", nil))
	write("parts-excluded.docx", pkg(partsExcluded, "", "", map[string]string{
		"word/header1.xml":   `<w:hdr ` + nsW + `><w:p><w:r><w:t>HEADER TEXT</w:t></w:r></w:p></w:hdr>`,
		"word/footer1.xml":   `<w:ftr ` + nsW + `><w:p><w:r><w:t>FOOTER TEXT Page 1</w:t></w:r></w:p></w:ftr>`,
		"word/footnotes.xml": `<w:footnotes ` + nsW + `><w:footnote w:id="1"><w:p><w:r><w:t>FOOTNOTE TEXT</w:t></w:r></w:p></w:footnote></w:footnotes>`,
		"word/endnotes.xml":  `<w:endnotes ` + nsW + `><w:endnote w:id="1"><w:p><w:r><w:t>ENDNOTE TEXT</w:t></w:r></w:p></w:endnote></w:endnotes>`,
		"word/comments.xml":  `<w:comments ` + nsW + `><w:comment w:id="0" w:author="Reviewer"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t>REVIEWER COMMENT</w:t></w:r></w:p></w:comment></w:comments>`,
	}))
	write("fields-controls.docx", pkg(fieldsControls, "", "", nil))
	write("numbering.docx", pkg(numberingBody, numberingStyles, numberingXML, nil))
	write("table-merged.docx", pkg(tableMerged, "", "", nil))

	// Bad input.
	good := pkg(`<w:p><w:r><w:t>A short agreement.</w:t></w:r></w:p>`, "", "", nil)
	write("truncated.docx", good[:len(good)/2])
	write("malformed-xml.docx", pkg(`<w:p><w:r><w:t>Unclosed</w:r></w:p>`, "", "", nil))
	write("crc-error.docx", crcError())
	write("zip-bomb.docx", zipBomb())
	write("empty-body.docx", pkg(`<w:p/><w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>`, "", "", nil))
}

func write(name string, data []byte) {
	if err := os.WriteFile(name, data, 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%-24s %7d bytes\n", name, len(data))
}

type part struct {
	name, data string
	store      bool // stored, not deflated
}

// pkg builds a .docx package around a document body.
func pkg(body, styles, numbering string, extra map[string]string) []byte {
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:document ` + nsAll + `><w:body>` + body +
		`<w:sectPr><w:headerReference w:type="default" r:id="rId10"/><w:pgSz w:w="12240" w:h="15840"/></w:sectPr></w:body></w:document>`
	parts := []part{
		{name: "[Content_Types].xml", data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{name: "_rels/.rels", data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + relBase + `officeDocument" Target="word/document.xml"/></Relationships>`},
		{name: "word/document.xml", data: doc},
	}
	rels := `<Relationship Id="rId1" Type="` + relBase + `styles" Target="styles.xml"/>`
	if styles == "" {
		styles = defaultStyles
	}
	parts = append(parts, part{name: "word/styles.xml", data: styles})
	if numbering != "" {
		parts = append(parts, part{name: "word/numbering.xml", data: numbering})
		rels += `<Relationship Id="rId2" Type="` + relBase + `numbering" Target="numbering.xml"/>`
	}
	for i, n := range slices.Sorted(maps.Keys(extra)) {
		parts = append(parts, part{name: n, data: extra[n]})
		kind := strings.TrimSuffix(strings.TrimPrefix(n, "word/"), ".xml")
		kind = strings.TrimRight(kind, "0123456789")
		rels += fmt.Sprintf(`<Relationship Id="rId%d" Type="%s%s" Target="%s"/>`, 10+i, relBase, kind, strings.TrimPrefix(n, "word/"))
	}
	parts = append(parts, part{name: "word/_rels/document.xml.rels", data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels + `</Relationships>`})
	return zipParts(parts)
}

func zipParts(parts []part) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestCompression)
	})
	for _, p := range parts {
		method := zip.Deflate
		if p.store {
			method = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: method, Modified: modified})
		if err != nil {
			log.Fatal(err)
		}
		if _, err := io.WriteString(w, p.data); err != nil {
			log.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	return buf.Bytes()
}

// crcError stores document.xml uncompressed and then alters a byte of it,
// so the part inflates fine but fails its checksum.
func crcError() []byte {
	data := zipParts([]part{
		{name: "word/document.xml", store: true, data: `<w:document ` + nsW + `><w:body><w:p><w:r><w:t>Checksum victim</w:t></w:r></w:p></w:body></w:document>`},
	})
	i := bytes.Index(data, []byte("victim"))
	data[i] = 'V'
	return data
}

// zipBomb: a document.xml that deflates to about 65 KB but inflates to
// 65 MiB, beyond the extractor's 64 MiB default limit for one part.
func zipBomb() []byte {
	const size = 65 << 20
	head := `<w:document ` + nsW + `><w:body><w:p><w:r><w:t>`
	tail := `</w:t></w:r></w:p></w:body></w:document>`
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestCompression)
	})
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate, Modified: modified})
	if err != nil {
		log.Fatal(err)
	}
	io.WriteString(w, head)
	chunk := bytes.Repeat([]byte("A"), 1<<20)
	for n := len(head) + len(tail); n < size; n += len(chunk) {
		w.Write(chunk)
	}
	io.WriteString(w, tail)
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	return buf.Bytes()
}

const defaultStyles = `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + nsW + `>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>` +
	`<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>` +
	`</w:styles>`

// trackedChanges: a redline, read as if every change were accepted.
const trackedChanges = `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Security Incidents</w:t></w:r></w:p>` +
	// An insertion kept, a deletion dropped.
	`<w:p><w:r><w:t xml:space="preserve">Provider shall notify Customer within </w:t></w:r>` +
	`<w:ins w:id="1" w:author="Customer"><w:r><w:t>24 hours</w:t></w:r></w:ins>` +
	`<w:del w:id="2" w:author="Customer"><w:r><w:delText>72 hours</w:delText></w:r></w:del>` +
	`<w:r><w:t xml:space="preserve"> of any Security Incident.</w:t></w:r></w:p>` +
	// A paragraph deleted outright, its mark included: gone.
	`<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="Customer"/></w:rPr></w:pPr>` +
	`<w:del w:id="4" w:author="Customer"><w:r><w:delText>This whole clause was struck out.</w:delText></w:r></w:del></w:p>` +
	// Moved text: kept where it went, dropped where it was.
	`<w:p><w:r><w:t xml:space="preserve">Customer may audit Provider</w:t></w:r>` +
	`<w:moveTo w:id="5" w:author="Customer"><w:r><w:t xml:space="preserve"> once a year</w:t></w:r></w:moveTo><w:r><w:t>.</w:t></w:r></w:p>` +
	`<w:p><w:r><w:t xml:space="preserve">Audits take place</w:t></w:r>` +
	`<w:moveFrom w:id="6" w:author="Customer"><w:r><w:t xml:space="preserve"> once a year</w:t></w:r></w:moveFrom><w:r><w:t xml:space="preserve"> on notice.</w:t></w:r></w:p>` +
	// A deleted paragraph mark joins two paragraphs.
	`<w:p><w:pPr><w:rPr><w:del w:id="7" w:author="Customer"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">Backups are kept </w:t></w:r></w:p>` +
	`<w:p><w:r><w:t>for thirty days.</w:t></w:r></w:p>` +
	// Hidden text is not printed.
	`<w:p><w:r><w:t xml:space="preserve">Visible text.</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> HIDDEN TEXT</w:t></w:r></w:p>` +
	// An inserted and a deleted table row.
	`<w:tbl><w:tblGrid><w:gridCol w:w="4000"/></w:tblGrid>` +
	`<w:tr><w:tc><w:p><w:r><w:t>Row kept</w:t></w:r></w:p></w:tc></w:tr>` +
	`<w:tr><w:trPr><w:ins w:id="8" w:author="Customer"/></w:trPr><w:tc><w:p><w:ins w:id="9" w:author="Customer"><w:r><w:t>Row inserted</w:t></w:r></w:ins></w:p></w:tc></w:tr>` +
	`<w:tr><w:trPr><w:del w:id="10" w:author="Customer"/></w:trPr><w:tc><w:p><w:del w:id="11" w:author="Customer"><w:r><w:delText>Row deleted</w:delText></w:r></w:del></w:p></w:tc></w:tr>` +
	`</w:tbl>` +
	// Formatting changes keep the new formatting only.
	`<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:pPrChange w:id="12" w:author="Customer"><w:pPr><w:pStyle w:val="Normal"/></w:pPr></w:pPrChange></w:pPr><w:r><w:t>Promoted Heading</w:t></w:r></w:p>`

// partsExcluded: headers, footers, notes and comments are not body text.
const partsExcluded = `<w:p><w:r><w:t xml:space="preserve">Body text</w:t></w:r>` +
	`<w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve"> with a comment</w:t></w:r><w:commentRangeEnd w:id="0"/>` +
	`<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>` +
	`<w:r><w:t xml:space="preserve"> and a note</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>` +
	`<w:r><w:endnoteReference w:id="1"/></w:r><w:r><w:t>.</w:t></w:r></w:p>` +
	`<w:p><w:r><w:t>Second paragraph.</w:t></w:r></w:p>`

// fieldsControls: fields, content controls, smart tags, links and the
// special characters of runs, and a text box.
const fieldsControls = `<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r>` +
	`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF Clause7 \h </w:instrText></w:r>` +
	`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>clause 7.2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
	`<w:r><w:t xml:space="preserve"> on page </w:t></w:r>` +
	`<w:fldSimple w:instr=" PAGE \* MERGEFORMAT "><w:r><w:t>4</w:t></w:r></w:fldSimple><w:r><w:t>.</w:t></w:r></w:p>` +
	// A field nested in another's instructions prints nothing of its own.
	`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>` +
	`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DOCPROPERTY Tier </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
	`<w:r><w:t>Gold</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:instrText xml:space="preserve"> = "Gold" "99.9%" "99.5%" </w:instrText></w:r>` +
	`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Availability target 99.9%.</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
	// Content controls, block-level and inline.
	`<w:sdt><w:sdtPr><w:alias w:val="Clause"/><w:tag w:val="PROPERTY TEXT"/></w:sdtPr><w:sdtContent>` +
	`<w:p><w:r><w:t>Block content control text.</w:t></w:r></w:p></w:sdtContent></w:sdt>` +
	`<w:p><w:r><w:t xml:space="preserve">The Provider is </w:t></w:r><w:sdt><w:sdtPr><w:text/></w:sdtPr><w:sdtContent><w:r><w:t>Acme Managed Services Ltd</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t>.</w:t></w:r></w:p>` +
	// A smart tag, custom XML and a hyperlink.
	`<w:p><w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place"><w:r><w:t>Riyadh</w:t></w:r></w:smartTag>` +
	`<w:customXml w:element="city"><w:r><w:t xml:space="preserve"> data centre, see </w:t></w:r></w:customXml>` +
	`<w:hyperlink r:id="rId99" w:history="1"><w:r><w:t>the security policy</w:t></w:r></w:hyperlink><w:r><w:t>.</w:t></w:r></w:p>` +
	// Tabs, breaks, hyphens and symbols.
	`<w:p><w:r><w:t>Name:</w:t><w:tab/><w:t>third</w:t><w:noBreakHyphen/><w:t>party</w:t><w:br/><w:t>secu</w:t><w:softHyphen/><w:t>rity</w:t>` +
	`<w:sym w:font="Wingdings" w:char="F0FC"/><w:t xml:space="preserve"> checked</w:t><w:cr/><w:t>end &amp; more</w:t></w:r></w:p>` +
	// A text box drawn in a paragraph, in its modern and its VML form.
	`<w:p><w:r><w:t>Anchor paragraph.</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>` +
	`<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>Text box text.</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp>` +
	`</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>` +
	`<w:p><w:r><w:t>Text box text.</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
	`<w:p><w:r><w:t>After the box.</w:t></w:r></w:p>`

// numberingStyles: built-in headings under a localised id, a custom style
// based on one, a style with an outline level, a list style.
const numberingStyles = `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + nsW + `>` +
	`<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="ClauseHeading"><w:name w:val="Clause Heading"/><w:basedOn w:val="berschrift2"/></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="ScheduleTitle"><w:name w:val="Schedule Title"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>` +
	`</w:styles>`

func lvl(ilvl int, start int, fmt_, text string, extra string) string {
	return fmt.Sprintf(`<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="%s"/>%s<w:lvlText w:val="%s"/><w:lvlJc w:val="left"/></w:lvl>`, ilvl, start, fmt_, extra, text)
}

// numberingXML: a legal outline tied to the heading styles, a lettered list
// restarted by a second instance, bullets, zero-padded numbers with a level
// that never restarts, and an instance that overrides a whole level.
var numberingXML = `<?xml version="1.0" encoding="UTF-8"?><w:numbering ` + nsW + `>` +
	`<w:abstractNum w:abstractNumId="10"><w:multiLevelType w:val="multilevel"/>` +
	lvl(0, 1, "decimal", "%1.", `<w:pStyle w:val="Heading1"/>`) +
	lvl(1, 1, "decimal", "%1.%2", `<w:pStyle w:val="berschrift2"/>`) +
	lvl(2, 1, "lowerLetter", "(%3)", "") +
	lvl(3, 1, "lowerRoman", "(%4)", "") +
	lvl(4, 1, "decimal", "%1.%2.%3.%4.%5", `<w:isLgl/>`) +
	`</w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="20"><w:multiLevelType w:val="hybridMultilevel"/>` +
	lvl(0, 1, "upperLetter", "%1.", "") + lvl(1, 1, "lowerLetter", "%2)", "") +
	`</w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="30"><w:multiLevelType w:val="hybridMultilevel"/>` +
	lvl(0, 1, "bullet", "\uf0b7", "") + lvl(1, 1, "bullet", "o", "") +
	`</w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="40"><w:multiLevelType w:val="multilevel"/>` +
	lvl(0, 1, "decimalZero", "%1", "") + lvl(1, 1, "upperRoman", "%2.", `<w:lvlRestart w:val="0"/>`) +
	`</w:abstractNum>` +
	`<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>` +
	`<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>` +
	`<w:num w:numId="3"><w:abstractNumId w:val="20"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>` +
	`<w:num w:numId="4"><w:abstractNumId w:val="30"/></w:num>` +
	`<w:num w:numId="5"><w:abstractNumId w:val="40"/></w:num>` +
	`<w:num w:numId="6"><w:abstractNumId w:val="20"/><w:lvlOverride w:ilvl="0">` + lvl(0, 5, "upperRoman", "Part %1", "") + `</w:lvlOverride></w:num>` +
	`</w:numbering>`

func p(style, text string) string {
	pp := ""
	if style != "" {
		pp = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	return `<w:p>` + pp + `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

func np(style string, numID, ilvl int, text string) string {
	st := ""
	if style != "" {
		st = `<w:pStyle w:val="` + style + `"/>`
	}
	return fmt.Sprintf(`<w:p><w:pPr>%s<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>`, st, ilvl, numID, text)
}

var numberingBody = p("Title", "Master Services Agreement") +
	p("Heading1", "Definitions") +
	p("berschrift2", "Interpretation") +
	np("", 1, 2, "Provider shall notify Customer of any Security Incident.") +
	np("", 1, 2, "Provider shall keep logs.") +
	np("", 1, 3, "for twelve months;") +
	np("", 1, 3, "in a secure location.") +
	np("", 1, 2, "Provider shall patch systems.") +
	p("Heading1", "Services") +
	p("ClauseHeading", "Scope") +
	np("", 1, 2, "Provider shall provide the Services.") +
	np("", 1, 4, "A legal-style number.") +
	p("berschrift2", "Security") +
	np("ListParagraph", 2, 0, "First lettered item.") +
	np("ListParagraph", 2, 1, "A sub-item.") +
	np("ListParagraph", 2, 0, "Second lettered item.") +
	np("ListParagraph", 3, 0, "Restarted list item.") +
	np("ListParagraph", 2, 0, "Continued list item.") +
	np("", 4, 0, "Bullet item.") +
	np("", 4, 1, "Nested bullet item.") +
	np("", 0, 0, "Not numbered after all.") +
	p("ScheduleTitle", "Schedule 1 Security Requirements") +
	np("", 5, 0, "Zero-padded item.") +
	np("", 5, 1, "Roman sub-item.") +
	np("", 5, 0, "Second zero-padded item.") +
	np("", 5, 1, "Roman sub-item that does not restart.") +
	np("", 6, 0, "Overridden level.") +
	`<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Signatures</w:t></w:r></w:p>`

// tableMerged: horizontal and vertical merges, a row that starts after a
// skipped grid column, a cell of two paragraphs and a nested table.
const tableMerged = `<w:p><w:r><w:t>Service levels</w:t></w:r></w:p>` +
	`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/></w:tblGrid>` +
	`<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Service Level</w:t></w:r></w:p></w:tc>` +
	`<w:tc><w:p><w:r><w:t>Target</w:t></w:r></w:p></w:tc></w:tr>` +
	`<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Availability</w:t></w:r></w:p></w:tc>` +
	`<w:tc><w:p><w:r><w:t>Core network</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>99.95%</w:t></w:r></w:p></w:tc></w:tr>` +
	`<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>` +
	`<w:tc><w:p><w:r><w:t>Service portal</w:t></w:r></w:p></w:tc>` +
	`<w:tc><w:p><w:r><w:t>99.5%</w:t></w:r></w:p><w:p><w:r><w:t>measured monthly</w:t></w:r></w:p></w:tc></w:tr>` +
	`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>` +
	`<w:tc><w:p><w:r><w:t>Credits</w:t></w:r></w:p></w:tc>` +
	`<w:tc><w:tbl><w:tblGrid><w:gridCol w:w="1500"/></w:tblGrid>` +
	`<w:tr><w:tc><w:p><w:r><w:t>5% of fees</w:t></w:r></w:p></w:tc></w:tr>` +
	`<w:tr><w:tc><w:p><w:r><w:t>10% of fees</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
	`<w:p><w:r><w:t>capped at 20%</w:t></w:r></w:p></w:tc></w:tr>` +
	`</w:tbl>` +
	`<w:p><w:r><w:t>After the table.</w:t></w:r></w:p>`

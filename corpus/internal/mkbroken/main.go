// Command mkbroken writes the broken-input fixtures of testdata/broken: files
// made to fail, the way a procurement inbox or a hostile sender would send
// them, each small. testdata/broken/README.md says what each one is.
//
//	go run ./corpus/internal/mkbroken            # from the repository root
//	go run ./corpus/internal/mkbroken -dir DIR   # somewhere else
//
// Most files are written byte by byte here (PDF objects, ZIP archives,
// Shift-JIS text, seeded random bytes), so running it again reproduces the
// same bytes. Two need qpdf (https://qpdf.sourceforge.io; apt-get install
// qpdf): the AES-256 encryption of encrypted-owner.pdf and the object
// streams that keep empty-pages.pdf small. qpdf runs with --static-id and
// --static-aes-iv, which qpdf provides for reproducible test files.
package main

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/text/encoding/japanese"
)

func main() {
	dir := flag.String("dir", filepath.Join("testdata", "broken"), "directory to write the fixtures to")
	flag.Parse()
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		log.Fatal(err)
	}
	if _, err := exec.LookPath("qpdf"); err != nil {
		log.Fatal("mkbroken needs qpdf for encrypted-owner.pdf and empty-pages.pdf: apt-get install qpdf")
	}
	w := writer{dir: *dir}

	w.file("broken-xref.pdf", brokenXref())
	w.qpdf("encrypted-owner.pdf", onePage("Master Services Agreement", "Provider shall notify Customer of any Security Incident within 24 hours."),
		"--static-id", "--static-aes-iv", "--encrypt", "", "owner-secret", "256", "--")
	w.file("cycle-pages.pdf", cyclePages())
	w.file("cycle-forms.pdf", cycleForms())
	w.file("cycle-xref.pdf", cycleXref())
	w.file("cycle-objstm.pdf", cycleObjStm())
	w.qpdf("empty-pages.pdf", emptyPages(10000), "--static-id", "--object-streams=generate", "--compress-streams=y")
	w.file("stream-bomb.pdf", streamBomb())
	w.file("random.pdf", randomBytes(4096, 7))

	w.file("no-document.docx", noDocumentXML())
	w.file("zip-bomb.docx", zipBomb())
	w.file("billion-laughs.docx", billionLaughs())
	w.file("external-entity.docx", externalEntity())

	w.file("shift-jis.txt", shiftJIS())
}

type writer struct{ dir string }

func (w writer) file(name string, data []byte) {
	path := filepath.Join(w.dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%-24s %8d bytes\n", name, len(data))
}

// qpdf writes in through qpdf with the arguments given (before the output
// file name).
func (w writer) qpdf(name string, in []byte, args ...string) {
	tmp, err := os.CreateTemp("", "mkbroken-*.pdf")
	if err != nil {
		log.Fatal(err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(in); err != nil {
		log.Fatal(err)
	}
	tmp.Close()
	out := filepath.Join(w.dir, name)
	cmdArgs := append(append([]string(nil), args...), tmp.Name(), out)
	if b, err := exec.Command("qpdf", cmdArgs...).CombinedOutput(); err != nil {
		log.Fatalf("qpdf %s: %v\n%s", strings.Join(cmdArgs, " "), err, b)
	}
	st, err := os.Stat(out)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%-24s %8d bytes (qpdf)\n", name, st.Size())
}

// pdfFile assembles a PDF from numbered objects (objs[i] is object i+1)
// with a correct cross-reference table, unless a fixture asks otherwise.
type pdfFile struct {
	objs    []string
	trailer string // extra trailer entries
}

func (p pdfFile) bytes() []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(p.objs))
	for i, o := range p.objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(p.objs)+1)
	for _, off := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n", len(p.objs)+1, p.trailer, xref)
	return b.Bytes()
}

func stream(dict, data string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

const font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"

// textOps draws lines of text in Helvetica from the top of a letter page.
func textOps(lines ...string) string {
	var b strings.Builder
	b.WriteString("BT /F1 11 Tf 72 720 Td 14 TL\n")
	for _, l := range lines {
		fmt.Fprintf(&b, "(%s) '\n", l)
	}
	b.WriteString("ET")
	return b.String()
}

// onePage is a valid one-page PDF with text.
func onePage(lines ...string) []byte {
	return pdfFile{objs: []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		stream("", textOps(lines...)),
		font,
	}}.bytes()
}

// brokenXref: a one-page PDF whose cross-reference table points every
// object 9 bytes before where it is, as when a tool edits a file in place
// without rewriting the table. qpdf and most viewers rebuild the table by
// scanning the file; a strict reader finds garbage at every offset.
func brokenXref() []byte {
	data := onePage("Master Services Agreement", "Provider shall encrypt Customer Data at rest.")
	i := bytes.Index(data, []byte("xref\n"))
	j := bytes.Index(data, []byte("trailer"))
	table := string(data[i:j])
	var out strings.Builder
	for n, line := range strings.SplitAfter(table, "\n") {
		if n >= 3 && strings.HasSuffix(line, " n \n") {
			var off, gen int
			fmt.Sscanf(line, "%d %d", &off, &gen)
			line = fmt.Sprintf("%010d %05d n \n", off-9, gen)
		}
		out.WriteString(line)
	}
	return append(append(append([]byte(nil), data[:i]...), out.String()...), data[j:]...)
}

// cyclePages: the page tree's Pages node lists itself among its kids, and
// the page names that node as its parent: a walk that follows Kids without
// remembering where it has been never ends.
func cyclePages() []byte {
	return pdfFile{objs: []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		stream("", textOps("Provider shall notify Customer within 24 hours.")),
		font,
	}}.bytes()
}

// cycleForms: two Form XObjects that draw each other (A draws B, B draws
// A), so running the page's content never ends without a guard.
func cycleForms() []byte {
	res := "/Resources << /Font << /F1 5 0 R >> /XObject << /A 6 0 R /B 7 0 R >> >>"
	return pdfFile{objs: []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] " + res + " /Contents 4 0 R >>",
		stream("", "/A Do"),
		font,
		stream("/Type /XObject /Subtype /Form /BBox [0 0 612 792] "+res, textOps("Provider shall notify Customer within 24 hours.")+"\n/B Do"),
		stream("/Type /XObject /Subtype /Form /BBox [0 0 612 792] "+res, "/A Do"),
	}}.bytes()
}

// cycleXref: an incremental update whose trailer's /Prev points at the
// update's own cross-reference section, so the chain of sections loops.
func cycleXref() []byte {
	data := onePage("Master Services Agreement", "Provider shall encrypt Customer Data at rest.")
	start := len(data)
	// An update that rewrites nothing but adds a section pointing to itself.
	upd := fmt.Sprintf("xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 6 /Root 1 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n", start, start)
	return append(data, upd...)
}

// cycleObjStm: objects kept in an object stream whose /Extends names
// another object stream, which extends the first: a reader that searches
// the chain for an object it lacks goes round for ever.
func cycleObjStm() []byte {
	// Object 3 (the page) lives in no stream at all, and the xref stream
	// says it is in stream 6, which extends 7, which extends 6.
	objstm := func(ext int) string {
		hdr := "4 0 "
		body := "<< /Unused true >>"
		return stream(fmt.Sprintf("/Type /ObjStm /N 1 /First %d /Extends %d 0 R", len(hdr), ext), hdr+body)
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
	objs := map[int]string{
		1: "<< /Type /Catalog /Pages 2 0 R >>",
		2: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		5: font,
		6: objstm(7),
		7: objstm(6),
	}
	offs := map[int]int{}
	for _, n := range []int{1, 2, 5, 6, 7} {
		offs[n] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", n, objs[n])
	}
	// The cross-reference stream (object 8), uncompressed, W [1 4 2]:
	// type 1 = at an offset, type 2 = in object stream N at index i.
	var rows bytes.Buffer
	row := func(typ byte, f2 uint32, f3 uint16) {
		rows.WriteByte(typ)
		rows.Write([]byte{byte(f2 >> 24), byte(f2 >> 16), byte(f2 >> 8), byte(f2)})
		rows.Write([]byte{byte(f3 >> 8), byte(f3)})
	}
	xrefAt := b.Len()
	row(0, 0, 65535)
	row(1, uint32(offs[1]), 0)
	row(1, uint32(offs[2]), 0)
	row(2, 6, 0) // object 3: in stream 6, which does not hold it
	row(2, 6, 0) // object 4: in stream 6
	row(1, uint32(offs[5]), 0)
	row(1, uint32(offs[6]), 0)
	row(1, uint32(offs[7]), 0)
	row(1, uint32(xrefAt), 0)
	fmt.Fprintf(&b, "8 0 obj\n<< /Type /XRef /Size 9 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n", rows.Len())
	b.Write(rows.Bytes())
	fmt.Fprintf(&b, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", xrefAt)
	return b.Bytes()
}

// emptyPages: n pages without content, under a two-level page tree.
// qpdf packs the page objects into object streams so the file stays small.
func emptyPages(n int) []byte {
	const perNode = 100
	nodes := (n + perNode - 1) / perNode
	// 1 catalog, 2 root, 3..2+nodes intermediate nodes, then the pages.
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>"}
	var kids []string
	for i := 0; i < nodes; i++ {
		kids = append(kids, fmt.Sprintf("%d 0 R", 3+i))
	}
	objs = append(objs, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d /MediaBox [0 0 612 792] >>", strings.Join(kids, " "), n))
	first := 3 + nodes
	for i := 0; i < nodes; i++ {
		lo, hi := i*perNode, min(n, (i+1)*perNode)
		var pk []string
		for p := lo; p < hi; p++ {
			pk = append(pk, fmt.Sprintf("%d 0 R", first+p))
		}
		objs = append(objs, fmt.Sprintf("<< /Type /Pages /Parent 2 0 R /Kids [%s] /Count %d >>", strings.Join(pk, " "), hi-lo))
	}
	for p := 0; p < n; p++ {
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent %d 0 R >>", 3+p/perNode))
	}
	return pdfFile{objs: objs}.bytes()
}

// streamBomb: a one-page PDF whose content stream deflates 128 MiB (one
// string of a repeated letter, drawn with Tj) into 130 KB. A reader that
// inflates the stream and holds the string whole needs gigabytes.
func streamBomb() []byte {
	var z bytes.Buffer
	zw, err := zlib.NewWriterLevel(&z, zlib.BestCompression)
	if err != nil {
		log.Fatal(err)
	}
	io.WriteString(zw, "BT /F1 11 Tf 72 720 Td (Provider shall notify Customer ")
	chunk := bytes.Repeat([]byte("A"), 1<<20)
	for i := 0; i < 128; i++ {
		zw.Write(chunk)
	}
	io.WriteString(zw, ") Tj ET")
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	return pdfFile{objs: []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream", z.Len(), z.Bytes()),
		font,
	}}.bytes()
}

// randomBytes is n bytes from a seeded generator: the same file every run.
func randomBytes(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.UintN(256))
	}
	return b
}

// DOCX packages.

var modified = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

const (
	nsW     = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	relBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	types   = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	rootRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="` + relBase + `officeDocument" Target="word/document.xml"/></Relationships>`
	styles = `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + nsW + `><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`
)

type part struct{ name, data string }

func zipParts(parts ...part) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: modified})
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

// noDocumentXML: a Word package with its content types, relationships and
// styles, but without the main part they point to (word/document.xml).
func noDocumentXML() []byte {
	return zipParts(
		part{"[Content_Types].xml", types},
		part{"_rels/.rels", rootRels},
		part{"word/styles.xml", styles},
	)
}

// zipBomb: a Word package whose word/document.xml inflates to 960 MiB of
// one repeated character inside a run of text (deflate's best ratio is
// about 1000:1, so that is most of the file's size), and whose styles and
// numbering parts are the same compressed bytes under other names (their
// central directory entries point at the document's local header, as in
// David Fifield's overlapping-file zip bombs): 2.8 GiB from a file under
// 1 MB. The sizes in the headers are honest.
func zipBomb() []byte {
	const partSize = 960 << 20
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range []part{{"[Content_Types].xml", types}, {"_rels/.rels", rootRels}} {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: modified})
		if err != nil {
			log.Fatal(err)
		}
		io.WriteString(w, p.data)
	}
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate, Modified: modified})
	if err != nil {
		log.Fatal(err)
	}
	head, tail := `<w:document `+nsW+`><w:body><w:p><w:r><w:t>`, `</w:t></w:r></w:p></w:body></w:document>`
	io.WriteString(w, head)
	chunk := bytes.Repeat([]byte("A"), 1<<20)
	n := len(head) + len(tail)
	for ; n+len(chunk) <= partSize; n += len(chunk) {
		w.Write(chunk)
	}
	w.Write(chunk[:partSize-n])
	io.WriteString(w, tail)
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	return alias(buf.Bytes(), "word/document.xml", "word/styles.xml", "word/numbering.xml")
}

// alias adds central directory entries named names that repeat the entry
// of target: the same local header, so the same compressed data.
func alias(data []byte, target string, names ...string) []byte {
	le := binary.LittleEndian
	eocd := bytes.LastIndex(data, []byte("PK\x05\x06"))
	if eocd < 0 {
		log.Fatal("alias: no end of central directory")
	}
	count := int(le.Uint16(data[eocd+10:]))
	cdSize := int(le.Uint32(data[eocd+12:]))
	cdOff := int(le.Uint32(data[eocd+16:]))
	cd := data[cdOff : cdOff+cdSize]
	var entry []byte
	for p := 0; p < len(cd); {
		nameLen, extraLen, commentLen := int(le.Uint16(cd[p+28:])), int(le.Uint16(cd[p+30:])), int(le.Uint16(cd[p+32:]))
		end := p + 46 + nameLen + extraLen + commentLen
		if string(cd[p+46:p+46+nameLen]) == target {
			entry = cd[p:end]
		}
		p = end
	}
	if entry == nil {
		log.Fatalf("alias: no entry %s", target)
	}
	var extra bytes.Buffer
	for _, name := range names {
		e := append([]byte(nil), entry[:46]...)
		le.PutUint16(e[28:], uint16(len(name)))
		e = append(e, name...)
		e = append(e, entry[46+len(target):]...)
		extra.Write(e)
	}
	out := append(append([]byte(nil), data[:cdOff+cdSize]...), extra.Bytes()...)
	end := append([]byte(nil), data[eocd:]...)
	le.PutUint16(end[8:], uint16(count+len(names)))
	le.PutUint16(end[10:], uint16(count+len(names)))
	le.PutUint32(end[12:], uint32(cdSize+extra.Len()))
	return append(out, end...)
}

// billionLaughs: word/document.xml declares ten nested entities, each ten
// of the one before ("lol9" is 10^9 "lol"s, about 3 GB), and uses the last.
func billionLaughs() []byte {
	var dtd strings.Builder
	dtd.WriteString(`<!ENTITY lol0 "lol">`)
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&dtd, `<!ENTITY lol%d "%s">`, i, strings.Repeat(fmt.Sprintf("&lol%d;", i-1), 10))
	}
	doc := `<?xml version="1.0" encoding="UTF-8"?>` + "\n<!DOCTYPE w:document [" + dtd.String() + "]>\n" +
		`<w:document ` + nsW + `><w:body><w:p><w:r><w:t>Provider shall notify Customer &lol9;</w:t></w:r></w:p></w:body></w:document>`
	return zipParts(part{"[Content_Types].xml", types}, part{"_rels/.rels", rootRels}, part{"word/document.xml", doc}, part{"word/styles.xml", styles})
}

// externalEntity: word/document.xml declares an external entity naming a
// local file, the classic XXE probe; a reader that resolves it would put
// /etc/passwd into the extracted text.
func externalEntity() []byte {
	doc := `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>` + "\n" +
		`<w:document ` + nsW + `><w:body><w:p><w:r><w:t>Provider shall notify Customer. &xxe;</w:t></w:r></w:p></w:body></w:document>`
	return zipParts(part{"[Content_Types].xml", types}, part{"_rels/.rels", rootRels}, part{"word/document.xml", doc}, part{"word/styles.xml", styles})
}

// shiftJIS: a short Japanese agreement in Shift-JIS, a legacy encoding that
// is neither UTF-8 nor Windows-1252, with Windows line ends.
func shiftJIS() []byte {
	text := "業務委託契約書\r\n\r\n第1条（目的）\r\n受託者は、セキュリティ事故を知った時から24時間以内に委託者に通知する。\r\n\r\n" +
		"第2条（秘密保持）\r\n受託者は、秘密情報を暗号化して管理する。\r\n"
	b, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(text))
	if err != nil {
		log.Fatal(err)
	}
	return b
}

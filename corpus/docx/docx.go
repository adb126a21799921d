// Package docx extracts agreements from Word .docx files.
//
// The body of word/document.xml is decoded with github.com/fumiama/go-docx
// after a rewrite (flatten.go) that accepts tracked changes and unwraps the
// containers the library would otherwise skip with their text. Styles and
// numbering, which the library does not read, are parsed here so that
// headings get their levels and Word's automatic numbers ("12.3", "(a)")
// appear in the text as a reader sees them.
package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"regexp"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	docx "github.com/fumiama/go-docx"

	"github.com/contractlint/contractlint/corpus"
)

// Options bound what a DOCX may decompress to. A .docx is a ZIP archive,
// and a few kilobytes of deflated data can claim gigabytes: each part is
// read through a limited reader, so memory stays bounded whatever the
// headers declare. A zero field sets no limit.
type Options struct {
	// MaxPartSize caps the decompressed size of each part read: the main
	// document, styles, numbering and their relationships. The largest
	// real agreements have document parts of a few megabytes.
	MaxPartSize int64
	// MaxTotalSize caps the decompressed size of all the parts read.
	MaxTotalSize int64
}

// DefaultOptions are the limits Extract applies: 64 MiB a part, 96 MiB in
// all.
func DefaultOptions() Options {
	return Options{MaxPartSize: 64 << 20, MaxTotalSize: 96 << 20}
}

// maxDepth caps element nesting in the main document: go-docx decodes
// nested elements recursively, and a document nested thousands deep is an
// attack, not an agreement.
const maxDepth = 1000

// Extract reads a .docx file held in data, already sniffed as a ZIP
// archive, within DefaultOptions. path names the file in errors and in the
// Document.
//
// Errors are *corpus.InputError wrapping corpus.ErrTooLarge (a part
// decompresses beyond MaxPartSize, or the parts read beyond MaxTotalSize)
// or corpus.ErrCorrupt (a broken archive or part, a part that declares a
// DTD, or a parser failure). A document without text is returned with no
// blocks, not as an error: the caller decides what an empty agreement
// means.
func Extract(path string, data []byte) (*corpus.Document, error) {
	return ExtractContext(context.Background(), path, data, DefaultOptions())
}

// ExtractContext is Extract within the limits of opts. It checks ctx
// between the stages of reading (parts, styles, numbering, the body) and
// returns an error wrapping ctx.Err() once it is done.
func ExtractContext(ctx context.Context, path string, data []byte, opts Options) (doc *corpus.Document, err error) {
	// The library and the XML decoder see untrusted input; nothing they
	// do may take the caller down.
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, corrupt(path, "internal error reading the DOCX (%v)", r)
		}
	}()
	parts, err := readParts(path, data, opts)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, &corpus.InputError{Path: path, Err: err}
	}
	st, err := parseStyles(parts.styles)
	if err != nil {
		return nil, corrupt(path, "the DOCX part %s cannot be parsed (%v)", parts.stylesName, err)
	}
	num, err := parseNumbering(parts.numbering, st)
	if err != nil {
		return nil, corrupt(path, "the DOCX part %s cannot be parsed (%v)", parts.numberingName, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, &corpus.InputError{Path: path, Err: err}
	}
	flat, err := flatten(parts.document, st)
	if err != nil {
		return nil, corrupt(path, "the DOCX part %s cannot be parsed (%v)", parts.documentName, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, &corpus.InputError{Path: path, Err: err}
	}
	var d docx.Document
	if err := xml.NewDecoder(bytes.NewReader(flat)).Decode(&d); err != nil {
		return nil, corrupt(path, "the DOCX part %s cannot be parsed (%v)", parts.documentName, err)
	}
	w := &walker{styles: st, numbering: num}
	w.body(d.Body.Items)
	return corpus.Build(path, corpus.FormatDOCX, 0, w.blocks), nil
}

// corrupt reports a broken archive or part in the manner of the other
// extractors: "x.docx: corrupt or truncated file: the DOCX part
// word/document.xml cannot be parsed (...)".
func corrupt(path, format string, args ...any) error {
	return corpus.Errorf(path, corpus.ErrCorrupt, format, args...)
}

// tooLarge reports a part, or the parts together, over a size limit.
func tooLarge(path, format string, args ...any) error {
	return corpus.Errorf(path, corpus.ErrTooLarge, format, args...)
}

// parts holds the decompressed parts Extract needs.
type parts struct {
	document, styles, numbering             []byte
	documentName, stylesName, numberingName string
}

// pkg reads parts of the archive within the size limits.
type pkg struct {
	path    string
	files   map[string]*zip.File // by lower-case name: OPC part names ignore case
	partMax int64                // Options.MaxPartSize (no limit: the largest int64)
	total   int64                // Options.MaxTotalSize (likewise)
	left    int64                // what total leaves for further parts
}

func readParts(file string, data []byte, opts Options) (*parts, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !(errors.Is(err, zip.ErrInsecurePath) && zr != nil) {
		// Insecure names matter only to code that writes files out.
		return nil, corrupt(file, "the DOCX archive cannot be opened (%v)", err)
	}
	p := &pkg{path: file, files: make(map[string]*zip.File, len(zr.File)),
		partMax: orNoLimit(opts.MaxPartSize), left: orNoLimit(opts.MaxTotalSize), total: orNoLimit(opts.MaxTotalSize)}
	for _, f := range zr.File {
		name := strings.ToLower(strings.TrimPrefix(f.Name, "/"))
		if _, dup := p.files[name]; !dup {
			p.files[name] = f
		}
	}

	r := &parts{documentName: "word/document.xml"}
	// The main part is wherever the package relationships point; Word
	// always calls it word/document.xml, other writers need not.
	if rels, err := p.rels("_rels/.rels", ""); err != nil {
		return nil, err
	} else if t := rels["officeDocument"]; t != "" && p.files[strings.ToLower(t)] != nil {
		r.documentName = t
	}
	var ok bool
	if r.document, ok, err = p.read(r.documentName); err != nil {
		return nil, err
	} else if !ok {
		return nil, corrupt(file, "the DOCX archive has no %s, the part that holds the text; the file is damaged or incomplete", r.documentName)
	}

	dir := path2dir(r.documentName)
	rels, err := p.rels(path.Join(dir, "_rels", path.Base(r.documentName)+".rels"), dir)
	if err != nil {
		return nil, err
	}
	r.stylesName = pick(rels["styles"], path.Join(dir, "styles.xml"))
	r.numberingName = pick(rels["numbering"], path.Join(dir, "numbering.xml"))
	if r.styles, _, err = p.read(r.stylesName); err != nil {
		return nil, err
	}
	if r.numbering, _, err = p.read(r.numberingName); err != nil {
		return nil, err
	}
	return r, nil
}

// orNoLimit reads a zero (or negative) limit as none.
func orNoLimit(n int64) int64 {
	if n <= 0 {
		return math.MaxInt64 - 1 // readAtMost reads limit+1 bytes
	}
	return n
}

// path2dir is the folder of a part name, "" at the root of the package.
func path2dir(name string) string {
	d := path.Dir(name)
	if d == "." {
		return ""
	}
	return d
}

func pick(target, fallback string) string {
	if target != "" {
		return target
	}
	return fallback
}

// read decompresses a part; ok is false when the archive has none.
func (p *pkg) read(name string) (data []byte, ok bool, err error) {
	f := p.files[strings.ToLower(name)]
	if f == nil {
		return nil, false, nil
	}
	limit := min(p.partMax, p.left)
	// The declared size is checked first so that an honest bomb costs
	// nothing; the limited reader below catches a dishonest one.
	if f.UncompressedSize64 > uint64(limit) {
		return nil, false, p.overLimit(name, limit)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, false, corrupt(p.path, "the DOCX part %s cannot be decompressed (%v)", name, err)
	}
	defer rc.Close()
	data, err = readAtMost(rc, int(f.UncompressedSize64), limit)
	if errors.Is(err, errOverLimit) {
		return nil, false, p.overLimit(name, limit)
	}
	if err != nil {
		return nil, false, corrupt(p.path, "the DOCX part %s cannot be decompressed (%v)", name, err)
	}
	p.left -= int64(len(data))
	data, err = utf8Part(data)
	if err != nil {
		return nil, false, corrupt(p.path, "the DOCX part %s cannot be parsed (%v)", name, err)
	}
	if bytes.Contains(data, []byte("<!DOCTYPE")) {
		// Word never writes a DTD. Its entities are what billion-laughs
		// (recursive entities) and XXE (external entities) attacks use;
		// encoding/xml expands neither, and the part is refused outright
		// rather than read with its entity references left unresolved.
		return nil, false, corrupt(p.path, "the DOCX part %s declares a DTD (<!DOCTYPE>), which Word never writes; its entities (recursive or external) are not expanded and the file is refused", name)
	}
	return data, true, nil
}

var errOverLimit = errors.New("over the limit")

// readAtMost reads r to its end, failing with errOverLimit as soon as it
// yields more than limit bytes: however much a deflated stream expands,
// no more than limit+1 bytes are ever held. sizeHint (the declared size,
// already known not to exceed limit) only presizes the buffer.
func readAtMost(r io.Reader, sizeHint int, limit int64) ([]byte, error) {
	buf := bytes.NewBuffer(make([]byte, 0, max(sizeHint, 0)+bytes.MinRead))
	n, err := buf.ReadFrom(io.LimitReader(r, limit+1))
	if n > limit {
		return nil, errOverLimit
	}
	return buf.Bytes(), err
}

func (p *pkg) overLimit(name string, limit int64) error {
	if limit < p.partMax {
		return tooLarge(p.path, "the parts read decompress beyond the %s total limit (at %s)", size(p.total), name)
	}
	return tooLarge(p.path, "%s decompresses beyond the %s limit", name, size(limit))
}

// size prints a limit for people: "64 MiB".
func size(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

type relsXML struct {
	Rels []struct {
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
		Mode   string `xml:"TargetMode,attr"`
	} `xml:"Relationship"`
}

// rels reads a relationships part and returns the targets of internal
// relationships by the last element of their type ("officeDocument",
// "styles", "numbering"), resolved against dir. A missing or unreadable
// relationships part yields none: the parts then have their usual names.
func (p *pkg) rels(name, dir string) (map[string]string, error) {
	data, ok, err := p.read(name)
	if err != nil || !ok {
		return nil, err
	}
	var x relsXML
	if xml.Unmarshal(data, &x) != nil {
		return nil, nil
	}
	m := map[string]string{}
	for _, r := range x.Rels {
		if strings.EqualFold(r.Mode, "External") || r.Target == "" {
			continue
		}
		kind := r.Type[strings.LastIndexByte(r.Type, '/')+1:]
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = t[1:]
		} else {
			t = path.Join(dir, t)
		}
		if _, dup := m[kind]; !dup {
			m[kind] = path.Clean(t)
		}
	}
	return m, nil
}

// utf8Part returns a part's XML as UTF-8 without a byte-order mark or an
// XML declaration. encoding/xml (and the rewrite's scanner) read UTF-8,
// while the standard lets parts be UTF-16, and other writers declare
// Latin-1; with the declaration gone nothing claims another encoding.
func utf8Part(b []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	case len(b) >= 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF):
		le := b[0] == 0xFF
		u := make([]uint16, 0, len(b)/2)
		for i := 2; i+1 < len(b); i += 2 {
			if le {
				u = append(u, uint16(b[i])|uint16(b[i+1])<<8)
			} else {
				u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
			}
		}
		b = []byte(string(utf16.Decode(u)))
	}
	if !bytes.HasPrefix(b, []byte("<?xml")) {
		return b, nil
	}
	end := bytes.Index(b, []byte("?>"))
	if end < 0 {
		return b, nil // the parser reports it
	}
	decl, rest := b[:end], b[end+2:]
	enc := ""
	if m := reEncoding.FindSubmatch(decl); m != nil {
		enc = strings.ToLower(string(m[1]))
	}
	switch enc {
	case "", "utf-8", "utf8", "utf-16", "utf-16le", "utf-16be", "unicode", "us-ascii", "ascii":
		return rest, nil
	case "iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252":
		// windows-1252's extra characters in 0x80-0x9F are rare enough
		// in these parts to be read as Latin-1.
		out := make([]byte, 0, len(rest)+len(rest)/8)
		for _, c := range rest {
			out = utf8.AppendRune(out, rune(c))
		}
		return out, nil
	}
	return nil, fmt.Errorf("unsupported encoding %q", enc)
}

var reEncoding = regexp.MustCompile(`encoding\s*=\s*["']([A-Za-z0-9._-]+)["']`)

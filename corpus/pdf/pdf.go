// Package pdf extracts agreements from PDF files.
//
// It reads the file with github.com/ledongthuc/pdf's object reader but runs
// the content streams itself: the library's Page.Content does not follow
// Form XObjects (EDGAR filings draw all their text inside them), decodes
// fonts again on every use, and leaves words, lines and paragraphs to the
// caller. Here each font is decoded once per document, glyphs are placed
// with the full text state (character and word spacing, scaling, rise),
// and the layout (lines, words, paragraphs, headings, page furniture) is
// rebuilt from glyph positions, sizes and weights.
package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp"
	"runtime"
	"strings"
	"sync"

	lpdf "github.com/ledongthuc/pdf"

	"github.com/contractlint/contractlint/corpus"
)

// Options bound what extracting one PDF may cost. The zero value sets no
// limits.
type Options struct {
	// MaxPages refuses a PDF with more pages than this; 0 for no limit.
	MaxPages int
	// MaxStreamSize refuses a PDF with a content stream (a page's, or a
	// form's it draws) that decompresses to more bytes than this; 0 for
	// no limit.
	MaxStreamSize int64
	// Workers is how many pages are interpreted at once; 0 for one per
	// CPU (GOMAXPROCS).
	Workers int
}

// Extract reads a PDF held in data, without limits. path names the file in
// errors and in the Document.
func Extract(path string, data []byte) (*corpus.Document, error) {
	return ExtractContext(context.Background(), path, data, Options{})
}

// ExtractContext reads a PDF held in data within the limits of opts. It
// stops between pages, and every few thousand operators within a page,
// once ctx is done, returning an error that wraps ctx.Err(); work inside
// the PDF library itself (opening the file, decoding one stream) runs to
// its end first.
func ExtractContext(ctx context.Context, path string, data []byte, opts Options) (doc *corpus.Document, err error) {
	// The library panics on malformed input; this is the one place its
	// panics are stopped and turned into an error naming the file.
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, corpus.Errorf(path, corpus.ErrCorrupt, "%s", panicText(r))
		}
	}()
	if err := precheck(data); err != nil {
		return nil, corpus.Errorf(path, corpus.ErrCorrupt, "the PDF's structure is broken: %v; `qpdf FILE repaired.pdf` may repair it", err)
	}
	r, err := lpdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if errors.Is(err, lpdf.ErrInvalidPassword) || bytes.Contains(data, []byte("/Encrypt")) && isEncryptErr(err) {
			return nil, encryptionError(path, data, err)
		}
		msg := err.Error()
		if strings.Contains(msg, "EOF") || strings.Contains(msg, "startxref") {
			// The library's "not a PDF file: missing %%EOF".
			return nil, corpus.Errorf(path, corpus.ErrCorrupt, "the PDF has no end-of-file marker or cross-reference table; it is truncated or damaged")
		}
		if strings.Contains(msg, "xref") || strings.Contains(msg, "cross-reference") {
			return nil, corpus.Errorf(path, corpus.ErrCorrupt, "the PDF's cross-reference table is damaged (%v); `qpdf FILE repaired.pdf` rebuilds it", err)
		}
		return nil, corpus.Errorf(path, corpus.ErrCorrupt, "the PDF cannot be opened (%v)", err)
	}
	ps, err := pages(r, opts.MaxPages)
	if tm, ok := err.(tooManyPages); ok {
		if tm.count > 0 {
			return nil, corpus.Errorf(path, corpus.ErrTooLarge, "the PDF has %d pages, more than the limit of %d", tm.count, opts.MaxPages)
		}
		return nil, corpus.Errorf(path, corpus.ErrTooLarge, "the PDF has more than %d pages, the limit", opts.MaxPages)
	}
	if err != nil {
		return nil, corpus.Errorf(path, corpus.ErrCorrupt, "the PDF's page tree is broken (%v)", err)
	}
	if len(ps) == 0 {
		return nil, corpus.Errorf(path, corpus.ErrCorrupt, "the PDF has no pages")
	}
	lines, err := readPages(ctx, ps, opts.MaxStreamSize, opts.Workers)
	if err != nil {
		return nil, &corpus.InputError{Path: path, Err: err}
	}
	chars := 0
	for _, p := range lines {
		for _, l := range p {
			chars += l.chars
		}
	}
	if chars == 0 {
		return nil, &corpus.InputError{Path: path, Err: corpus.ErrNoTextLayer}
	}
	lines = dropFurniture(lines)
	var flows [][]line
	for _, p := range lines {
		for _, f := range columnize(p) {
			flows = append(flows, mergeRows(f))
		}
	}
	st := measure(flows)
	blocks := make([][]pblock, len(flows))
	for i, f := range flows {
		blocks[i] = blocksOf(f, st)
	}
	return corpus.Build(path, corpus.FormatPDF, len(ps), toBlocks(blocks, st)), nil
}

// panicText turns a panic of the library into the reason a person reads.
// Most come from an object that is not where the cross-reference table
// says ("loading {12 0}: found float64 instead of objdef").
func panicText(r any) string {
	msg := fmt.Sprint(r)
	if m := reMisplaced.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("the PDF's cross-reference table points to the wrong place for object %s; `qpdf FILE repaired.pdf` rebuilds it", m[1])
	}
	if strings.Contains(msg, "cannot find object") || strings.Contains(msg, "not an object stream") {
		return fmt.Sprintf("the PDF's cross-reference table points to the wrong places (%s); `qpdf FILE repaired.pdf` rebuilds it", msg)
	}
	return fmt.Sprintf("the PDF cannot be parsed (%s)", msg)
}

// reMisplaced matches the library's panic for an object that is not at
// the offset the table gives: "loading {12 0}: found float64 instead of
// objdef" or "loading {12 0}: found {13 0}".
var reMisplaced = regexp.MustCompile(`^loading \{(\d+) \d+\}: found `)

func isEncryptErr(err error) bool {
	s := strings.ToLower(err.Error())
	return strings.Contains(s, "encrypt") || strings.Contains(s, "password") || strings.Contains(s, "crypt")
}

// readPages interprets every page's content into lines. Pages are
// independent once fonts are shared, so they run on workers goroutines
// (one per CPU when workers is not positive).
func readPages(ctx context.Context, ps []pageInfo, maxStream int64, workers int) ([][]line, error) {
	out := make([][]line, len(ps))
	errs := make([]error, len(ps))
	fonts := &fontCache{fonts: map[objKey]*font{}}
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers > len(ps) {
		workers = len(ps)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			in := &interp{ctx: ctx, maxStream: maxStream, fonts: fonts, fontRes: map[objKey]*font{}}
			for i := range next {
				if errs[i] = ctx.Err(); errs[i] == nil {
					out[i], errs[i] = readPage(in, i+1, ps[i])
				}
			}
		}()
	}
	for i := range ps {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func readPage(in *interp, num int, p pageInfo) (ls []line, err error) {
	defer func() {
		if r := recover(); r == errStopped {
			ls, err = nil, in.ctx.Err()
		} else if big, ok := r.(streamTooLarge); ok {
			ls, err = nil, fmt.Errorf("%w: a content stream of page %d decompresses beyond the %s limit", corpus.ErrTooLarge, num, sizeText(big.limit))
		} else if r != nil {
			ls, err = nil, fmt.Errorf("%w: page %d of the PDF cannot be read (%v)", corpus.ErrCorrupt, num, r)
		}
	}()
	in.glyphs = in.glyphs[:0]
	contents := p.v.Key("Contents")
	if contents.Kind() != lpdf.Stream && contents.Kind() != lpdf.Array {
		return nil, nil
	}
	g := gstate{ctm: identity, th: 1}
	in.run(contents, p.res, g)
	return buildLines(num, in.glyphs), nil
}

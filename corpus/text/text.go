// Package text extracts agreements from Markdown and plain text.
//
// Extract decodes the bytes (UTF-8 with or without a byte-order mark,
// UTF-16 with a BOM, Windows-1252 when the bytes are not UTF-8), splits the
// text into headings, paragraphs, list items and table cells in reading
// order and hands them to corpus.Build, which numbers sections and lays out
// the document's text. Block texts read as a reader sees them: Markdown
// inline markup is removed, hard-wrapped lines are joined and words
// hyphenated across line ends rejoined.
//
// LooksBinary and LooksMarkdown sniff data for format detection.
package text

import (
	"strings"

	"github.com/contractlint/contractlint/corpus"
)

// MaxSize is the largest text file Extract reads. Agreements run to a few
// hundred kilobytes; anything far larger is not one, and reading it would
// only hold memory.
const MaxSize = 64 << 20

// Extract reads Markdown or plain text held in data. format must be
// corpus.FormatMarkdown or corpus.FormatText. Text that is empty or only
// white space gives a Document without blocks; data that is not text gives
// an error wrapping corpus.ErrUnsupported. Errors are *corpus.InputError
// naming path.
func Extract(path string, data []byte, format corpus.Format) (*corpus.Document, error) {
	if format != corpus.FormatMarkdown && format != corpus.FormatText {
		return nil, corpus.Errorf(path, corpus.ErrUnsupported, "text: cannot read format %q", format)
	}
	if len(data) > MaxSize {
		return nil, corpus.Errorf(path, corpus.ErrTooLarge, "%d bytes of text, more than the %d-byte limit", len(data), MaxSize)
	}
	if LooksBinary(data) {
		return nil, corpus.Errorf(path, corpus.ErrUnsupported, "binary data, not text")
	}
	doc := decode(data)
	if strings.TrimSpace(doc) == "" {
		return corpus.Build(path, format, 0, nil), nil
	}
	var blocks []corpus.Block
	if format == corpus.FormatMarkdown {
		blocks = parseMarkdown(doc)
	} else {
		blocks = parsePlain(doc)
	}
	return corpus.Build(path, format, 0, blocks), nil
}

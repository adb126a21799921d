// Package text extracts agreements from Markdown and plain text.
package text

import (
	"errors"

	"github.com/contractlint/contractlint/corpus"
)

// Extract reads Markdown or plain text held in data.
func Extract(path string, data []byte, format corpus.Format) (*corpus.Document, error) {
	return nil, &corpus.InputError{Path: path, Err: errors.New("text: not implemented yet")}
}

// LooksBinary reports whether data is not text.
func LooksBinary(data []byte) bool { return false }

// LooksMarkdown reports whether text data is Markdown rather than plain text.
func LooksMarkdown(data []byte) bool { return false }

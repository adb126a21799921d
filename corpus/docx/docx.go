// Package docx extracts agreements from Word .docx files.
package docx

import (
	"errors"

	"github.com/contractlint/contractlint/corpus"
)

// Extract reads a .docx file held in data.
func Extract(path string, data []byte) (*corpus.Document, error) {
	return nil, &corpus.InputError{Path: path, Err: errors.New("docx: not implemented yet")}
}

package text

import (
	"os"
	"testing"

	"github.com/contractlint/contractlint/corpus"
)

// BenchmarkExtract reads the largest Markdown agreement of the corpus.
func BenchmarkExtract(b *testing.B) {
	data, err := os.ReadFile(corpusDir + "/docs/github-dpa-2023.md")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Extract("github-dpa-2023.md", data, corpus.FormatMarkdown); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExtractText reads the plain-text agreement wrapped at 78
// columns.
func BenchmarkExtractText(b *testing.B) {
	data, err := os.ReadFile(corpusDir + "/synthetic/docs/syn-15-copperline.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Extract("syn-15-copperline.txt", data, corpus.FormatText); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseMarkdown measures this package's own work on the largest
// Markdown agreement, without corpus.Build (section numbering and layout).
func BenchmarkParseMarkdown(b *testing.B) {
	data, err := os.ReadFile(corpusDir + "/docs/github-dpa-2023.md")
	if err != nil {
		b.Fatal(err)
	}
	doc := decode(data)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		parseMarkdown(doc)
	}
}

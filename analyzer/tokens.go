package analyzer

import (
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/registry"
)

// Token is a word as the English analyzer indexes it: lower case, stemmed
// ("notify", "notified" and "notifies" become "notifi"; Porter makes
// "notification" "notif"), stop words dropped. The corpus index uses the
// same analysis with one step more that joins -ify verbs and their
// -ification nouns (corpus/index.FoldIfy), so a query and a clause meet
// on the same stems.
type Token struct {
	Term string `json:"term"`
	// Start and End are byte offsets of the word in the analysed text.
	Start int `json:"start"`
	End   int `json:"end"`
	// Position counts the words of the text from 1, stop words included.
	Position int `json:"position"`
}

var (
	englishOnce sync.Once
	english     analysis.Analyzer
	englishErr  error
)

// EnglishAnalyzer returns bleve's English analyzer (unicode tokenizer,
// possessives removed, lower case, English stop words, Porter stemmer).
func EnglishAnalyzer() (analysis.Analyzer, error) {
	englishOnce.Do(func() {
		english, englishErr = registry.NewCache().AnalyzerNamed(en.AnalyzerName)
	})
	return english, englishErr
}

// Tokens analyses text with EnglishAnalyzer.
func Tokens(text string) []Token {
	a, err := EnglishAnalyzer()
	if err != nil {
		// The analyzer is compiled in; failing to build it is a
		// programming error, not an input error.
		panic(err)
	}
	stream := a.Analyze([]byte(text))
	out := make([]Token, len(stream))
	for i, t := range stream {
		out[i] = Token{Term: string(t.Term), Start: t.Start, End: t.End, Position: t.Position}
	}
	return out
}

// Stems returns the analysed terms of text, in order.
func Stems(text string) []string {
	ts := Tokens(text)
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Term
	}
	return out
}

package index

import (
	"bytes"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
)

// TextAnalyzer names the analyzer of clause text: bleve's English
// analyzer ("en": unicode words, possessives dropped, lower case, English
// stop words, Porter stemmer; the review's analyzer.EnglishAnalyzer) and
// one step after it, FoldIfy. Queries are analysed the same way.
const TextAnalyzer = "contractlint-en"

// FoldIfyName names the token filter that joins -ify verbs and their
// -ification nouns.
const FoldIfyName = "contractlint_fold_ify"

// FoldIfy joins the stems Porter leaves apart in the verbs in -ify and
// their nouns: "notify", "notified" and "notifies" stem to "notifi" but
// "notification" to "notif" (likewise verify, modify, certify, specify,
// indemnify). A stem ending in "ifi" loses its last "i", so a search for
// "notify" finds "notification" and the reverse. Every other stem is the
// English analyzer's.
type FoldIfy struct{}

// Filter implements analysis.TokenFilter.
func (FoldIfy) Filter(ts analysis.TokenStream) analysis.TokenStream {
	for _, t := range ts {
		if len(t.Term) > 4 && bytes.HasSuffix(t.Term, []byte("ifi")) {
			t.Term = t.Term[:len(t.Term)-1]
		}
	}
	return ts
}

func init() {
	registry.RegisterTokenFilter(FoldIfyName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return FoldIfy{}, nil
	})
}

// addTextAnalyzer defines TextAnalyzer in the mapping: en's chain, then
// FoldIfy.
func addTextAnalyzer(im *mapping.IndexMappingImpl) error {
	return im.AddCustomAnalyzer(TextAnalyzer, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []interface{}{en.PossessiveName, lowercase.Name, en.StopName, porter.Name, FoldIfyName},
	})
}

// Analyze returns the terms the index makes of text, in order: what a
// query word must become to find a clause.
func Analyze(text string) ([]string, error) {
	im := mapping.NewIndexMapping()
	if err := addTextAnalyzer(im); err != nil {
		return nil, err
	}
	a := im.AnalyzerNamed(TextAnalyzer)
	var out []string
	for _, t := range a.Analyze([]byte(text)) {
		out = append(out, string(t.Term))
	}
	return out, nil
}

package pdf

import (
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The word measure of the extraction issue, ported from the project's
// tools/words.py: the multiset of lower-cased words of a candidate
// extraction against pdftotext's, after removing page furniture from the
// reference (lines among the first or last three of a page that repeat,
// digits ignored, on at least 3 pages and 30% of them, and bare page
// numbers), with words hyphenated across line ends or within ("twenty-four")
// joined on both sides.

var (
	measureDigits = regexp.MustCompile(`\d+`)
	measurePageNo = regexp.MustCompile(`^(?:(page\s*)?[#ivxlc]+(\s*of\s*#)?|-\s*#\s*-)$`)
	measureWrap   = regexp.MustCompile(`-\s*\n\s*`)
	measureWord   = regexp.MustCompile(`[a-z0-9]+`)
)

func furnitureFree(text string) string {
	const edge = 3
	var pages [][]string
	for _, p := range strings.Split(text, "\f") {
		var ls []string
		for _, l := range strings.Split(p, "\n") {
			if strings.TrimSpace(l) != "" {
				ls = append(ls, l)
			}
		}
		pages = append(pages, ls)
	}
	key := func(l string) string {
		return measureDigits.ReplaceAllString(strings.ToLower(strings.TrimSpace(l)), "#")
	}
	seen := map[string]int{}
	for _, p := range pages {
		keys := map[string]bool{}
		for i, l := range p {
			if i < edge || i >= len(p)-edge {
				keys[key(l)] = true
			}
		}
		for k := range keys {
			seen[k]++
		}
	}
	limit := math.Max(3, 0.3*float64(len(pages)))
	var out []string
	for _, p := range pages {
		for i, l := range p {
			k := key(l)
			if (i < edge || i >= len(p)-edge) && (float64(seen[k]) >= limit || measurePageNo.MatchString(k)) {
				continue
			}
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func measureWords(text string) map[string]int {
	text = measureWrap.ReplaceAllString(strings.ToLower(text), "")
	// Drop hyphens between letters or digits: "twenty-four" = "twentyfour".
	r := []rune(text)
	var b strings.Builder
	alnum := func(c rune) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }
	for i, c := range r {
		if (c == '-' || c == '\u00ad' || c == '\u2010' || c == '\u2011') && i > 0 && i+1 < len(r) && alnum(r[i-1]) && alnum(r[i+1]) {
			continue
		}
		b.WriteRune(c)
	}
	words := map[string]int{}
	for _, w := range measureWord.FindAllString(b.String(), -1) {
		words[w]++
	}
	return words
}

// wordRecall returns the share of the reference's words the candidate has,
// and the candidate's words beyond them as a share of the reference.
func wordRecall(reference, candidate string) (recall, extra float64) {
	ref := measureWords(furnitureFree(reference))
	cand := measureWords(candidate)
	common, nref, ncand := 0, 0, 0
	for w, n := range ref {
		nref += n
		common += min(n, cand[w])
	}
	for _, n := range cand {
		ncand += n
	}
	if nref == 0 {
		return 1, 0
	}
	return float64(common) / float64(nref), float64(ncand-common) / float64(nref)
}

func TestWordMeasure(t *testing.T) {
	ref := "Header\nTwenty-four hours\nPage 1 of 3\n\fHeader\nnotifi-\ncation\nPage 2 of 3\n\fHeader\nthird\nPage 3 of 3\n"
	recall, extra := wordRecall(ref, "twentyfour hours notification third bonus")
	if recall != 1 || math.Abs(extra-0.25) > 1e-9 {
		t.Errorf("recall %v extra %v; want 1, 0.25 (furniture removed, hyphens joined)", recall, extra)
	}
}

// corpusPDFs lists the PDFs of testdata/corpus.
func corpusPDFs(t testing.TB) []string {
	var files []string
	for _, dir := range []string{"docs", filepath.Join("synthetic", "docs")} {
		fs, err := filepath.Glob(filepath.Join("..", "..", "testdata", "corpus", dir, "*.pdf"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, fs...)
	}
	if len(files) < 12 {
		t.Fatalf("found %d corpus PDFs; the testdata copy is incomplete", len(files))
	}
	return files
}

// TestWordRecall holds the extraction standard: on every corpus PDF,
// contractlint's words cover at least 99% of pdftotext's, with at most 1%
// extra words.
func TestWordRecall(t *testing.T) {
	for _, f := range corpusPDFs(t) {
		name := strings.TrimSuffix(filepath.Base(f), ".pdf")
		t.Run(name, func(t *testing.T) {
			ref, err := os.ReadFile(filepath.Join("..", "..", "testdata", "pdftotext", name+".txt"))
			if err != nil {
				t.Fatalf("%v (regenerate with testdata/pdftotext/README.md)", err)
			}
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Extract(f, data)
			if err != nil {
				t.Fatal(err)
			}
			recall, extra := wordRecall(string(ref), doc.Text)
			t.Logf("recall %.4f extra %.4f", recall, extra)
			if recall < 0.99 || extra > 0.01 {
				t.Errorf("recall %.4f (want >= 0.99), extra %.4f (want <= 0.01)", recall, extra)
			}
		})
	}
}

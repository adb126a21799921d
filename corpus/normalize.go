package corpus

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// foldMap folds the look-alike characters real agreements print into the
// plain ASCII a matcher expects: curly quotes, en and em dashes, the Greek
// question mark that EDGAR PDFs print for ";", soft hyphens.
var foldMap = strings.NewReplacer(
	"\u2018", "'", "\u2019", "'", "\u201a", "'", "\u201b", "'", "\u2032", "'",
	"\u201c", `"`, "\u201d", `"`, "\u201e", `"`, "\u201f", `"`, "\u2033", `"`, "\u00ab", `"`, "\u00bb", `"`,
	"\u2010", "-", "\u2011", "-", "\u2012", "-", "\u2013", "-", "\u2014", "-", "\u2015", "-", "\u2212", "-",
	"\u037e", ";", "\u00ad", "", "\u200b", "", "\ufeff", "",
)

// Normalize prepares text for matching, never for display: Unicode NFKC,
// quotes and dashes folded to ASCII, and white space collapsed to single
// spaces. Evidence is always reported as printed; compare Normalize(a) with
// Normalize(b).
func Normalize(s string) string {
	return cleanSpace(foldMap.Replace(norm.NFKC.String(s)))
}

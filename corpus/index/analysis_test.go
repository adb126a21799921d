package index_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/contractlint/contractlint/analyzer"
	"github.com/contractlint/contractlint/corpus/index"
)

// TestAnalyzeIsTheReviews: the index analyses text as the review's
// English analyzer does, except that -ify verbs and their -ification
// nouns share a stem.
func TestAnalyzeIsTheReviews(t *testing.T) {
	text := "The Provider's personnel shall encrypt Customer Data at rest, retain audit logs for twelve (12) months and report to the Customer."
	got, err := index.Analyze(text)
	if err != nil {
		t.Fatal(err)
	}
	if want := analyzer.Stems(text); !reflect.DeepEqual(got, want) {
		t.Errorf("index terms %q\nreview stems %q", got, want)
	}
	for _, group := range [][]string{
		{"notify", "notification", "notified", "notifications", "notifies"},
		{"verify", "verification", "verified"},
		{"indemnify", "indemnification"},
		{"modify", "modifications"},
	} {
		want, _ := index.Analyze(group[0])
		for _, w := range group[1:] {
			if got, _ := index.Analyze(w); !reflect.DeepEqual(got, want) {
				t.Errorf("Analyze(%q) = %q; want %q like %q", w, got, want, group[0])
			}
		}
		if strings.HasSuffix(want[0], "i") {
			t.Errorf("%q: stem %q still ends in i", group[0], want[0])
		}
	}
}

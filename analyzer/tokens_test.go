package analyzer

import (
	"reflect"
	"testing"
)

func TestStems(t *testing.T) {
	if got := Stems("Provider shall notify Customer"); !reflect.DeepEqual(got, []string{"provid", "shall", "notifi", "custom"}) {
		t.Errorf("Stems = %q", got)
	}
	// Inflections meet; note that Porter stems "notify" to "notifi" and
	// "notification" to "notif", so the two do not share a stem.
	for _, group := range [][]string{
		{"notify", "notified", "notifies"},
		{"notification", "notifications"},
		{"Provider", "Provider's", "providers"},
		{"encrypt", "encrypted", "encrypting"},
	} {
		want := Stems(group[0])
		for _, w := range group[1:] {
			if got := Stems(w); !reflect.DeepEqual(got, want) {
				t.Errorf("Stems(%q) = %q; want %q like %q", w, got, want, group[0])
			}
		}
	}
	toks := Tokens("Encrypt data at rest.")
	if len(toks) != 3 || toks[2].Term != "rest" || toks[2].Start != 16 || toks[2].End != 20 || toks[2].Position != 4 {
		t.Errorf("Tokens = %+v; want at (stop word) dropped, rest at 16-20, position 4", toks)
	}
}

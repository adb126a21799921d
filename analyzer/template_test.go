package analyzer

import (
	"strings"
	"testing"
)

// Template options a drafter leaves unticked, and drafting notes, are not
// terms of the agreement; ticked options are.
func TestDeadSpans(t *testing.T) {
	text := "Security measures: [ drafting note: check all that apply. ] [ x ] See Security Policy [ ] Encryption at rest: {measures} [ ] Events logging ☐ Annual penetration test"
	spans := deadSpans(text)
	live := blank(text, spans, 0, len(text))
	for _, want := range []string{"Security measures:", "See Security Policy"} {
		if !strings.Contains(live, want) {
			t.Errorf("live text %q lost %q", live, want)
		}
	}
	for _, gone := range []string{"drafting", "Encryption", "Events logging", "penetration"} {
		if strings.Contains(live, gone) {
			t.Errorf("live text %q keeps %q from a drafting note or unticked option", live, gone)
		}
	}
	start := len("Security measures: [ drafting note: check all that apply. ] [ x ] See Security Policy ")
	if !dead(text, spans, start, len(text)) {
		t.Errorf("the unticked options %q should be dead", text[start:])
	}
	if dead(text, spans, 0, start) {
		t.Errorf("%q holds live words", text[:start])
	}
	if deadSpans("Provider shall encrypt Customer Data [at rest].") != nil {
		t.Error("a bracketed word is not an option box")
	}
}

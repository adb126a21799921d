package analyzer

import "testing"

func TestFingerprint(t *testing.T) {
	base := Fingerprint("incident-notification", "Provider shall notify Customer within 24 hours.")
	if len(base) != 16 {
		t.Fatalf("fingerprint %q: want 16 hex digits", base)
	}
	same := []string{
		"Provider shall notify\nCustomer within 24 hours",
		"PROVIDER shall noti-\nfy Customer within 24 hours .",
		"  Provider  shall notify Customer within 24 hours.  ",
	}
	for _, e := range same {
		if got := Fingerprint("incident-notification", e); got != base {
			t.Errorf("Fingerprint(%q) = %s, want %s (reflow and punctuation must not change it)", e, got, base)
		}
	}
	differ := map[string]string{
		"other check":  Fingerprint("breach-notification", "Provider shall notify Customer within 24 hours."),
		"other number": Fingerprint("incident-notification", "Provider shall notify Customer within 72 hours."),
		"missing":      Fingerprint("incident-notification", ""),
	}
	for name, fp := range differ {
		if fp == base {
			t.Errorf("%s: fingerprint %s equals the base's", name, fp)
		}
	}
}

func TestFailingSuppressed(t *testing.T) {
	r := Result{Check: "mfa", Status: Missing, Severity: SeverityError}
	if !r.Failing(SeverityError) {
		t.Fatal("a missing error result must fail --fail-on error")
	}
	r.Suppression = &Suppression{Reason: "accepted"}
	if r.Failing(SeverityNote) {
		t.Error("a waived result must not count for --fail-on")
	}
}

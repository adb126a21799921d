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
		// what PDF and Word exports of the same clause differ by
		"Provider shall notify Customer within \uff12\uff14 hours", // full-width digits
		"Provider\u00a0shall notify Customer within 24\u00a0hours", // no-break spaces
		"Provider shall no\u00adtify Customer within 24 hours",     // soft hyphen
		"PROVIDER SHALL NOTIFY CUSTOMER WITHIN 24 HOURS",           // capitals styled in the text
	}
	for _, e := range same {
		if got := Fingerprint("incident-notification", e); got != base {
			t.Errorf("Fingerprint(%q) = %s, want %s (reflow and punctuation must not change it)", e, got, base)
		}
	}
	// Compatibility forms and case folding, beyond ASCII.
	for _, c := range [][2]string{
		{"Provider shall give notification of an incident.", "Provider shall give noti\ufb01cation of an incident."}, // fi ligature
		{"Données chiffrées au café", "Donne\u0301es chiffre\u0301es au cafe\u0301"},                                 // decomposed accents
		{"Stra\u00dfe", "STRASSE"}, // full case folding
	} {
		if a, b := Fingerprint("encryption", c[0]), Fingerprint("encryption", c[1]); a != b {
			t.Errorf("Fingerprint(%q) = %s, Fingerprint(%q) = %s; want the same", c[0], a, c[1], b)
		}
	}
	if Fingerprint("encryption", "Données") == Fingerprint("encryption", "Donnees") {
		t.Error("an accent is part of the letter: é and e must differ")
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

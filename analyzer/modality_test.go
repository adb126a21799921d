package analyzer

import "testing"

func TestRead(t *testing.T) {
	for _, c := range []struct {
		clause      string
		modality    Modality
		prohibition bool
		negated     bool
		subject     string
		passive     bool
		hedges      []HedgeKind
	}{
		{"Provider shall notify Customer of any Security Incident within 24 hours.", Binding, false, false, "Provider", false, nil},
		{"(b) The Supplier must encrypt Customer Data at rest.", Binding, false, false, "The Supplier", false, nil},
		{"Upon discovering a Security Incident, Supplier will notify Customer promptly.", Binding, false, false, "Supplier", false, []HedgeKind{HedgeTiming}},
		{"Vendor agrees to maintain an incident response plan.", Binding, false, false, "Vendor", false, nil},
		{"Contractor is responsible for patching the Managed Environment.", Binding, false, false, "Contractor", false, nil},
		{"The Customer is responsible to implement appropriate safeguards.", Binding, false, false, "The Customer", false, nil},
		{"Customer is solely responsible for the encryption of Content.", Binding, false, false, "Customer", false, nil},
		{"Customer may audit Provider once a year.", Permissive, false, false, "Customer", false, nil},
		{"Provider shall not disclose Confidential Information to third parties.", Binding, true, false, "Provider", false, nil},
		{"Provider shall not be required to encrypt backups.", Binding, false, true, "Provider", false, nil},
		{"Provider has no obligation to monitor Customer's network.", Binding, false, true, "Provider", false, nil},
		{"Nothing in this Agreement obliges the Supplier to carry out penetration tests.", Binding, false, true, "", false, nil},
		{"Vendor will use commercially reasonable efforts to restore service.", Binding, false, false, "Vendor", false, []HedgeKind{HedgeEfforts}},
		{"Provider shall enforce multi-factor authentication where feasible.", Binding, false, false, "Provider", false, []HedgeKind{HedgeFeasibility}},
		{"Provider shall endeavour to apply patches as appropriate.", Binding, false, false, "Provider", false, []HedgeKind{HedgeEfforts, HedgeFeasibility}},
		{"Customer Data shall be encrypted in transit by the Service Provider using TLS 1.2.", Binding, false, false, "Customer Data", true, nil},
		{"Each party shall keep the other's Confidential Information confidential.", Binding, false, false, "Each party", false, nil},
		{"Provider maintains ISO 27001 certification.", Statement, false, false, "", false, nil},
		{"Customer may not reverse engineer the Software.", Binding, true, false, "Customer", false, nil},
		{"Commercial in Confidence Page 3 May 2004", Statement, false, false, "", false, nil},
		{"Such an assignment does not require the consent of the Customer.", Binding, false, true, "Such an assignment", false, nil},
	} {
		r := Read(c.clause)
		if r.Modality != c.modality || r.Prohibition != c.prohibition || r.Negated != c.negated || r.Subject != c.subject || r.Passive != c.passive {
			t.Errorf("Read(%q) = modality %s prohibition %v negated %v subject %q passive %v", c.clause, r.Modality, r.Prohibition, r.Negated, r.Subject, r.Passive)
		}
		var kinds []HedgeKind
		for _, h := range r.Hedges {
			kinds = append(kinds, h.Kind)
			if c.clause[h.Start:h.End] != h.Text {
				t.Errorf("hedge %q: span %v", h.Text, h.Span)
			}
		}
		if len(kinds) != len(c.hedges) {
			t.Errorf("Read(%q) hedges %v; want %v", c.clause, kinds, c.hedges)
			continue
		}
		for i := range kinds {
			if kinds[i] != c.hedges[i] {
				t.Errorf("Read(%q) hedges %v; want %v", c.clause, kinds, c.hedges)
			}
		}
	}
	for clause, want := range map[string]bool{
		"With respect to any confidential information, the provisions of Sections 6 and 9 will prevail.":         true,
		"In the event of a conflict, the DPA shall take precedence over the Agreement.":                          true,
		"Schedule 2 shall govern to the extent of any inconsistency with the Agreement.":                         true,
		"This Agreement shall be governed by the laws of England.":                                               false,
		"Provider shall control access to Customer Data.":                                                        false,
		"Provider shall prevail upon its subcontractors to keep Customer Data confidential in case of conflict.": true,
	} {
		if got := Read(clause).Precedence; got != want {
			t.Errorf("Read(%q).Precedence = %v, want %v", clause, got, want)
		}
	}
	r := Read("Customer Data shall be encrypted in transit by the Service Provider using TLS 1.2.")
	if r.Agent != "the Service Provider" {
		t.Errorf("agent %q", r.Agent)
	}
	if !Read("Provider shall notify Customer promptly and in any event within 24 hours.").Hedged(false) ||
		Read("Provider shall notify Customer promptly and in any event within 24 hours.").Hedged(true) ||
		!Read("Provider will use reasonable efforts to notify within 24 hours.").Hedged(true) {
		t.Error("a timing hedge weakens only a clause without a number; an efforts hedge always")
	}
}

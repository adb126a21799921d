package index

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func agreement(path, hash string, clauses ...string) *Agreement {
	a := &Agreement{
		Path: path, Hash: hash, Plan: "p1", Format: "markdown", Baselines: []string{"msp-default"},
		Results: []Result{
			{Check: "incident-notification", Title: "Incident notification", Status: "weak", Severity: "error", Message: "72 hours exceeds 24 hours",
				Threshold: "<= 24 hours", Quantity: &Quantity{Amount: 72, Unit: "hour", Text: "within 72 hours"}, Evidence: clauses[0], Line: 3},
			{Check: "right-to-audit", Title: "Right to audit", Status: "missing", Severity: "warning", Message: "no clause"},
		},
	}
	for i, c := range clauses {
		cl := Clause{Seq: i, Text: c, Section: "1." + string(rune('1'+i)), Line: 3 + 2*i}
		if strings.Contains(c, "Incident") {
			cl.Checks = []string{"incident-notification"}
			cl.Quantities = []Quantity{{Amount: 72, Unit: "hour"}}
		}
		if strings.Contains(c, "audit") {
			cl.Checks = append(cl.Checks, "right-to-audit")
		}
		a.Clauses = append(a.Clauses, cl)
	}
	return a
}

func mustOpen(t *testing.T, dir string, mode Mode) Index {
	t.Helper()
	ix, err := Open(dir, mode)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// TestIndexSearch: clauses are found by stem (notify finds notification),
// restricted by check and by the agreement's status for it, with the
// matched words located in the text; agreements come back with their
// results.
func TestIndexSearch(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	ix := mustOpen(t, dir, ReadWrite)
	a := agreement("/c/a.md", "h1",
		"Provider shall give notification of any Security Incident within 72 hours.",
		"Customer may audit Provider once a year.",
		"Provider shall notify Customer of changes to subprocessors.")
	if err := ix.Write(&Batch{Put: []*Agreement{a}}); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix = mustOpen(t, dir, ReadOnly)
	defer ix.Close()

	hits, err := ix.Search(Query{Text: "notify"})
	if err != nil {
		t.Fatal(err)
	}
	if hits.Total != 2 {
		t.Fatalf("notify: %d hits; want 2 (notification and notify)", hits.Total)
	}
	var got []string
	for _, h := range hits.Hits {
		for _, m := range h.Matches {
			got = append(got, h.Text[m.Start:m.End])
		}
	}
	if strings.Join(got, ",") != "notification,notify" && strings.Join(got, ",") != "notify,notification" {
		t.Errorf("matched words %q; want notification and notify", got)
	}

	hits, err = ix.Search(Query{Text: "notify", Check: "incident-notification"})
	if err != nil {
		t.Fatal(err)
	}
	if hits.Total != 1 || hits.Hits[0].Seq != 0 || hits.Hits[0].Section != "1.1" || hits.Hits[0].Line != 3 {
		t.Errorf("--check incident-notification: %+v; want clause 0 (section 1.1, line 3)", hits.Hits)
	}
	if want := []CheckStatus{{"incident-notification", "weak"}}; !reflect.DeepEqual(hits.Hits[0].Checks, want) {
		t.Errorf("checks %v; want %v", hits.Hits[0].Checks, want)
	}
	for _, c := range []struct {
		check, status string
		want          uint64
	}{{"incident-notification", "weak", 1}, {"incident-notification", "pass", 0}, {"right-to-audit", "missing", 1}, {"", "missing", 1}} {
		hits, err := ix.Search(Query{Check: c.check, Status: c.status})
		if err != nil {
			t.Fatal(err)
		}
		if hits.Total != c.want {
			t.Errorf("check %q status %q: %d hits; want %d", c.check, c.status, hits.Total, c.want)
		}
	}
	if _, err := ix.Search(Query{Text: `"unterminated`}); !errors.Is(err, ErrQuery) {
		t.Errorf("unbalanced query: %v; want ErrQuery", err)
	}
	hits, err = ix.Search(Query{Text: "days:>2"})
	if err != nil || hits.Total != 1 {
		t.Errorf("days:>2: %v hits, %v; want the 72-hour clause", hits, err)
	}

	as, err := ix.Agreements()
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || as[0].Path != "/c/a.md" || as[0].ClauseCount != 3 || !reflect.DeepEqual(as[0].Results, a.Results) {
		t.Errorf("agreements: %+v", as)
	}
}

// TestIndexReplaceDelete: putting an agreement again replaces all its
// clauses (a shorter version leaves none behind); deleting removes them.
func TestIndexReplaceDelete(t *testing.T) {
	dir := t.TempDir()
	ix := mustOpen(t, dir, ReadWrite)
	defer ix.Close()
	put := func(as ...*Agreement) {
		t.Helper()
		if err := ix.Write(&Batch{Put: as}); err != nil {
			t.Fatal(err)
		}
	}
	count := func(q string) uint64 {
		t.Helper()
		h, err := ix.Search(Query{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		return h.Total
	}
	put(agreement("/a", "1", "Provider shall notify Customer.", "Customer may audit.", "Provider shall encrypt data."),
		agreement("/b", "1", "Provider shall notify Customer."))
	if n := count("*"); n != 4 {
		t.Fatalf("%d clauses; want 4", n)
	}
	put(agreement("/a", "2", "Provider shall notify Customer within one hour."))
	if n := count("*"); n != 2 {
		t.Errorf("after replacing /a with one clause: %d clauses; want 2", n)
	}
	if n := count("encrypt"); n != 0 {
		t.Errorf("the old clause of /a is still found")
	}
	st, err := ix.Stamps()
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]Stamp{"/a": {"2", "p1", 1}, "/b": {"1", "p1", 1}}; !reflect.DeepEqual(st, want) {
		t.Errorf("stamps %v; want %v", st, want)
	}
	if err := ix.Write(&Batch{Delete: []string{"/b"}}); err != nil {
		t.Fatal(err)
	}
	if n := count("*"); n != 1 {
		t.Errorf("after deleting /b: %d clauses; want 1", n)
	}
	if as, _ := ix.Agreements(); len(as) != 1 || as[0].Path != "/a" {
		t.Errorf("agreements after delete: %+v", as)
	}
}

// TestIndexLock: one writer at a time; readers share the index while no
// writer has it; a writer cannot start while a reader has it. Every
// refusal is immediate and says so.
func TestIndexLock(t *testing.T) {
	dir := t.TempDir()
	w := mustOpen(t, dir, ReadWrite)
	if err := w.Write(&Batch{Put: []*Agreement{agreement("/a", "1", "Provider shall notify.")}}); err != nil {
		t.Fatal(err)
	}
	_, err := Open(dir, ReadWrite)
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "being written") || !strings.Contains(err.Error(), "pid") {
		t.Errorf("second writer: %v; want ErrLocked naming the writer", err)
	}
	_, err = Open(dir, ReadOnly)
	if !errors.Is(err, ErrLocked) {
		t.Errorf("reader while writing: %v; want ErrLocked", err)
	}
	w.Close()
	r1 := mustOpen(t, dir, ReadOnly)
	r2 := mustOpen(t, dir, ReadOnly)
	if h, err := r2.Search(Query{Text: "notify"}); err != nil || h.Total != 1 {
		t.Errorf("second reader: %v, %v", h, err)
	}
	_, err = Open(dir, ReadWrite)
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "searching") {
		t.Errorf("writer while reading: %v; want ErrLocked about searching", err)
	}
	r1.Close()
	r2.Close()
	w = mustOpen(t, dir, ReadWrite)
	w.Close()
}

// TestIndexFormat: an index of another format, a folder that is not an
// index, and a missing index are refused with a sentence that says what
// to do.
func TestIndexFormat(t *testing.T) {
	dir := t.TempDir()
	mustOpen(t, dir, ReadWrite).Close()
	meta := filepath.Join(dir, MetaFile)
	data, err := os.ReadFile(meta)
	if err != nil || !strings.Contains(string(data), `"format": 1`) {
		t.Fatalf("%s: %q, %v", MetaFile, data, err)
	}
	for _, c := range []struct {
		meta string
		want string
	}{
		{`{"format": 2, "engine": "x"}`, "index format 2 is newer than this contractlint reads (format 1)"},
		{`{"format": -1}`, "older"},
		{`not json`, "not valid"},
	} {
		os.WriteFile(meta, []byte(c.meta), 0o644)
		for _, mode := range []Mode{ReadOnly, ReadWrite} {
			_, err := Open(dir, mode)
			if !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), dir+": ") {
				t.Errorf("meta %s, mode %d: %v; want ErrFormat saying %q", c.meta, mode, err, c.want)
			}
		}
	}

	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "notes.txt"), []byte("x"), 0o644)
	for _, mode := range []Mode{ReadOnly, ReadWrite} {
		if _, err := Open(other, mode); !errors.Is(err, ErrNotIndex) || !strings.Contains(err.Error(), "not a contractlint index") {
			t.Errorf("a folder of other files, mode %d: %v", mode, err)
		}
	}
	if _, err := Open(filepath.Join(other, "none"), ReadOnly); !errors.Is(err, ErrNotIndex) || !strings.Contains(err.Error(), "contractlint index --index") {
		t.Errorf("no folder: %v", err)
	}
}

func TestFormatAmount(t *testing.T) {
	for _, c := range []struct {
		amount float64
		unit   string
		want   string
	}{
		{72, "hour", "72 hours"}, {1, "year", "1 year"}, {3, "business-day", "3 business days"},
		{99.9, "percent", "99.9%"}, {12, "months-of-fees", "12 months of fees"},
		{1000000, "usd", "USD 1,000,000"}, {2.5, "day", "2.5 days"}, {1.0 / 3, "month", "0.33 months"},
	} {
		if got := FormatAmount(c.amount, c.unit); got != c.want {
			t.Errorf("FormatAmount(%v, %q) = %q; want %q", c.amount, c.unit, got, c.want)
		}
	}
}

// TestIndexBoltBackstop: should two writers get past the lock file (one
// removed it), bleve's own lock on its storage stops the second within
// a second with ErrLocked instead of leaving it waiting for ever.
func TestIndexBoltBackstop(t *testing.T) {
	dir := t.TempDir()
	w := mustOpen(t, dir, ReadWrite)
	defer w.Close()
	if err := os.Remove(filepath.Join(dir, LockFile)); err != nil {
		t.Fatal(err)
	}
	_, err := Open(dir, ReadWrite)
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "another process has the index open") {
		t.Errorf("second writer past the lock file: %v; want ErrLocked", err)
	}
}

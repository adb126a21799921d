package main

import (
	"os"
	"runtime/debug"
	"testing"
)

// TestStartHeap: without GOGC in the environment the collector is told to
// wait (GOGC well above 100 while the heap is small); with GOGC set, the
// user's setting is left as it was.
func TestStartHeap(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))

	t.Setenv("GOGC", "100")
	debug.SetGCPercent(100)
	startHeap(64 << 20)
	if got := debug.SetGCPercent(100); got != 100 {
		t.Fatalf("GOGC=100 in the environment: GC percent %d after startHeap, want it left at 100", got)
	}
}

func TestStartHeapRaises(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	// t.Setenv then unsetting is not possible; startHeap only looks for
	// the variable, so run this part when the test's own environment has none.
	if v, ok := lookupGOGC(); ok {
		t.Skipf("GOGC=%s is set in this environment; run `env -u GOGC go test ./cmd/contractlint -run StartHeap` to test the default", v)
	}
	debug.SetGCPercent(100)
	startHeap(64 << 20)
	if got := debug.SetGCPercent(100); got <= 100 {
		t.Fatalf("no GOGC in the environment: GC percent %d after startHeap, want more than 100 while the heap is small", got)
	}
}

func lookupGOGC() (string, bool) { return os.LookupEnv("GOGC") }

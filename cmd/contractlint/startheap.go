package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// startHeap lets the heap grow to about goal bytes before the garbage
// collector works at its usual pace (GOGC=100). A review allocates far
// more than it keeps (its live heap is 5 to 20 MB on most agreements), so
// with the default the collector runs every few milliseconds and takes a
// fifth of the CPU, and a second core that should review a second file
// spends its time marking instead. After each collection GOGC is set so
// the next one comes at about goal; once the live heap reaches half of
// goal, GOGC goes back to 100 and stays. This is what the Go compiler does
// for the same reason (cmd/compile/internal/base/startheap.go), in its
// simplest form. A GOGC set in the environment is left alone.
func startHeap(goal uint64) {
	if _, set := os.LookupEnv("GOGC"); set {
		return
	}
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	adjust := func() bool {
		metrics.Read(sample)
		live := uint64(0)
		if sample[0].Value.Kind() == metrics.KindUint64 {
			live = sample[0].Value.Uint64()
		}
		if live == 0 || live >= goal/2 {
			debug.SetGCPercent(100)
			return false
		}
		debug.SetGCPercent(int((goal/live - 1) * 100))
		return true
	}
	// Until the first collection the goal is the runtime's 4 MB; a high
	// GOGC set now takes effect from the first collection on.
	debug.SetGCPercent(int((goal/(4<<20) - 1) * 100))
	type sentinel [32]byte // large enough to avoid the tiny allocator
	var again func(*sentinel)
	again = func(p *sentinel) {
		if adjust() {
			runtime.SetFinalizer(p, again)
		}
	}
	runtime.SetFinalizer(new(sentinel), again)
}

package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// TestLargestFirst: work starts on the largest file first; files that
// cannot be stat'ed (standard input, a missing file) count as empty, and
// equal sizes keep argument order.
func TestLargestFirst(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, n int) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(strings.Repeat("x", n)), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	files := []string{write("a", 10), "-", write("b", 300), write("c", 10), filepath.Join(dir, "missing"), write("d", 20)}
	got := largestFirst(files)
	want := []int{2, 5, 0, 3, 1, 4}
	if !slices.Equal(got, want) {
		t.Fatalf("largestFirst = %v, want %v", got, want)
	}
}

// TestForEachOrder: with one job the calls come one after the other in the
// order given; with more jobs every index is still called exactly once.
func TestForEachOrder(t *testing.T) {
	order := []int{3, 0, 4, 1, 2}
	var seq []int
	forEach(1, order, func(i int) { seq = append(seq, i) })
	if !slices.Equal(seq, order) {
		t.Fatalf("one job: calls in order %v, want %v", seq, order)
	}
	var mu sync.Mutex
	count := map[int]int{}
	forEach(3, order, func(i int) { mu.Lock(); count[i]++; mu.Unlock() })
	for _, i := range order {
		if count[i] != 1 {
			t.Fatalf("three jobs: index %d called %d times (%v)", i, count[i], count)
		}
	}
	if len(count) != len(order) {
		t.Fatalf("three jobs: called %v, want each of %v once", count, order)
	}
	forEach(2, nil, func(int) { t.Fatal("called with nothing to do") })
}

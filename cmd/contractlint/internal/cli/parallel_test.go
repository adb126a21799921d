package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestParallelSameAsSerial reviews 100 files (copies of the corpus's
// Markdown and text agreements) with --jobs 8 and with --jobs 1: the
// reports, text and JSON, are byte for byte the same, in argument order.
// Run under -race (CI does), it also checks the parallel reading and
// reviewing for data races.
func TestParallelSameAsSerial(t *testing.T) {
	var srcs []string
	for _, pat := range []string{"*.md", "*.txt"} {
		for _, dir := range [][]string{{"corpus", "docs"}, {"corpus", "synthetic", "docs"}} {
			fs, err := filepath.Glob(testdata(append(dir, pat)...))
			if err != nil {
				t.Fatal(err)
			}
			srcs = append(srcs, fs...)
		}
	}
	if len(srcs) < 5 {
		t.Fatalf("found %d corpus text files; want at least 5", len(srcs))
	}
	n := 100
	if testing.Short() {
		n = 20
	}
	dir := t.TempDir()
	files := make([]string, n)
	for i := range files {
		src := srcs[i%len(srcs)]
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		files[i] = filepath.Join(dir, fmt.Sprintf("%03d-%s", i, filepath.Base(src)))
		if err := os.WriteFile(files[i], data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, format := range []string{"text", "json"} {
		args := func(jobs string) []string {
			return append([]string{"review", "--format", format, "--fail-on", "none", "--jobs", jobs}, files...)
		}
		serial, errs, code := runMain("", args("1")...)
		if code != ExitOK || errs != "" {
			t.Fatalf("%s --jobs 1: exit %d, stderr %q", format, code, errs)
		}
		parallel, errs, code := runMain("", args("8")...)
		if code != ExitOK || errs != "" {
			t.Fatalf("%s --jobs 8: exit %d, stderr %q", format, code, errs)
		}
		if parallel != serial {
			t.Errorf("%s: --jobs 8 and --jobs 1 give different reports (%d and %d bytes)", format, len(parallel), len(serial))
		}
	}
}

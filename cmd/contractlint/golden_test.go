package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The rules are still being tuned, so these files change with them:
// regenerate with
//
//	go test ./cmd/contractlint/... -run Golden -update
//
// and read the diff before committing it.
var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGoldenReview runs review on small corpus agreements, in text (passes
// shown), JSON, Markdown and SARIF, from the repository root so that paths in the output
// are the ones a user types, and compares with testdata/golden.
func TestGoldenReview(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		golden string
		args   []string
	}{
		{"commonpaper-sla.txt", []string{"--show-pass", "testdata/corpus/docs/commonpaper-sla.md"}},
		{"commonpaper-sla.json", []string{"--format", "json", "testdata/corpus/docs/commonpaper-sla.md"}},
		{"syn-15-copperline.txt", []string{"--show-pass", "testdata/corpus/synthetic/docs/syn-15-copperline.txt"}},
		{"syn-15-copperline.json", []string{"--format", "json", "testdata/corpus/synthetic/docs/syn-15-copperline.txt"}},
		{"syn-01-ridgeback.txt", []string{"--show-pass", "--baseline", "ecc-2-2024", "testdata/corpus/synthetic/docs/syn-01-ridgeback.pdf"}},
		{"syn-01-ridgeback.json", []string{"--format", "json", "--baseline", "ecc-2-2024", "testdata/corpus/synthetic/docs/syn-01-ridgeback.pdf"}},
		{"bundle-commonpaper.txt", []string{"--bundle", "testdata/corpus/docs/commonpaper-csa.md", "testdata/corpus/docs/commonpaper-sla.md"}},
		{"commonpaper-sla.md", []string{"--format", "markdown", "--show-pass", "testdata/corpus/docs/commonpaper-sla.md"}},
		{"syn-05-harbourline.md", []string{"--format", "markdown", "testdata/corpus/synthetic/docs/syn-05-harbourline.pdf"}},
		{"syn-01-ridgeback.sarif", []string{"--format", "sarif", "--baseline", "ecc-2-2024", "testdata/corpus/synthetic/docs/syn-01-ridgeback.pdf"}},
		{"bundle-commonpaper.sarif", []string{"--format", "sarif", "--show-pass", "--baseline", "cisa-msp-2021", "--bundle", "testdata/corpus/docs/commonpaper-csa.md", "testdata/corpus/docs/commonpaper-sla.md"}},
	} {
		t.Run(c.golden, func(t *testing.T) {
			args := append([]string{"review", "--fail-on", "none", "--color", "never"}, c.args...)
			out, errs, code := runIn(t, root, "", args...)
			if code != 0 || errs != "" {
				t.Fatalf("exit %d, stderr %q", code, errs)
			}
			compareGolden(t, filepath.Join(root, "testdata", "golden", c.golden), out)
		})
	}
}

// compareGolden compares got with the golden file, or rewrites the file
// under -update.
func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got == string(want) {
		return
	}
	g, w := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			t.Fatalf("output differs from %s at line %d:\n got: %s\nwant: %s\n(if the change is intended: go test ./cmd/contractlint/... -run Golden -update)", path, i+1, gl, wl)
		}
	}
}

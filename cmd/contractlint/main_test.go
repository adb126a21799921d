package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The end-to-end tests run the built command, as a user does.

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "contractlint-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "contractlint")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building contractlint: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func testdata(parts ...string) string {
	return filepath.Join(append([]string{"..", "..", "testdata"}, parts...)...)
}

// run runs contractlint and returns stdout, stderr and the exit code.
func run(t testing.TB, stdin string, args ...string) (string, string, int) {
	t.Helper()
	return runIn(t, "", stdin, args...)
}

// runIn runs contractlint in directory dir ("" for the test's own).
func runIn(t testing.TB, dir, stdin string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

func TestVersion(t *testing.T) {
	out, _, code := run(t, "", "version")
	if code != 0 || !strings.HasPrefix(out, "contractlint ") {
		t.Errorf("version: exit %d, %q", code, out)
	}
}

// TestExtractBadAndGood: bad files get one stderr line each naming them,
// the good files of the same run are still printed, in argument order, and
// the exit code is 2.
func TestExtractBadAndGood(t *testing.T) {
	good1 := testdata("corpus", "synthetic", "docs", "syn-01-ridgeback.pdf")
	good2 := testdata("corpus", "docs", "commonpaper-sla.md")
	bad := []string{testdata("bad", "encrypted.pdf"), testdata("bad", "scanned.pdf"), testdata("bad", "truncated.pdf"), testdata("bad", "random.bin"),
		testdata("docx", "zip-bomb.docx"), testdata("bad", "corrupt.pdf"), testdata("docx", "truncated.docx"), testdata("bad", "empty.txt"), testdata("bad", "legacy.doc")}
	args := append([]string{"extract", good1}, bad...)
	args = append(args, good2)
	out, errs, code := run(t, "", args...)
	if code != 2 {
		t.Errorf("exit code %d; want 2", code)
	}
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if len(lines) != len(bad) {
		t.Fatalf("stderr has %d lines; want one per bad file:\n%s", len(lines), errs)
	}
	for i, b := range bad {
		if !strings.HasPrefix(lines[i], "contractlint: "+b+": ") {
			t.Errorf("stderr line %d = %q; want it to name %s", i, lines[i], b)
		}
	}
	i1, i2 := strings.Index(out, good1+" (pdf, 3 pages"), strings.Index(out, good2+" (markdown")
	if i1 < 0 || i2 < 0 || i1 > i2 {
		t.Errorf("stdout should list %s then %s:\n%.400s", good1, good2, out)
	}
	if strings.Contains(out, "panic") || strings.Contains(errs, "panic") {
		t.Error("output mentions a panic")
	}
}

// TestExtractJSON: the JSON output parses, has a version, and carries
// locations; two runs give byte-identical output.
func TestExtractJSON(t *testing.T) {
	f := testdata("corpus", "synthetic", "docs", "syn-05-harbourline.pdf")
	out, errs, code := run(t, "", "extract", "--format", "json", f)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Version   string `json:"version"`
		Documents []struct {
			Path   string `json:"path"`
			Format string `json:"format"`
			Pages  int    `json:"pages"`
			Text   string `json:"text"`
			Blocks []struct {
				Kind    string `json:"kind"`
				Text    string `json:"text"`
				Page    int    `json:"page"`
				Section string `json:"section"`
				Line    int    `json:"line"`
				Start   int    `json:"start"`
				End     int    `json:"end"`
			} `json:"blocks"`
		} `json:"documents"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Version == "" || len(got.Documents) != 1 || got.Documents[0].Pages != 16 {
		t.Fatalf("version %q, %d documents; want a version and one 16-page document", got.Version, len(got.Documents))
	}
	d := got.Documents[0]
	text := []rune(d.Text)
	found := false
	for _, b := range d.Blocks {
		if string(text[b.Start:b.End]) != b.Text {
			t.Fatalf("block at line %d: offsets %d-%d do not slice its text", b.Line, b.Start, b.End)
		}
		if b.Section == "6(b)" && b.Page == 5 && strings.Contains(b.Text, "within 72 hrs") {
			found = true
		}
	}
	if !found {
		t.Error("no block with section 6(b) on page 5 holds the 72-hour notification clause")
	}
	again, _, _ := run(t, "", "extract", "--format", "json", f)
	if again != out {
		t.Error("two runs gave different JSON")
	}
}

func TestExtractStdin(t *testing.T) {
	out, errs, code := run(t, "1. Services\n\n1.1 Provider shall encrypt Customer Data at rest.\n", "extract", "-")
	if code != 0 || !strings.Contains(out, "1.1") || !strings.Contains(out, "encrypt Customer Data") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestExtractUsage(t *testing.T) {
	for _, args := range [][]string{{"extract"}, {"extract", "--format", "xml", "x.pdf"}, {"extract", "-", "-"}, {"extract", "--nope", "x.pdf"}} {
		_, errs, code := run(t, "", args...)
		if code != 2 || !strings.HasPrefix(errs, "contractlint: ") || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
			t.Errorf("%v: exit %d, stderr %q; want 2 and one line", args, code, errs)
		}
	}
}

// BenchmarkVsPdftotext runs contractlint extract and pdftotext, each as a
// process per file, over every corpus PDF and reports contractlint's total
// time over pdftotext's (x-pdftotext; below 1 is faster).
func BenchmarkVsPdftotext(b *testing.B) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		b.Skip("pdftotext not found: install poppler-utils (apt-get install poppler-utils) to compare against it")
	}
	var files []string
	for _, dir := range []string{"docs", filepath.Join("synthetic", "docs")} {
		fs, _ := filepath.Glob(testdata("corpus", dir, "*.pdf"))
		files = append(files, fs...)
	}
	timeAll := func(name string, args func(f string) []string) time.Duration {
		start := time.Now()
		for _, f := range files {
			if out, err := exec.Command(name, args(f)...).CombinedOutput(); err != nil {
				b.Fatalf("%s %s: %v\n%s", name, f, err, out)
			}
		}
		return time.Since(start)
	}
	var ours, theirs time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ours += timeAll(binary, func(f string) []string { return []string{"extract", "--format", "plain", f} })
		theirs += timeAll("pdftotext", func(f string) []string { return []string{f, os.DevNull} })
	}
	b.ReportMetric(float64(ours)/float64(theirs), "x-pdftotext")
	b.ReportMetric(ours.Seconds()/float64(b.N), "s-contractlint")
	b.ReportMetric(theirs.Seconds()/float64(b.N), "s-pdftotext")
}

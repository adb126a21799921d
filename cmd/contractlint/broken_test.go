package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// A broken file must cost seconds, not minutes: the command runs with a
// per-file --timeout, so a hang inside extraction turns into a "timed
// out" line that fails the expected message, and every process gets a
// deadline, so a hang anywhere else fails the test instead of stalling
// it. Times are logged (go test -v), not asserted.
const (
	fileTimeout = "5s"
	procTimeout = 2 * time.Minute
)

// runTimed runs the built command under procTimeout and returns stdout,
// stderr, the exit code and how long it took.
func runTimed(t *testing.T, args ...string) (string, string, int, time.Duration) {
	t.Helper()
	return runTimedIn(t, nil, args...)
}

// runTimedIn is runTimed with the standard input given (nil for none).
func runTimedIn(t *testing.T, stdin *os.File, args ...string) (string, string, int, time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), procTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	if stdin != nil {
		cmd.Stdin = stdin
	}
	cmd.WaitDelay = 5 * time.Second
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	took := time.Since(start)
	if ctx.Err() != nil {
		t.Fatalf("contractlint %s did not exit within %v", strings.Join(args, " "), procTimeout)
	}
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code, took
}

// brokenCase is a broken input and what contractlint says about it, after
// "contractlint: PATH: ".
type brokenCase struct {
	path string
	says string // a regexp
}

// brokenCases are the files of testdata/broken and the broken inputs kept
// elsewhere in testdata, plus a directory and (unless the tests run as
// root) an unreadable file made in dir.
func brokenCases(t *testing.T, dir string) []brokenCase {
	b := func(name string) string { return testdata("broken", name) }
	folder := filepath.Join(dir, "agreements")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	cases := []brokenCase{
		{testdata("bad", "truncated.pdf"), `^corrupt or truncated file: the PDF has no end-of-file marker or cross-reference table; it is truncated or damaged$`},
		{b("broken-xref.pdf"), `^corrupt or truncated file: the PDF's cross-reference table points to the wrong place for object 1; ` + "`qpdf FILE repaired.pdf`" + ` rebuilds it$`},
		{testdata("bad", "encrypted.pdf"), `^encrypted: the PDF is password-protected; remove the password \(or print it to a new PDF\) and try again$`},
		{b("encrypted-owner.pdf"), `^encrypted: the PDF opens without a password but is encrypted with AES-256, which contractlint cannot decrypt; remove it with ` + "`qpdf --decrypt`"},
		{testdata("bad", "scanned.pdf"), `^no text layer: the file looks scanned; run OCR first$`},
		{b("cycle-pages.pdf"), `^corrupt or truncated file: the PDF's page tree is broken \(it reaches object 2 twice: a cycle\)$`},
		{b("cycle-xref.pdf"), `^corrupt or truncated file: the PDF's structure is broken: the cross-reference sections form a loop`},
		{b("cycle-objstm.pdf"), `^corrupt or truncated file: the PDF's structure is broken: its object streams extend each other in a loop`},
		{b("empty-pages.pdf"), `^too large: the PDF has 10000 pages, more than the limit of 5000$`},
		{b("stream-bomb.pdf"), `^too large: a content stream of page 1 decompresses beyond the 64 MiB limit$`},
		{b("random.pdf"), `^unsupported format: binary data, not a PDF, DOCX or text file$`},
		{testdata("bad", "corrupt.pdf"), `^corrupt or truncated file: the PDF has no end-of-file marker`},
		{b("no-document.docx"), `^corrupt or truncated file: the DOCX archive has no word/document.xml, the part that holds the text`},
		{b("zip-bomb.docx"), `^too large: word/document.xml decompresses beyond the 64 MiB limit$`},
		{testdata("docx", "zip-bomb.docx"), `^too large: word/document.xml decompresses beyond the 64 MiB limit$`},
		{testdata("docx", "truncated.docx"), `^corrupt or truncated file: a ZIP archive that cannot be opened`},
		{b("billion-laughs.docx"), `^corrupt or truncated file: the DOCX part word/document.xml declares a DTD \(<!DOCTYPE>\)`},
		{b("external-entity.docx"), `^corrupt or truncated file: the DOCX part word/document.xml declares a DTD \(<!DOCTYPE>\)`},
		{b("shift-jis.txt"), `^unsupported format: text in an encoding contractlint does not read, such as Shift-JIS`},
		{testdata("bad", "random.bin"), `^unsupported format: binary data, not a PDF, DOCX or text file$`},
		{testdata("bad", "legacy.doc"), `^unsupported format: a legacy Word \.doc`},
		{testdata("bad", "empty.txt"), `^unsupported format: the file is empty$`},
		{folder, `^is a directory, not a file; name the files in it$`},
	}
	if locked, ok := unreadableFile(t, dir); ok {
		cases = append(cases, brokenCase{locked, `^permission denied$`})
	}
	return cases
}

// unreadableFile makes a file with mode 000 in dir; ok is false when this
// user can read it all the same (root, or a process with
// CAP_DAC_OVERRIDE), so it is no test of an unreadable file.
func unreadableFile(t *testing.T, dir string) (path string, ok bool) {
	path = filepath.Join(dir, "unreadable.txt")
	if err := os.WriteFile(path, []byte("1. Provider shall notify Customer within 24 hours.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err == nil {
		f.Close()
		return path, false
	}
	return path, true
}

// TestReviewUnreadable is the unreadable file alone, so that a run as root
// says why it is not covered.
func TestReviewUnreadable(t *testing.T) {
	path, ok := unreadableFile(t, t.TempDir())
	if !ok {
		t.Skipf("this user (uid %d) can read a file with mode 000 (root or CAP_DAC_OVERRIDE), so the unreadable-file case cannot be tested here; run go test as an ordinary user to cover it", os.Getuid())
	}
	_, errs, code, _ := runTimed(t, "review", path)
	if code != 2 || errs != "contractlint: "+path+": permission denied\n" {
		t.Errorf("exit %d, stderr %q; want 2 and permission denied", code, errs)
	}
}

// TestReviewBroken: every broken input, reviewed alone, gives exit 2, one
// line on stderr naming the file and the problem, and no report of the
// file on stdout.
func TestReviewBroken(t *testing.T) {
	cases := brokenCases(t, t.TempDir())
	seen := map[string]bool{}
	for _, c := range cases {
		seen[filepath.Base(c.path)] = true
	}
	entries, err := os.ReadDir(testdata("broken"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if name := e.Name(); name != "README.md" && name != "cycle-forms.pdf" && !seen[name] {
			t.Errorf("testdata/broken/%s has no case in brokenCases", name)
		}
	}
	for _, c := range cases {
		name := filepath.Base(c.path)
		if strings.HasPrefix(c.path, testdata()) {
			name = filepath.ToSlash(strings.TrimPrefix(c.path, testdata()+string(filepath.Separator)))
		}
		t.Run(name, func(t *testing.T) {
			out, errs, code, took := runTimed(t, "review", "--timeout", fileTimeout, c.path)
			t.Logf("%v", took.Round(time.Millisecond))
			if code != 2 {
				t.Errorf("exit %d; want 2", code)
			}
			prefix := "contractlint: " + c.path + ": "
			line := strings.TrimSuffix(errs, "\n")
			if !strings.HasPrefix(errs, prefix) || strings.Count(errs, "\n") != 1 || !regexp.MustCompile(c.says).MatchString(strings.TrimPrefix(line, prefix)) {
				t.Errorf("stderr %q\nwant one line: %s%s", errs, prefix, c.says)
			}
			if strings.Contains(out, c.path) {
				t.Errorf("stdout mentions the file:\n%s", out)
			}
			if !strings.HasSuffix(out, "0 documents, 0 checks: 0 pass, 0 weak, 0 missing (0 errors, 0 warnings, 0 notes); 1 file could not be read\n") {
				t.Errorf("stdout %q; want only the run's summary", out)
			}
		})
	}
}

// TestReviewBrokenAndGood: all the broken inputs in one run between two
// good agreements: one stderr line per broken file, in argument order;
// both good files reported; exit 2.
func TestReviewBrokenAndGood(t *testing.T) {
	cases := brokenCases(t, t.TempDir())
	good1 := testdata("corpus", "synthetic", "docs", "syn-01-ridgeback.pdf")
	good2 := testdata("corpus", "docs", "commonpaper-sla.md")
	args := []string{"review", "--timeout", fileTimeout, good1}
	for _, c := range cases {
		args = append(args, c.path)
	}
	args = append(args, good2)
	out, errs, code, took := runTimed(t, args...)
	t.Logf("%d broken files and 2 good ones: %v", len(cases), took.Round(time.Millisecond))
	if code != 2 {
		t.Errorf("exit %d; want 2", code)
	}
	lines := strings.Split(strings.TrimSuffix(errs, "\n"), "\n")
	if len(lines) != len(cases) {
		t.Fatalf("%d stderr lines for %d broken files:\n%s", len(lines), len(cases), errs)
	}
	for i, c := range cases {
		if !strings.HasPrefix(lines[i], "contractlint: "+c.path+": ") {
			t.Errorf("stderr line %d = %q; want it to name %s", i+1, lines[i], c.path)
		}
		if strings.Contains(out, c.path+":") {
			t.Errorf("stdout reports %s", c.path)
		}
	}
	i1, i2 := strings.Index(out, "\n"+good1+": 42 checks: "), strings.Index(out, "\n"+good2+": 42 checks: ")
	if i1 < 0 || i2 < 0 || i1 > i2 {
		t.Errorf("stdout should summarise %s then %s:\n%s", good1, good2, out)
	}
	if !regexp.MustCompile(`\n2 documents, 84 checks: .*; \d+ files could not be read\n$`).MatchString(out) {
		t.Errorf("the last line should total 2 documents and the unread files:\n%s", out)
	}
}

// TestReviewTimeout: a file that takes longer than --timeout is reported
// as timed out, the other files are still reviewed, and the process exits
// without waiting for the abandoned extraction.
func TestReviewTimeout(t *testing.T) {
	// Standard input from a pipe whose writer never writes nor closes: a
	// read that never ends, as from a stalled network share.
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	good := testdata("corpus", "docs", "commonpaper-sla.md")
	out, errs, code, took := runTimedIn(t, r, "review", "--timeout", "1s", "-", good)
	t.Logf("%v", took.Round(time.Millisecond))
	if code != 2 || errs != "contractlint: -: timed out after 1s, the limit for one file; reading stopped (a file built to stall a reader, or a very large one)\n" {
		t.Errorf("exit %d, stderr %q; want 2 and a timeout for standard input", code, errs)
	}
	if !strings.Contains(out, "\n"+good+": 42 checks: ") {
		t.Errorf("the other file should be reviewed:\n%s", out)
	}

	// Extraction itself stops too: 1ms is far less than reading 148
	// pages takes anywhere.
	large := testdata("corpus", "synthetic", "docs", "syn-17-meridian-large.pdf")
	_, errs, code, took = runTimed(t, "review", "--timeout", "1ms", large)
	t.Logf("%v", took.Round(time.Millisecond))
	if code != 2 || !strings.HasPrefix(errs, "contractlint: "+large+": timed out after 1ms, the limit for one file") {
		t.Errorf("exit %d, stderr %q; want 2 and a timeout for %s", code, errs, large)
	}
}

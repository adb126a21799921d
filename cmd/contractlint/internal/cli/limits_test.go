package cli

import (
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"
)

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{
		"100MB": 100e6, "256MiB": 256 << 20, "256M": 256 << 20, "1GB": 1e9, "2GiB": 2 << 30,
		"64k": 64 << 10, "64KB": 64e3, "1000": 1000, "12B": 12, "1.5MiB": 3 << 19, " 5 mb ": 5e6,
	} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "MB", "0", "-5MB", "12XB", "1e30GB", "ten"} {
		if n, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) = %d; want an error", in, n)
		}
	}
	for n, want := range map[int64]string{256 << 20: "256MiB", 1 << 30: "1GiB", 1536: "1536B", 2048: "2KiB", 100e6: "100000000B"} {
		if got := formatSize(n); got != want {
			t.Errorf("formatSize(%d) = %q; want %q", n, got, want)
		}
	}
}

// TestLimitFlags: the flags set the limits; bad values are flag errors.
func TestLimitFlags(t *testing.T) {
	fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
	l := addLimitFlags(fs)
	if l.MaxPages != 5000 || l.Timeout != time.Minute || l.MaxFileSize != 256<<20 || l.Jobs < 1 {
		t.Errorf("defaults %+v", *l)
	}
	err := fs.Parse([]string{"--max-file-size", "10MB", "--max-part-size", "1MiB", "--max-decompressed-size", "2MiB", "--max-pages", "7", "--timeout", "0", "--jobs", "3"})
	if err != nil {
		t.Fatal(err)
	}
	if l.MaxFileSize != 10e6 || l.MaxPartSize != 1<<20 || l.MaxDecompressedSize != 2<<20 || l.MaxPages != 7 || l.Timeout != 0 || l.Jobs != 3 {
		t.Errorf("parsed %+v", *l)
	}
	for _, args := range [][]string{{"--max-pages", "0"}, {"--jobs", "-1"}, {"--timeout", "-3s"}, {"--timeout", "soon"}, {"--max-file-size", "big"}} {
		fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
		fs.SetOutput(new(strings.Builder))
		addLimitFlags(fs)
		if err := fs.Parse(args); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
}

// TestLimitFlagsReachExtraction: a limit given on the command line is the
// one extraction applies, for both commands.
func TestLimitFlagsReachExtraction(t *testing.T) {
	pdf := testdata("corpus", "synthetic", "docs", "syn-01-ridgeback.pdf") // 3 pages
	for _, cmd := range []string{"review", "extract"} {
		_, errs, code := runMain("", cmd, "--max-pages", "2", pdf)
		if code != ExitError || !strings.Contains(errs, pdf+": too large: the PDF has 3 pages, more than the limit of 2") {
			t.Errorf("%s --max-pages 2: exit %d, stderr %q", cmd, code, errs)
		}
		_, errs, code = runMain("", cmd, "--max-file-size", "1KiB", pdf)
		if code != ExitError || !strings.Contains(errs, pdf+": too large: ") {
			t.Errorf("%s --max-file-size 1KiB: exit %d, stderr %q", cmd, code, errs)
		}
		_, errs, code = runMain("", cmd, "--max-pages", "3", "--max-file-size", "1MB", "--jobs", "1", "--timeout", "0", pdf)
		if code == ExitError {
			t.Errorf("%s within the limits: exit %d, stderr %q", cmd, code, errs)
		}
	}
}

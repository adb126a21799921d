package cli

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/contractlint/contractlint/corpus/extract"
)

// Limits are what reading agreements may cost, and how many files are
// worked on at once: the limit flags of review and extract.
type Limits struct {
	extract.Limits
	// Jobs is how many files are read (and reviewed) at once, and how
	// many goroutines share one PDF's pages: the number of cores used.
	Jobs int
}

// addLimitFlags registers the limit flags on fs with their defaults and
// returns the limits they set. Bad values are flag errors, so usage
// errors (exit 2) before any file is read.
func addLimitFlags(fs *pflag.FlagSet) *Limits {
	l := &Limits{Limits: extract.DefaultLimits(), Jobs: runtime.NumCPU()}
	fs.Var(sizeValue{&l.MaxFileSize}, "max-file-size", "refuse an input file larger than this (units B, KB, MB, GB or KiB, MiB, GiB)")
	fs.Var(sizeValue{&l.MaxPartSize}, "max-part-size", "refuse a file with a part that decompresses to more than this (a DOCX part, a PDF content stream)")
	fs.Var(sizeValue{&l.MaxDecompressedSize}, "max-decompressed-size", "refuse a DOCX whose parts decompress to more than this together")
	fs.Var(countValue{&l.MaxPages}, "max-pages", "refuse a PDF with more pages than this")
	fs.Var(timeoutValue{&l.Timeout}, "timeout", "give up on a file that takes longer than this to read (0 for no limit)")
	fs.Var(countValue{&l.Jobs}, "jobs", "files read and reviewed at once, and pages of one PDF read at once (the number of CPUs unless given)")
	return l
}

// sizeValue is a byte size flag: "100MB" (decimal), "256MiB" or "256M"
// (binary), or a bare number of bytes.
type sizeValue struct{ n *int64 }

var sizeUnits = []struct {
	suffix string
	factor int64
}{
	// Longest suffixes first, so "MiB" is not read as "B".
	{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30},
	{"kb", 1e3}, {"mb", 1e6}, {"gb", 1e9},
	{"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30},
	{"b", 1},
}

func (v sizeValue) Set(s string) error {
	n, err := parseSize(s)
	if err != nil {
		return err
	}
	*v.n = n
	return nil
}

func parseSize(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	factor := int64(1)
	for _, u := range sizeUnits {
		if strings.HasSuffix(t, u.suffix) {
			t, factor = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.factor
			break
		}
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || f <= 0 || f*float64(factor) >= 1<<62 {
		return 0, fmt.Errorf("want a size above zero such as 100MB or 256MiB")
	}
	return int64(f * float64(factor)), nil
}

func (v sizeValue) String() string {
	if v.n == nil {
		return ""
	}
	return formatSize(*v.n)
}

// formatSize prints a size in the largest binary unit that divides it.
func formatSize(n int64) string {
	for _, u := range []struct {
		name   string
		factor int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if n >= u.factor && n%u.factor == 0 {
			return fmt.Sprintf("%d%s", n/u.factor, u.name)
		}
	}
	return fmt.Sprintf("%dB", n)
}

func (sizeValue) Type() string { return "size" }

// countValue is a positive whole number.
type countValue struct{ n *int }

func (v countValue) Set(s string) error {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 {
		return fmt.Errorf("want a whole number above zero")
	}
	*v.n = n
	return nil
}

func (v countValue) String() string {
	if v.n == nil {
		return ""
	}
	return strconv.Itoa(*v.n)
}

func (countValue) Type() string { return "int" }

// timeoutValue is a duration ("60s", "2m"); 0 turns the limit off.
type timeoutValue struct{ d *time.Duration }

func (v timeoutValue) Set(s string) error {
	d, err := time.ParseDuration(strings.TrimSpace(s))
	if s == "0" {
		d, err = 0, nil
	}
	if err != nil || d < 0 {
		return fmt.Errorf("want a duration such as 60s or 2m (0 for no limit)")
	}
	*v.d = d
	return nil
}

func (v timeoutValue) String() string {
	if v.d == nil {
		return ""
	}
	if *v.d%time.Second == 0 {
		return fmt.Sprintf("%ds", *v.d/time.Second)
	}
	return v.d.String()
}

func (timeoutValue) Type() string { return "duration" }

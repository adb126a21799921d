// Command benchcmp measures how long `contractlint review` takes, as a
// whole process, against `pdftotext` on the same PDF, the floor a user
// compares it with. For every PDF and DOCX of the test corpus (or the files
// given) it prints the median wall time of several runs of each, their
// ratio and contractlint's peak resident memory, then the geometric mean of
// the ratios over the PDFs, and how much faster a run over many files is
// with every core than with one.
//
//	go run ./cmd/benchcmp [-runs 5] [-parallel 20] [FILE...]
//
// It builds contractlint first. pdftotext comes from poppler-utils
// (apt-get install poppler-utils); without it only contractlint's times are
// printed.
package main

import (
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"
)

func main() {
	runs := flag.Int("runs", 5, "runs of each command per file; the median is reported")
	parallel := flag.Int("parallel", 20, "files reviewed at once for the parallel speed-up (0 skips it)")
	flag.Parse()
	if err := run(*runs, *parallel, flag.Args()); err != nil {
		fmt.Fprintf(os.Stderr, "benchcmp: %v\n", err)
		os.Exit(2)
	}
}

func run(runs, parallel int, files []string) error {
	if runs < 1 {
		return fmt.Errorf("-runs must be at least 1")
	}
	root, err := repoRoot()
	if err != nil {
		return err
	}
	if len(files) == 0 {
		for _, dir := range []string{"docs", filepath.Join("synthetic", "docs")} {
			for _, ext := range []string{"*.pdf", "*.docx"} {
				fs, _ := filepath.Glob(filepath.Join(root, "testdata", "corpus", dir, ext))
				files = append(files, fs...)
			}
		}
		sort.Strings(files)
	}
	if len(files) == 0 {
		return fmt.Errorf("no files to measure")
	}
	tmp, err := os.MkdirTemp("", "benchcmp")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "contractlint")
	build := exec.Command("go", "build", "-o", bin, "./cmd/contractlint")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("building contractlint: %v\n%s", err, out)
	}
	pdftotext, _ := exec.LookPath("pdftotext")
	if pdftotext == "" {
		fmt.Println("pdftotext not found (apt-get install poppler-utils): contractlint times only")
	}

	fmt.Printf("contractlint review vs pdftotext, median of %d runs, whole processes, GOMAXPROCS=%d (%d CPUs)\n\n", runs, runtime.GOMAXPROCS(0), runtime.NumCPU())
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "file\tcontractlint ms\tpdftotext ms\tratio\tpeak RSS MB\t")
	var logs []float64
	for _, f := range files {
		ours, rss, err := median(runs, bin, "review", "--fail-on", "none", "--format", "json", f)
		if err != nil {
			return err
		}
		theirs, ratio := "-", "-"
		if pdftotext != "" && strings.EqualFold(filepath.Ext(f), ".pdf") {
			t, _, err := median(runs, pdftotext, f, os.DevNull)
			if err != nil {
				return err
			}
			r := ours.Seconds() / t.Seconds()
			logs = append(logs, math.Log(r))
			theirs, ratio = ms(t), fmt.Sprintf("%.2f", r)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%.0f\t\n", rel(root, f), ms(ours), theirs, ratio, float64(rss)/1024)
	}
	tw.Flush()
	if len(logs) > 0 {
		sum := 0.0
		for _, l := range logs {
			sum += l
		}
		fmt.Printf("\ngeometric mean contractlint/pdftotext over %d PDFs: %.2f\n", len(logs), math.Exp(sum/float64(len(logs))))
	}

	if parallel > 0 {
		set := make([]string, 0, parallel)
		for len(set) < parallel {
			set = append(set, files[len(set)%len(files)])
		}
		args := append([]string{"review", "--fail-on", "none", "--format", "json"}, set...)
		// The two are run in turns, so a machine that slows down or speeds
		// up during the measure affects both alike.
		var ones, alls []time.Duration
		for i := 0; i < max(runs, 9); i++ {
			one, _, err := median(1, bin, append([]string{"review", "--jobs", "1"}, args[1:]...)...)
			if err != nil {
				return err
			}
			all, _, err := median(1, bin, args...)
			if err != nil {
				return err
			}
			ones, alls = append(ones, one), append(alls, all)
		}
		one, all := mid(ones), mid(alls)
		fmt.Printf("%d files in one run, median of %d turns: %s ms one at a time (--jobs 1, one core), %s ms in parallel (--jobs %d, the default): %.2fx faster\n",
			len(set), len(ones), ms(one), ms(all), runtime.NumCPU(), one.Seconds()/all.Seconds())
	}
	return nil
}

// median runs the command n times and returns the median wall time and
// the largest peak resident memory (KiB) of the runs.
func median(n int, name string, args ...string) (time.Duration, int64, error) {
	times := make([]time.Duration, 0, n)
	var rss int64
	for i := 0; i < n; i++ {
		cmd := exec.Command(name, args...)
		start := time.Now()
		out, err := cmd.CombinedOutput()
		d := time.Since(start)
		if err != nil {
			return 0, 0, fmt.Errorf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, tail(out))
		}
		times = append(times, d)
		if u, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && u.Maxrss > rss {
			rss = u.Maxrss
		}
	}
	return mid(times), rss, nil
}

// mid is the median of ds.
func mid(ds []time.Duration) time.Duration {
	ds = append([]time.Duration(nil), ds...)
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return ds[len(ds)/2]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.0f", d.Seconds()*1000) }

func tail(b []byte) string {
	if len(b) > 500 {
		b = b[len(b)-500:]
	}
	return string(b)
}

func rel(root, f string) string {
	if r, err := filepath.Rel(root, f); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return f
}

// repoRoot finds the module root from the working directory.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("run benchcmp inside the contractlint repository (no go.mod above %s)", dir)
		}
		dir = parent
	}
}

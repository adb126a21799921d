package cli

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/contractlint/contractlint/analyzer"
	"github.com/contractlint/contractlint/analyzer/report"
	"github.com/contractlint/contractlint/rules"
)

// reportFormats are the values of review --format.
var reportFormats = []string{"text", "json", "sarif", "markdown", "html"}

func checkReportFormat(f string) error {
	for _, known := range reportFormats {
		if f == known {
			return nil
		}
	}
	return usageError{fmt.Errorf("unknown --format %q: use %s", f, strings.Join(reportFormats, ", "))}
}

// writeReport writes the report in the format the options name. The
// catalog gives SARIF its rules and taxonomies and HTML its suggested
// clauses; color applies to text only.
func writeReport(w io.Writer, rep *report.Report, cat *report.Catalog, opts *ReviewOptions, color bool) error {
	switch opts.Format {
	case "json":
		return report.JSON(w, rep)
	case "sarif":
		// Artifact URIs are relative to the working directory, where a
		// CI job checks the repository out.
		base, err := os.Getwd()
		if err != nil {
			base = ""
		}
		return report.SARIF(w, rep, cat, report.SARIFOptions{ShowPass: opts.ShowPass, BaseDir: base})
	case "markdown":
		return report.Markdown(w, rep, report.MarkdownOptions{ShowPass: opts.ShowPass})
	case "html":
		return report.HTML(w, rep, cat)
	}
	return report.Text(w, rep, report.TextOptions{ShowPass: opts.ShowPass, Color: color})
}

// catalogOf describes the planned checks and the rule set's baselines
// for the reporters.
func catalogOf(set *rules.Set, plan []analyzer.Planned) *report.Catalog {
	var bs []report.Baseline
	for _, b := range set.Baselines() {
		bs = append(bs, report.Baseline{ID: b.ID, Title: b.Title, URL: b.URL})
	}
	return report.NewCatalog(plan, bs)
}

// toFile reports whether --output names a file (not standard output).
func toFile(output string) bool { return output != "" && output != "-" }

// checkOutput refuses an --output that is a directory or one of the
// input files: the report must never replace an agreement.
func checkOutput(output string, inputs []string) error {
	if !toFile(output) {
		return nil
	}
	out, err := filepath.Abs(output)
	if err != nil {
		return usageError{fmt.Errorf("--output %s: %v", output, err)}
	}
	ost, oerr := os.Stat(output)
	if oerr == nil && ost.IsDir() {
		return usageError{fmt.Errorf("--output %s is a directory; name a file", output)}
	}
	for _, in := range inputs {
		if in == "-" {
			continue
		}
		abs, err := filepath.Abs(in)
		same := err == nil && abs == out
		if !same && oerr == nil {
			if ist, err := os.Stat(in); err == nil {
				same = os.SameFile(ist, ost)
			}
		}
		if same {
			return usageError{fmt.Errorf("--output %s is an input file; the report would replace the agreement", output)}
		}
	}
	return nil
}

// writeOutput runs write on standard output, or on a temporary file next
// to --output that is renamed over it once everything is written: a run
// that fails while writing leaves no partial file, and a report already
// there stays whole until the new one replaces it. A new file is made
// readable by all (0644); a replaced one keeps its permissions.
func writeOutput(ios *IO, output string, write func(io.Writer) error) (err error) {
	if !toFile(output) {
		return write(ios.Out)
	}
	mode := os.FileMode(0o644)
	if st, err := os.Stat(output); err == nil {
		mode = st.Mode().Perm()
	}
	dir, name := filepath.Split(output)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+name+".*.tmp")
	if err != nil {
		return fmt.Errorf("--output %s: %w", output, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
			err = fmt.Errorf("--output %s: %w", output, err)
		}
	}()
	bw := bufio.NewWriter(f)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	if err = f.Chmod(mode); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), output)
}

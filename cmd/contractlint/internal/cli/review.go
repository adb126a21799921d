package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/contractlint/contractlint/analyzer"
	"github.com/contractlint/contractlint/analyzer/report"
	"github.com/contractlint/contractlint/corpus"
	"github.com/contractlint/contractlint/rules"
)

// ReviewOptions are the flags of `contractlint review`.
type ReviewOptions struct {
	Format    string
	Output    string
	Baselines []string
	RuleDirs  []string
	FailOn    string
	ShowPass  bool
	Bundle    bool
	Color     string
	Files     []string
	Limits    *Limits
	// CompareIndex is an index whose agreements each number is set
	// against.
	CompareIndex string
	ConfigOptions
}

// NewCmdReview reviews agreements against the checks of a baseline.
func NewCmdReview(ios *IO) *cobra.Command {
	opts := &ReviewOptions{}
	cmd := &cobra.Command{
		Use:   "review FILE...",
		Short: "Report missing or weak security clauses in agreements",
		Long: `Review reads each agreement (PDF, DOCX, Markdown or text; "-" reads standard
input), runs every check of the chosen baselines and reports the weak and missing
ones, one line each, like a compiler:

  PATH:LINE:COL: SEVERITY CHECK [CONTROLS]: MESSAGE (p4 §12.3 "evidence")

Formats:
  text      the lines above, then a summary per document (default)
  json      every result, passes included, with locations, quantities and a
            summary per document (layout: analyzer/report/schema/review.schema.json)
  sarif     SARIF 2.1.0 for code scanning (GitHub and other viewers): the checks as
            rules with help and suggested clause language, baselines as taxonomies,
            one result per weak or missing check (passes too with --show-pass)
  markdown  a table per document for a ticket or a pull-request comment (passes in
            a collapsed block with --show-pass)
  html      one self-contained page for people: coverage per baseline, each finding
            with its evidence and clause language that would pass, then the passes;
            prints well

--output FILE writes the report to FILE instead of standard output, through a
temporary file renamed at the end, so that a failed run leaves no partial file;
it refuses to name one of the input files.

Files are reviewed separately unless --bundle is given: then they are one
agreement (an MSA with its schedules and DPA) whose texts are joined in argument
order, so a number in a schedule meets the definition in the MSA. A bundle is
reported once, with the paths joined by ", "; text lines still name the file
and line each clause is in, and the JSON lists the files as "parts" with where
each starts in the joined text.

Settings come from .contractlint.yaml in the current folder or the nearest one
above it (the search stops at a repository root, a folder holding .git), or
from --config FILE; --no-config ignores it. It sets baselines, thresholds,
severities, disabled checks, extra rule folders and waivers; 'contractlint
init' writes a commented starter. Flags win: --baseline replaces the file's
baselines, --rules adds to its rule folders. A waiver accepts a weak or
missing check (with a reason, and an end date if it has one): the result
is left out of the text report and counted as waived, kept in JSON with its
"suppression", and does not count for --fail-on. An expired waiver stops
applying; it, and a waiver that accepted nothing in the agreements reviewed,
get a warning on stderr and in the JSON "notices".

Exit status: 0 when no weak or missing check is at or above --fail-on, 1 when
one is, 2 for bad flags, configuration, rules or input files (whatever the
format). A file that cannot be read gets one error line naming it; the other
files are still reviewed.`,
		Example: `  contractlint review agreement.pdf
  contractlint review --baseline ecc-2-2024 --fail-on warning msa.docx
  contractlint review --bundle msa.pdf schedule-2.docx dpa.pdf
  contractlint review --format json --fail-on none *.pdf > review.json
  contractlint review --format sarif -o contractlint.sarif contracts/*.pdf
  contractlint review --format html -o review.html msa.docx
  contractlint review --config ../procurement/.contractlint.yaml msa.pdf`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			return runReview(ios, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Format, "format", "f", "text", "output format: text, json, sarif, markdown or html")
	f.StringVarP(&opts.Output, "output", "o", "", "write the report to this file instead of standard output")
	f.StringArrayVarP(&opts.Baselines, "baseline", "b", nil, "baseline whose checks to run (repeatable; default: the default baseline, see 'contractlint rules')")
	f.StringArrayVar(&opts.RuleDirs, "rules", nil, "directory of extra rule files (*.yaml; repeatable)")
	f.StringVar(&opts.FailOn, "fail-on", "error", "lowest severity of a weak or missing check that makes the exit status 1: error, warning, note or none")
	f.BoolVar(&opts.ShowPass, "show-pass", false, "list passing checks too (text, sarif, markdown; json and html always have them)")
	f.BoolVar(&opts.Bundle, "bundle", false, "review all files as one agreement")
	f.StringVar(&opts.Color, "color", "auto", "colour the severity: auto (when output is a terminal), always or never")
	f.StringVar(&opts.CompareIndex, "compare-index", "", "index folder ('contractlint index') to compare each number with: how many indexed agreements meet the threshold, give less or more")
	addConfigFlags(cmd, &opts.ConfigOptions)
	opts.Limits = addLimitFlags(f)
	return cmd
}

// errFindings marks a review with results at or above --fail-on; the
// report has been written.
var errFindings = errors.New("findings at or above --fail-on")

func runReview(ios *IO, opts *ReviewOptions) error {
	if err := checkReportFormat(opts.Format); err != nil {
		return err
	}
	var color bool
	switch opts.Color {
	case "always":
		color = true
	case "never":
	case "auto":
		color = isTerminal(ios.Out) && os.Getenv("NO_COLOR") == ""
	default:
		return usageError{fmt.Errorf("unknown --color %q: use auto, always or never", opts.Color)}
	}
	failOn, err := analyzer.ParseSeverity(opts.FailOn)
	if err != nil {
		return usageError{fmt.Errorf("--fail-on: %v", err)}
	}
	if err := checkStdin(opts.Files); err != nil {
		return err
	}
	if err := checkOutput(opts.Output, opts.Files); err != nil {
		return err
	}
	if toFile(opts.Output) && opts.Color == "auto" {
		color = false
	}
	setup, err := planReview(opts.ConfigOptions, opts.RuleDirs, opts.Baselines)
	if err != nil {
		return err
	}
	set, plan := setup.set, setup.plan

	rep := &report.Report{
		Tool:      report.Tool{Name: "contractlint", Version: toolVersion()},
		Baselines: baselineIDs(setup.set, setup.baselines),
	}
	var errs []error
	if opts.Bundle {
		var docs []*corpus.Document
		docs, errs = extractAll(ios, opts.Files, opts.Limits)
		var read []*corpus.Document
		for i, d := range docs {
			if errs[i] == nil {
				read = append(read, d)
			}
		}
		if len(read) > 0 {
			b, parts := bundle(read)
			d := reviewDoc(b, plan)
			d.Parts = parts
			rep.Documents = []report.Document{d}
		}
	} else {
		// Each worker reviews the file it has just read.
		reviewed := make([]report.Document, len(opts.Files))
		_, errs = readEach(ios, opts.Files, opts.Limits, func(i int, d *corpus.Document) { reviewed[i] = reviewDoc(d, plan) })
		rep.Documents = make([]report.Document, 0, len(errs))
		for i := range errs {
			if errs[i] == nil {
				rep.Documents = append(rep.Documents, reviewed[i])
			}
		}
	}
	for i, err := range errs {
		if err != nil {
			fmt.Fprintf(ios.Err, "contractlint: %v\n", err)
			rep.Errors = append(rep.Errors, report.Error{Path: opts.Files[i], Error: errorText(err, opts.Files[i])})
		}
	}
	setup.waive(ios, rep)
	if err := compareWithIndex(opts.CompareIndex, rep); err != nil {
		return err
	}

	cat := catalogOf(set, plan)
	err = writeOutput(ios, opts.Output, func(w io.Writer) error { return writeReport(w, rep, cat, opts, color) })
	switch {
	case err != nil:
		return err
	case len(rep.Errors) > 0:
		return errSilent
	case rep.Failing(failOn):
		return errFindings
	}
	return nil
}

// loadPlan loads the rule set with the user's rule directories and plans
// the chosen baselines.
func loadPlan(dirs, baselines []string) (*rules.Set, []analyzer.Planned, error) {
	set, err := rules.Load(dirs...)
	if err != nil {
		return nil, nil, err
	}
	plan, err := set.Plan(baselines)
	if err != nil {
		return nil, nil, err
	}
	return set, plan, nil
}

// baselineIDs are the baselines a review names: those chosen, or the
// default.
func baselineIDs(set *rules.Set, chosen []string) []string {
	if len(chosen) > 0 {
		return append([]string(nil), chosen...)
	}
	if d := set.DefaultBaseline(); d != nil {
		return []string{d.ID}
	}
	return []string{}
}

func reviewDoc(d *corpus.Document, plan []analyzer.Planned) report.Document {
	results := analyzer.Review(analyzer.Analyze(d), plan)
	return report.Document{
		Path:    d.Path,
		Format:  string(d.Format),
		Pages:   d.Pages,
		Results: results,
		Summary: report.Summarize(results),
	}
}

// errorText is an input error's message without the file name the JSON
// error already carries.
func errorText(err error, path string) string {
	return strings.TrimPrefix(err.Error(), path+": ")
}

// bundle joins the documents of one agreement into one, in order: their
// texts separated by a blank line, blocks with lines, offsets and table
// numbers shifted to the joined text. Each block keeps its section,
// heading path and page as its own file printed them (corpus.Build is not
// used because it would number the second file's sections as if they
// continued the first's). The parts say where each file starts.
func bundle(docs []*corpus.Document) (*corpus.Document, []report.Part) {
	b := &corpus.Document{Format: docs[0].Format}
	var (
		paths []string
		parts []report.Part
		text  strings.Builder
		runes int
		lines = 1 // lines in text so far
		table int
	)
	for i, d := range docs {
		if i > 0 {
			text.WriteString("\n\n")
			runes += 2
			lines += 2
		}
		if d.Format != b.Format {
			b.Format = "mixed"
		}
		b.Pages += d.Pages
		paths = append(paths, d.Path)
		parts = append(parts, report.Part{Path: d.Path, Format: string(d.Format), Pages: d.Pages, Line: lines, Start: runes})
		maxTable := 0
		for _, bl := range d.Blocks {
			bl.Line += lines - 1
			bl.Start += runes
			bl.End += runes
			if bl.Table > 0 {
				maxTable = max(maxTable, bl.Table)
				bl.Table += table
			}
			b.Blocks = append(b.Blocks, bl)
		}
		table += maxTable
		text.WriteString(d.Text)
		runes += utf8.RuneCountInString(d.Text)
		lines += strings.Count(d.Text, "\n")
	}
	b.Path = strings.Join(paths, ", ")
	b.Text = text.String()
	return b, parts
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

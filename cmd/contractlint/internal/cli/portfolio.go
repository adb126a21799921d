package cli

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/contractlint/contractlint/analyzer/portfolio"
	"github.com/contractlint/contractlint/analyzer/report"
	"github.com/contractlint/contractlint/corpus/index"
)

// PortfolioOptions are the flags of `contractlint portfolio`.
type PortfolioOptions struct {
	Index  string
	Format string
	Output string
}

// NewCmdPortfolio reports the indexed agreements side by side.
func NewCmdPortfolio(ios *IO) *cobra.Command {
	opts := &PortfolioOptions{}
	cmd := &cobra.Command{
		Use:   "portfolio --index DIR",
		Short: "Compare the indexed agreements check by check",
		Long: `Portfolio lays out the agreements of an index ('contractlint index') side by
side: each agreement's status for each check (pass, weak, missing, as 'review'
decided them when indexed), how many agreements have each status per check,
and for each check that reads a number (notification time, retention, audit
cadence, liability cap...) the spread of the numbers: how many agreements give
one and meet the threshold, the minimum and maximum with an agreement that
gives them, the median and quartiles, and the outliers.

Times are compared in days (a month is 30 days, a year 360; a business day
counts as a day), money in US dollars at fixed rates. Quartiles interpolate
between neighbours; an outlier's number lies more than 1.5 interquartile ranges
below the first quartile or above the third (Tukey's fences; at least 4
numbers needed). It is "worse" or "better" by the check's threshold.

Formats: text (default; one character per check and agreement), json, csv
(one row per agreement, a column per check and one per check's number) and
html (one self-contained page). Output is sorted by path and the same for the
same index.`,
		Example: `  contractlint portfolio --index idx
  contractlint portfolio --index idx --format csv -o portfolio.csv
  contractlint portfolio --index idx --format html -o portfolio.html`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runPortfolio(ios, opts) },
	}
	f := cmd.Flags()
	f.StringVar(&opts.Index, "index", "", "index folder")
	f.StringVarP(&opts.Format, "format", "f", "text", "output format: text, json, csv or html")
	f.StringVarP(&opts.Output, "output", "o", "", "write to this file instead of standard output")
	return cmd
}

func runPortfolio(ios *IO, opts *PortfolioOptions) error {
	write := map[string]func(io.Writer, *portfolio.Portfolio) error{
		"text": portfolio.Text, "json": portfolio.JSON, "csv": portfolio.CSV, "html": portfolio.HTML,
	}[opts.Format]
	switch {
	case opts.Index == "":
		return usageError{errors.New("--index DIR is required")}
	case write == nil:
		return usageError{fmt.Errorf("unknown --format %q: use text, json, csv or html", opts.Format)}
	}
	if toFile(opts.Output) {
		if abs, err := filepath.Abs(opts.Output); err == nil {
			if ix, err := filepath.Abs(opts.Index); err == nil && filepath.Dir(abs) == ix {
				return usageError{fmt.Errorf("--output %s is inside the index folder; write it elsewhere", opts.Output)}
			}
		}
	}
	as, err := indexedAgreements(opts.Index)
	if err != nil {
		return err
	}
	for i := range as {
		as[i].Path = displayPath(as[i].Path)
	}
	p := portfolio.Build(as)
	return writeOutput(ios, opts.Output, func(w io.Writer) error { return write(w, p) })
}

// indexedAgreements reads every agreement of the index at dir.
func indexedAgreements(dir string) ([]index.Agreement, error) {
	ix, err := index.Open(dir, index.ReadOnly)
	if err != nil {
		return nil, err
	}
	defer ix.Close()
	as, err := ix.Agreements()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	return as, nil
}

// compareWithIndex sets each result that has a number against the
// agreements of the index at dir (review --compare-index); an agreement
// under review that is itself indexed is left out of its own comparison.
func compareWithIndex(dir string, rep *report.Report) error {
	if dir == "" {
		return nil
	}
	as, err := indexedAgreements(dir)
	if err != nil {
		return err
	}
	for i := range rep.Documents {
		d := &rep.Documents[i]
		self, _ := filepath.Abs(d.Path)
		for j := range d.Results {
			d.Results[j].Portfolio = portfolio.Compare(d.Results[j], as, self)
		}
	}
	return nil
}

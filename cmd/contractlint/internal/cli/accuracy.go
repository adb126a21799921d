package cli

import (
	"bufio"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/contractlint/contractlint/rules"
	"github.com/contractlint/contractlint/rules/accuracy"
)

// AccuracyOptions are the flags of `contractlint accuracy`.
type AccuracyOptions struct {
	Dir    string
	Misses bool
}

// NewCmdAccuracy measures the review against a labelled corpus.
func NewCmdAccuracy(ios *IO) *cobra.Command {
	opts := &AccuracyOptions{Dir: "testdata/corpus"}
	cmd := &cobra.Command{
		Use:   "accuracy [DIR]",
		Short: "Measure the review against a labelled corpus of agreements",
		Long: `Accuracy reviews every labelled agreement under DIR (default testdata/corpus: its
docs/ and labels/, and synthetic/docs/ and synthetic/labels/) with the built-in
rules and prints, per set and per check, status accuracy, presence precision,
recall and F1, and quantity agreement. --misses also lists every label the
review got wrong. The test suite prints the same figures.`,
		Example: `  contractlint accuracy
  contractlint accuracy --misses testdata/corpus`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Dir = args[0]
			}
			return runAccuracy(ios, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Misses, "misses", false, "list every label the review got wrong")
	return cmd
}

func runAccuracy(ios *IO, opts *AccuracyOptions) error {
	if st, err := os.Stat(opts.Dir); err != nil {
		return fmt.Errorf("%s: %w", opts.Dir, errors.Unwrap(err))
	} else if !st.IsDir() {
		return fmt.Errorf("%s: not a directory", opts.Dir)
	}
	set, err := rules.Builtin()
	if err != nil {
		return err
	}
	rep, err := accuracy.Run(opts.Dir, set)
	if err != nil {
		return err
	}
	if len(rep.Outcomes) == 0 {
		// An empty table would read as a perfect score.
		return fmt.Errorf("%s: no labelled agreements (want labels/X.yaml for docs/X, or the same one level down)", opts.Dir)
	}
	w := bufio.NewWriter(ios.Out)
	rep.Write(w, opts.Misses)
	return w.Flush()
}

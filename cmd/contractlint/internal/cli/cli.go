// Package cli holds contractlint's cobra commands. Commands are thin: each
// fills an options struct and calls library packages; output goes to the
// injected writers so tests capture it; exit codes are decided in one place.
package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"
)

// Exit codes, the same for every command and output format.
const (
	ExitOK       = 0 // nothing at or above --fail-on
	ExitFindings = 1 // findings at or above --fail-on
	ExitError    = 2 // usage, configuration, rule or input errors
)

// IO is where a command reads and writes.
type IO struct {
	In       io.Reader
	Out, Err io.Writer
}

// errSilent marks an error already reported to the user (one line per bad
// input file); Main only turns it into exit code 2.
var errSilent = errors.New("errors reported")

// usageError marks bad flags or arguments.
type usageError struct{ error }

// Main runs the command line and returns the process exit code.
func Main(args []string, in io.Reader, out, errw io.Writer) int {
	ios := &IO{In: in, Out: out, Err: errw}
	root := NewCmdRoot(ios)
	root.SetArgs(args)
	root.SetIn(in)
	root.SetOut(out)
	root.SetErr(errw)
	err := root.Execute()
	return exitCode(err, errw)
}

// exitCode maps an error to the exit code, printing it when it has not been
// printed yet. It is the only place exit codes are decided.
func exitCode(err error, errw io.Writer) int {
	var ue usageError
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, errFindings):
		return ExitFindings
	case errors.Is(err, errSilent):
		return ExitError
	case errors.As(err, &ue):
		fmt.Fprintf(errw, "contractlint: %v\n", ue.error)
		return ExitError
	default:
		fmt.Fprintf(errw, "contractlint: %v\n", err)
		return ExitError
	}
}

// NewCmdRoot builds the command tree.
func NewCmdRoot(ios *IO) *cobra.Command {
	root := &cobra.Command{
		Use:   "contractlint",
		Short: "Review IT-outsourcing, managed-service and cloud agreements for missing or weak security clauses",
		Long: `contractlint reads an agreement (PDF, Word .docx, Markdown or text), finds its
clauses and reports missing or weak security terms against a control baseline.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{fmt.Errorf("%v (see '%s --help')", err, c.CommandPath())}
	})
	root.AddCommand(NewCmdVersion(ios), NewCmdExtract(ios), NewCmdReview(ios), NewCmdRules(ios), NewCmdAccuracy(ios), NewCmdInit(ios),
		NewCmdIndex(ios), NewCmdSearch(ios), NewCmdPortfolio(ios))
	return root
}

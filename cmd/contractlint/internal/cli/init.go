package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/contractlint/contractlint/rules/config"
)

// InitOptions are the flags of `contractlint init`.
type InitOptions struct {
	Output string
	Force  bool
}

// NewCmdInit writes a commented starter configuration file.
func NewCmdInit(ios *IO) *cobra.Command {
	opts := &InitOptions{}
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Write a commented starter " + config.FileName,
		Long: `Init writes a starter configuration file, ` + config.FileName + `, in the current
folder (or where --output says; a folder gets the file inside it). Every
setting is explained with an example, all commented out, so the file changes
nothing until you uncomment what you need: baselines, thresholds, severities,
disabled checks, extra rule folders and waivers. An existing file is kept
unless --force is given.`,
		Example: `  contractlint init
  contractlint init --output contracts/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runInit(ios, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", config.FileName, "file to write, or a folder to write "+config.FileName+" in")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite an existing file")
	return cmd
}

func runInit(ios *IO, opts *InitOptions) error {
	path := opts.Output
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		path = filepath.Join(path, config.FileName)
	}
	flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if opts.Force {
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(path, flags, 0o644)
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("%s already exists; --force overwrites it", path)
	}
	if err != nil {
		return err
	}
	if _, err := f.WriteString(config.Starter()); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(ios.Out, "wrote %s: every setting is commented out; uncomment what you need\n", path)
	return nil
}

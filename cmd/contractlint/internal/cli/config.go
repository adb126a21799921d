package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/contractlint/contractlint/analyzer"
	"github.com/contractlint/contractlint/analyzer/report"
	"github.com/contractlint/contractlint/rules"
	"github.com/contractlint/contractlint/rules/config"
)

// TodayEnv names the environment variable that sets the date waivers
// expire against (YYYY-MM-DD), for tests; the clock's date otherwise.
const TodayEnv = "CONTRACTLINT_TODAY"

// ConfigOptions are the flags that choose the configuration file.
type ConfigOptions struct {
	Config   string
	NoConfig bool
}

func addConfigFlags(cmd *cobra.Command, o *ConfigOptions) {
	f := cmd.Flags()
	f.StringVar(&o.Config, "config", "", "configuration file (default: "+config.FileName+" in the current folder or the nearest one above, up to the repository root)")
	f.BoolVar(&o.NoConfig, "no-config", false, "ignore any configuration file")
}

// reviewSetup is what a review runs after the configuration file: the rule
// set, the plan with the file's overrides, and the file for its waivers.
type reviewSetup struct {
	cfg  *config.Config // nil without a file
	set  *rules.Set
	plan []analyzer.Planned
	// baselines are those chosen: the flags', or else the file's.
	baselines []string
	today     string
}

// planReview loads the configuration file (the one named, or the one
// found, unless --no-config) and the rules (the file's directories, then
// --rules), and plans the baselines (--baseline, or else the file's) with
// the file's thresholds, severities and disabled checks. Flags win: the
// file's baselines are used only when no --baseline is given.
func planReview(co ConfigOptions, ruleDirs, baselines []string) (*reviewSetup, error) {
	cfg, err := loadConfig(co)
	if err != nil {
		return nil, err
	}
	s := &reviewSetup{cfg: cfg, baselines: baselines}
	if cfg == nil {
		s.set, s.plan, err = loadPlan(ruleDirs, baselines)
		return s, err
	}
	if s.today, err = today(); err != nil {
		return nil, err
	}
	s.set, err = rules.Load(uniqueDirs(append(append([]string(nil), cfg.RuleDirs...), ruleDirs...))...)
	if err != nil {
		return nil, err
	}
	if err := cfg.Validate(s.set); err != nil {
		return nil, err
	}
	if len(s.baselines) == 0 {
		s.baselines = cfg.Baselines
	}
	plan, err := s.set.Plan(s.baselines)
	if err != nil {
		return nil, err
	}
	s.plan = cfg.Apply(plan)
	return s, nil
}

// uniqueDirs leaves out folders named before (the file's rule folder
// given again with --rules would define its rules twice).
func uniqueDirs(dirs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, d := range dirs {
		key := d
		if abs, err := filepath.Abs(d); err == nil {
			key = abs
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, d)
		}
	}
	return out
}

// loadConfig reads the configuration file the options choose; nil when
// there is none.
func loadConfig(co ConfigOptions) (*config.Config, error) {
	switch {
	case co.NoConfig && co.Config != "":
		return nil, usageError{fmt.Errorf("--config and --no-config together: choose one")}
	case co.NoConfig:
		return nil, nil
	case co.Config != "":
		return config.Load(co.Config)
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	found, err := config.Find(wd)
	if err != nil || found == "" {
		return nil, err
	}
	// Named from the working directory, as a user would type it.
	if rel, err := filepath.Rel(wd, found); err == nil {
		found = rel
	}
	return config.Load(found)
}

// today is the date waivers expire against: $CONTRACTLINT_TODAY when set
// (for tests), else the local date.
func today() (string, error) {
	v := os.Getenv(TodayEnv)
	if v == "" {
		return time.Now().Format(time.DateOnly), nil
	}
	if _, err := time.Parse(time.DateOnly, v); err != nil {
		return "", fmt.Errorf("%s=%q: want a date written YYYY-MM-DD", TodayEnv, v)
	}
	return v, nil
}

// waive applies the configuration's waivers to the report's documents,
// recounts their summaries, and reports expired and unused waivers in the
// report's notices and on stderr.
func (s *reviewSetup) waive(ios *IO, rep *report.Report) {
	if s.cfg == nil || len(s.cfg.Waivers) == 0 {
		return
	}
	docs := make([]config.Document, len(rep.Documents))
	for i, d := range rep.Documents {
		paths := []string{d.Path}
		if len(d.Parts) > 0 {
			paths = paths[:0]
			for _, p := range d.Parts {
				paths = append(paths, p.Path)
			}
		}
		docs[i] = config.Document{Paths: paths, Results: d.Results}
	}
	notices := s.cfg.Waive(docs, s.today)
	for i := range rep.Documents {
		rep.Documents[i].Summary = report.Summarize(rep.Documents[i].Results)
	}
	for _, n := range notices {
		fmt.Fprintf(ios.Err, "contractlint: %s: %s: %s\n", n.Level, n.Source, n.Message)
		rep.Notices = append(rep.Notices, report.Notice{Level: n.Level, Message: n.Message, Source: n.Source})
	}
}

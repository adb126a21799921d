package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/contractlint/contractlint/analyzer"
	"github.com/contractlint/contractlint/rules"
)

// RulesOptions are the flags of `contractlint rules` and `rules explain`.
type RulesOptions struct {
	Format    string
	Baselines []string
	RuleDirs  []string
	ID        string
	ConfigOptions
}

// NewCmdRules lists the checks a review runs; its explain subcommand
// describes one.
func NewCmdRules(ios *IO) *cobra.Command {
	opts := &RulesOptions{}
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the checks a review runs",
		Long: `Rules lists the checks the chosen baselines run (the default baseline when none is
given), in the order a review reports them: severity, the number a check reads
and its threshold, and each baseline's control references. A configuration
file (see 'contractlint review --help') applies as it does to a review: its
baselines, thresholds, severities, disabled checks and rule folders. 'rules
explain ID' tells what one check looks for and what passes.`,
		Example: `  contractlint rules
  contractlint rules --baseline ecc-2-2024
  contractlint rules explain incident-notification`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runRules(ios, opts)
		},
	}
	cmd.PersistentFlags().StringVarP(&opts.Format, "format", "f", "text", "output format: text or json")
	cmd.PersistentFlags().StringArrayVar(&opts.RuleDirs, "rules", nil, "directory of extra rule files (*.yaml; repeatable)")
	cmd.Flags().StringArrayVarP(&opts.Baselines, "baseline", "b", nil, "baseline whose checks to list (repeatable; default: the default baseline)")
	addConfigFlags(cmd, &opts.ConfigOptions)

	explain := &cobra.Command{
		Use:   "explain ID",
		Short: "Describe a check: what it looks for, what passes, controls and suggested clause language",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			return runExplain(ios, opts)
		},
	}
	cmd.AddCommand(explain)
	return cmd
}

func checkFormat(f string) error {
	if f != "text" && f != "json" {
		return usageError{fmt.Errorf("unknown --format %q: use text or json", f)}
	}
	return nil
}

// ruleJSON is a check as `rules --format json` and `rules explain
// --format json` print it.
type ruleJSON struct {
	ID          string             `json:"id"`
	Title       string             `json:"title"`
	Requirement string             `json:"requirement,omitempty"`
	Kind        string             `json:"kind"`
	Severity    analyzer.Severity  `json:"severity"`
	Quantity    string             `json:"quantity,omitempty"`
	Threshold   string             `json:"threshold,omitempty"`
	Controls    []analyzer.Control `json:"controls"`
	Applies     []string           `json:"appliesOnlyTo,omitempty"`
	Tags        []string           `json:"tags,omitempty"`
	Help        *analyzer.Help     `json:"help,omitempty"`
	Source      string             `json:"source"`
	// Thresholds are baselines' overrides of the rule's threshold
	// (explain only).
	Thresholds []baselineThreshold `json:"baselineThresholds,omitempty"`
}

type baselineThreshold struct {
	Baseline  string `json:"baseline"`
	Threshold string `json:"threshold"`
}

func runRules(ios *IO, opts *RulesOptions) error {
	if err := checkFormat(opts.Format); err != nil {
		return err
	}
	setup, err := planReview(opts.ConfigOptions, opts.RuleDirs, opts.Baselines)
	if err != nil {
		return err
	}
	set, plan := setup.set, setup.plan
	w := bufio.NewWriter(ios.Out)
	if opts.Format == "json" {
		out := struct {
			Version   string     `json:"version"`
			Baselines []string   `json:"baselines"`
			Checks    []ruleJSON `json:"checks"`
		}{"1", baselineIDs(set, setup.baselines), make([]ruleJSON, 0, len(plan))}
		for _, p := range plan {
			info := p.Rule.Info()
			out.Checks = append(out.Checks, ruleJSON{
				ID: info.ID, Title: info.Title, Kind: info.Kind, Severity: p.Severity,
				Quantity: info.Quantity, Threshold: thresholdText(p.Threshold), Controls: p.Controls,
				Tags: info.Tags, Source: info.Source,
			})
		}
		if err := writeJSON(w, out); err != nil {
			return err
		}
		return w.Flush()
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CHECK\tSEVERITY\tQUANTITY\tTHRESHOLD\tCONTROLS")
	for _, p := range plan {
		info := p.Rule.Info()
		refs := make([]string, len(p.Controls))
		for i, c := range p.Controls {
			refs[i] = c.Baseline + " " + c.Ref
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", info.ID, p.Severity, dash(info.Quantity), dash(thresholdText(p.Threshold)), dash(strings.Join(refs, "; ")))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	configured := ""
	if setup.cfg != nil {
		configured = "; configuration: " + setup.cfg.Path
	}
	fmt.Fprintf(w, "\n%d checks (baselines: %s%s). 'contractlint rules explain ID' describes one.\n",
		len(plan), strings.Join(baselineIDs(set, setup.baselines), ", "), configured)
	return w.Flush()
}

func runExplain(ios *IO, opts *RulesOptions) error {
	if err := checkFormat(opts.Format); err != nil {
		return err
	}
	set, err := rules.Load(opts.RuleDirs...)
	if err != nil {
		return err
	}
	r := set.Rule(opts.ID)
	if r == nil {
		msg := fmt.Sprintf("unknown check %q", opts.ID)
		if s := suggest(opts.ID, ruleIDs(set)); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		return usageError{fmt.Errorf("%s; 'contractlint rules' lists them", msg)}
	}
	info := r.Info()
	j := ruleJSON{
		ID: info.ID, Title: info.Title, Requirement: info.Requirement, Kind: info.Kind, Severity: info.Severity,
		Quantity: info.Quantity, Threshold: thresholdText(info.Threshold), Controls: []analyzer.Control{},
		Applies: r.Applies(), Tags: info.Tags, Source: info.Source,
	}
	if info.Help != (analyzer.Help{}) {
		h := info.Help
		j.Help = &h
	}
	for _, b := range set.Baselines() {
		if ref, ok := b.Controls[info.ID]; ok {
			j.Controls = append(j.Controls, analyzer.Control{Baseline: b.ID, Ref: ref})
		}
		if t, ok := b.Thresholds[info.ID]; ok {
			j.Thresholds = append(j.Thresholds, baselineThreshold{b.ID, t.Text})
		}
	}
	w := bufio.NewWriter(ios.Out)
	if opts.Format == "json" {
		if err := writeJSON(w, j); err != nil {
			return err
		}
		return w.Flush()
	}
	writeExplain(w, j)
	return w.Flush()
}

// writeExplain prints a check for a person: its facts in a short table,
// then what it asks and looks for, what passes and what is weak, the
// controls it maps to and clause language that would pass. Help text that
// the rule set does not give is left out.
func writeExplain(w io.Writer, j ruleJSON) {
	fmt.Fprintf(w, "%s: %s\n\n", j.ID, j.Title)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	row := func(k, v string) {
		if v != "" {
			fmt.Fprintf(tw, "  %s\t%s\n", k, v)
		}
	}
	row("severity", j.Severity.String())
	row("kind", j.Kind)
	th := strings.TrimSpace(j.Quantity + " " + j.Threshold)
	for _, t := range j.Thresholds {
		th += fmt.Sprintf("; %s: %s", t.Baseline, t.Threshold)
	}
	row("threshold", th)
	if len(j.Applies) > 0 {
		row("runs only with", "--baseline "+strings.Join(j.Applies, " or --baseline "))
	}
	row("tags", strings.Join(j.Tags, ", "))
	row("defined at", j.Source)
	tw.Flush()

	para := func(name, text string) {
		if text != "" {
			fmt.Fprintf(w, "\n%s\n%s\n", name, wrap(text, "  ", 78))
		}
	}
	para("Requirement:", j.Requirement)
	if j.Help != nil {
		para("Looks for:", j.Help.LooksFor)
		para("Passes when:", j.Help.Pass)
		para("Weak when:", j.Help.Weak)
	}
	fmt.Fprintln(w, "\nControls:")
	if len(j.Controls) == 0 {
		fmt.Fprintln(w, "  none: no baseline maps this check to a control")
	}
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, c := range j.Controls {
		fmt.Fprintf(tw, "  %s\t%s\n", c.Baseline, c.Ref)
	}
	tw.Flush()
	if j.Help != nil {
		para("Suggested clause:", j.Help.Suggestion)
	}
}

// wrap fills text into lines of at most width columns, each indented.
// Line breaks in the text are kept.
func wrap(text, indent string, width int) string {
	var out []string
	for _, para := range strings.Split(strings.TrimSpace(text), "\n") {
		line := indent
		for _, word := range strings.Fields(para) {
			if line != indent && len([]rune(line))+1+len([]rune(word)) > width {
				out = append(out, line)
				line = indent
			}
			if line != indent {
				line += " "
			}
			line += word
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

func thresholdText(t *analyzer.Threshold) string {
	if t == nil {
		return ""
	}
	return t.Text
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func ruleIDs(set *rules.Set) []string {
	ids := make([]string, 0, len(set.Rules()))
	for _, r := range set.Rules() {
		ids = append(ids, r.Info().ID)
	}
	return ids
}

// suggest returns the known id closest to a mistyped one: within an edit
// distance of a third of its length (at least 2), or one that contains it
// or is contained in it; "" when none is close.
func suggest(id string, known []string) string {
	best, bestD := "", -1
	limit := max(2, len([]rune(id))/3)
	for _, k := range known {
		d := editDistance(strings.ToLower(id), k)
		if d <= limit && (bestD < 0 || d < bestD) {
			best, bestD = k, d
		}
	}
	if best != "" {
		return best
	}
	if len(id) >= 4 {
		for _, k := range known {
			if strings.Contains(k, strings.ToLower(id)) {
				return k
			}
		}
	}
	return ""
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

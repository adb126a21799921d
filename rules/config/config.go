// Package config reads .contractlint.yaml, the settings a team or an
// analyst keeps next to its agreements: the baselines to review against,
// threshold and severity overrides, disabled checks, extra rule
// directories, and waivers that accept a weak or missing clause on
// purpose, with a reason and an end date.
//
// A file is decoded strictly (unknown keys, wrong types, bad thresholds,
// dates and globs are errors naming the file and line) by Parse, and
// checked against the rule set (check ids, baselines, thresholds that the
// check can compare with) by Validate. Apply changes a review's plan;
// Waive marks the results the waivers accept after the review.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/contractlint/contractlint/analyzer"
	"github.com/contractlint/contractlint/rules"
)

// FileName is the name Find looks for.
const FileName = ".contractlint.yaml"

// Config is a decoded configuration file.
type Config struct {
	// Path is the file as named in messages and waiver sources.
	Path string
	// Dir is the absolute directory of the file: rule directories and
	// waiver globs are relative to it. Empty after Parse alone, which
	// then treats paths as relative to the working directory.
	Dir string
	// Baselines are used when no --baseline flag is given.
	Baselines []string
	// Thresholds replace the planned threshold of a check, stricter or
	// looser.
	Thresholds map[string]*analyzer.Threshold
	// Severities replace the planned severity of a check.
	Severities map[string]analyzer.Severity
	// Disable lists checks left out of the review.
	Disable []string
	// RuleDirs are extra rule directories, joined to the file's
	// directory (as named in Path) unless absolute.
	RuleDirs []string
	// Waivers accept weak or missing results, in file order.
	Waivers []Waiver

	lines lines
}

// lines are the lines of a file's entries, for errors found after
// decoding.
type lines struct {
	baselines, disable, rules []int
	thresholds, severities    map[string]int
}

// Waiver accepts the weak or missing result of one check in the
// documents its glob matches, or only the result with its fingerprint.
type Waiver struct {
	Check string
	// Documents is the glob as written (see Match).
	Documents string
	// Fingerprint, when given, must equal the result's
	// analyzer.Result.Fingerprint.
	Fingerprint string
	Reason      string
	Approver    string
	// Expires is the waiver's last day, YYYY-MM-DD; empty for none.
	Expires string
	// Source is FILE:LINE of the waiver's entry.
	Source string

	line      int // line of the entry
	checkLine int
}

// file is the shape of a configuration file.
type file struct {
	Baselines  []string          `yaml:"baselines"`
	Thresholds map[string]string `yaml:"thresholds"`
	Severities map[string]string `yaml:"severities"`
	Disable    []string          `yaml:"disable"`
	Rules      []string          `yaml:"rules"`
	Waivers    []waiverSpec      `yaml:"waivers"`
}

type waiverSpec struct {
	Check       string `yaml:"check"`
	Documents   string `yaml:"documents"`
	Fingerprint string `yaml:"fingerprint"`
	Reason      string `yaml:"reason"`
	Approver    string `yaml:"approver"`
	Expires     string `yaml:"expires"`
}

var (
	topKeys    = []string{"baselines", "thresholds", "severities", "disable", "rules", "waivers"}
	waiverKeys = []string{"check", "documents", "fingerprint", "reason", "approver", "expires"}
)

// Find returns the configuration file that applies in dir: FileName in
// dir or the nearest directory above it. The search stops at the root of
// a repository (a directory holding .git, file or directory), so that a
// checkout is not configured by a file outside it, and at the file
// system's root. It returns "" when there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, FileName)
		if st, err := os.Stat(p); err == nil {
			if st.IsDir() {
				return "", fmt.Errorf("%s: is a directory, not a configuration file", p)
			}
			return p, nil
		} else if !errors.Is(err, os.ErrNotExist) {
			return "", err
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Load reads and decodes the file at name (as it is to be named in
// messages): Parse, then the rule directories are joined to the file's
// directory and must exist.
func Load(name string) (*Config, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	c, err := Parse(name, data)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(filepath.Dir(name))
	if err != nil {
		return nil, err
	}
	c.Dir = abs
	for i, d := range c.RuleDirs {
		if !filepath.IsAbs(d) {
			d = filepath.Join(filepath.Dir(name), d)
		}
		c.RuleDirs[i] = d
		st, err := os.Stat(d)
		switch {
		case errors.Is(err, os.ErrNotExist):
			return nil, fmt.Errorf("%s: rules: %s: no such directory", c.at(c.lines.rules, i), d)
		case err != nil:
			return nil, fmt.Errorf("%s: rules: %v", c.at(c.lines.rules, i), err)
		case !st.IsDir():
			return nil, fmt.Errorf("%s: rules: %s: not a directory of rule files", c.at(c.lines.rules, i), d)
		}
	}
	return c, nil
}

// Parse decodes a configuration file's contents; filename names it in
// errors. An empty file, or one of comments only, is a configuration that
// changes nothing. Parse does not look at the rule set (see Validate) or
// the file system.
func Parse(filename string, data []byte) (*Config, error) {
	c := &Config{Path: filename, Thresholds: map[string]*analyzer.Threshold{}, Severities: map[string]analyzer.Severity{},
		lines: lines{thresholds: map[string]int{}, severities: map[string]int{}}}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var root yaml.Node
	err := dec.Decode(&root)
	if errors.Is(err, io.EOF) {
		return c, nil
	}
	if err == nil {
		doc := root.Content[0]
		if isNull(doc) {
			var next yaml.Node
			if errors.Is(dec.Decode(&next), io.EOF) {
				return c, nil
			}
		} else if doc.Kind != yaml.MappingNode {
			return nil, fmt.Errorf("%s:%d: want a mapping of settings (%s), not %s", filename, doc.Line, strings.Join(topKeys, ", "), kindName(doc))
		}
	}
	var f file
	if err := rules.DecodeStrict(filename, data, &f); err != nil {
		return nil, explain(err, &root)
	}
	doc := root.Content[0]
	var errs errorList
	// yaml.v3 drops null list items ("- " alone): they are mistakes, and
	// items (see listItems) leaves them out to keep step with the values.
	for _, key := range []string{"baselines", "disable", "rules", "waivers"} {
		if v := mapValue(doc, key); v != nil {
			for _, it := range v.Content {
				if isNull(it) {
					errs.add(it.Line, "%s: an empty list item", key)
				}
			}
		}
	}
	c.Baselines = f.Baselines
	c.lines.baselines = itemLines(doc, "baselines")
	for i, id := range f.Baselines {
		if id == "" {
			errs.add(c.lineOf(c.lines.baselines, i), "baselines: an empty baseline id")
		}
	}
	for id, text := range f.Thresholds {
		line := keyLine(doc, "thresholds", id)
		c.lines.thresholds[id] = line
		th, err := analyzer.ParseThreshold(text)
		if err != nil {
			errs.add(line, "thresholds: %s: %v", id, err)
			continue
		}
		c.Thresholds[id] = th
	}
	for id, name := range f.Severities {
		line := keyLine(doc, "severities", id)
		c.lines.severities[id] = line
		sev, err := analyzer.ParseSeverity(name)
		if err != nil || sev == analyzer.SeverityNone {
			errs.add(line, "severities: %s: want error, warning or note, not %q", id, name)
			continue
		}
		c.Severities[id] = sev
	}
	c.Disable = f.Disable
	c.lines.disable = itemLines(doc, "disable")
	for i, id := range f.Disable {
		if id == "" {
			errs.add(c.lineOf(c.lines.disable, i), "disable: an empty check id")
		}
	}
	c.RuleDirs = f.Rules
	c.lines.rules = itemLines(doc, "rules")
	for i, d := range f.Rules {
		if d == "" {
			errs.add(c.lineOf(c.lines.rules, i), "rules: an empty directory name")
		}
	}
	waivers := listItems(doc, "waivers")
	for i, s := range f.Waivers {
		var item *yaml.Node
		if i < len(waivers) {
			item = waivers[i]
		}
		line := func(field string) int {
			if v := mapValue(item, field); v != nil {
				return v.Line
			}
			if item != nil {
				return item.Line
			}
			return 0
		}
		w := Waiver{Check: s.Check, Documents: s.Documents, Fingerprint: s.Fingerprint, Reason: strings.TrimSpace(s.Reason),
			Approver: s.Approver, Expires: s.Expires, line: line(""), checkLine: line("check")}
		w.Source = c.at([]int{w.line}, 0)
		if s.Check == "" {
			errs.add(w.line, "waiver without a check (the check id it accepts)")
		}
		if s.Documents == "" {
			errs.add(w.line, `waiver for %s without documents (a glob such as "contracts/acme-*.pdf", or "**" for every document)`, s.Check)
		} else if err := checkGlob(s.Documents); err != nil {
			errs.add(line("documents"), "waiver for %s: documents %q: %v", s.Check, s.Documents, err)
		}
		if s.Fingerprint != "" && !fingerprint.MatchString(s.Fingerprint) {
			errs.add(line("fingerprint"), `waiver for %s: fingerprint %q: want the 16 hexadecimal digits of a result's "fingerprint" (review --format json)`, s.Check, s.Fingerprint)
		}
		if w.Reason == "" {
			errs.add(w.line, "waiver for %s without a reason (say why the clause is accepted)", s.Check)
		}
		if s.Expires != "" {
			if _, err := time.Parse(time.DateOnly, s.Expires); err != nil {
				errs.add(line("expires"), "waiver for %s: expires %q: want a date written YYYY-MM-DD", s.Check, s.Expires)
			}
		}
		c.Waivers = append(c.Waivers, w)
	}
	if err := errs.first(filename); err != nil {
		return nil, err
	}
	return c, nil
}

var fingerprint = regexp.MustCompile(`^[0-9a-f]{16}$`)

// Validate checks the configuration against the rule set a review runs:
// the baselines and checks it names exist, and each threshold compares
// with its check's number. Checks that the chosen baselines do not run
// are allowed: their settings have no effect.
func (c *Config) Validate(set *rules.Set) error {
	var errs errorList
	for i, id := range c.Baselines {
		if id != "" && set.Baseline(id) == nil {
			var known []string
			for _, b := range set.Baselines() {
				known = append(known, b.ID)
			}
			errs.add(c.lineOf(c.lines.baselines, i), "baselines: unknown baseline %q (known: %s)", id, strings.Join(known, ", "))
		}
	}
	unknown := func(line int, section, id string) {
		errs.add(line, "%s: unknown check %q; 'contractlint rules' lists the checks", section, id)
	}
	for id, th := range c.Thresholds {
		r := set.Rule(id)
		if r == nil {
			unknown(c.lines.thresholds[id], "thresholds", id)
			continue
		}
		if err := r.AcceptsThreshold(th); err != nil {
			errs.add(c.lines.thresholds[id], "thresholds: %s: %v", id, err)
		}
	}
	for id := range c.Severities {
		if set.Rule(id) == nil {
			unknown(c.lines.severities[id], "severities", id)
		}
	}
	for i, id := range c.Disable {
		if id != "" && set.Rule(id) == nil {
			unknown(c.lineOf(c.lines.disable, i), "disable", id)
		}
	}
	for _, w := range c.Waivers {
		if w.Check != "" && set.Rule(w.Check) == nil {
			unknown(w.checkLine, "waiver", w.Check)
		}
	}
	return errs.first(c.Path)
}

// Apply returns the plan with the configuration's changes: disabled
// checks left out, thresholds and severities replaced. The plan given is
// not changed.
func (c *Config) Apply(plan []analyzer.Planned) []analyzer.Planned {
	off := map[string]bool{}
	for _, id := range c.Disable {
		off[id] = true
	}
	out := make([]analyzer.Planned, 0, len(plan))
	for _, p := range plan {
		id := p.Rule.Info().ID
		if off[id] {
			continue
		}
		if th, ok := c.Thresholds[id]; ok {
			p.Threshold = th
		}
		if sev, ok := c.Severities[id]; ok {
			p.Severity = sev
		}
		out = append(out, p)
	}
	return out
}

// lineOf is the i-th line of ls, or 0.
func (c *Config) lineOf(ls []int, i int) int {
	if i < len(ls) {
		return ls[i]
	}
	return 0
}

// at is FILE:LINE of the i-th line of ls (FILE when unknown).
func (c *Config) at(ls []int, i int) string {
	if l := c.lineOf(ls, i); l > 0 {
		return fmt.Sprintf("%s:%d", c.Path, l)
	}
	return c.Path
}

// errorList collects errors with their lines; the first in the file is
// reported, so that a run fails with one line.
type errorList []lineError

type lineError struct {
	line int
	msg  string
}

func (e *errorList) add(line int, format string, args ...any) {
	*e = append(*e, lineError{line, fmt.Sprintf(format, args...)})
}

func (e errorList) first(filename string) error {
	if len(e) == 0 {
		return nil
	}
	sort.SliceStable(e, func(i, j int) bool {
		if e[i].line != e[j].line {
			return e[i].line < e[j].line
		}
		return e[i].msg < e[j].msg
	})
	if e[0].line == 0 {
		return fmt.Errorf("%s: %s", filename, e[0].msg)
	}
	return fmt.Errorf("%s:%d: %s", filename, e[0].line, e[0].msg)
}

// mapValue returns the value of key in a mapping node ("" is the node
// itself), or nil.
func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || key == "" {
		return n
	}
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// listItems are the items of a top-level list that decode to a value
// (not null).
func listItems(doc *yaml.Node, key string) []*yaml.Node {
	var items []*yaml.Node
	if v := mapValue(doc, key); v != nil && v.Kind == yaml.SequenceNode {
		for _, it := range v.Content {
			if !isNull(it) {
				items = append(items, it)
			}
		}
	}
	return items
}

// itemLines are the lines of listItems.
func itemLines(doc *yaml.Node, key string) []int {
	var ls []int
	for _, it := range listItems(doc, key) {
		ls = append(ls, it.Line)
	}
	return ls
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" }

// keyLine is the line of a key in a top-level mapping.
func keyLine(doc *yaml.Node, section, key string) int {
	v := mapValue(doc, section)
	if v == nil || v.Kind != yaml.MappingNode {
		return 0
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		if v.Content[i].Value == key {
			return v.Content[i].Line
		}
	}
	return 0
}

// explain rewrites DecodeStrict's messages where yaml.v3 names Go types:
// "file:3: cannot unmarshal !!str `x` into []string" becomes
// "file:3: disable: want a list, not "x"", and an unknown field's message
// lists the fields that are known there.
func explain(err error, root *yaml.Node) error {
	var doc *yaml.Node
	if len(root.Content) > 0 {
		doc = root.Content[0]
	}
	msgs := strings.Split(err.Error(), "\n")
	for i, m := range msgs {
		if sm := typeError.FindStringSubmatch(m); sm != nil {
			at, tag, value, goType := sm[1], "!!"+sm[2], sm[3], sm[4]
			var line int
			fmt.Sscanf(at[strings.LastIndex(at, ":")+1:], "%d", &line)
			got := "a " + map[string]string{"!!seq": "list", "!!map": "mapping"}[tag]
			if value != "" {
				got = fmt.Sprintf("%q", value)
			} else if got == "a " {
				got = tag
			}
			want := goTypes[goType]
			if want == "" {
				want = goType
			}
			key := ""
			if k := keyAt(doc, line, tag); k != "" {
				key = k + ": "
			}
			msgs[i] = fmt.Sprintf("%s: %swant %s, not %s", at, key, want, got)
			continue
		}
		if sm := unknownField.FindStringSubmatch(m); sm != nil {
			known := topKeys
			if inWaiver(doc, sm[2]) {
				known = waiverKeys
			}
			msgs[i] = fmt.Sprintf("%s (known: %s)", m, strings.Join(known, ", "))
		}
	}
	return errors.New(strings.Join(msgs, "\n"))
}

var (
	typeError    = regexp.MustCompile("^(.*:\\d+): cannot unmarshal !!(\\w+) (?:`([^`]*)` )?into (\\S+)$")
	unknownField = regexp.MustCompile(`^(.*):(\d+): unknown field "[^"]*"$`)
	goTypes      = map[string]string{
		"string":              "a single value",
		"[]string":            "a list",
		"map[string]string":   "a mapping",
		"[]config.waiverSpec": "a list of waivers",
		"config.waiverSpec":   "a waiver (a mapping of " + strings.Join(waiverKeys, ", ") + ")",
		"config.file":         "a mapping of settings",
	}
)

// keyAt names the key whose value starts at line with the tag: the value
// that could not be decoded. The innermost such key is the one meant
// ("- check: [a]" starts both the waivers list and check's value).
func keyAt(n *yaml.Node, line int, tag string) string {
	if n == nil {
		return ""
	}
	for _, c := range n.Content {
		if k := keyAt(c, line, tag); k != "" {
			return k
		}
	}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if v := n.Content[i+1]; v.Line == line && v.ShortTag() == tag {
				return n.Content[i].Value
			}
		}
	}
	return ""
}

// inWaiver reports whether a key on the line (as a decimal string) is in
// a waiver's entry.
func inWaiver(doc *yaml.Node, line string) bool {
	w := mapValue(doc, "waivers")
	if w == nil {
		return false
	}
	for _, item := range w.Content {
		for i := 0; i < len(item.Content); i += 2 {
			if fmt.Sprint(item.Content[i].Line) == line {
				return true
			}
		}
	}
	return false
}

// kindName is how a node's kind is named in messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	}
	return "a " + strings.TrimPrefix(n.ShortTag(), "!!")
}

// checkGlob reports a malformed documents glob.
func checkGlob(g string) error {
	for _, seg := range strings.Split(g, "/") {
		if _, err := path.Match(seg, ""); err != nil {
			return errors.New("malformed glob (unbalanced [ ] or a trailing \\)")
		}
	}
	return nil
}

// Package rules holds the checks of the review as data: a closed set of
// rule kinds written in Go (duty, right, cap) and the rule instances and
// baselines written in YAML. The built-in rules are embedded; a user's own
// rule directory loads through the same fs.FS path. A whole rule set is
// decoded strictly (unknown keys are errors naming file and line) and
// validated before anything runs.
package rules

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/contractlint/contractlint/analyzer"
)

//go:embed builtin/*.yaml
var builtinFS embed.FS

// Builtin returns the built-in rule set.
func Builtin() (*Set, error) { return Load() }

// Load returns the built-in rule set extended by the rules of each
// directory given (every *.yaml and *.yml file in it, not recursive).
func Load(dirs ...string) (*Set, error) {
	sub, err := fs.Sub(builtinFS, "builtin")
	if err != nil {
		return nil, err
	}
	s := newSet()
	if err := s.load(sub, "rules/builtin"); err != nil {
		return nil, err
	}
	for _, d := range dirs {
		st, err := os.Stat(d)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", d, errors.Unwrap(err))
		}
		if !st.IsDir() {
			return nil, fmt.Errorf("%s: not a directory of rule files", d)
		}
		if err := s.load(os.DirFS(d), d); err != nil {
			return nil, err
		}
	}
	if err := s.validate(); err != nil {
		return nil, err
	}
	return s, nil
}

// LoadFS loads a rule set from one file system alone (no built-in rules):
// for tests and for tools that ship their own packs.
func LoadFS(fsys fs.FS, name string) (*Set, error) {
	s := newSet()
	if err := s.load(fsys, name); err != nil {
		return nil, err
	}
	if err := s.validate(); err != nil {
		return nil, err
	}
	return s, nil
}

// Set is a validated rule set: rules in definition order and baselines.
type Set struct {
	rules     []*Rule
	byID      map[string]*Rule
	baselines []*Baseline
	byBase    map[string]*Baseline
	help      map[string]helpSpec
	helpAt    map[string]string
	files     []string // the rule files read, as named in errors
}

func newSet() *Set {
	return &Set{byID: map[string]*Rule{}, byBase: map[string]*Baseline{}, help: map[string]helpSpec{}, helpAt: map[string]string{}}
}

// Rules returns the rules in definition order.
func (s *Set) Rules() []*Rule { return s.rules }

// Rule returns the rule with the id, or nil.
func (s *Set) Rule(id string) *Rule { return s.byID[id] }

// Baselines returns the baselines in definition order.
func (s *Set) Baselines() []*Baseline { return s.baselines }

// Baseline returns the baseline with the id, or nil.
func (s *Set) Baseline(id string) *Baseline { return s.byBase[id] }

// DefaultBaseline returns the baseline marked default.
func (s *Set) DefaultBaseline() *Baseline {
	for _, b := range s.baselines {
		if b.Default {
			return b
		}
	}
	return nil
}

// file is the shape of a rule file.
type file struct {
	Rules     []ruleSpec          `yaml:"rules"`
	Baselines []baselineSpec      `yaml:"baselines"`
	Help      map[string]helpSpec `yaml:"help"`
}

type helpSpec struct {
	LooksFor   string `yaml:"looks_for"`
	Pass       string `yaml:"pass"`
	Weak       string `yaml:"weak"`
	Suggestion string `yaml:"suggestion"`
}

type baselineSpec struct {
	ID         string            `yaml:"id"`
	Title      string            `yaml:"title"`
	Note       string            `yaml:"note"`
	URL        string            `yaml:"url"`
	Default    bool              `yaml:"default"`
	All        bool              `yaml:"all"`
	Includes   []string          `yaml:"includes"`
	Controls   map[string]string `yaml:"controls"`
	Thresholds map[string]string `yaml:"thresholds"`
}

// Baseline is a named profile of checks with their control references and
// threshold overrides.
type Baseline struct {
	ID, Title, Note, URL string
	// Default: the baseline used when none is chosen.
	Default bool
	// All: every check of the rule set (except those that apply only to
	// named baselines), whether or not it has a control reference here.
	All      bool
	Includes []string
	// Controls maps check ids to this baseline's control references.
	Controls map[string]string
	// Thresholds maps check ids to thresholds that replace the rule's.
	Thresholds map[string]*analyzer.Threshold
	Source     string
}

// load reads every rule file of fsys; name prefixes file names in errors.
func (s *Set) load(fsys fs.FS, name string) error {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	var files []string
	for _, e := range entries {
		if !e.IsDir() && (strings.HasSuffix(e.Name(), ".yaml") || strings.HasSuffix(e.Name(), ".yml")) {
			files = append(files, e.Name())
		}
	}
	sort.Strings(files)
	if len(files) == 0 {
		return fmt.Errorf("%s: no rule files (*.yaml)", name)
	}
	for _, f := range files {
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			return fmt.Errorf("%s: %w", path.Join(name, f), err)
		}
		if err := s.loadFile(path.Join(name, f), data); err != nil {
			return err
		}
	}
	return nil
}

// DecodeStrict decodes one YAML document into v, rejecting unknown fields
// and trailing documents; errors name the file and line.
func DecodeStrict(filename string, data []byte, v any) error {
	// yaml.v3 panics on a mapping that has a merge key ("<<") and a key
	// that is itself a list or a mapping (it hashes the key). Neither
	// kind of key belongs in our files, so they are refused first.
	var root yaml.Node
	if yaml.Unmarshal(data, &root) == nil {
		if k := complexKey(&root); k != nil {
			return fmt.Errorf("%s:%d: a key must be a plain name, not a list or a mapping", filename, k.Line)
		}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return fmt.Errorf("%s: empty file", filename)
		}
		return yamlError(filename, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return fmt.Errorf("%s:%d: a second YAML document; put everything in one", filename, extra.Line)
	}
	return nil
}

// complexKey returns the first mapping key under n that is not a scalar
// (aliases are not followed: what they name is under n already).
func complexKey(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.MappingNode {
		for i := 0; i < len(n.Content); i += 2 {
			if k := n.Content[i]; k.Kind != yaml.ScalarNode && k.Kind != yaml.AliasNode {
				return k
			} else if k.Kind == yaml.AliasNode && k.Alias != nil && k.Alias.Kind != yaml.ScalarNode {
				return k
			}
		}
	}
	for _, c := range n.Content {
		if k := complexKey(c); k != nil {
			return k
		}
	}
	return nil
}

// yamlError rewrites yaml.v3's "yaml: line 12: ..." as "file:12: ...".
func yamlError(filename string, err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		var msgs []string
		for _, e := range te.Errors {
			// A value quoted in the message may hold line breaks (a block
			// scalar); each error stays on its one line.
			e = strings.NewReplacer("\r", `\r`, "\n", `\n`).Replace(e)
			e = unknownField.ReplaceAllString(e, `unknown field "$1"`)
			msgs = append(msgs, filename+":"+strings.TrimPrefix(e, "line "))
		}
		return errors.New(strings.Join(msgs, "\n"))
	}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if strings.HasPrefix(msg, "line ") {
		return fmt.Errorf("%s:%s", filename, strings.TrimPrefix(msg, "line "))
	}
	return fmt.Errorf("%s: %s", filename, msg)
}

// unknownField rewrites yaml.v3's "field withn not found in type
// rules.ruleSpec", which names a Go type, as the user wrote it.
var unknownField = regexp.MustCompile(`field (\S+) not found in type \S+`)

// positions are the lines of a rule file's entries: each item of the
// rules and baselines sequences, each key of the help mapping.
type positions struct {
	rules, baselines []int
	help             map[string]int
}

// entryLines reads the positions of a file's entries from one parse.
func entryLines(data []byte) positions {
	p := positions{help: map[string]int{}}
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil || len(root.Content) == 0 {
		return p
	}
	m := root.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		v := m.Content[i+1]
		switch m.Content[i].Value {
		case "rules", "baselines":
			var ls []int
			for _, n := range v.Content {
				ls = append(ls, n.Line)
			}
			if m.Content[i].Value == "rules" {
				p.rules = ls
			} else {
				p.baselines = ls
			}
		case "help":
			for j := 0; j+1 < len(v.Content); j += 2 {
				p.help[v.Content[j].Value] = v.Content[j].Line
			}
		}
	}
	return p
}

// place names an entry's place: file:line when the line is known.
func place(filename string, lines []int, i int) string {
	line := 0
	if i < len(lines) {
		line = lines[i]
	}
	if line == 0 {
		return filename
	}
	return fmt.Sprintf("%s:%d", filename, line)
}

func (s *Set) loadFile(filename string, data []byte) error {
	s.files = append(s.files, filename)
	var f file
	if err := DecodeStrict(filename, data, &f); err != nil {
		return err
	}
	pos := entryLines(data)
	for i, spec := range f.Rules {
		at := place(filename, pos.rules, i)
		if prev, ok := s.byID[spec.ID]; ok {
			return fmt.Errorf("%s: rule %q is already defined at %s", at, spec.ID, prev.info.Source)
		}
		r, err := compile(spec, at)
		if err != nil {
			return err
		}
		s.rules = append(s.rules, r)
		s.byID[r.info.ID] = r
	}
	for i, spec := range f.Baselines {
		at := place(filename, pos.baselines, i)
		if spec.ID == "" {
			return fmt.Errorf("%s: baseline without an id", at)
		}
		if prev, ok := s.byBase[spec.ID]; ok {
			return fmt.Errorf("%s: baseline %q is already defined at %s", at, spec.ID, prev.Source)
		}
		b := &Baseline{ID: spec.ID, Title: spec.Title, Note: spec.Note, URL: spec.URL, Default: spec.Default, All: spec.All,
			Includes: spec.Includes, Controls: spec.Controls, Thresholds: map[string]*analyzer.Threshold{}, Source: at}
		for id, t := range spec.Thresholds {
			th, err := analyzer.ParseThreshold(t)
			if err != nil {
				return fmt.Errorf("%s: baseline %s, check %s: %v", at, show(spec.ID), show(id), err)
			}
			b.Thresholds[id] = th
		}
		s.baselines = append(s.baselines, b)
		s.byBase[b.ID] = b
	}
	keys := make([]string, 0, len(f.Help))
	for id := range f.Help {
		keys = append(keys, id)
	}
	sort.Strings(keys)
	for _, id := range keys {
		at := place(filename, []int{pos.help[id]}, 0)
		if prev, ok := s.helpAt[id]; ok {
			return fmt.Errorf("%s: help for %q is already given at %s", at, id, prev)
		}
		s.help[id] = f.Help[id]
		s.helpAt[id] = at
	}
	return nil
}

// validate checks the whole set: help and baselines name known checks,
// includes are known and acyclic, exactly one default baseline. Every error
// names a file (the place of the entry at fault, or the files read for a
// fault of the whole set), and with several faults the first in file order
// is reported, the same on every run.
func (s *Set) validate() error {
	if len(s.rules) == 0 {
		return fmt.Errorf("%s: no rules; a rule set needs at least one", strings.Join(s.files, ", "))
	}
	for _, id := range sortedKeys(s.help) {
		h := s.help[id]
		r := s.byID[id]
		if r == nil {
			return fmt.Errorf("%s: help for unknown check %q", s.helpAt[id], id)
		}
		r.info.Help = analyzer.Help{LooksFor: h.LooksFor, Pass: h.Pass, Weak: h.Weak, Suggestion: h.Suggestion}
	}
	var defaults []*Baseline
	for _, b := range s.baselines {
		if b.Default {
			defaults = append(defaults, b)
		}
		for _, inc := range b.Includes {
			if s.byBase[inc] == nil {
				return fmt.Errorf("%s: baseline %s includes unknown baseline %q", b.Source, show(b.ID), inc)
			}
		}
		for _, id := range sortedKeys(b.Controls) {
			if s.byID[id] == nil {
				return fmt.Errorf("%s: baseline %s maps unknown check %q", b.Source, show(b.ID), id)
			}
		}
		for _, id := range sortedKeys(b.Thresholds) {
			th := b.Thresholds[id]
			r := s.byID[id]
			if r == nil {
				return fmt.Errorf("%s: baseline %s sets a threshold for unknown check %q", b.Source, show(b.ID), id)
			}
			if err := r.acceptsThreshold(th); err != nil {
				return fmt.Errorf("%s: baseline %s, check %s: %v", b.Source, show(b.ID), id, err)
			}
		}
		if _, err := s.expand([]string{b.ID}); err != nil {
			return fmt.Errorf("%s: %v", b.Source, err)
		}
	}
	switch {
	case len(s.baselines) > 0 && len(defaults) == 0:
		return fmt.Errorf("%s: no baseline is marked default: true; want exactly one", s.baselines[0].Source)
	case len(defaults) > 1:
		return fmt.Errorf("%s: baseline %s is marked default, and so is %s at %s; want exactly one", defaults[1].Source, show(defaults[1].ID), show(defaults[0].ID), defaults[0].Source)
	}
	for _, r := range s.rules {
		for _, b := range r.applies {
			if s.byBase[b] == nil {
				return fmt.Errorf("%s: rule %s applies to unknown baseline %q", r.info.Source, r.info.ID, b)
			}
		}
	}
	return nil
}

// expand returns the baselines named and those they include, each once,
// in order; an include cycle is an error.
func (s *Set) expand(ids []string) ([]*Baseline, error) {
	var out []*Baseline
	seen := map[string]bool{}
	var visit func(id string, stack []string) error
	visit = func(id string, stack []string) error {
		for _, x := range stack {
			if x == id {
				var ids []string
				for _, x := range append(stack, id) {
					ids = append(ids, show(x))
				}
				return fmt.Errorf("baselines include each other: %s", strings.Join(ids, " -> "))
			}
		}
		b := s.byBase[id]
		if b == nil {
			return fmt.Errorf("unknown baseline %q (known: %s)", id, strings.Join(s.baselineIDs(), ", "))
		}
		if !seen[id] {
			seen[id] = true
			out = append(out, b)
		}
		for _, inc := range b.Includes {
			if err := visit(inc, append(stack, id)); err != nil {
				return err
			}
		}
		return nil
	}
	for _, id := range ids {
		if err := visit(id, nil); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (s *Set) baselineIDs() []string {
	var ids []string
	for _, b := range s.baselines {
		ids = append(ids, b.ID)
	}
	return ids
}

// Plan returns the rules the chosen baselines run, in definition order,
// with their control references (sorted by baseline), the strictest
// threshold among the chosen baselines and the rule's severity. No ids
// means the default baseline. A rule that applies only to named baselines
// runs only when one of them is chosen by name, not through an include.
func (s *Set) Plan(baselineIDs []string) ([]analyzer.Planned, error) {
	if len(baselineIDs) == 0 {
		d := s.DefaultBaseline()
		if d == nil {
			return nil, errors.New("no baseline chosen and the rule set has no default baseline")
		}
		baselineIDs = []string{d.ID}
	}
	chosen, err := s.expand(baselineIDs)
	if err != nil {
		return nil, err
	}
	named := map[string]bool{}
	for _, id := range baselineIDs {
		named[id] = true
	}
	var plan []analyzer.Planned
	for _, r := range s.rules {
		if len(r.applies) > 0 {
			ok := false
			for _, b := range r.applies {
				ok = ok || named[b]
			}
			if !ok {
				continue
			}
		}
		in := false
		var controls []analyzer.Control
		var th *analyzer.Threshold
		for _, b := range chosen {
			ref, mapped := b.Controls[r.info.ID]
			if !mapped && !b.All && !(len(r.applies) > 0 && named[b.ID] && contains(r.applies, b.ID)) {
				continue
			}
			in = true
			if mapped {
				controls = append(controls, analyzer.Control{Baseline: b.ID, Ref: ref})
			}
			if bt, ok := b.Thresholds[r.info.ID]; ok {
				th = bt.Stricter(th)
			} else if b.All || mapped {
				th = r.info.Threshold.Stricter(th)
			}
		}
		if !in {
			continue
		}
		analyzer.SortControls(controls)
		if controls == nil {
			controls = []analyzer.Control{}
		}
		plan = append(plan, analyzer.Planned{Rule: r, Controls: controls, Threshold: th, Severity: r.info.Severity})
	}
	return plan, nil
}

// show prints an id from a rule file as written when it is plain, quoted
// otherwise, so that an id holding a line break or a control character
// cannot break an error message's one line.
func show(id string) string {
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_.:/", r)) {
			return strconv.Quote(id)
		}
	}
	if id == "" {
		return `""`
	}
	return id
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

package rules

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// FuzzLoadRules decodes arbitrary bytes as a user's rule file. Whatever
// the bytes, loading returns a rule set or an error, never panics, and
// every line of an error names the file it is about; a set that loads
// can be planned.
func FuzzLoadRules(f *testing.F) {
	builtin, err := fs.Glob(builtinFS, "builtin/*.yaml")
	if err != nil || len(builtin) == 0 {
		f.Fatalf("no built-in rule files: %v", err)
	}
	for _, name := range builtin {
		data, err := fs.ReadFile(builtinFS, name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		myRules,
		"",
		"rules: []\n",
		"rules:\n  - id: x\n    kind: duty\n    title: X\n    severity: note\n    match: [a]\n",
		"rules:\n  - id: x\n    kind: duty\n    title: X\n    severity: note\n    quantity: duration\n    threshold: '<= 24 hours'\n    match: ['notif* & incident*']\n",
		"baselines:\n  - id: a\n    includes: [b]\n  - id: b\n    includes: [a]\n",
		"rules:\n  - &r {id: x, kind: duty, title: X, severity: note, match: [a]}\n  - *r\n",
		"a: &a [*a]\n",
		"--- \n...\n---\nrules: []\n",
		"help:\n  x: {looks_for: y}\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const file = "rules/mine.yaml"
		// A hang is a failure too, with this input saved: the fuzzer
		// itself has no time limit per input.
		var (
			set  *Set
			err  error
			done = make(chan struct{})
		)
		go func() {
			defer close(done)
			set, err = LoadFS(fstest.MapFS{"mine.yaml": {Data: data}}, "rules")
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("LoadFS ran for more than 5s on %d bytes", len(data))
		}
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, file) {
					t.Fatalf("error line %q does not name %s (error %q)", line, file, err)
				}
			}
			return
		}
		if set.DefaultBaseline() != nil {
			if _, err := set.Plan(nil); err != nil {
				t.Fatalf("a set that loads cannot plan its default baseline: %v", err)
			}
		}
		for _, b := range set.Baselines() {
			if _, err := set.Plan([]string{b.ID}); err != nil {
				t.Fatalf("a set that loads cannot plan its baseline %s: %v", b.ID, err)
			}
		}
	})
}

// myRules is a small rule file with a baseline of its own.
const myRules = `rules:
  - id: my-check
    kind: duty
    title: My check
    severity: warning
    quantity: duration
    threshold: "<= 24 hours"
    match: ["escrow* & source code"]
baselines:
  - id: only-mine
    title: Only my check
    default: true
    controls:
      my-check: "M-1"
help:
  my-check:
    looks_for: an escrow of the source code
`

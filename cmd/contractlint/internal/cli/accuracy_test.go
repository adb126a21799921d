package cli

import (
	"strings"
	"testing"
)

func TestAccuracyCommand(t *testing.T) {
	out, errs, code := runMain("", "accuracy", testdata("corpus"))
	if code != ExitOK || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{"\nOVERALL                    synthetic ", "\nOVERALL                    real ", "\nsynthetic: status accuracy ", "\nreal: status accuracy "} {
		if !strings.Contains(out, want) {
			t.Errorf("accuracy output lacks %q:\n%s", want, out)
		}
	}
	for _, c := range []struct {
		args []string
		err  string
	}{
		{[]string{"accuracy", "no-such-dir"}, "no-such-dir: no such file or directory"},
		{[]string{"accuracy", testdata("golden")}, "no labelled agreements"},
		{[]string{"accuracy", "a", "b"}, "accepts at most 1 arg"},
	} {
		_, errs, code := runMain("", c.args...)
		if code != ExitError || !strings.Contains(errs, c.err) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want 2 and one line containing %q", c.args, code, errs, c.err)
		}
	}
	withMisses, _, _ := runMain("", "accuracy", "--misses", testdata("corpus"))
	if !strings.HasPrefix(withMisses, out) {
		t.Error("--misses should add to the figures, not change them")
	}
}

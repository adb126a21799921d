package cli

import (
	"bytes"
	"strings"
	"testing"
)

// Commands write to the injected writers, so they can be run in process.
func TestMainInProcess(t *testing.T) {
	var out, errb bytes.Buffer
	in := strings.NewReader("# Terms\n\n## 12. Security\n\n12.3 Provider shall notify Customer within 24 hours.\n")
	code := Main([]string{"extract", "--format", "plain", "-"}, in, &out, &errb)
	if code != ExitOK || errb.Len() != 0 {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
	if want := "Terms\n\n12. Security\n\n12.3 Provider shall notify Customer within 24 hours.\n"; out.String() != want {
		t.Errorf("plain output %q; want %q", out.String(), want)
	}
}

func TestExitCodes(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"version"}, ExitOK, ""},
		{[]string{"extract"}, ExitError, "requires at least 1 arg"},
		{[]string{"extract", "--format", "yaml", "-"}, ExitError, `unknown --format "yaml"`},
		{[]string{"nonsense"}, ExitError, "unknown command"},
		{[]string{"extract", "no-such-file.pdf"}, ExitError, "no-such-file.pdf: no such file or directory"},
	} {
		var out, errb bytes.Buffer
		code := Main(c.args, strings.NewReader(""), &out, &errb)
		if code != c.code || !strings.Contains(errb.String(), c.err) || strings.Count(errb.String(), "\n") > 1 {
			t.Errorf("%v: exit %d, stderr %q; want %d and one line containing %q", c.args, code, errb.String(), c.code, c.err)
		}
	}
}

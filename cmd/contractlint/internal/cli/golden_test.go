package cli

import (
	"flag"
	"os"
	"testing"
)

// Golden files of the rules listing change whenever the rules do:
// regenerate with go test ./cmd/contractlint/... -run Golden -update.
var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGoldenRules compares the rules listing and one explanation with
// testdata/golden.
func TestGoldenRules(t *testing.T) {
	for _, c := range []struct {
		golden string
		args   []string
	}{
		{"rules.txt", []string{"rules"}},
		{"rules-ecc.json", []string{"rules", "--format", "json", "--baseline", "ecc-2-2024"}},
		{"rules-explain-incident-notification.txt", []string{"rules", "explain", "incident-notification"}},
	} {
		t.Run(c.golden, func(t *testing.T) {
			out, errs, code := runMain("", c.args...)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, errs)
			}
			path := testdata("golden", c.golden)
			if *update {
				if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if out != string(want) {
				t.Errorf("output differs from %s (if intended: go test ./cmd/contractlint/... -run Golden -update):\n%s", path, out)
			}
		})
	}
}

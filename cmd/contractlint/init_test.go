package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInit: init writes a starter that changes nothing, and will not
// overwrite a file without --force.
func TestInit(t *testing.T) {
	dir := workspace(t, tuwaiq)
	agreement := filepath.Join("contracts", tuwaiq)
	out, errs, code := runIn(t, dir, "", "init")
	if code != 0 || errs != "" || !strings.HasPrefix(out, "wrote .contractlint.yaml") {
		t.Fatalf("init: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	starter, err := os.ReadFile(filepath.Join(dir, ".contractlint.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# waivers:", "#   - check: ", "#     reason: ", "#     expires: ", "# thresholds:", "#   incident-notification: \"<= 48 hours\""} {
		if !strings.Contains(string(starter), want) {
			t.Errorf("starter lacks %q", want)
		}
	}
	with, errs, code1 := runIn(t, dir, "", "review", agreement)
	without, _, code2 := runIn(t, dir, "", "review", "--no-config", agreement)
	if errs != "" || code1 != code2 || with != without {
		t.Errorf("the starter should change nothing: exit %d vs %d, stderr %q", code1, code2, errs)
	}

	os.WriteFile(filepath.Join(dir, ".contractlint.yaml"), []byte("disable: [mfa]\n"), 0o644)
	_, errs, code = runIn(t, dir, "", "init")
	if code != 2 || errs != "contractlint: .contractlint.yaml already exists; --force overwrites it\n" {
		t.Errorf("init over a file: exit %d, stderr %q", code, errs)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, ".contractlint.yaml")); string(b) != "disable: [mfa]\n" {
		t.Error("init changed an existing file without --force")
	}
	if _, errs, code := runIn(t, dir, "", "init", "--force"); code != 0 || errs != "" {
		t.Errorf("init --force: exit %d, stderr %q", code, errs)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, ".contractlint.yaml")); string(b) != string(starter) {
		t.Error("init --force did not write the starter")
	}
	if out, _, code := runIn(t, dir, "", "init", "--output", "contracts"); code != 0 || out != "wrote contracts/.contractlint.yaml: every setting is commented out; uncomment what you need\n" {
		t.Errorf("init --output FOLDER: exit %d, %q", code, out)
	}
}

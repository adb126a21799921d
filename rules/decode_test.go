package rules

import (
	"strings"
	"testing"
)

// TestDecodeStrictComplexKeys: a key that is a list or a mapping is an
// error naming its line, never a panic (yaml.v3 panics on one next to a
// merge key, as fuzzing the configuration decoder found).
func TestDecodeStrictComplexKeys(t *testing.T) {
	for text, line := range map[string]string{
		"waivers: [{<<, {00000000}}]":            ":1:",
		"a:\n  b: 1\n  ? [x, y]\n  : 2\n":        ":3:",
		"x: &k {a: 1}\ny:\n  *k : 2\n  <<: {}\n": ":3:",
	} {
		var v struct {
			Waivers []struct{ Check string } `yaml:"waivers"`
		}
		err := DecodeStrict("f.yaml", []byte(text), &v)
		if err == nil || !strings.HasPrefix(err.Error(), "f.yaml"+line+" a key must be a plain name") {
			t.Errorf("%q: %v; want f.yaml%s a key must be a plain name", text, err, line)
		}
	}
}

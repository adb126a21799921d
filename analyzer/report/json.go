package report

import (
	"encoding/json"
	"io"

	"github.com/contractlint/contractlint/analyzer"
)

// JSON writes the report as one JSON object with two-space indentation,
// every result included (passes too). The same input gives the same
// bytes: no timestamps, no map iteration, lists in argument and plan
// order, empty lists as []. Its layout is schema/review.schema.json.
func JSON(w io.Writer, r *Report) error {
	out := struct {
		Version string `json:"version"`
		*Report
	}{Version, withEmptyLists(r)}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// withEmptyLists returns a copy of r whose nil lists are empty, so that
// consumers always see arrays where the schema has them.
func withEmptyLists(r *Report) *Report {
	c := *r
	if c.Baselines == nil {
		c.Baselines = []string{}
	}
	if c.Errors == nil {
		c.Errors = []Error{}
	}
	c.Documents = make([]Document, len(r.Documents))
	for i, d := range r.Documents {
		if d.Results == nil {
			d.Results = []analyzer.Result{}
		}
		rs := make([]analyzer.Result, len(d.Results))
		for j, res := range d.Results {
			if res.Controls == nil {
				res.Controls = []analyzer.Control{}
			}
			rs[j] = res
		}
		d.Results = rs
		c.Documents[i] = d
	}
	return &c
}

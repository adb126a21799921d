// Package report writes review results. Each output format is one file
// and one pure function of a writer and a Report; no reporter decides the
// exit code, which is the command's business.
package report

import (
	"sort"

	"github.com/contractlint/contractlint/analyzer"
)

// Version is the version of the JSON report layout
// (schema/review.schema.json). It changes when a field changes meaning or
// goes away, not when one is added.
const Version = "1"

// Report is one review run: every document reviewed, with every check's
// result, and the files that could not be read.
type Report struct {
	Tool Tool `json:"tool"`
	// Baselines are the baselines the checks were chosen by (the default
	// baseline's id when none was named).
	Baselines []string   `json:"baselines"`
	Documents []Document `json:"documents"`
	Errors    []Error    `json:"errors"`
	// Notices are messages about the run rather than about an agreement:
	// an expired waiver, a waiver that matched nothing.
	Notices []Notice `json:"notices,omitempty"`
}

// Notice is a message about the run. Level is "warning" or "note";
// Source says where the cause is written ("FILE:LINE"), if anywhere.
type Notice struct {
	Level   string `json:"level"`
	Message string `json:"message"`
	Source  string `json:"source,omitempty"`
}

// Tool names the program that wrote the report.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Document is one reviewed agreement.
type Document struct {
	// Path is the file as the user named it; for a bundle, the files'
	// paths joined by ", ".
	Path   string `json:"path"`
	Format string `json:"format"`
	// Pages is the number of PDF pages (summed over a bundle's PDFs); 0
	// when no part is a PDF.
	Pages int `json:"pages"`
	// Parts are the files of a bundle (several files reviewed as one
	// agreement), in the order their text was joined; nil otherwise.
	// Locations in Results are in the joined text; a part's Line and
	// Start say where its text begins there.
	Parts   []Part            `json:"parts,omitempty"`
	Results []analyzer.Result `json:"results"`
	Summary Summary           `json:"summary"`
}

// Part is one file of a bundle. Line is the 1-based line and Start the
// code point offset of its first block in the bundle's text. Pages in
// locations inside a part are the part's own PDF pages.
type Part struct {
	Path   string `json:"path"`
	Format string `json:"format"`
	Pages  int    `json:"pages"`
	Line   int    `json:"line"`
	Start  int    `json:"start"`
}

// Error is a file that could not be reviewed.
type Error struct {
	Path  string `json:"path"`
	Error string `json:"error"`
}

// Summary counts results by status, and the weak and missing ones by
// severity, except those a waiver accepts: they are counted as
// Suppressed instead, so that the severities count what --fail-on sees.
type Summary struct {
	Checks     int `json:"checks"`
	Pass       int `json:"pass"`
	Weak       int `json:"weak"`
	Missing    int `json:"missing"`
	Errors     int `json:"errors"`
	Warnings   int `json:"warnings"`
	Notes      int `json:"notes"`
	Suppressed int `json:"suppressed"`
}

// Summarize counts results.
func Summarize(results []analyzer.Result) Summary {
	var s Summary
	for _, r := range results {
		s.add(r)
	}
	return s
}

func (s *Summary) add(r analyzer.Result) {
	s.Checks++
	switch r.Status {
	case analyzer.Pass:
		s.Pass++
		return
	case analyzer.Weak:
		s.Weak++
	case analyzer.Missing:
		s.Missing++
	}
	if r.Suppression != nil {
		s.Suppressed++
		return
	}
	switch r.Severity {
	case analyzer.SeverityError:
		s.Errors++
	case analyzer.SeverityWarning:
		s.Warnings++
	case analyzer.SeverityNote:
		s.Notes++
	}
}

// Plus returns the sum of two summaries.
func (s Summary) Plus(t Summary) Summary {
	return Summary{
		Checks: s.Checks + t.Checks, Pass: s.Pass + t.Pass, Weak: s.Weak + t.Weak, Missing: s.Missing + t.Missing,
		Errors: s.Errors + t.Errors, Warnings: s.Warnings + t.Warnings, Notes: s.Notes + t.Notes,
		Suppressed: s.Suppressed + t.Suppressed,
	}
}

// Total sums the documents' summaries.
func (r *Report) Total() Summary {
	var t Summary
	for _, d := range r.Documents {
		t = t.Plus(d.Summary)
	}
	return t
}

// Failing reports whether any result of the report counts against the
// --fail-on level.
func (r *Report) Failing(level analyzer.Severity) bool {
	for _, d := range r.Documents {
		for _, res := range d.Results {
			if res.Failing(level) {
				return true
			}
		}
	}
	return false
}

// part returns the part of a bundle holding the code point offset, or
// nil when the document is not a bundle.
func (d *Document) part(start int) *Part {
	if len(d.Parts) == 0 {
		return nil
	}
	i := sort.Search(len(d.Parts), func(i int) bool { return d.Parts[i].Start > start }) - 1
	if i < 0 {
		i = 0
	}
	return &d.Parts[i]
}

package portfolio

import (
	_ "embed"
	"html/template"
	"io"
)

//go:embed html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("portfolio").Funcs(template.FuncMap{
	"deref": func(p *int) int { return *p },
}).Parse(htmlSource))

type htmlRow struct {
	Document
	Cells []htmlCell
}

type htmlCell struct{ Class, Mark, Title string }

var htmlMark = map[string]string{"pass": "P", "weak": "w", "missing": "−"}

// HTML writes the portfolio as one self-contained page (no scripts,
// nothing loaded from elsewhere): the documents × checks matrix in
// colour, the counts per check and the distribution of each check's
// numbers with its outliers. Paths and titles are escaped by
// html/template.
func HTML(w io.Writer, p *Portfolio) error {
	view := struct {
		*Portfolio
		Rows []htmlRow
	}{Portfolio: p}
	for _, d := range p.Documents {
		row := htmlRow{Document: d}
		for i, s := range d.Statuses {
			c := htmlCell{Class: s, Mark: htmlMark[s], Title: p.Checks[i].ID + ": " + s}
			if s == "" {
				c.Class, c.Title = "none", p.Checks[i].ID+": not reviewed"
			}
			if d.Values[i] != "" {
				c.Title += " (" + d.Values[i] + ")"
			}
			row.Cells = append(row.Cells, c)
		}
		view.Rows = append(view.Rows, row)
	}
	return htmlTemplate.Execute(w, view)
}

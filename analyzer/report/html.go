package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"path/filepath"
	"strings"

	"github.com/contractlint/contractlint/analyzer"
)

//go:embed html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("report").Parse(htmlSource))

// HTML writes the report as one self-contained HTML page for a person:
// no scripts and nothing loaded from elsewhere (styles inline, charts as
// inline SVG), laid out for the screen and for print. Per document: a
// summary, a coverage chart and table per baseline (pass, weak, missing),
// each weak or missing check with its evidence quoted, where it is, why,
// its controls and clause language that would pass (from the catalog),
// then the passing checks. Findings are ordered by severity, then plan
// order. Everything from the agreement is escaped by html/template.
func HTML(w io.Writer, r *Report, cat *Catalog) error {
	return htmlTemplate.Execute(w, htmlViewOf(r, cat))
}

// The view the template renders: everything computed here, so that the
// template only lays it out.
type (
	htmlView struct {
		Title     string
		Tool      Tool
		Baselines string
		Documents []htmlDoc
		Many      bool
		Total     Summary
		Errors    []Error
		Notices   []Notice
	}
	htmlDoc struct {
		Anchor  string
		Path    string
		Facts   string
		Summary Summary
		// Severities is "2 errors, 0 warnings, 1 note".
		Severities string
		Coverage   []coverage
		Chart      htmlChart
		Findings   []htmlFinding
		Passes     []htmlFinding
	}
	coverage struct {
		Label, Title            string
		Pass, Weak, Missing     int
		Total                   int
		Percent                 int
		Y, PassW, WeakW, MissW  int
		PassX, WeakX, MissX, TX int
	}
	htmlChart struct {
		Width, Height, BarX, BarW int
		Label                     string
	}
	htmlFinding struct {
		Anchor     string
		Check      string
		Title      string
		Status     string
		Severity   string
		Message    string
		Evidence   string
		Where      string
		Controls   []string
		Threshold  string
		Quantity   string
		Related    []string
		Suggestion string
		PassWhen   string
		Waiver     string
	}
)

// The chart's geometry, in SVG user units (pixels on screen).
const (
	chartWidth  = 720
	chartLabelW = 190
	chartBarW   = 440
	chartRowH   = 30
	chartBarH   = 18
)

func htmlViewOf(r *Report, cat *Catalog) htmlView {
	v := htmlView{
		Title:     "Contract review",
		Tool:      r.Tool,
		Baselines: strings.Join(r.Baselines, ", "),
		Many:      len(r.Documents) > 1,
		Total:     r.Total(),
		Errors:    r.Errors,
		Notices:   r.Notices,
	}
	if len(r.Documents) == 1 {
		// The file's name heads the page; its path is in the facts below.
		v.Title = "Contract review: " + filepath.Base(r.Documents[0].Path)
		if len(r.Documents[0].Parts) > 0 {
			v.Title = "Contract review: " + filepath.Base(r.Documents[0].Parts[0].Path) + " and " + plural(len(r.Documents[0].Parts)-1, "more file")
		}
	}
	_, baselines := cat.complete(r)
	for i := range r.Documents {
		v.Documents = append(v.Documents, htmlDocOf(i, &r.Documents[i], cat, baselines))
	}
	return v
}

func htmlDocOf(i int, d *Document, cat *Catalog, baselines []Baseline) htmlDoc {
	hd := htmlDoc{Anchor: fmt.Sprintf("doc-%d", i+1), Path: d.Path, Summary: d.Summary}
	hd.Severities = fmt.Sprintf("%s, %s, %s", plural(d.Summary.Errors, "error"), plural(d.Summary.Warnings, "warning"), plural(d.Summary.Notes, "note"))
	facts := []string{d.Path}
	if name, ok := formatNames[d.Format]; ok {
		facts = append(facts, name)
	} else if d.Format != "" {
		facts = append(facts, d.Format)
	}
	if d.Pages > 0 {
		facts = append(facts, plural(d.Pages, "page"))
	}
	if len(d.Parts) > 0 {
		facts = append(facts, plural(len(d.Parts), "file")+" reviewed as one agreement")
	}
	hd.Facts = strings.Join(facts, " · ")

	// Coverage: all checks, then each baseline's checks.
	all := coverage{Label: "all checks", Title: "every check of the review"}
	for _, res := range d.Results {
		all.add(res.Status)
	}
	hd.Coverage = append(hd.Coverage, all)
	for _, b := range baselines {
		c := coverage{Label: b.ID, Title: b.Title}
		for _, res := range d.Results {
			for _, ctl := range res.Controls {
				if ctl.Baseline == b.ID {
					c.add(res.Status)
					break
				}
			}
		}
		if c.Total > 0 {
			hd.Coverage = append(hd.Coverage, c)
		}
	}
	for k := range hd.Coverage {
		hd.Coverage[k].layout(k)
	}
	hd.Chart = htmlChart{Width: chartWidth, Height: len(hd.Coverage)*chartRowH + 6, BarX: chartLabelW, BarW: chartBarW}
	var alt []string
	for _, c := range hd.Coverage {
		alt = append(alt, fmt.Sprintf("%s: %d pass, %d weak, %d missing", c.Label, c.Pass, c.Weak, c.Missing))
	}
	hd.Chart.Label = "Coverage by baseline. " + strings.Join(alt, "; ") + "."

	for _, res := range bySeverity(d.Results) {
		hd.Findings = append(hd.Findings, htmlFindingOf(hd.Anchor, d, res, cat))
	}
	for _, res := range d.Results {
		if res.Status == analyzer.Pass {
			hd.Passes = append(hd.Passes, htmlFindingOf(hd.Anchor, d, res, cat))
		}
	}
	return hd
}

var formatNames = map[string]string{
	"pdf": "PDF", "docx": "Word (DOCX)", "markdown": "Markdown", "text": "Plain text", "mixed": "Several formats",
}

func (c *coverage) add(s analyzer.Status) {
	c.Total++
	switch s {
	case analyzer.Pass:
		c.Pass++
	case analyzer.Weak:
		c.Weak++
	case analyzer.Missing:
		c.Missing++
	}
}

// layout places row k of the chart: the three segments' widths add up to
// the bar's width exactly.
func (c *coverage) layout(k int) {
	c.Y = k*chartRowH + 4
	c.PassX = chartLabelW
	c.TX = chartLabelW + chartBarW + 8
	if c.Total == 0 {
		return
	}
	c.Percent = int(math.Round(100 * float64(c.Pass) / float64(c.Total)))
	w := func(n int) int { return int(math.Round(float64(chartBarW) * float64(n) / float64(c.Total))) }
	c.PassW = w(c.Pass)
	c.WeakW = w(c.Pass+c.Weak) - c.PassW
	c.MissW = chartBarW - c.PassW - c.WeakW
	c.WeakX = c.PassX + c.PassW
	c.MissX = c.WeakX + c.WeakW
}

func htmlFindingOf(docAnchor string, d *Document, res analyzer.Result, cat *Catalog) htmlFinding {
	f := htmlFinding{
		Anchor:    docAnchor + "-" + res.Check,
		Check:     res.Check,
		Title:     res.Title,
		Status:    string(res.Status),
		Severity:  res.Severity.String(),
		Message:   res.Message,
		Evidence:  strings.Join(strings.Fields(res.Evidence), " "),
		Threshold: res.Threshold,
	}
	if f.Title == "" {
		f.Title = res.Check
	}
	if res.Location != nil {
		f.Where = placeText(d, *res.Location)
	}
	for _, c := range res.Controls {
		f.Controls = append(f.Controls, c.Baseline+" "+c.Ref)
	}
	if q := res.Quantity; q != nil {
		f.Quantity = q.Text
	}
	for _, p := range res.Related {
		f.Related = append(f.Related, fmt.Sprintf("%s: “%s”", placeText(d, p.Location), trimEvidence(p.Evidence, 300)))
	}
	if ch := cat.check(res.Check); ch != nil {
		f.Suggestion = strings.Join(strings.Fields(ch.Help.Suggestion), " ")
		f.PassWhen = strings.Join(strings.Fields(ch.Help.Pass), " ")
	}
	if s := res.Suppression; s != nil {
		f.Waiver = waiverText(s)
		if s.Source != "" {
			f.Waiver += " [" + s.Source + "]"
		}
	}
	return f
}

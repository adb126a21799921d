package report_test

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/contractlint/contractlint/analyzer"
	"github.com/contractlint/contractlint/analyzer/report"
	"github.com/contractlint/contractlint/corpus/extract"
	"github.com/contractlint/contractlint/rules"
)

// largeReport reviews the large synthetic agreement with the built-in
// rules, passes shown, for the report stage's benchmarks.
func largeReport(b *testing.B) (*report.Report, *report.Catalog) {
	path := filepath.Join("..", "..", "testdata", "corpus", "synthetic", "docs", "syn-17-meridian-large.pdf")
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	doc, err := extract.Bytes(path, data)
	if err != nil {
		b.Fatal(err)
	}
	set, err := rules.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	plan, err := set.Plan(nil)
	if err != nil {
		b.Fatal(err)
	}
	results := analyzer.Review(analyzer.Analyze(doc), plan)
	var bs []report.Baseline
	for _, bl := range set.Baselines() {
		bs = append(bs, report.Baseline{ID: bl.ID, Title: bl.Title, URL: bl.URL})
	}
	r := &report.Report{
		Tool:      report.Tool{Name: "contractlint", Version: "bench"},
		Baselines: []string{"msp-default"},
		Documents: []report.Document{{Path: path, Format: string(doc.Format), Pages: doc.Pages, Results: results, Summary: report.Summarize(results)}},
	}
	return r, report.NewCatalog(plan, bs)
}

// BenchmarkReportLarge writes the large agreement's review in every
// format, so that a slower writer shows here and not only in the end-to-end
// figures.
func BenchmarkReportLarge(b *testing.B) {
	r, cat := largeReport(b)
	formats := []struct {
		name  string
		write func(io.Writer) error
	}{
		{"text", func(w io.Writer) error { return report.Text(w, r, report.TextOptions{ShowPass: true}) }},
		{"json", func(w io.Writer) error { return report.JSON(w, r) }},
		{"sarif", func(w io.Writer) error { return report.SARIF(w, r, cat, report.SARIFOptions{ShowPass: true}) }},
		{"markdown", func(w io.Writer) error { return report.Markdown(w, r, report.MarkdownOptions{ShowPass: true}) }},
		{"html", func(w io.Writer) error { return report.HTML(w, r, cat) }},
	}
	for _, f := range formats {
		b.Run(f.name, func(b *testing.B) {
			for b.Loop() {
				if err := f.write(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

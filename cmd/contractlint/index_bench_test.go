package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/contractlint/contractlint/corpus/index"
)

// benchQueries are searches a vendor-risk analyst would run; each is run
// alone, with --check and with --check --status.
var benchQueries = []struct{ text, check string }{
	{"notify", "incident-notification"},
	{`"security incident"`, "incident-notification"},
	{"encrypt* +rest", "encryption"},
	{"audit", "right-to-audit"},
	{"terminate convenience", "termination-rights"},
	{"subcontract* approval", "subcontractor-approval"},
	{"backup restore", "backup"},
	{"penetration test", "penetration-testing"},
	{"liability exceed fees", "liability-cap"},
	{"insurance", "insurance"},
	{"retain logs", "logging-retention"},
	{"delete return data", "data-return-deletion"},
	{"multi-factor authentication", "mfa"},
	{"vulnerabil* scan*", "vulnerability-scanning"},
	{"days:<=1 notify", ""},
	{"unit:hour", ""},
	{"confidential~1", "confidentiality"},
	{"*", "incident-notification"},
}

// BenchmarkIndex1000 indexes 1,000 agreements (copies of the corpus's
// Markdown and text agreements under other names) with the built
// command, then times searches in the index of that size. It reports
// agreements indexed per second, the median and 99th percentile of
// search latency (in process: the index opened once, as a server would)
// and the index's size on disk. Run it with
//
//	go test ./cmd/contractlint -run '^$' -bench Index1000 -benchtime 1x
func BenchmarkIndex1000(b *testing.B) {
	var srcs []string
	for _, pat := range []string{testdata("corpus", "docs", "*.md"), testdata("corpus", "synthetic", "docs", "*.md"), testdata("corpus", "synthetic", "docs", "*.txt")} {
		m, _ := filepath.Glob(pat)
		srcs = append(srcs, m...)
	}
	sort.Strings(srcs)
	if len(srcs) == 0 {
		b.Fatal("no Markdown or text agreements in testdata/corpus")
	}
	src := b.TempDir()
	const n = 1000
	for i := range n {
		f := srcs[i%len(srcs)]
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(src, fmt.Sprintf("%04d-%s", i, filepath.Base(f))), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	var idx string
	var indexTime time.Duration
	for i := 0; i < b.N; i++ {
		idx = filepath.Join(b.TempDir(), "idx")
		start := time.Now()
		out, errs, code := run(b, "", "index", "--no-config", "--index", idx, src)
		indexTime = time.Since(start)
		if code != 0 {
			b.Fatalf("index: exit %d\n%s%s", code, out, errs)
		}
	}
	b.StopTimer()

	ix, err := index.Open(idx, index.ReadOnly)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	var lat []time.Duration
	var total uint64
	for round := 0; round < 10; round++ {
		for _, q := range benchQueries {
			for _, query := range []index.Query{
				{Text: q.text},
				{Text: q.text, Check: q.check},
				{Text: q.text, Check: q.check, Status: "weak"},
			} {
				start := time.Now()
				h, err := ix.Search(query)
				lat = append(lat, time.Since(start))
				if err != nil {
					b.Fatalf("%+v: %v", query, err)
				}
				total += h.Total
			}
		}
	}
	if total == 0 {
		b.Fatal("the searches found nothing")
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	median, p99 := lat[len(lat)/2], lat[len(lat)*99/100]
	var size int64
	filepath.WalkDir(idx, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				size += info.Size()
			}
		}
		return nil
	})
	as, _ := ix.Agreements()
	clauses, _ := ix.Search(index.Query{Text: "*", Limit: 1})
	aps := n / indexTime.Seconds()
	b.ReportMetric(aps, "agreements/s")
	b.ReportMetric(ms(median), "ms-search-median")
	b.ReportMetric(ms(p99), "ms-search-p99")
	b.ReportMetric(float64(size)/(1<<20), "MiB-index")
	b.Logf("%d agreements (%d clauses) indexed in %.1f s: %.1f agreements/s; %d searches: median %.2f ms, p99 %.2f ms; index %.1f MiB on disk",
		len(as), clauses.Total, indexTime.Seconds(), aps, len(lat), ms(median), ms(p99), float64(size)/(1<<20))
}

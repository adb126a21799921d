package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/contractlint/contractlint/corpus/index"
)

// indexFiles are the corpus agreements the index tests use: every
// format, real and synthetic ones.
var indexFiles = []string{
	testdata("corpus", "docs", "commonpaper-sla.md"),
	testdata("corpus", "docs", "github-dpa-2023.md"),
	testdata("corpus", "docs", "hhs-sample-baa-provisions.md"),
	testdata("corpus", "docs", "commonpaper-dpa.docx"),
	testdata("corpus", "synthetic", "docs", "syn-05-harbourline.pdf"),
	testdata("corpus", "synthetic", "docs", "syn-07-corvane.docx"),
	testdata("corpus", "synthetic", "docs", "syn-12-bluefin.md"),
	testdata("corpus", "synthetic", "docs", "syn-13-tuwaiq.md"),
	testdata("corpus", "synthetic", "docs", "syn-14-lanyard.md"),
	testdata("corpus", "synthetic", "docs", "syn-15-copperline.txt"),
	testdata("corpus", "synthetic", "docs", "syn-16-manarah.txt"),
}

var (
	sharedIndexOnce sync.Once
	sharedIndexDir  string
	sharedIndexOut  string
)

// sharedIndex indexes indexFiles once for the tests that only read.
func sharedIndex(t *testing.T) string {
	t.Helper()
	sharedIndexOnce.Do(func() {
		// Next to the built binary: TestMain removes the folder.
		dir := filepath.Join(filepath.Dir(binary), "shared-index")
		out, errs, code := run(t, "", append([]string{"index", "--no-config", "--index", dir}, indexFiles...)...)
		if code != 0 {
			t.Fatalf("index: exit %d\n%s%s", code, out, errs)
		}
		sharedIndexDir, sharedIndexOut = dir, out
	})
	if sharedIndexDir == "" {
		t.Fatal("the shared index could not be built")
	}
	return sharedIndexDir
}

type searchJSON struct {
	Total uint64 `json:"total"`
	Hits  []struct {
		Path    string `json:"path"`
		Line    int    `json:"line"`
		Page    int    `json:"page"`
		Section string `json:"section"`
		Text    string `json:"text"`
		Snippet string `json:"snippet"`
		Matches []struct {
			Start int `json:"start"`
			End   int `json:"end"`
		} `json:"matches"`
		Checks []struct {
			Check  string `json:"check"`
			Status string `json:"status"`
		} `json:"checks"`
	} `json:"hits"`
}

func search(t *testing.T, args ...string) searchJSON {
	t.Helper()
	out, errs, code := run(t, "", append([]string{"search", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("search %q: exit %d: %s", args, code, errs)
	}
	var s searchJSON
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("search JSON: %v\n%.300s", err, out)
	}
	return s
}

// TestIndexAndSearch: the corpus is indexed in one run; a search for
// "notify" finds clauses that say only "notification" (stemming), marks
// the words found, and locates each clause as review does; --check and
// --status keep the clauses of a check in agreements with that status.
func TestIndexAndSearch(t *testing.T) {
	dir := sharedIndex(t)
	if !strings.Contains(sharedIndexOut, fmt.Sprintf("%d added, 0 replaced, 0 unchanged, 0 failed; the index holds %d agreements", len(indexFiles), len(indexFiles))) {
		t.Errorf("index summary %q", sharedIndexOut)
	}
	s := search(t, "--index", dir, "--limit", "200", "notify")
	onlyNoun := 0
	for _, h := range s.Hits {
		lower := strings.ToLower(h.Text)
		if strings.Contains(lower, "notification") && !strings.Contains(lower, "notify") && !strings.Contains(lower, "notified") {
			onlyNoun++
		}
		runes := []rune(h.Text)
		for _, m := range h.Matches {
			w := strings.ToLower(string(runes[m.Start:m.End]))
			if !strings.HasPrefix(w, "notif") {
				t.Errorf("%s:%d: marked %q for notify", h.Path, h.Line, w)
			}
		}
		if len(h.Matches) == 0 || !strings.Contains(h.Snippet, "**") {
			t.Errorf("%s:%d: no match marked: %q", h.Path, h.Line, h.Snippet)
		}
	}
	if onlyNoun == 0 {
		t.Errorf("notify found no clause that says only notification (%d hits)", s.Total)
	}

	// The clause review cites for syn-05's incident notification.
	s = search(t, "--index", dir, "--check", "incident-notification", `"Security Incident" +72`)
	var found bool
	for _, h := range s.Hits {
		if strings.HasSuffix(h.Path, "syn-05-harbourline.pdf") && h.Line == 179 && h.Page == 5 && h.Section == "6(b)" {
			found = true
		}
	}
	if !found {
		t.Errorf("syn-05 §6(b) (line 179, page 5) not among %+v", s.Hits)
	}

	// --status: every hit's agreement has that status for the check, and
	// every agreement with a clause of the check and that status is found.
	review := reviewAll(t)
	for _, status := range []string{"pass", "weak", "missing"} {
		s := search(t, "--index", dir, "--limit", "1000", "--check", "incident-notification", "--status", status, "*")
		got := map[string]bool{}
		for _, h := range s.Hits {
			got[filepath.Clean(h.Path)] = true
			if st := review[filepath.Clean(h.Path)]["incident-notification"].Status; st != status {
				t.Errorf("--status %s: %s has %s", status, h.Path, st)
			}
			ok := false
			for _, c := range h.Checks {
				ok = ok || c.Check == "incident-notification" && c.Status == status
			}
			if !ok {
				t.Errorf("--status %s: hit %s:%d lists %v", status, h.Path, h.Line, h.Checks)
			}
		}
		all := search(t, "--index", dir, "--limit", "1000", "--check", "incident-notification", "*")
		for _, h := range all.Hits {
			if review[filepath.Clean(h.Path)]["incident-notification"].Status == status && !got[filepath.Clean(h.Path)] {
				t.Errorf("--status %s misses %s", status, h.Path)
			}
		}
	}

	out, errs, code := run(t, "", "search", "--index", dir, "--limit", "2", "notify")
	if code != 0 || !regexp.MustCompile(`(?m)^\S+:\d+:.*\n    .*\*\*[Nn]otif\w*\*\*`).MatchString(out) || !strings.HasSuffix(out, "2 of "+fmt.Sprint(search(t, "--index", dir, "notify").Total)+" clauses shown (--limit)\n") {
		t.Errorf("text search: exit %d %s\n%s", code, errs, out)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--index", dir, `"unterminated`}, `bad query`},
		{[]string{"--index", dir, "--status", "fine", "x"}, `unknown --status "fine"`},
		{[]string{"x"}, `--index DIR is required`},
		{[]string{"--index", filepath.Join(t.TempDir(), "none"), "x"}, `no index here`},
	} {
		_, errs, code := run(t, "", append([]string{"search"}, c.args...)...)
		if code != 2 || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, c.want) {
			t.Errorf("search %q: exit %d, stderr %q; want 2 and one line saying %q", c.args, code, errs, c.want)
		}
	}
}

// reviewed is a review result as the JSON report gives it.
type reviewed struct {
	Status   string `json:"status"`
	Check    string `json:"check"`
	Quantity *struct {
		Amount float64 `json:"amount"`
		Unit   string  `json:"unit"`
	} `json:"quantity"`
}

var (
	reviewOnce  sync.Once
	reviewByDoc map[string]map[string]reviewed
)

// reviewAll reviews indexFiles (JSON) and returns the results by path
// and check.
func reviewAll(t *testing.T) map[string]map[string]reviewed {
	t.Helper()
	reviewOnce.Do(func() {
		out, errs, code := run(t, "", append([]string{"review", "--no-config", "--format", "json", "--fail-on", "none"}, indexFiles...)...)
		if code != 0 {
			t.Fatalf("review: exit %d: %s", code, errs)
		}
		var r struct {
			Documents []struct {
				Path    string     `json:"path"`
				Results []reviewed `json:"results"`
			} `json:"documents"`
		}
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		reviewByDoc = map[string]map[string]reviewed{}
		for _, d := range r.Documents {
			m := map[string]reviewed{}
			for _, res := range d.Results {
				m[res.Check] = res
			}
			reviewByDoc[filepath.Clean(d.Path)] = m
		}
	})
	return reviewByDoc
}

type portfolioJSON struct {
	Agreements int `json:"agreements"`
	Checks     []struct {
		ID                  string `json:"id"`
		Pass, Weak, Missing int
	} `json:"checks"`
	Documents []struct {
		Path     string   `json:"path"`
		Statuses []string `json:"statuses"`
		Values   []string `json:"values"`
	} `json:"documents"`
	Distributions []struct {
		Check         string `json:"check"`
		Count         int    `json:"count"`
		Other         int    `json:"other"`
		Without       int    `json:"without"`
		MeetThreshold *int   `json:"meetThreshold"`
		Median        struct {
			Amount float64 `json:"amount"`
			Unit   string  `json:"unit"`
		} `json:"median"`
	} `json:"distributions"`
}

func portfolioOf(t *testing.T, dir string) portfolioJSON {
	t.Helper()
	out, errs, code := run(t, "", "portfolio", "--index", dir, "--format", "json")
	if code != 0 {
		t.Fatalf("portfolio: exit %d: %s", code, errs)
	}
	var p portfolioJSON
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatal(err)
	}
	return p
}

// dayLength converts the review's time units to days, as the portfolio
// documents (a month is 30 days, a year 360).
var dayLength = map[string]float64{"minute": 1.0 / 1440, "hour": 1.0 / 24, "day": 1, "business-day": 1, "week": 7, "month": 30, "year": 360}

// TestPortfolioMatchesReview: every status of the portfolio is the one
// review gives the same file; the counts per check add up; and the count
// and median of each check's numbers (times) are those of the review's
// numbers, computed here independently.
func TestPortfolioMatchesReview(t *testing.T) {
	dir := sharedIndex(t)
	review := reviewAll(t)
	p := portfolioOf(t, dir)
	if p.Agreements != len(indexFiles) || len(p.Documents) != len(indexFiles) {
		t.Fatalf("portfolio of %d agreements; want %d", p.Agreements, len(indexFiles))
	}
	if !sort.SliceIsSorted(p.Documents, func(i, j int) bool { return p.Documents[i].Path < p.Documents[j].Path }) {
		t.Error("documents are not sorted by path")
	}
	for _, d := range p.Documents {
		want, ok := review[filepath.Clean(d.Path)]
		if !ok {
			t.Errorf("portfolio lists %s, which was not reviewed", d.Path)
			continue
		}
		for i, c := range p.Checks {
			if got := d.Statuses[i]; got != want[c.ID].Status {
				t.Errorf("%s %s: portfolio %q, review %q", d.Path, c.ID, got, want[c.ID].Status)
			}
			if (d.Values[i] != "") != (want[c.ID].Quantity != nil) {
				t.Errorf("%s %s: portfolio value %q, review quantity %v", d.Path, c.ID, d.Values[i], want[c.ID].Quantity)
			}
		}
	}
	for _, c := range p.Checks {
		if c.Pass+c.Weak+c.Missing != len(indexFiles) {
			t.Errorf("%s: %d+%d+%d statuses; want %d", c.ID, c.Pass, c.Weak, c.Missing, len(indexFiles))
		}
	}
	checked := 0
	for _, d := range p.Distributions {
		var days []float64
		others := 0
		for _, doc := range review {
			q := doc[d.Check].Quantity
			if q == nil {
				continue
			}
			if f, ok := dayLength[q.Unit]; ok {
				days = append(days, q.Amount*f)
			} else {
				others++
			}
		}
		if len(days) == 0 || others > 0 {
			continue // not a time check
		}
		checked++
		if d.Count != len(days) || d.Other != 0 || d.Without != len(indexFiles)-len(days) {
			t.Errorf("%s: count %d, without %d; review gives %d numbers", d.Check, d.Count, d.Without, len(days))
		}
		sort.Float64s(days)
		med := days[len(days)/2]
		if len(days)%2 == 0 {
			med = (days[len(days)/2-1] + days[len(days)/2]) / 2
		}
		if got := d.Median.Amount * dayLength[d.Median.Unit]; math.Abs(got-med) > 1e-6 {
			t.Errorf("%s: median %v %s = %v days; review's numbers give %v days", d.Check, d.Median.Amount, d.Median.Unit, got, med)
		}
	}
	if checked < 5 {
		t.Errorf("only %d time checks compared", checked)
	}

	// Every format, twice: the same bytes.
	for _, format := range []string{"text", "json", "csv", "html"} {
		a, _, c1 := run(t, "", "portfolio", "--index", dir, "--format", format)
		b, _, c2 := run(t, "", "portfolio", "--index", dir, "--format", format)
		if c1 != 0 || c2 != 0 || a != b || len(a) < 500 {
			t.Errorf("portfolio --format %s: exit %d/%d, %d bytes, same: %v", format, c1, c2, len(a), a == b)
		}
	}
}

// TestCompareIndex: review --compare-index adds to each result with a
// number how it compares with the indexed agreements (the agreement
// itself left out), in JSON that validates against the schema and in
// the text report.
func TestCompareIndex(t *testing.T) {
	dir := sharedIndex(t)
	syn05 := testdata("corpus", "synthetic", "docs", "syn-05-harbourline.pdf")
	out, errs, code := run(t, "", "review", "--no-config", "--format", "json", "--compare-index", dir, syn05)
	if code != 1 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	validateReport(t, reviewSchema(t), out)
	var r struct {
		Documents []struct {
			Results []struct {
				Check     string    `json:"check"`
				Quantity  *struct{} `json:"quantity"`
				Portfolio *struct {
					Summary       string `json:"summary"`
					Agreements    int    `json:"agreements"`
					MeetThreshold *int   `json:"meetThreshold"`
					Lower         int    `json:"lower"`
					Same          int    `json:"same"`
					Higher        int    `json:"higher"`
				} `json:"portfolio"`
			} `json:"results"`
		} `json:"documents"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	// The other agreements' numbers for incident-notification, from
	// review, as hours.
	review := reviewAll(t)
	var hours []float64
	for path, doc := range review {
		if q := doc["incident-notification"].Quantity; q != nil && path != filepath.Clean(syn05) {
			hours = append(hours, q.Amount*dayLength[q.Unit]*24)
		}
	}
	for _, res := range r.Documents[0].Results {
		if (res.Portfolio != nil) != (res.Quantity != nil) {
			t.Errorf("%s: portfolio %v with quantity %v", res.Check, res.Portfolio, res.Quantity)
		}
		if res.Check != "incident-notification" {
			continue
		}
		p := res.Portfolio
		meet, higher := 0, 0
		for _, h := range hours {
			if h <= 24 {
				meet++
			}
			if h > 72 {
				higher++
			}
		}
		want := fmt.Sprintf("72 hours; %d of %d indexed agreements give 24 hours or less, %d more than 72 hours", meet, len(hours), higher)
		if p == nil || p.Agreements != len(hours) || *p.MeetThreshold != meet || p.Higher != higher || !strings.HasPrefix(p.Summary, want) {
			t.Errorf("incident-notification portfolio %+v; want %q", p, want)
		}
	}
	text, _, _ := run(t, "", "review", "--no-config", "--compare-index", dir, syn05)
	if !regexp.MustCompile(`(?m)^\S+:179:\d+: error incident-notification .*\n    portfolio: 72 hours; \d+ of \d+ indexed agreements give 24 hours or less`).MatchString(text) {
		t.Errorf("text report lacks the portfolio line:\n%s", text)
	}
}

// copyFiles copies files into dir under their own names.
func copyFiles(t *testing.T, dir string, files ...string) {
	t.Helper()
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func clauseCount(t *testing.T, dir, query string) uint64 {
	t.Helper()
	return search(t, "--index", dir, "--limit", "1", query).Total
}

// TestIndexIncremental: unchanged files are skipped, a changed file
// replaces its old version (no clause left twice), an unreadable file is
// named and the rest indexed, --prune removes agreements whose files are
// gone, and a folder is searched for agreement files only.
func TestIndexIncremental(t *testing.T) {
	src := t.TempDir()
	copyFiles(t, src, testdata("corpus", "docs", "commonpaper-sla.md"), testdata("corpus", "synthetic", "docs", "syn-12-bluefin.md"),
		testdata("corpus", "synthetic", "docs", "syn-15-copperline.txt"))
	os.WriteFile(filepath.Join(src, "notes.csv"), []byte("not,an,agreement\n"), 0o644)
	os.Mkdir(filepath.Join(src, ".git"), 0o755)
	copyFiles(t, filepath.Join(src, ".git"), testdata("corpus", "docs", "hhs-sample-baa-provisions.md"))
	idx := filepath.Join(t.TempDir(), "idx")

	indexRun := func(want string, code int, args ...string) string {
		t.Helper()
		out, errs, c := run(t, "", append([]string{"index", "--no-config", "--index", idx}, args...)...)
		if c != code || !strings.Contains(out, want) {
			t.Fatalf("index %q: exit %d (want %d)\nstdout %q; want %q\nstderr %s", args, c, code, out, want, errs)
		}
		return errs
	}
	indexRun("3 added, 0 replaced, 0 unchanged, 0 failed; the index holds 3 agreements", 0, src)
	before := clauseCount(t, idx, "*")
	indexRun("0 added, 0 replaced, 3 unchanged, 0 failed; the index holds 3 agreements", 0, src)
	if n := clauseCount(t, idx, "*"); n != before {
		t.Errorf("re-indexing unchanged files: %d clauses, was %d", n, before)
	}

	// A changed file: one clause more, and the new words are found.
	sla := filepath.Join(src, "commonpaper-sla.md")
	f, _ := os.OpenFile(sla, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("\n\nProvider shall notify Customer of any quokka incident within two (2) hours.\n")
	f.Close()
	indexRun("0 added, 1 replaced, 2 unchanged, 0 failed; the index holds 3 agreements", 0, src)
	if n := clauseCount(t, idx, "*"); n != before+1 {
		t.Errorf("after adding one clause: %d clauses; want %d", n, before+1)
	}
	s := search(t, "--index", idx, "quokka")
	if s.Total != 1 || !strings.HasSuffix(s.Hits[0].Path, "commonpaper-sla.md") {
		t.Errorf("quokka: %+v", s)
	}

	// A file cut short: its later clauses must go with the old version,
	// leaving as many clauses as a new index of the same files has.
	cop := filepath.Join(src, "syn-15-copperline.txt")
	data, _ := os.ReadFile(cop)
	os.WriteFile(cop, data[:len(data)*2/5], 0o644)
	indexRun("0 added, 1 replaced, 2 unchanged, 0 failed; the index holds 3 agreements", 0, src)
	fresh := filepath.Join(t.TempDir(), "fresh")
	if _, errs, code := run(t, "", "index", "--no-config", "--index", fresh, src); code != 0 {
		t.Fatal(errs)
	}
	if got, want := clauseCount(t, idx, "*"), clauseCount(t, fresh, "*"); got != want {
		t.Errorf("after shortening a file: %d clauses; a new index of the same files has %d", got, want)
	}

	// An unreadable file among good ones: named, the rest indexed, exit 2.
	copyFiles(t, src, testdata("bad", "encrypted.pdf"), testdata("corpus", "synthetic", "docs", "syn-16-manarah.txt"))
	errs := indexRun("1 added, 0 replaced, 3 unchanged, 1 failed; the index holds 4 agreements", 2, src)
	if lines := strings.Split(strings.TrimSpace(errs), "\n"); len(lines) < 1 || !strings.HasPrefix(lines[0], "contractlint: "+filepath.Join(src, "encrypted.pdf")+": encrypted") {
		t.Errorf("stderr %q; want a line naming encrypted.pdf", errs)
	}
	os.Remove(filepath.Join(src, "encrypted.pdf"))

	// Prune: a file removed, its agreement and clauses go.
	os.Remove(sla)
	indexRun("0 added, 0 replaced, 3 unchanged, 0 failed, 1 pruned; the index holds 3 agreements", 0, "--prune", src)
	if s := search(t, "--index", idx, "quokka"); s.Total != 0 {
		t.Errorf("quokka still found after prune: %+v", s.Hits)
	}
	if p := portfolioOf(t, idx); p.Agreements != 3 {
		t.Errorf("portfolio after prune: %d agreements; want 3", p.Agreements)
	}
}

// TestIndexLock: while a process writes the index, a second writer stops
// at once with one line naming the writer, and so does a search; the
// index is intact after.
func TestIndexLock(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "idx")
	sla := testdata("corpus", "docs", "commonpaper-sla.md")
	if _, errs, code := run(t, "", "index", "--no-config", "--index", idx, sla); code != 0 {
		t.Fatal(errs)
	}
	w, err := index.Open(idx, index.ReadWrite) // this test process is the writer
	if err != nil {
		t.Fatal(err)
	}
	pid := fmt.Sprint(os.Getpid())
	for _, args := range [][]string{
		{"index", "--no-config", "--index", idx, sla},
		{"search", "--index", idx, "notify"},
		{"portfolio", "--index", idx},
	} {
		out, errs, code := run(t, "", args...)
		if code != 2 || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "being written by another contractlint process (pid "+pid+")") || out != "" {
			t.Errorf("%s while another process writes: exit %d, stdout %q, stderr %q", args[0], code, out, errs)
		}
	}
	w.Close()
	if s := search(t, "--index", idx, "*"); s.Total == 0 {
		t.Error("the index is empty after the refused writer")
	}
}

// copies writes n copies of small corpus agreements into a new folder.
func copies(t *testing.T, n int) string {
	t.Helper()
	src := t.TempDir()
	small := []string{testdata("corpus", "docs", "commonpaper-sla.md"), testdata("corpus", "docs", "hhs-sample-baa-provisions.md"), testdata("corpus", "synthetic", "docs", "syn-12-bluefin.md")}
	for i := range n {
		data, err := os.ReadFile(small[i%len(small)])
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(src, fmt.Sprintf("a%03d.md", i)), data, 0o644)
	}
	return src
}

// startIndex starts `contractlint index` on src with batches of 10 and
// returns once its first batch is committed, with the number of
// agreements that batch held and the rest of its standard error.
func startIndex(t *testing.T, idx, src string) (*exec.Cmd, int, *bufio.Reader) {
	t.Helper()
	cmd := exec.Command(binary, "index", "--no-config", "--index", idx, "--batch", "10", "--jobs", "2", src)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stdout strings.Builder
	cmd.Stdout = &stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	committed := regexp.MustCompile(`^contractlint: index: \d+ of \d+ files done, batch committed \((\d+) added`)
	r := bufio.NewReader(stderr)
	for {
		line, err := r.ReadString('\n')
		if m := committed.FindStringSubmatch(line); m != nil {
			first, _ := strconv.Atoi(m[1])
			return cmd, first, r
		}
		if err != nil {
			cmd.Wait()
			t.Fatalf("no batch committed before stderr closed: %v", err)
		}
	}
}

// checkWhole checks that the index opens and that every agreement in it
// has a status for every check, and returns how many it holds.
func checkWhole(t *testing.T, idx string) int {
	t.Helper()
	p := portfolioOf(t, idx)
	for _, d := range p.Documents {
		for i, s := range d.Statuses {
			if s == "" {
				t.Errorf("%s has no status for %s: a partial agreement", d.Path, p.Checks[i].ID)
			}
		}
	}
	if s := search(t, "--index", idx, "notify"); s.Total == 0 {
		t.Error("the interrupted index finds nothing")
	}
	return p.Agreements
}

// TestIndexInterrupted: a run killed after its first committed batch
// leaves an index that opens, holds every agreement of that batch
// whole, and is completed by running the same command again.
func TestIndexInterrupted(t *testing.T) {
	const n = 240
	src := copies(t, n)
	idx := filepath.Join(t.TempDir(), "idx")
	cmd, first, rest := startIndex(t, idx, src)
	cmd.Process.Signal(syscall.SIGKILL)
	io.Copy(io.Discard, rest)
	cmd.Wait()

	kept := checkWhole(t, idx)
	if kept < first || kept >= n {
		t.Fatalf("after the kill the index holds %d agreements; the first batch committed %d of %d", kept, first, n)
	}
	out, errs, code := run(t, "", "index", "--no-config", "--index", idx, src)
	want := fmt.Sprintf("%d added, 0 replaced, %d unchanged, 0 failed; the index holds %d agreements", n-kept, kept, n)
	if code != 0 || !strings.Contains(out, want) {
		t.Errorf("finishing run: exit %d, %q; want %q\n%s", code, out, want, errs)
	}
}

// TestIndexInterruptedGracefully: Ctrl-C (SIGINT) stops a run after the
// files in hand, commits them, says so and exits 2; the summary counts
// what the index holds.
func TestIndexInterruptedGracefully(t *testing.T) {
	const n = 240
	src := copies(t, n)
	idx := filepath.Join(t.TempDir(), "idx")
	cmd, first, rest := startIndex(t, idx, src)
	cmd.Process.Signal(os.Interrupt)
	tail, _ := io.ReadAll(rest)
	err := cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 2 {
		t.Errorf("exit %v; want 2", err)
	}
	m := regexp.MustCompile(`the index holds (\d+) agreements`).FindStringSubmatch(cmd.Stdout.(*strings.Builder).String())
	if m == nil || !regexp.MustCompile(`(?m)^contractlint: interrupted after \d+ of 240 files; what was done is committed: run the same command again to finish$`).Match(tail) {
		t.Fatalf("stdout %q, stderr %q", cmd.Stdout, tail)
	}
	kept := checkWhole(t, idx)
	if fmt.Sprint(kept) != m[1] || kept < first || kept >= n {
		t.Errorf("the index holds %d agreements; the run said %s (first batch %d)", kept, m[1], first)
	}
}

// TestIndexFormatVersion: an index written in another format is refused
// by every command with one line saying which format and what to do.
func TestIndexFormatVersion(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "idx")
	sla := testdata("corpus", "docs", "commonpaper-sla.md")
	if _, errs, code := run(t, "", "index", "--no-config", "--index", idx, sla); code != 0 {
		t.Fatal(errs)
	}
	meta := filepath.Join(idx, index.MetaFile)
	var m map[string]any
	data, _ := os.ReadFile(meta)
	if err := json.Unmarshal(data, &m); err != nil || m["format"] != float64(index.FormatVersion) {
		t.Fatalf("%s: %s", meta, data)
	}
	m["format"] = index.FormatVersion + 1
	data, _ = json.Marshal(m)
	os.WriteFile(meta, data, 0o644)
	want := fmt.Sprintf("index format %d is newer than this contractlint reads (format %d)", index.FormatVersion+1, index.FormatVersion)
	for _, args := range [][]string{
		{"index", "--no-config", "--index", idx, sla},
		{"search", "--index", idx, "notify"},
		{"portfolio", "--index", idx},
		{"review", "--no-config", "--compare-index", idx, sla},
	} {
		_, errs, code := run(t, "", args...)
		if code != 2 || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, want) {
			t.Errorf("%s: exit %d, stderr %q; want one line saying %q", args[0], code, errs, want)
		}
	}
	// A folder that holds something else is not made an index.
	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "keep.txt"), []byte("mine"), 0o644)
	if _, errs, code := run(t, "", "index", "--no-config", "--index", other, sla); code != 2 || !strings.Contains(errs, "not a contractlint index") {
		t.Errorf("index into a folder of other files: exit %d, %q", code, errs)
	}
}

package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/contractlint/contractlint/analyzer"
	"github.com/contractlint/contractlint/corpus/index"
)

// SearchOptions are the flags of `contractlint search`.
type SearchOptions struct {
	Index  string
	Query  string
	Check  string
	Status string
	Format string
	Limit  int
}

// NewCmdSearch searches the clauses of an index.
func NewCmdSearch(ios *IO) *cobra.Command {
	opts := &SearchOptions{}
	cmd := &cobra.Command{
		Use:   "search --index DIR QUERY",
		Short: "Find clauses across indexed agreements",
		Long: `Search finds clauses in the agreements of an index ('contractlint index'),
best match first. QUERY is in bleve's query-string syntax:

  notify                    words are stemmed: finds notify, notified, notification
  "security incident"       a phrase
  +encrypt -transit         must have encrypt, must not have transit
  notif*  audit~1           a prefix; a word within one edit
  section:12.3  page:4      a field: section, page, line, path, checks, evidence,
  unit:hour  days:<=1       unit (hour, day, month, usd, percent...), amount,
  quantities:"72 hours"     days (a time in days), quantities (as "72 hours")

"*" matches every clause. --check ID keeps the clauses a check's patterns match;
--status pass|weak|missing keeps those whose agreement has that status for the
check (for --check, or for any check matching the clause): for example the
clauses about audits in agreements where the right to audit is weak.

Each hit gives the agreement, line, page and section, the checks matching the
clause with the agreement's status for each, and the clause with the words
found marked (bold on a terminal, **so** otherwise). --format json gives the
whole clause and the marked spans as code point offsets.`,
		Example: `  contractlint search --index idx notify
  contractlint search --index idx --check right-to-audit --status weak audit
  contractlint search --index idx --format json '"security incident" +hours'`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Query = args[0]
			return runSearch(ios, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Index, "index", "", "index folder")
	f.StringVar(&opts.Check, "check", "", "only clauses this check matches")
	f.StringVar(&opts.Status, "status", "", "only clauses whose agreement has this status (pass, weak, missing) for the check")
	f.StringVarP(&opts.Format, "format", "f", "text", "output format: text or json")
	f.IntVar(&opts.Limit, "limit", 20, "number of clauses shown")
	return cmd
}

// snippetWidth is the number of characters of a clause the text output
// shows around its first match.
const snippetWidth = 240

func runSearch(ios *IO, opts *SearchOptions) error {
	switch {
	case opts.Index == "":
		return usageError{errors.New("--index DIR is required")}
	case opts.Format != "text" && opts.Format != "json":
		return usageError{fmt.Errorf("unknown --format %q: use text or json", opts.Format)}
	case opts.Limit < 1:
		return usageError{fmt.Errorf("--limit %d: want 1 or more", opts.Limit)}
	}
	switch analyzer.Status(opts.Status) {
	case "", analyzer.Pass, analyzer.Weak, analyzer.Missing:
	default:
		return usageError{fmt.Errorf("unknown --status %q: use pass, weak or missing", opts.Status)}
	}
	ix, err := index.Open(opts.Index, index.ReadOnly)
	if err != nil {
		return err
	}
	defer ix.Close()
	hits, err := ix.Search(index.Query{Text: opts.Query, Check: opts.Check, Status: opts.Status, Limit: opts.Limit})
	if errors.Is(err, index.ErrQuery) {
		return usageError{err}
	}
	if err != nil {
		return err
	}
	w := bufio.NewWriter(ios.Out)
	if opts.Format == "json" {
		err = writeSearchJSON(w, opts, hits)
	} else {
		writeSearchText(w, hits, isTerminal(ios.Out) && os.Getenv("NO_COLOR") == "")
	}
	if err != nil {
		return err
	}
	return w.Flush()
}

type searchHitJSON struct {
	Path    string              `json:"path"`
	Line    int                 `json:"line"`
	Page    int                 `json:"page,omitempty"`
	Section string              `json:"section,omitempty"`
	Score   float64             `json:"score"`
	Text    string              `json:"text"`
	Snippet string              `json:"snippet"`
	Matches []spanJSON          `json:"matches"`
	Checks  []index.CheckStatus `json:"checks"`
}

type spanJSON struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

func writeSearchJSON(w io.Writer, opts *SearchOptions, hits *index.Hits) error {
	out := struct {
		Version string          `json:"version"`
		Query   string          `json:"query"`
		Check   string          `json:"check,omitempty"`
		Status  string          `json:"status,omitempty"`
		Total   uint64          `json:"total"`
		Hits    []searchHitJSON `json:"hits"`
	}{"1", opts.Query, opts.Check, opts.Status, hits.Total, []searchHitJSON{}}
	for _, h := range hits.Hits {
		j := searchHitJSON{
			Path: displayPath(h.Path), Line: h.Line, Page: h.Page, Section: h.Section, Score: h.Score,
			Text: h.Text, Snippet: snippet(h, "**", "**", snippetWidth), Matches: []spanJSON{}, Checks: h.Checks,
		}
		if j.Checks == nil {
			j.Checks = []index.CheckStatus{}
		}
		for _, m := range h.Matches {
			j.Matches = append(j.Matches, spanJSON{utf8.RuneCountInString(h.Text[:m.Start]), utf8.RuneCountInString(h.Text[:m.End])})
		}
		out.Hits = append(out.Hits, j)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// writeSearchText writes two lines a hit:
//
//	PATH:LINE: p4 §6(b) [incident-notification weak]
//	    Vendor shall **notify** Customer in writing of any Security Incident within 72 hrs ...
func writeSearchText(w *bufio.Writer, hits *index.Hits, color bool) {
	open, close := "**", "**"
	if color {
		open, close = "\x1b[1m", "\x1b[0m"
	}
	for _, h := range hits.Hits {
		fmt.Fprintf(w, "%s:%d:", displayPath(h.Path), h.Line)
		if h.Page > 0 {
			fmt.Fprintf(w, " p%d", h.Page)
		}
		if h.Section != "" {
			fmt.Fprintf(w, " §%s", h.Section)
		}
		if len(h.Checks) > 0 {
			var cs []string
			for _, c := range h.Checks {
				cs = append(cs, c.Check+" "+c.Status)
			}
			fmt.Fprintf(w, " [%s]", strings.Join(cs, ", "))
		}
		fmt.Fprintf(w, "\n    %s\n", snippet(h, open, close, snippetWidth))
	}
	shown := len(hits.Hits)
	switch {
	case hits.Total == 0:
		fmt.Fprintf(w, "no clause found\n")
	case uint64(shown) < hits.Total:
		fmt.Fprintf(w, "%d of %d clauses shown (--limit)\n", shown, hits.Total)
	default:
		fmt.Fprintf(w, "%s\n", plural(shown, "clause"))
	}
}

// snippet is the clause with white space folded and its matches wrapped
// in open and close, cut to about width characters around the first
// match ("..." marks a cut).
func snippet(h index.Hit, open, close string, width int) string {
	text := h.Text
	from, to := 0, len(text)
	if utf8.RuneCountInString(text) > width {
		first := 0
		if len(h.Matches) > 0 {
			first = h.Matches[0].Start
		}
		// Start a third of the width before the first match, at a space.
		from = backRunes(text, first, width/3)
		if i := strings.IndexByte(text[from:], ' '); from > 0 && i >= 0 && i < 20 {
			from += i + 1
		}
		to = forwardRunes(text, from, width)
		if j := strings.LastIndexByte(text[from:to], ' '); to < len(text) && j > width/2 {
			to = from + j
		}
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString("...")
	}
	at := from
	for _, m := range h.Matches {
		if m.End <= from || m.Start >= to {
			continue
		}
		s, e := max(m.Start, from), min(m.End, to)
		b.WriteString(text[at:s])
		b.WriteString(open + text[s:e] + close)
		at = e
	}
	b.WriteString(text[at:to])
	if to < len(text) {
		b.WriteString("...")
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func backRunes(s string, i, n int) int {
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return i
}

func forwardRunes(s string, i, n int) int {
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

// displayPath shows an indexed agreement's absolute path relative to the
// working directory, as a user would type it.
func displayPath(abs string) string {
	wd, err := os.Getwd()
	if err != nil {
		return abs
	}
	if rel, err := filepath.Rel(wd, abs); err == nil {
		return rel
	}
	return abs
}

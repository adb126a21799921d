package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"sync"

	"github.com/spf13/cobra"

	"github.com/contractlint/contractlint/corpus"
	"github.com/contractlint/contractlint/corpus/extract"
)

// ExtractOptions are the flags of `contractlint extract`.
type ExtractOptions struct {
	Format string
	Files  []string
	Limits *Limits
}

// NewCmdExtract prints what contractlint read from each file.
func NewCmdExtract(ios *IO) *cobra.Command {
	opts := &ExtractOptions{}
	cmd := &cobra.Command{
		Use:   "extract FILE...",
		Short: "Show the text, sections and locations contractlint reads from agreements",
		Long: `Extract reads each agreement (PDF, DOCX, Markdown or text; the format is told from
the file's contents, not its name; "-" reads standard input) and prints what it read:

  text   one line per block: line, page, section, kind and text (default)
  json   the document model: blocks with kind, text, page, section, heading path,
         line and character offsets, for document pipelines
  plain  the extracted text only, as the review sees it

A file that cannot be read gets one error line on standard error naming it; the
other files are still processed and the exit code is 2.`,
		Example: `  contractlint extract agreement.pdf
  contractlint extract --format json msa.docx schedule.pdf
  cat terms.md | contractlint extract -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			return runExtract(ios, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "text", "output format: text, json or plain")
	opts.Limits = addLimitFlags(cmd.Flags())
	return cmd
}

// extractAll reads the files in parallel, lim.Jobs at a time and each
// within lim, and returns documents and errors in argument order.
func extractAll(ios *IO, files []string, lim *Limits) ([]*corpus.Document, []error) {
	return readEach(ios, files, lim, nil)
}

// readEach reads the files on lim.Jobs workers, each within lim, and
// calls then (when not nil) on each document read, on the worker that read
// it, so reading one file overlaps with reviewing another and no worker
// waits for the slowest read before it goes on; a document handed to then
// is not kept. It returns documents and errors in argument order.
func readEach(ios *IO, files []string, lim *Limits, then func(i int, d *corpus.Document)) ([]*corpus.Document, []error) {
	docs := make([]*corpus.Document, len(files))
	errs := make([]error, len(files))
	el := lim.Limits
	el.Workers = lim.Jobs // --jobs bounds a PDF's page readers too: --jobs 1 is one core
	forEach(lim.Jobs, largestFirst(files), func(i int) {
		f := files[i]
		docs[i], errs[i] = el.File(context.Background(), f, ios.In)
		if errs[i] == nil && len(docs[i].Blocks) == 0 {
			errs[i] = &corpus.InputError{Path: f, Err: fmt.Errorf("%w: no text found", corpus.ErrUnsupported)}
		}
		if errs[i] == nil && then != nil {
			then(i, docs[i])
			docs[i] = nil
		}
	})
	return docs, errs
}

// largestFirst is the order in which to start work on the files: largest
// first (files that cannot be stat'ed, such as "-", count as empty), so the
// longest jobs do not start last and leave the other workers idle at the
// end. Equal sizes keep argument order.
func largestFirst(files []string) []int {
	size := make([]int64, len(files))
	order := make([]int, len(files))
	for i, f := range files {
		order[i] = i
		if fi, err := os.Stat(f); err == nil && fi.Mode().IsRegular() {
			size[i] = fi.Size()
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return size[order[a]] > size[order[b]] })
	return order
}

// forEach calls f(i) for every i of order, starting them in that order,
// at most jobs at a time (GOMAXPROCS when jobs is not positive), and
// returns when all have returned.
func forEach(jobs int, order []int, f func(i int)) {
	if jobs < 1 {
		jobs = runtime.GOMAXPROCS(0)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(jobs, len(order)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for _, i := range order {
		next <- i
	}
	close(next)
	wg.Wait()
}

func runExtract(ios *IO, opts *ExtractOptions) error {
	switch opts.Format {
	case "text", "json", "plain":
	default:
		return usageError{fmt.Errorf("unknown --format %q: use text, json or plain", opts.Format)}
	}
	if err := checkStdin(opts.Files); err != nil {
		return err
	}
	docs, errs := extractAll(ios, opts.Files, opts.Limits)
	w := bufio.NewWriter(ios.Out)
	failed := false
	var ok []*corpus.Document
	for i, d := range docs {
		if errs[i] != nil {
			failed = true
			fmt.Fprintf(ios.Err, "contractlint: %v\n", errs[i])
			continue
		}
		ok = append(ok, d)
	}
	switch opts.Format {
	case "json":
		out := struct {
			Version   string             `json:"version"`
			Documents []*corpus.Document `json:"documents"`
		}{"1", ok}
		if out.Documents == nil {
			out.Documents = []*corpus.Document{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(out); err != nil {
			return err
		}
	case "plain":
		for i, d := range ok {
			if i > 0 {
				w.WriteString("\f")
			}
			w.WriteString(d.Text)
			w.WriteString("\n")
		}
	default:
		for i, d := range ok {
			if i > 0 {
				w.WriteString("\n")
			}
			writeDocText(w, d)
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if failed {
		return errSilent
	}
	return nil
}

// checkStdin refuses "-" given twice: standard input can be read once.
func checkStdin(files []string) error {
	n := 0
	for _, f := range files {
		if f == extract.Stdin {
			n++
		}
	}
	if n > 1 {
		return usageError{fmt.Errorf(`"-" (standard input) can be given only once`)}
	}
	return nil
}

// writeDocText prints one block a line: line, page, section, kind, text.
func writeDocText(w io.Writer, d *corpus.Document) {
	pages := ""
	if d.Pages > 0 {
		pages = fmt.Sprintf(", %d pages", d.Pages)
	}
	fmt.Fprintf(w, "%s (%s%s, %d blocks)\n", d.Path, d.Format, pages, len(d.Blocks))
	for _, b := range d.Blocks {
		kind := b.Kind.String()
		if b.Kind == corpus.Heading {
			kind = fmt.Sprintf("heading-%d", b.Level)
		}
		if b.Kind == corpus.TableCell {
			kind = fmt.Sprintf("cell-%d.%d.%d", b.Table, b.Row, b.Col)
		}
		page := ""
		if b.Page > 0 {
			page = fmt.Sprintf("p%d", b.Page)
		}
		sec := b.Section
		if sec == "" {
			sec = "-"
		}
		fmt.Fprintf(w, "%5d %-4s %-14s %-11s %s\n", b.Line, page, truncate(sec, 14), kind, b.Text)
	}
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

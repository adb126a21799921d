package cli

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/contractlint/contractlint/analyzer"
	"github.com/contractlint/contractlint/analyzer/portfolio"
	"github.com/contractlint/contractlint/corpus"
	"github.com/contractlint/contractlint/corpus/extract"
	"github.com/contractlint/contractlint/corpus/index"
)

// IndexOptions are the flags of `contractlint index`.
type IndexOptions struct {
	Index     string
	Paths     []string
	Baselines []string
	RuleDirs  []string
	Jobs      int
	Batch     int
	Prune     bool
	Force     bool
	ConfigOptions
}

// agreementExts are the file names a folder is searched for.
var agreementExts = map[string]bool{".pdf": true, ".docx": true, ".md": true, ".txt": true}

// maxIndexFile is the largest file indexed, as review reads it.
const maxIndexFile = 256 << 20

// NewCmdIndex adds agreements to an on-disk index.
func NewCmdIndex(ios *IO) *cobra.Command {
	opts := &IndexOptions{}
	cmd := &cobra.Command{
		Use:   "index --index DIR PATH...",
		Short: "Add agreements to an index for search and portfolio reports",
		Long: `Index reviews agreements and keeps them in an index folder: every clause with
its text, section, page, line, numbers and the checks that match it, and every
agreement's result for each check of the chosen baselines (as 'review' decides
them, before waivers). 'contractlint search' finds clauses across them and
'contractlint portfolio' compares them; 'review --compare-index' sets a new
agreement's numbers against them.

A PATH is a file (indexed whatever its name; the format is told from its
contents) or a folder, searched recursively for *.pdf, *.docx, *.md and *.txt
(folders whose names start with "." are skipped). Files are read and reviewed
in parallel (--jobs) and committed every --batch agreements, so an interrupted
run keeps what it committed: run it again to finish.

Re-indexing is incremental: a file whose content (SHA-256) and review plan
(baselines, thresholds, severities, tool version) are unchanged is skipped; a
changed one replaces its old version; --force reviews every file again.
--prune removes agreements whose files no longer exist.

One writer at a time: a second 'index' on the same folder stops at once with
an error. A file that cannot be read gets one error line naming it; the others
are indexed and the exit status is 2.`,
		Example: `  contractlint index --index ~/contracts.idx ~/contracts
  contractlint index --index idx --baseline ecc-2-2024 msa.pdf dpa.docx
  contractlint index --index idx --prune ~/contracts`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			return runIndex(ios, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Index, "index", "", "index folder (created if missing)")
	f.StringArrayVarP(&opts.Baselines, "baseline", "b", nil, "baseline whose checks to run (repeatable; default: the configuration's, or the default baseline)")
	f.StringArrayVar(&opts.RuleDirs, "rules", nil, "directory of extra rule files (*.yaml; repeatable)")
	f.IntVar(&opts.Jobs, "jobs", runtime.NumCPU(), "files read and reviewed at once")
	f.IntVar(&opts.Batch, "batch", 50, "agreements committed at a time")
	f.BoolVar(&opts.Prune, "prune", false, "remove agreements whose files no longer exist")
	f.BoolVar(&opts.Force, "force", false, "review and replace every file, changed or not")
	addConfigFlags(cmd, &opts.ConfigOptions)
	return cmd
}

// indexJob is a file to index: its absolute path (the agreement's id)
// and its name as the user would write it (for messages).
type indexJob struct{ abs, name string }

// indexed is what a worker made of a file.
type indexed struct {
	indexJob
	rec       *index.Agreement
	unchanged bool
	err       error
	// stale: the file changed but could not be read; its old version
	// no longer says what the file says.
	stale bool
}

// indexCounts are the figures a run reports.
type indexCounts struct {
	done, total                                      int
	added, replaced, unchanged, pruned, failed, inIx int
}

func (c indexCounts) String() string {
	return fmt.Sprintf("%d added, %d replaced, %d unchanged, %d failed", c.added, c.replaced, c.unchanged, c.failed)
}

func runIndex(ios *IO, opts *IndexOptions) error {
	switch {
	case opts.Index == "":
		return usageError{errors.New("--index DIR is required: the folder of the index")}
	case len(opts.Paths) == 0 && !opts.Prune:
		return usageError{errors.New("give the files or folders to index (or --prune alone)")}
	case opts.Jobs < 1:
		return usageError{fmt.Errorf("--jobs %d: want 1 or more", opts.Jobs)}
	case opts.Batch < 1:
		return usageError{fmt.Errorf("--batch %d: want 1 or more", opts.Batch)}
	}
	setup, err := planReview(opts.ConfigOptions, opts.RuleDirs, opts.Baselines)
	if err != nil {
		return err
	}
	baselines := baselineIDs(setup.set, setup.baselines)
	plan := setup.plan
	key := portfolio.PlanKey(toolVersion(), baselines, plan)

	ixAbs, _ := filepath.Abs(opts.Index)
	jobs, failed := collectAgreements(ios, opts.Paths, ixAbs)

	ix, err := index.Open(opts.Index, index.ReadWrite)
	if err != nil {
		return err
	}
	defer ix.Close()
	stamps, err := ix.Stamps()
	if err != nil {
		return fmt.Errorf("%s: %w", opts.Index, err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	counts := indexCounts{total: len(jobs), failed: failed, inIx: len(stamps)}
	prog := newProgress(ios.Err, isTerminal(ios.Err), len(jobs))
	batch := &index.Batch{}
	commit := func() error {
		if len(batch.Put)+len(batch.Delete) == 0 {
			return nil
		}
		if err := ix.Write(batch); err != nil {
			return fmt.Errorf("%s: %w", opts.Index, err)
		}
		batch = &index.Batch{}
		prog.committed(counts)
		return nil
	}

	if opts.Prune {
		for path := range stamps {
			if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
				batch.Delete = append(batch.Delete, path)
				counts.pruned++
				counts.inIx--
			}
		}
	}

	results := make(chan indexed)
	go func() {
		work := make(chan indexJob)
		var wg sync.WaitGroup
		for range min(opts.Jobs, max(len(jobs), 1)) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := range work {
					results <- indexFile(j, stamps, key, opts.Force, plan, baselines)
				}
			}()
		}
	feed:
		for _, j := range jobs {
			select {
			case work <- j:
			case <-ctx.Done():
				break feed
			}
		}
		close(work)
		wg.Wait()
		close(results)
	}()

	var writeErr error
	for r := range results {
		counts.done++
		switch {
		case r.err != nil:
			counts.failed++
			prog.clear()
			fmt.Fprintf(ios.Err, "contractlint: %v\n", r.err)
			if _, ok := stamps[r.abs]; ok && r.stale {
				batch.Delete = append(batch.Delete, r.abs)
				counts.inIx--
			}
		case r.unchanged:
			counts.unchanged++
		default:
			r.rec.Path, r.rec.Plan = r.abs, key
			batch.Put = append(batch.Put, r.rec)
			if _, ok := stamps[r.abs]; ok {
				counts.replaced++
			} else {
				counts.added++
				counts.inIx++
			}
		}
		prog.step(counts)
		if writeErr == nil && len(batch.Put)+len(batch.Delete) >= opts.Batch {
			writeErr = commit()
		}
	}
	if writeErr == nil {
		writeErr = commit()
	}
	prog.clear()
	if writeErr != nil {
		return writeErr
	}
	interrupted := ctx.Err() != nil && counts.done < counts.total
	fmt.Fprintf(ios.Out, "%s: %s", opts.Index, counts)
	if opts.Prune {
		fmt.Fprintf(ios.Out, ", %d pruned", counts.pruned)
	}
	fmt.Fprintf(ios.Out, "; the index holds %s\n", plural(counts.inIx, "agreement"))
	if interrupted {
		fmt.Fprintf(ios.Err, "contractlint: interrupted after %d of %d files; what was done is committed: run the same command again to finish\n", counts.done, counts.total)
		return errSilent
	}
	if counts.failed > 0 {
		return errSilent
	}
	return nil
}

// indexFile reads, hashes, extracts, analyses and reviews one file.
func indexFile(j indexJob, stamps map[string]index.Stamp, key string, force bool, plan []analyzer.Planned, baselines []string) indexed {
	out := indexed{indexJob: j}
	data, err := readAgreement(j.name)
	if err != nil {
		out.err = err
		return out
	}
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])
	old, had := stamps[j.abs]
	if had && !force && old.Hash == hash && old.Plan == key {
		out.unchanged = true
		return out
	}
	out.stale = had && old.Hash != hash
	doc, err := extract.Bytes(j.name, data)
	if err == nil && len(doc.Blocks) == 0 {
		err = &corpus.InputError{Path: j.name, Err: fmt.Errorf("%w: no text found", corpus.ErrUnsupported)}
	}
	if err != nil {
		out.err = err
		return out
	}
	a := analyzer.Analyze(doc)
	results := analyzer.Review(a, plan)
	rec := portfolio.Record(a, plan, results)
	rec.Hash, rec.Baselines = hash, baselines
	out.rec = rec
	return out
}

// readAgreement reads a file of at most maxIndexFile bytes.
func readAgreement(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, &corpus.InputError{Path: name, Err: pathCause(err)}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, &corpus.InputError{Path: name, Err: pathCause(err)}
	}
	if st.Size() > maxIndexFile {
		return nil, corpus.Errorf(name, corpus.ErrTooLarge, "%d bytes exceeds the limit of %d", st.Size(), maxIndexFile)
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, &corpus.InputError{Path: name, Err: pathCause(err)}
	}
	return data, nil
}

func pathCause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// collectAgreements lists the files to index: files named, and the
// agreement files under folders named (lexical order, hidden folders and
// the index itself skipped), each once. Paths that cannot be listed get
// an error line each and are counted.
func collectAgreements(ios *IO, paths []string, skipDir string) ([]indexJob, int) {
	var jobs []indexJob
	failed := 0
	seen := map[string]bool{}
	add := func(name string) {
		abs, err := filepath.Abs(name)
		if err != nil {
			fmt.Fprintf(ios.Err, "contractlint: %s: %v\n", name, err)
			failed++
			return
		}
		if !seen[abs] {
			seen[abs] = true
			jobs = append(jobs, indexJob{abs: abs, name: name})
		}
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			fmt.Fprintf(ios.Err, "contractlint: %s: %v\n", p, pathCause(err))
			failed++
			continue
		}
		if !st.IsDir() {
			add(p)
			continue
		}
		filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				fmt.Fprintf(ios.Err, "contractlint: %s: %v\n", path, pathCause(err))
				failed++
				return nil
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				if abs, _ := filepath.Abs(path); abs == skipDir {
					return filepath.SkipDir
				}
				return nil
			}
			if !agreementExts[strings.ToLower(filepath.Ext(path))] {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() {
					return nil
				}
			} else if !d.Type().IsRegular() {
				return nil
			}
			add(path)
			return nil
		})
	}
	return jobs, failed
}

// progress reports an index run on standard error: a bar redrawn in
// place on a terminal, else one line per committed batch.
type progress struct {
	w        io.Writer
	terminal bool
	total    int
	start    time.Time
	last     time.Time
	drawn    bool
}

func newProgress(w io.Writer, terminal bool, total int) *progress {
	now := time.Now()
	return &progress{w: w, terminal: terminal, total: total, start: now}
}

func (p *progress) step(c indexCounts) {
	if !p.terminal {
		return
	}
	now := time.Now()
	if c.done < c.total && now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	const width = 30
	filled := width
	if p.total > 0 {
		filled = width * c.done / p.total
	}
	rate := float64(c.done) / max(now.Sub(p.start).Seconds(), 1e-3)
	fmt.Fprintf(p.w, "\r\x1b[Kindexing [%s%s] %d/%d files, %.1f/s", strings.Repeat("#", filled), strings.Repeat("-", width-filled), c.done, c.total, rate)
	p.drawn = true
}

func (p *progress) committed(c indexCounts) {
	if p.terminal {
		return
	}
	fmt.Fprintf(p.w, "contractlint: index: %d of %d files done, batch committed (%s)\n", c.done, c.total, c)
}

// clear removes the bar so that a message can be printed.
func (p *progress) clear() {
	if p.terminal && p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// Package index keeps many agreements on disk: their clauses (text,
// section, page, line, quantities, the checks that match them) and their
// per-check review results, so that clauses can be searched across all of
// them and a portfolio of agreements compared check by check.
//
// Index is the boundary: the command line only calls its methods, and
// the records it stores and returns are plain data. Open returns the
// embedded implementation, a bleve (scorch) index in a folder; a shared
// search cluster (bleve index aliases over shards, or another engine)
// can stand in by implementing Index.
package index

import (
	"errors"
	"time"
)

// FormatVersion is the version of the on-disk layout: the folder's files,
// the bleve mapping and the fields stored. A binary opens only an index of
// its own format and says so otherwise; it changes whenever a field is
// added, renamed or changes meaning, since old documents would lack it.
const FormatVersion = 1

// Index stores agreements and answers searches over their clauses. A
// writer is the only process with the index open; readers may share it
// while no writer has it.
type Index interface {
	// Stamps returns, for each agreement stored, what it was indexed
	// from: the file's content hash and the review plan, so that an
	// unchanged file can be skipped.
	Stamps() (map[string]Stamp, error)
	// Write applies a batch at once: the agreements of Delete (by path)
	// and the old versions of those in Put are removed, then Put is
	// added. A batch is committed as a whole or not at all.
	Write(b *Batch) error
	// Search finds clauses.
	Search(q Query) (*Hits, error)
	// Agreements returns every agreement with its results (not its
	// clauses), sorted by path.
	Agreements() ([]Agreement, error)
	Close() error
}

// Stamp is what an agreement was indexed from.
type Stamp struct {
	// Hash is the SHA-256 of the file's bytes, in hex.
	Hash string
	// Plan identifies the review plan (checks, thresholds, severities,
	// baselines, tool version) its results were computed under.
	Plan string
	// Clauses is the number of clause records stored for it.
	Clauses int
}

// Batch is a set of changes committed together.
type Batch struct {
	Delete []string
	Put    []*Agreement
}

// Agreement is one agreement as stored.
type Agreement struct {
	// Path is the file's absolute path; it identifies the agreement.
	Path      string   `json:"path"`
	Hash      string   `json:"hash"`
	Plan      string   `json:"plan"`
	Format    string   `json:"format"`
	Pages     int      `json:"pages"`
	Baselines []string `json:"baselines"`
	// Results are one per check of the plan, in plan order.
	Results []Result `json:"results"`
	// Clauses are stored as records of their own and searched; they are
	// not returned by Agreements.
	Clauses []Clause `json:"-"`
	// ClauseCount is the number of clauses stored (set by Agreements).
	ClauseCount int `json:"-"`
}

// Result is an agreement's outcome for one check.
type Result struct {
	Check     string    `json:"check"`
	Title     string    `json:"title"`
	Status    string    `json:"status"`
	Severity  string    `json:"severity"`
	Message   string    `json:"message"`
	Threshold string    `json:"threshold,omitempty"`
	Quantity  *Quantity `json:"quantity,omitempty"`
	Evidence  string    `json:"evidence,omitempty"`
	Section   string    `json:"section,omitempty"`
	Page      int       `json:"page,omitempty"`
	Line      int       `json:"line,omitempty"`
}

// Quantity is a number with its unit (the units of analyzer.Quantity).
type Quantity struct {
	Amount    float64 `json:"amount"`
	Unit      string  `json:"unit"`
	Qualifier string  `json:"qualifier,omitempty"`
	Text      string  `json:"text,omitempty"`
	Term      string  `json:"term,omitempty"`
}

// Clause is a clause or table row of an agreement.
type Clause struct {
	// Seq numbers the agreement's clauses from 0, in reading order.
	Seq     int    `json:"seq"`
	Text    string `json:"text"`
	Section string `json:"section,omitempty"`
	Page    int    `json:"page,omitempty"`
	Line    int    `json:"line"`
	// Quantities are the numbers read in the clause.
	Quantities []Quantity `json:"quantities,omitempty"`
	// Checks are the checks whose patterns match the clause.
	Checks []string `json:"checks,omitempty"`
	// Evidence are the checks whose result rests on the clause.
	Evidence []string `json:"evidence,omitempty"`
}

// Query is a search over clauses.
type Query struct {
	// Text is in bleve's query-string syntax; "" or "*" matches every
	// clause. Words without a field search the clause text, analysed in
	// English (stemmed: "notify" finds "notification").
	Text string
	// Check keeps the clauses that check matches.
	Check string
	// Status keeps the clauses whose agreement has this status for the
	// check (for Check, or for any check matching the clause).
	Status string
	// Limit is the number of hits returned (default 20); Offset skips
	// the first hits.
	Limit, Offset int
}

// Hits are the clauses a query found, best first.
type Hits struct {
	// Total counts every clause that matched, beyond Limit.
	Total uint64
	Hits  []Hit
	Took  time.Duration
}

// Hit is one clause found.
type Hit struct {
	Path    string
	Seq     int
	Section string
	Page    int
	Line    int
	Text    string
	// Checks are the checks matching the clause with the agreement's
	// status for each.
	Checks []CheckStatus
	// Matches are the spans of Text (byte offsets) where the query's
	// terms matched, in order.
	Matches []Span
	Score   float64
}

// CheckStatus is a check and an agreement's status for it.
type CheckStatus struct {
	Check  string `json:"check"`
	Status string `json:"status"`
}

// Span is a byte range.
type Span struct{ Start, End int }

// Mode says how an index is opened.
type Mode int

const (
	// ReadOnly opens an existing index for searching; other readers may
	// have it open at the same time, a writer may not.
	ReadOnly Mode = iota
	// ReadWrite creates the index if needed and holds it alone until
	// Close.
	ReadWrite
)

// The errors of opening an index. Each is wrapped with the folder and a
// sentence a person can act on.
var (
	// ErrLocked: another process holds the index (a writer, or readers
	// while a writer is wanted).
	ErrLocked = errors.New("index in use")
	// ErrFormat: the index was written in a format this binary does not
	// read.
	ErrFormat = errors.New("unsupported index format")
	// ErrNotIndex: the folder is not a contractlint index.
	ErrNotIndex = errors.New("not a contractlint index")
	// ErrQuery: the query does not parse.
	ErrQuery = errors.New("bad query")
)

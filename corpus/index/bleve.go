package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// bleveIndex is the embedded implementation: one bleve index holding two
// kinds of record, told apart by the field "kind": a clause (searched)
// and an agreement (its results, as stored JSON).
type bleveIndex struct {
	dir  string
	idx  bleve.Index
	lock *fileLock
}

// The record ids: an agreement by its path, its clauses by path and
// sequence number (zero-padded so that ids sort in reading order).
func agreementID(path string) string     { return "a\x00" + path }
func clauseID(path string, n int) string { return fmt.Sprintf("c\x00%s\x00%06d", path, n) }

const (
	kindClause    = "clause"
	kindAgreement = "agreement"
)

// newMapping describes the records' fields. Unfielded query words search
// "text"; the other fields are named in queries (section:12.3,
// checks:incident-notification, unit:hour, days:>1).
func newMapping() (mapping.IndexMapping, error) {
	kw := func(store bool) *mapping.FieldMapping {
		f := mapping.NewKeywordFieldMapping()
		f.Store, f.IncludeInAll, f.IncludeTermVectors, f.DocValues = store, false, false, false
		return f
	}
	num := func(store bool) *mapping.FieldMapping {
		f := mapping.NewNumericFieldMapping()
		f.Store, f.IncludeInAll, f.DocValues = store, false, false
		return f
	}
	stored := func() *mapping.FieldMapping {
		f := mapping.NewTextFieldMapping()
		f.Analyzer = keyword.Name
		f.Index, f.IncludeInAll, f.IncludeTermVectors, f.DocValues = false, false, false, false
		return f
	}
	text := mapping.NewTextFieldMapping()
	text.Analyzer = TextAnalyzer
	text.IncludeInAll, text.DocValues = false, false // term vectors kept: highlighting

	doc := mapping.NewDocumentStaticMapping()
	add := func(name string, f *mapping.FieldMapping) { doc.AddFieldMappingsAt(name, f) }
	add("kind", kw(false))
	add("path", kw(true))
	// Clauses.
	add("seq", num(true))
	add("text", text)
	add("section", kw(true))
	add("page", num(true))
	add("line", num(true))
	add("checks", kw(true))
	add("evidence", kw(true))
	add("check_status", kw(true)) // "check:status" for the matching checks
	add("status", kw(false))      // the statuses of the matching checks
	add("unit", kw(false))
	add("amount", num(false))
	add("days", num(false)) // durations in days, for days:>1
	add("quantities", kw(true))
	// Agreements.
	add("hash", kw(true))
	add("plan", kw(true))
	add("format", kw(true))
	add("pages", num(true))
	add("clauses", num(true))
	add("baselines", kw(true))
	add("results", stored())

	im := mapping.NewIndexMapping()
	if err := addTextAnalyzer(im); err != nil {
		return nil, err
	}
	im.DefaultMapping = doc
	im.DefaultAnalyzer = TextAnalyzer
	im.DefaultField = "text"
	im.StoreDynamic, im.IndexDynamic, im.DocValuesDynamic = false, false, false
	return im, nil
}

func openBleve(dir string, readOnly bool) (*bleveIndex, error) {
	path := filepath.Join(dir, bleveDir)
	// bolt, under scorch, locks its file too and would wait for ever for
	// another process: our own lock is taken first, and this is the
	// backstop for a process that does not take it.
	cfg := map[string]interface{}{"bolt_timeout": "1s"}
	var (
		idx bleve.Index
		err error
	)
	if readOnly {
		cfg["read_only"] = true
		idx, err = bleve.OpenUsing(path, cfg)
	} else {
		idx, err = bleve.OpenUsing(path, cfg)
		if errors.Is(err, bleve.ErrorIndexPathDoesNotExist) {
			m, merr := newMapping()
			if merr != nil {
				return nil, merr
			}
			idx, err = bleve.NewUsing(path, m, scorch.Name, scorch.Name, cfg)
		}
	}
	if err != nil {
		if strings.Contains(err.Error(), "timeout") {
			return nil, &openError{dir, ErrLocked, "another process has the index open; try again when it finishes"}
		}
		return nil, &openError{dir, ErrNotIndex, "cannot open the bleve index: " + err.Error()}
	}
	return &bleveIndex{dir: dir, idx: idx}, nil
}

func (b *bleveIndex) Close() error {
	err := b.idx.Close()
	b.lock.unlock()
	return err
}

// Stamps reads every agreement's hash, plan and clause count.
func (b *bleveIndex) Stamps() (map[string]Stamp, error) {
	out := map[string]Stamp{}
	err := b.eachAgreement([]string{"path", "hash", "plan", "clauses"}, func(f map[string]interface{}) error {
		out[str(f["path"])] = Stamp{Hash: str(f["hash"]), Plan: str(f["plan"]), Clauses: num(f["clauses"])}
		return nil
	})
	return out, err
}

// Agreements reads every agreement, sorted by path.
func (b *bleveIndex) Agreements() ([]Agreement, error) {
	var out []Agreement
	err := b.eachAgreement([]string{"path", "hash", "plan", "format", "pages", "clauses", "baselines", "results"}, func(f map[string]interface{}) error {
		a := Agreement{
			Path: str(f["path"]), Hash: str(f["hash"]), Plan: str(f["plan"]), Format: str(f["format"]),
			Pages: num(f["pages"]), ClauseCount: num(f["clauses"]), Baselines: strs(f["baselines"]),
		}
		if err := json.Unmarshal([]byte(str(f["results"])), &a.Results); err != nil {
			return fmt.Errorf("%s: results of %s: %v", b.dir, a.Path, err)
		}
		out = append(out, a)
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, err
}

// eachAgreement calls f with the stored fields of every agreement record,
// a page at a time in id order.
func (b *bleveIndex) eachAgreement(fields []string, f func(map[string]interface{}) error) error {
	const page = 500
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(term("kind", kindAgreement), page, 0, false)
		req.Fields = fields
		req.SortBy([]string{"_id"})
		if after != nil {
			req.SetSearchAfter(after)
		}
		res, err := b.idx.Search(req)
		if err != nil {
			return err
		}
		for _, h := range res.Hits {
			if err := f(h.Fields); err != nil {
				return err
			}
		}
		if len(res.Hits) < page {
			return nil
		}
		after = []string{res.Hits[len(res.Hits)-1].ID}
	}
}

// Write deletes the old records of every agreement named, then indexes
// the new ones, in one bleve batch (scorch applies a batch atomically and
// returns once it is persisted).
func (b *bleveIndex) Write(batch *Batch) error {
	old, err := b.stampsOf(batch)
	if err != nil {
		return err
	}
	bb := b.idx.NewBatch()
	del := func(path string) {
		if s, ok := old[path]; ok {
			bb.Delete(agreementID(path))
			for n := 0; n < s.Clauses; n++ {
				bb.Delete(clauseID(path, n))
			}
		}
	}
	for _, p := range batch.Delete {
		del(p)
	}
	for _, a := range batch.Put {
		del(a.Path)
		if err := b.put(bb, a); err != nil {
			return err
		}
	}
	return b.idx.Batch(bb)
}

// stampsOf reads the clause counts of the agreements a batch replaces
// or deletes, to know which clause records to delete.
func (b *bleveIndex) stampsOf(batch *Batch) (map[string]Stamp, error) {
	var ids []string
	for _, p := range batch.Delete {
		ids = append(ids, agreementID(p))
	}
	for _, a := range batch.Put {
		ids = append(ids, agreementID(a.Path))
	}
	out := map[string]Stamp{}
	if len(ids) == 0 {
		return out, nil
	}
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = []string{"path", "clauses"}
	res, err := b.idx.Search(req)
	if err != nil {
		return nil, err
	}
	for _, h := range res.Hits {
		out[str(h.Fields["path"])] = Stamp{Clauses: num(h.Fields["clauses"])}
	}
	return out, nil
}

func (b *bleveIndex) put(bb *bleve.Batch, a *Agreement) error {
	results, err := json.Marshal(a.Results)
	if err != nil {
		return err
	}
	statusOf := map[string]string{}
	var statuses []string
	for _, r := range a.Results {
		statusOf[r.Check] = r.Status
		statuses = append(statuses, r.Check+":"+r.Status)
	}
	doc := map[string]interface{}{
		"kind": kindAgreement, "path": a.Path, "hash": a.Hash, "plan": a.Plan, "format": a.Format,
		"pages": a.Pages, "clauses": len(a.Clauses), "baselines": a.Baselines, "results": string(results),
		"check_status": statuses,
	}
	if err := bb.Index(agreementID(a.Path), doc); err != nil {
		return err
	}
	for n, c := range a.Clauses {
		var cs, st, units, qs []string
		var amounts, days []float64
		seen := map[string]bool{}
		for _, ch := range c.Checks {
			s := statusOf[ch]
			if s == "" {
				continue
			}
			cs = append(cs, ch+":"+s)
			if !seen[s] {
				seen[s] = true
				st = append(st, s)
			}
		}
		for _, q := range c.Quantities {
			units = append(units, q.Unit)
			amounts = append(amounts, q.Amount)
			qs = append(qs, QuantityText(q))
			if d, ok := Days(q); ok {
				days = append(days, d)
			}
		}
		doc := map[string]interface{}{
			"kind": kindClause, "path": a.Path, "seq": n, "text": c.Text, "section": c.Section,
			"page": c.Page, "line": c.Line,
		}
		set := func(k string, v []string) {
			if len(v) > 0 {
				doc[k] = v
			}
		}
		set("checks", c.Checks)
		set("evidence", c.Evidence)
		set("check_status", cs)
		set("status", st)
		set("unit", units)
		set("quantities", qs)
		if len(amounts) > 0 {
			doc["amount"] = amounts
		}
		if len(days) > 0 {
			doc["days"] = days
		}
		if err := bb.Index(clauseID(a.Path, n), doc); err != nil {
			return err
		}
	}
	return nil
}

// Search runs a query over the clause records, best first (ties in id
// order: path, then reading order).
func (b *bleveIndex) Search(q Query) (*Hits, error) {
	var user query.Query
	if t := strings.TrimSpace(q.Text); t == "" || t == "*" {
		user = bleve.NewMatchAllQuery()
	} else {
		qs := bleve.NewQueryStringQuery(t)
		if _, err := qs.Parse(); err != nil {
			return nil, fmt.Errorf("%w: %q: %v", ErrQuery, q.Text, err)
		}
		user = qs
	}
	parts := []query.Query{user, term("kind", kindClause)}
	switch {
	case q.Check != "" && q.Status != "":
		parts = append(parts, term("check_status", q.Check+":"+q.Status))
	case q.Check != "":
		parts = append(parts, term("checks", q.Check))
	case q.Status != "":
		parts = append(parts, term("status", q.Status))
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(parts...), limit, q.Offset, false)
	req.Fields = []string{"path", "seq", "text", "section", "page", "line", "check_status"}
	req.IncludeLocations = true
	req.SortBy([]string{"-_score", "_id"})
	res, err := b.idx.Search(req)
	if err != nil {
		return nil, fmt.Errorf("%w: %q: %v", ErrQuery, q.Text, err)
	}
	out := &Hits{Total: res.Total, Took: res.Took}
	for _, h := range res.Hits {
		hit := Hit{
			Path: str(h.Fields["path"]), Seq: num(h.Fields["seq"]), Text: str(h.Fields["text"]),
			Section: str(h.Fields["section"]), Page: num(h.Fields["page"]), Line: num(h.Fields["line"]),
			Score: h.Score,
		}
		for _, cs := range strs(h.Fields["check_status"]) {
			if i := strings.LastIndexByte(cs, ':'); i > 0 {
				hit.Checks = append(hit.Checks, CheckStatus{Check: cs[:i], Status: cs[i+1:]})
			}
		}
		hit.Matches = matches(h.Locations["text"], len(hit.Text))
		out.Hits = append(out.Hits, hit)
	}
	return out, nil
}

// matches turns term locations into sorted, merged byte spans.
func matches(terms search.TermLocationMap, n int) []Span {
	var spans []Span
	for _, locs := range terms {
		for _, l := range locs {
			if int(l.End) <= n && l.Start < l.End {
				spans = append(spans, Span{int(l.Start), int(l.End)})
			}
		}
	}
	sort.Slice(spans, func(i, j int) bool {
		if spans[i].Start != spans[j].Start {
			return spans[i].Start < spans[j].Start
		}
		return spans[i].End < spans[j].End
	})
	var out []Span
	for _, s := range spans {
		if len(out) > 0 && s.Start <= out[len(out)-1].End {
			out[len(out)-1].End = max(out[len(out)-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

func term(field, value string) query.Query {
	t := bleve.NewTermQuery(value)
	t.SetField(field)
	return t
}

func str(v interface{}) string {
	switch x := v.(type) {
	case string:
		return x
	case []interface{}:
		if len(x) > 0 {
			return str(x[0])
		}
	}
	return ""
}

func num(v interface{}) int {
	switch x := v.(type) {
	case float64:
		return int(x)
	case string:
		n, _ := strconv.Atoi(x)
		return n
	}
	return 0
}

func strs(v interface{}) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []interface{}:
		out := make([]string, 0, len(x))
		for _, e := range x {
			out = append(out, str(e))
		}
		return out
	}
	return nil
}

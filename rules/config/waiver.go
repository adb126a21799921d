package config

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/contractlint/contractlint/analyzer"
)

// Document is a reviewed agreement as waivers see it: the paths of its
// files as the user named them (one, or a bundle's files; "-" for
// standard input) and its results, which Waive changes in place.
type Document struct {
	Paths   []string
	Results []analyzer.Result
}

// Notice is a message about the run that a waiver causes. Level is
// "warning"; Source is the waiver's FILE:LINE.
type Notice struct {
	Level   string
	Message string
	Source  string
}

// Waive applies the waivers to the documents' results: a weak or missing
// result not yet suppressed, of the waiver's check, in a document the
// waiver's glob matches, with the waiver's fingerprint when one is given,
// gets the waiver as its Suppression, unless the waiver has expired
// (today, YYYY-MM-DD, is after its last day). The first waiver in the
// file that accepts a result is the one recorded.
//
// Waivers are only spoken of for documents of the run: a waiver whose glob
// matches a reviewed document gives a notice when it has expired or when
// it accepted nothing there (the clause was fixed, or its text and so
// its fingerprint changed). A waiver for documents not in the run is
// silent, so that one file of a folder can be reviewed without a notice
// for every other file's waivers.
func (c *Config) Waive(docs []Document, today string) []Notice {
	var notices []Notice
	for _, w := range c.Waivers {
		expired := w.Expires != "" && today > w.Expires
		relevant, used := false, false
		for _, d := range docs {
			if !c.matchesAny(w.Documents, d.Paths) {
				continue
			}
			relevant = true
			if expired {
				continue
			}
			for i := range d.Results {
				r := &d.Results[i]
				if r.Check != w.Check || r.Status == analyzer.Pass || r.Suppression != nil ||
					(w.Fingerprint != "" && r.Fingerprint != w.Fingerprint) {
					continue
				}
				r.Suppression = &analyzer.Suppression{Reason: w.Reason, Approver: w.Approver, Expires: w.Expires, Source: w.Source}
				used = true
			}
		}
		switch {
		case !relevant:
		case expired:
			notices = append(notices, Notice{Level: "warning", Source: w.Source,
				Message: fmt.Sprintf("waiver for %s on %s expired on %s", w.Check, w.Documents, w.Expires)})
		case !used:
			what := w.Check
			if w.Fingerprint != "" {
				what += " (fingerprint " + w.Fingerprint + ")"
			}
			notices = append(notices, Notice{Level: "warning", Source: w.Source,
				Message: fmt.Sprintf("waiver for %s on %s is unused: no weak or missing result to accept", what, w.Documents)})
		}
	}
	return notices
}

// matchesAny reports whether the glob matches one of the paths.
func (c *Config) matchesAny(glob string, paths []string) bool {
	for _, p := range paths {
		if c.Match(glob, p) {
			return true
		}
	}
	return false
}

// Match reports whether a waiver's documents glob matches a document
// path as the user named it. The path is taken relative to the
// configuration file's directory (Dir), so that the same waiver holds
// wherever the review is run from, and matched like a .gitignore line:
//
//   - a glob without a slash matches the file name in any folder
//     ("acme-msa.pdf", "*.pdf", "**");
//   - a glob with a slash matches the whole path from the configuration's
//     folder ("contracts/2024/*.pdf"); "**" as a path element matches any
//     number of folders ("contracts/**/acme-*.docx"); a leading "/" makes
//     the glob absolute;
//   - "*", "?" and "[a-z]" match within one path element, as in path.Match.
//
// Standard input ("-") is matched as the name "-".
func (c *Config) Match(glob, name string) bool {
	glob = filepath.ToSlash(glob)
	rel := filepath.ToSlash(name)
	if name != "-" {
		abs, err := filepath.Abs(name)
		if err == nil {
			rel = filepath.ToSlash(abs)
			dir := c.Dir
			if dir == "" {
				dir, _ = os.Getwd()
			}
			if !strings.HasPrefix(glob, "/") && dir != "" {
				if r, err := filepath.Rel(dir, abs); err == nil {
					rel = filepath.ToSlash(r)
				}
			}
		}
	}
	if !strings.Contains(glob, "/") {
		ok, _ := path.Match(glob, path.Base(rel))
		return ok
	}
	return matchElems(strings.Split(path.Clean(glob), "/"), strings.Split(rel, "/"))
}

// matchElems matches path elements against glob elements, "**" matching
// any number of them.
func matchElems(glob, name []string) bool {
	for len(glob) > 0 {
		if glob[0] == "**" {
			for len(glob) > 1 && glob[1] == "**" {
				glob = glob[1:]
			}
			for i := 0; i <= len(name); i++ {
				if matchElems(glob[1:], name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := path.Match(glob[0], name[0]); !ok {
			return false
		}
		glob, name = glob[1:], name[1:]
	}
	return len(name) == 0
}

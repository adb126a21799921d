package portfolio

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Version is the version of the JSON layout of Portfolio.
const Version = "1"

// JSON writes the portfolio as one indented JSON object.
func JSON(w io.Writer, p *Portfolio) error {
	out := struct {
		Version    string `json:"version"`
		Agreements int    `json:"agreements"`
		*Portfolio
	}{Version, len(p.Documents), p}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// statusMark is a status as one character of the text matrix.
var statusMark = map[string]string{"pass": "P", "weak": "w", "missing": "-", "": " "}

// Text writes the portfolio for a terminal: a matrix of one character
// per check (columns numbered, names listed below), the counts per
// check, and the distribution of each check's numbers.
func Text(w io.Writer, p *Portfolio) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s, %s\n\n", plural(len(p.Documents), "agreement"), plural(len(p.Checks), "check"))
	if len(p.Documents) == 0 {
		bw.WriteString("The index holds no agreements.\n")
		return bw.Flush()
	}
	width := len("agreement")
	for _, d := range p.Documents {
		width = max(width, len([]rune(d.Path)))
	}
	width = min(width, 60)
	fmt.Fprintf(bw, "Statuses (P pass, w weak, - missing, blank: not reviewed for it); checks by number below\n")
	// Column numbers: a tick every 5 checks.
	var ticks strings.Builder
	for i := 1; i <= len(p.Checks); i++ {
		switch {
		case i == 1 || i%5 == 0:
			s := fmt.Sprint(i)
			ticks.WriteString(s)
			i += len(s) - 1
		default:
			ticks.WriteString(" ")
		}
	}
	fmt.Fprintf(bw, "%-*s  %s  pass weak missing\n", width, "agreement", padRight(ticks.String(), len(p.Checks)))
	for _, d := range p.Documents {
		var row strings.Builder
		for _, s := range d.Statuses {
			row.WriteString(statusMark[s])
		}
		fmt.Fprintf(bw, "%-*s  %s  %4d %4d %7d\n", width, cut(d.Path, width), row.String(), d.Pass, d.Weak, d.Missing)
	}
	bw.WriteString("\nChecks\n")
	idw := 0
	for _, c := range p.Checks {
		idw = max(idw, len(c.ID))
	}
	fmt.Fprintf(bw, "%3s  %-*s  pass weak missing\n", "#", idw, "check")
	for i, c := range p.Checks {
		fmt.Fprintf(bw, "%3d  %-*s  %4d %4d %7d\n", i+1, idw, c.ID, c.Pass, c.Weak, c.Missing)
	}
	if len(p.Distributions) > 0 {
		bw.WriteString("\nNumbers (quartiles interpolated; outliers beyond 1.5 interquartile ranges)\n")
	}
	for _, d := range p.Distributions {
		th := ""
		if d.Threshold != "" {
			th = " (threshold " + d.Threshold + ")"
		}
		fmt.Fprintf(bw, "%s%s: ", d.Check, th)
		if d.Count == 0 {
			fmt.Fprintf(bw, "no agreement gives a number (%d without)\n", d.Without)
			continue
		}
		fmt.Fprintf(bw, "%s give a number", plural(d.Count, "agreement"))
		if d.MeetThreshold != nil {
			fmt.Fprintf(bw, ", %d meet the threshold", *d.MeetThreshold)
		}
		fmt.Fprintf(bw, "; %d without", d.Without)
		if d.Other > 0 {
			fmt.Fprintf(bw, "; %d in other units", d.Other)
		}
		bw.WriteString("\n")
		fmt.Fprintf(bw, "    min %s (%s), median %s, max %s (%s); quartiles %s, %s\n",
			d.Min.Text, d.Min.Path, d.Median.Text, d.Max.Text, d.Max.Path, d.Q1.Text, d.Q3.Text)
		for _, o := range d.Outliers {
			fmt.Fprintf(bw, "    outlier: %s %s (%s)\n", o.Path, o.Value.Text, o.Side)
		}
	}
	return bw.Flush()
}

func padRight(s string, n int) string {
	if r := []rune(s); len(r) < n {
		return s + strings.Repeat(" ", n-len(r))
	}
	return s
}

// cut shortens a path to n characters, keeping its end (the file name).
func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return "…" + string(r[len(r)-n+1:])
}

// CSV writes one row per agreement: path, format, counts, then a column
// per check with the status, and after each check that reads a number a
// column with the agreement's number ("72 hours"). The distributions are
// in the JSON and HTML formats.
func CSV(w io.Writer, p *Portfolio) error {
	cw := csv.NewWriter(w)
	quantity := map[string]bool{}
	for _, d := range p.Distributions {
		quantity[d.Check] = true
	}
	head := []string{"path", "format", "pass", "weak", "missing"}
	for _, c := range p.Checks {
		head = append(head, c.ID)
		if quantity[c.ID] {
			head = append(head, c.ID+" (number)")
		}
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, d := range p.Documents {
		row := []string{d.Path, d.Format, fmt.Sprint(d.Pass), fmt.Sprint(d.Weak), fmt.Sprint(d.Missing)}
		for i, c := range p.Checks {
			row = append(row, d.Statuses[i])
			if quantity[c.ID] {
				row = append(row, d.Values[i])
			}
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

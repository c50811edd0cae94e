package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mend-app/mend/internal/charts"
	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
)

// dayRow is one row of the compact day-by-day table: a day, or past a year
// a week or a month (the pain trend's resolution), so five years print as
// some sixty rows instead of eighteen hundred.
type dayRow struct {
	When     string
	Peak     string // worst peak pain of the row's days
	Sleep    string // mean hours over the nights logged
	Stress   string
	Mood     string
	Relief   string // labels, with the number of days when a row spans several
	RedFlags string
}

// dayRows builds the table from the logged days of the document; rows in
// which nothing was logged are left out, as the report leaves out every
// unlogged day.
func dayRows(doc insights.Document) (rows []dayRow, unit charts.Resolution) {
	unit = charts.ResolutionFor(int(doc.To-doc.From) + 1)
	var cur []insights.DayStat
	var key string
	flush := func() {
		if len(cur) > 0 {
			rows = append(rows, summarizeRow(cur, unit, doc))
		}
		cur = cur[:0]
	}
	for _, d := range doc.Days {
		if !d.Logged {
			continue
		}
		k := rowKey(d.Day, unit)
		if k != key {
			flush()
			key = k
		}
		cur = append(cur, d)
	}
	flush()
	return rows, unit
}

// rowKey groups days into the rows of a resolution: weeks from Monday.
func rowKey(d journal.Day, unit charts.Resolution) string {
	t := d.Time()
	switch unit {
	case charts.Weekly:
		return d.AddDays(-((int(t.Weekday()) + 6) % 7)).String()
	case charts.Monthly:
		return t.Format("2006-01")
	}
	return d.String()
}

func summarizeRow(days []insights.DayStat, unit charts.Resolution, doc insights.Document) dayRow {
	first := days[0].Day
	r := dayRow{When: shortDate(first, doc)}
	// Short enough to stay on one line of a phone's table; the column's
	// heading says "Week from" or "Month".
	switch unit {
	case charts.Weekly:
		r.When = shortDate(journal.MustDay(rowKey(first, unit)), doc)
	case charts.Monthly:
		r.When = first.Time().Format("Jan 2006")
	}
	var worst *int
	var sleep, stress, mood mean
	relief, flags := map[string]int{}, map[string]int{}
	for _, d := range days {
		if d.PainPeak != nil && (worst == nil || *d.PainPeak > *worst) {
			worst = d.PainPeak
		}
		for _, m := range []struct {
			v   *float64
			acc *mean
		}{{d.SleepHours, &sleep}, {d.Stress, &stress}, {d.Mood, &mood}} {
			if m.v != nil {
				m.acc.add(*m.v)
			}
		}
		for _, c := range uniq(d.Relief) {
			relief[c]++
		}
		for _, c := range uniq(d.RedFlags) {
			flags[c]++
		}
	}
	if worst != nil {
		r.Peak = fmt.Sprint(*worst)
	}
	r.Sleep, r.Stress, r.Mood = f1(sleep.value()), f1(stress.value()), f1(mood.value())
	r.Relief, r.RedFlags = countList(relief, unit), countList(flags, unit)
	return r
}

// countList prints codes as labels in the journal's order; on a week or
// month row each says on how many days it was logged ("Heat ×3").
func countList(counts map[string]int, unit charts.Resolution) string {
	codes := make([]string, 0, len(counts))
	for c := range counts {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = label(c)
		if unit != charts.Daily {
			parts[i] += fmt.Sprintf(" ×%d", counts[c])
		}
	}
	return strings.Join(parts, ", ")
}

func uniq(codes []string) []string {
	out := slices.Clone(codes)
	slices.Sort(out)
	return slices.Compact(out)
}

package charts

import (
	"math"
	"slices"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
)

// timeline is the document's daily series on a gap-free calendar axis from
// its first to its last day. The insights contract lists every day of the
// period, logged or not; filling any day it might omit keeps a missing day a
// visible gap instead of letting the line jump over it.
type timeline struct {
	first journal.Day
	stats []*insights.DayStat // index i is day first+i; nil where the document has no entry
}

func newTimeline(doc insights.Document) timeline {
	if len(doc.Days) == 0 {
		return timeline{}
	}
	first, last := doc.Days[0].Day, doc.Days[0].Day
	for _, d := range doc.Days {
		first, last = min(first, d.Day), max(last, d.Day)
	}
	t := timeline{first: first, stats: make([]*insights.DayStat, last.DaysSince(first)+1)}
	for i := range doc.Days {
		t.stats[doc.Days[i].Day.DaysSince(first)] = &doc.Days[i]
	}
	return t
}

// fromFirstLog drops the unlogged days before the first log: a period
// that starts at birth, weeks before the parent began logging, would
// otherwise open the trend with an empty stretch.
func (t timeline) fromFirstLog() timeline {
	for i := range t.stats {
		if t.logged(i) != nil {
			return timeline{first: t.day(i), stats: t.stats[i:]}
		}
	}
	return timeline{}
}

func (t timeline) len() int { return len(t.stats) }

func (t timeline) last() journal.Day { return t.first.AddDays(len(t.stats) - 1) }

// day returns the i-th day of the axis.
func (t timeline) day(i int) journal.Day { return t.first.AddDays(i) }

// index returns d's position on the axis, and false when d is off it.
func (t timeline) index(d journal.Day) (int, bool) {
	i := d.DaysSince(t.first)
	return i, i >= 0 && i < len(t.stats)
}

// logged returns the i-th day's statistics, or nil when nothing was logged.
func (t timeline) logged(i int) *insights.DayStat {
	if s := t.stats[i]; s != nil && s.Logged {
		return s
	}
	return nil
}

// peak returns the i-th day's peak pain, if logged.
func (t timeline) peak(i int) (int, bool) {
	if s := t.logged(i); s != nil && s.PainPeak != nil {
		return *s.PainPeak, true
	}
	return 0, false
}

// labels are the axis categories: days as YYYY-MM-DD in the user's calendar,
// never timestamps, which ECharts would shift into the viewer's time zone.
func (t timeline) labels() []string {
	out := make([]string, len(t.stats))
	for i := range out {
		out[i] = t.day(i).String()
	}
	return out
}

// round keeps the JSON short; one decimal is the precision the app shows.
func round(v float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(v*p) / p
}

// num is a chart value: nil (JSON null, an ECharts gap) for a missing or
// non-finite measure, so a bad value becomes a gap rather than an error.
func num(p *float64, places int) any {
	if p == nil || math.IsNaN(*p) || math.IsInf(*p, 0) {
		return nil
	}
	return round(*p, places)
}

// finite drops non-finite values that encoding/json cannot write.
func finite(p *float64) *float64 {
	if p == nil || math.IsNaN(*p) || math.IsInf(*p, 0) {
		return nil
	}
	return p
}

// rank orders codes by count, most first; ties keep the order of the
// journal's value list (then the code), so output is stable.
func rank(counts map[string]int, canonical []string) []string {
	codes := make([]string, 0, len(counts))
	for c := range counts {
		codes = append(codes, c)
	}
	pos := func(c string) int {
		if i := slices.Index(canonical, c); i >= 0 {
			return i
		}
		return len(canonical)
	}
	slices.SortFunc(codes, func(a, b string) int {
		if counts[a] != counts[b] {
			return counts[b] - counts[a]
		}
		if pa, pb := pos(a), pos(b); pa != pb {
			return pa - pb
		}
		if a < b {
			return -1
		}
		return 1
	})
	return codes
}

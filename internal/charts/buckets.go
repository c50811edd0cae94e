package charts

import (
	"fmt"
	"time"

	"github.com/mend-app/mend/internal/journal"
)

// Step sizes of the pain-trend axis. A phone has room for about a year of
// days; past that a point a day is noise and weighs the report down, so
// longer periods draw one point a week, and past about two years one a month.
const (
	dailyMaxDays  = 366
	weeklyMaxDays = 2*365 + 1
)

// Resolution is the width of one point on the pain-trend axis.
type Resolution int

// The resolutions, finest first.
const (
	Daily Resolution = iota
	Weekly
	Monthly
)

// ResolutionFor is the trend resolution of a span of n days; the report
// uses it to say what one point of its trend stands for.
func ResolutionFor(n int) Resolution {
	switch {
	case n <= dailyMaxDays:
		return Daily
	case n <= weeklyMaxDays:
		return Weekly
	}
	return Monthly
}

// bucket is one point of the trend: a run of days from first to last.
type bucket struct {
	label       string
	first, last journal.Day
}

// buckets cuts from..to into points of the resolution. Weeks start on
// Monday, as the app's History does; months are calendar months. The first
// and last buckets are cut to the span, so no point reaches outside it.
func buckets(from, to journal.Day, res Resolution) []bucket {
	var out []bucket
	// "12 Nov" is unique until the same day and month come round again.
	withYear := to.DaysSince(from) >= 365
	for d := from; d <= to; {
		end := d
		switch res {
		case Weekly:
			end = d.AddDays(6 - (int(d.Time().Weekday())+6)%7)
		case Monthly:
			t := d.Time()
			end = journal.DayOf(time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, time.UTC))
		}
		end = min(end, to)
		out = append(out, bucket{label: pointLabel(d, res, withYear), first: d, last: end})
		d = end.AddDays(1)
	}
	return out
}

// pointLabel is a short date a phone's axis has room for: "12 Nov" for a
// day or the Monday of a week, with the year ("12 Nov 26") once the same
// day and month could come round twice, and "Nov 2026" for a month.
func pointLabel(d journal.Day, res Resolution, withYear bool) string {
	t := d.Time()
	switch {
	case res == Monthly:
		return t.Format("Jan 2006")
	case withYear:
		return t.Format("2 Jan 06")
	}
	return t.Format("2 Jan")
}

// bucketOf returns the index of the bucket holding d, or -1.
func bucketOf(bs []bucket, d journal.Day) int {
	for i, b := range bs {
		if d >= b.first && d <= b.last {
			return i
		}
	}
	return -1
}

// describe names the two pain series for the legend, short enough that
// the legend stays on one line at 390 px; the subtitle (printed by the app
// and the report) says what a point stands for.
func (r Resolution) describe() (peak, avg string) {
	if r == Daily {
		return "Peak pain", "7-day average"
	}
	return "Worst day", "Average"
}

// String names the resolution in words, as the report prints it.
func (r Resolution) String() string {
	switch r {
	case Weekly:
		return "week"
	case Monthly:
		return "month"
	}
	return "day"
}

var _ fmt.Stringer = Daily

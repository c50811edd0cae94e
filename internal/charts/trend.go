package charts

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
)

const (
	// rollingWindow is the width, in calendar days, of the pain average.
	rollingWindow = 7
	// rollingMinLogged is how many logged peaks the window needs: an
	// "average" of one or two readings is just those readings and would
	// draw a trend that is not there.
	rollingMinLogged = 3
	// zoomAfterDays adds dataZoom when the axis is longer than about two
	// months, where days get too thin to hover on a phone. The initial view
	// stays the whole period: the printed report cannot zoom.
	zoomAfterDays = 60
	// Colors; the series names and legend carry the meaning too.
	colorPeak  = "#c0392b"
	colorAvg   = "#2c3e91"
	colorSleep = "#9ec5e8"
	colorFlare = "rgba(192,57,43,0.12)"
)

// trendPoint is a peak-pain item that carries a flare-up; other days are a
// bare number or null. See Build for the contract with the page formatter.
type trendPoint struct {
	Value any             `json:"value"`
	Flare *flareSummary   `json:"flare,omitempty"`
	Links []insights.Link `json:"links,omitempty"`
}

// flareSummary is an insights.Flareup without its notes, which go only on
// the peak day so a long note is not repeated on every flare day.
type flareSummary struct {
	StartDay          journal.Day `json:"start_day"`
	EndDay            journal.Day `json:"end_day"`
	Peak              int         `json:"peak"`
	Baseline          *float64    `json:"baseline"`
	PriorSleepHours   *float64    `json:"prior_sleep_hours"`
	TypicalSleepHours *float64    `json:"typical_sleep_hours"`
	StressLevel       *float64    `json:"stress_level"`
	TypicalStress     *float64    `json:"typical_stress"`
}

func painTrend(doc insights.Document) *charts.Line {
	tl := newTimeline(doc).fromFirstLog()
	res := ResolutionFor(tl.len())
	bs := buckets(tl.first, tl.last(), res)
	if tl.len() == 0 {
		bs = nil
	}
	n := len(bs)
	peaks, avgs, sleep := make([]any, n), make([]any, n), make([]any, n)
	var daily []any
	if res == Daily {
		daily = rollingPeak(tl)
	}
	maxSleep := 0.0
	for i, b := range bs {
		var worst *int
		var peakSum, sleepSum float64
		peakN, sleepN := 0, 0
		for d := b.first; d <= b.last; d++ {
			j, _ := tl.index(d)
			s := tl.logged(j)
			if s == nil {
				continue // a gap, never a zero
			}
			if p, ok := tl.peak(j); ok {
				if worst == nil || p > *worst {
					worst = &p
				}
				peakSum, peakN = peakSum+float64(p), peakN+1
			}
			if h := finite(s.SleepHours); h != nil {
				sleepSum, sleepN = sleepSum+*h, sleepN+1
				maxSleep = max(maxSleep, *h)
			}
		}
		if worst != nil {
			peaks[i] = *worst
		}
		if sleepN > 0 {
			sleep[i] = round(sleepSum/float64(sleepN), 2)
		}
		switch {
		case res == Daily:
			avgs[i] = daily[i]
		case peakN >= rollingMinLogged:
			avgs[i] = round(peakSum/float64(peakN), 1)
		}
	}
	marks := markFlareups(bs, doc.Flareups, peaks)
	peakName, avgName := res.describe()

	line := charts.NewLine()
	line.SetGlobalOptions(
		initOpts("pain-trend"),
		// The web app and the report print the title as a heading of their
		// own and hide this one, so no room is kept for it.
		charts.WithTitleOpts(opts.Title{Title: "Pain over time", Subtitle: trendSubtitle(tl.len(), res)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0"}),
		// No formatter here: the page supplies one that escapes the notes.
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithGridOpts(opts.Grid{Top: "52", Left: "8", Right: "8", Bottom: gridBottom(n), ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", AxisLabel: &opts.AxisLabel{HideOverlap: opts.Bool(true)}}),
		// Both axes have five equal steps, so the sleep ticks sit on the
		// pain grid lines instead of drawing a second grid.
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Min: 0, Max: journal.PainMax, SplitNumber: 5}),
	)
	sleepMax := sleepAxisMax(maxSleep)
	line.ExtendYAxis(opts.YAxis{
		Type: "value", Min: 0, Max: sleepMax, SplitNumber: 5, Position: "right",
		AxisLabel: &opts.AxisLabel{Formatter: "{value} h"},
		SplitLine: &opts.SplitLine{Show: opts.Bool(false)},
	})
	if n > zoomAfterDays {
		line.SetGlobalOptions(charts.WithDataZoomOpts(opts.DataZoom{Type: "inside"}, opts.DataZoom{Type: "slider"}))
	}
	labels := make([]string, n)
	for i, b := range bs {
		labels[i] = b.label
	}
	line.SetXAxis(labels)
	peakOpts := append([]charts.SeriesOpts{
		data(peaks), lineStyle(colorPeak, "solid", 2),
	}, marks...)
	peakOpts = append(peakOpts, markMilestones(bs, doc.Milestones)...)
	line.AddSeries(peakName, nil, peakOpts...)
	line.AddSeries(avgName, nil, data(avgs), lineStyle(colorAvg, "solid", 3),
		charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.ShowSymbol = opts.Bool(false) }))

	bar := charts.NewBar()
	bar.AddSeries("Sleep (h)", nil, data(sleep),
		charts.WithBarChartOpts(opts.BarChart{YAxisIndex: 1}),
		// Light enough to stay behind the pain lines on the app's dark
		// background as well as on paper.
		charts.WithItemStyleOpts(opts.ItemStyle{Color: colorSleep, Opacity: opts.Float(0.35)}),
		charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.BarMaxWidth = "12" }))
	line.Overlap(bar)
	return line
}

// trendSubtitle says what a point is and, with nothing logged, that the
// chart is empty on purpose.
func trendSubtitle(days int, res Resolution) string {
	switch {
	case days == 0:
		return "Nothing logged in this period"
	case res == Daily:
		return "Peak pain each day, its 7-day average, and sleep"
	}
	return fmt.Sprintf("One point a %s: the worst day, the average of daily peaks, and average sleep", res)
}

// sleepAxisMax is the top of the sleep axis: a multiple of five, so its five
// steps are whole hours that line up with the pain axis' steps of two.
func sleepAxisMax(logged float64) int {
	switch {
	case logged <= 10:
		return 10
	case logged <= 15:
		return 15
	case logged <= 20:
		return 20
	}
	return 25
}

// data replaces a series' typed go-echarts data with Mend's items: bare
// values, nulls for gaps and objects for flare days in one array.
func data(items []any) charts.SeriesOpts {
	return charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.Data = items })
}

// lineStyle styles a pain line; connectNulls stays off so that an unlogged
// day breaks the line instead of being drawn over.
func lineStyle(color, kind string, width float32) charts.SeriesOpts {
	return charts.WithSeriesOpts(func(s *charts.SingleSeries) {
		s.ConnectNulls = opts.Bool(false)
		s.ItemStyle = &opts.ItemStyle{Color: color}
		s.LineStyle = &opts.LineStyle{Color: color, Type: kind, Width: width}
	})
}

func gridBottom(days int) string {
	if days > zoomAfterDays {
		return "36" // room for the slider under the axis labels
	}
	return "8"
}

// rollingPeak is the mean of the logged peaks in the 7 calendar days ending
// on each day, or null when fewer than rollingMinLogged of them were logged.
func rollingPeak(tl timeline) []any {
	out := make([]any, tl.len())
	sum, count := 0, 0
	for i := range out {
		if p, ok := tl.peak(i); ok {
			sum, count = sum+p, count+1
		}
		if i >= rollingWindow {
			if p, ok := tl.peak(i - rollingWindow); ok {
				sum, count = sum-p, count-1
			}
		}
		if count >= rollingMinLogged {
			out[i] = round(float64(sum)/float64(count), 1)
		}
	}
	return out
}

// markFlareups puts every flare-up on the points its days fall in: the
// flare-up on each of those items, its notes on the item of its peak day,
// and the markPoint (at the peak) and markArea (start to end) options for
// the peak series. Under trigger 'axis' a markPoint shows no tooltip of its
// own, hence the notes on the data item.
func markFlareups(bs []bucket, flares []insights.Flareup, peaks []any) []charts.SeriesOpts {
	var out []charts.SeriesOpts
	for _, f := range flares {
		if len(bs) == 0 {
			break
		}
		start, end := max(f.StartDay, bs[0].first), min(f.EndDay, bs[len(bs)-1].last)
		if start > end {
			continue // off the axis: nothing to mark
		}
		sum := &flareSummary{
			StartDay: f.StartDay, EndDay: f.EndDay, Peak: f.Peak, Baseline: finite(&f.Baseline),
			PriorSleepHours: finite(f.PriorSleepHours), TypicalSleepHours: finite(f.TypicalSleepHours),
			StressLevel: finite(f.StressLevel), TypicalStress: finite(f.TypicalStress),
		}
		first, last := bucketOf(bs, start), bucketOf(bs, end)
		peakAt := first
		for i := last; i >= first; i-- { // the first point at the peak wins
			if v, ok := value(peaks[i]); ok && v == f.Peak {
				peakAt = i
			}
		}
		for i := first; i <= last; i++ {
			p := point(peaks, i)
			p.Flare = sum
			if i == peakAt {
				p.Links = append(p.Links, f.Links...)
			}
		}
		out = append(out,
			charts.WithMarkPointNameCoordItemOpts(opts.MarkPointNameCoordItem{
				Name: "Flare-up peak", Coordinate: []any{bs[peakAt].label, f.Peak}, Value: strconv.Itoa(f.Peak),
			}),
			charts.WithMarkAreaData([]opts.MarkAreaData{{XAxis: bs[first].label}, {XAxis: bs[last].label}}),
		)
	}
	if len(out) > 0 {
		out = append(out,
			charts.WithMarkAreaStyleOpts(opts.MarkAreaStyle{ItemStyle: &opts.ItemStyle{Color: colorFlare}}),
			// A small diamond on the peak, not ECharts' 50 px pin: a pin rose
			// above the plot into the milestone labels, and a year can hold
			// dozens of flare-ups. The shaded area and the tooltip say the rest.
			charts.WithMarkPointStyleOpts(opts.MarkPointStyle{SymbolSize: 12,
				Label: &opts.Label{Show: opts.Bool(false)}}))
	}
	return out
}

// value is the pain value of a peak item, bare or already a trendPoint.
func value(item any) (int, bool) {
	if p, ok := item.(*trendPoint); ok {
		item = p.Value
	}
	v, ok := item.(int)
	return v, ok
}

// point returns item i as a trendPoint, converting a bare value in place.
func point(items []any, i int) *trendPoint {
	if p, ok := items[i].(*trendPoint); ok {
		return p
	}
	p := &trendPoint{Value: items[i]}
	items[i] = p
	return p
}

// markMilestones draws the postpartum milestones inside the period as
// dashed vertical lines with a short name ("6 wk") above the plot, where it
// crosses no data and, being short, is not cut at the edge. A milestone
// closer than a twelfth of the axis to the last one drawn is left out:
// on a long period the early milestones would print over each other.
func markMilestones(bs []bucket, milestones []insights.Milestone) []charts.SeriesOpts {
	var items []opts.MarkLineNameXAxisItem
	last := -len(bs)
	for _, m := range milestones {
		i := bucketOf(bs, m.Day)
		if i < 0 || 12*(i-last) < len(bs) {
			continue
		}
		last = i
		items = append(items, opts.MarkLineNameXAxisItem{Name: shortMilestone(m.Name), XAxis: bs[i].label})
	}
	if len(items) == 0 {
		return nil
	}
	return []charts.SeriesOpts{
		charts.WithMarkLineNameXAxisItemOpts(items...),
		charts.WithMarkLineStyleOpts(opts.MarkLineStyle{
			Symbol:    []string{"none", "none"},
			Label:     &opts.Label{Show: opts.Bool(true), Formatter: "{b}", Position: "end"},
			LineStyle: &opts.LineStyle{Color: "#7f8c8d", Type: "dashed"},
		}),
	}
}

// shortMilestone turns "6 weeks postpartum" into "6 wk" and "6 months
// postpartum" into "6 mo"; the tooltip and the report's text say the rest.
func shortMilestone(name string) string {
	r := strings.NewReplacer(" weeks postpartum", " wk", " months postpartum", " mo", " postpartum", "")
	return r.Replace(name)
}

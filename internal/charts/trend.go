package charts

import (
	"strconv"

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
	colorMean  = "#e67e22"
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
	tl := newTimeline(doc)
	n := tl.len()
	peaks, means, sleep := make([]any, n), make([]any, n), make([]any, n)
	sleepMax, anyLogged := 12, false
	for i := range n {
		s := tl.logged(i)
		if s == nil {
			continue // nil: a gap, never a zero
		}
		anyLogged = true
		if p, ok := tl.peak(i); ok {
			peaks[i] = p
		}
		means[i] = num(s.PainMean, 1)
		sleep[i] = num(s.SleepHours, 2)
		if h, ok := sleep[i].(float64); ok && h > 12 {
			sleepMax = journal.SleepHoursMax
		}
	}
	marks := markFlareups(tl, doc.Flareups, peaks)

	title := opts.Title{Title: "Pain over time"}
	if !anyLogged {
		title.Subtitle = "Nothing logged in this period"
	}
	line := charts.NewLine()
	line.SetGlobalOptions(
		initOpts("pain-trend"),
		charts.WithTitleOpts(title),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "30"}),
		// No formatter here: the page supplies one that escapes the notes.
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithGridOpts(opts.Grid{Top: "80", Left: "10", Right: "10", Bottom: gridBottom(n), ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: "Pain (0–10)", Min: 0, Max: 10}),
	)
	line.ExtendYAxis(opts.YAxis{
		Type: "value", Name: "Sleep (h)", Min: 0, Max: sleepMax, Position: "right",
		SplitLine: &opts.SplitLine{Show: opts.Bool(false)},
	})
	if n > zoomAfterDays {
		line.SetGlobalOptions(charts.WithDataZoomOpts(opts.DataZoom{Type: "inside"}, opts.DataZoom{Type: "slider"}))
	}
	line.SetXAxis(tl.labels())
	peakOpts := append([]charts.SeriesOpts{
		data(peaks), lineStyle(colorPeak, "solid", 2),
	}, marks...)
	peakOpts = append(peakOpts, markMilestones(tl, doc.Milestones)...)
	line.AddSeries("Peak pain", nil, peakOpts...)
	line.AddSeries("Mean pain", nil, data(means), lineStyle(colorMean, "dashed", 1))
	line.AddSeries("7-day average of peak", nil, data(rollingPeak(tl)), lineStyle(colorAvg, "solid", 3),
		charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.ShowSymbol = opts.Bool(false) }))

	bar := charts.NewBar()
	bar.AddSeries("Sleep (h)", nil, data(sleep),
		charts.WithBarChartOpts(opts.BarChart{YAxisIndex: 1}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: colorSleep}),
		charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.BarMaxWidth = "12" }))
	line.Overlap(bar)
	return line
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
		return "60" // room for the slider
	}
	return "20"
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

// markFlareups turns every flare day's peak item into a trendPoint, puts the
// notes on the peak day, and returns the markPoint (at the peak) and markArea
// (start to end) options for the peak series. Under trigger 'axis' a
// markPoint shows no tooltip of its own, hence the notes on the data item.
func markFlareups(tl timeline, flares []insights.Flareup, peaks []any) []charts.SeriesOpts {
	var out []charts.SeriesOpts
	for _, f := range flares {
		start, end := max(f.StartDay, tl.first), min(f.EndDay, tl.last())
		if tl.len() == 0 || start > end {
			continue // off the axis: nothing to mark
		}
		sum := &flareSummary{
			StartDay: f.StartDay, EndDay: f.EndDay, Peak: f.Peak, Baseline: finite(&f.Baseline),
			PriorSleepHours: finite(f.PriorSleepHours), TypicalSleepHours: finite(f.TypicalSleepHours),
			StressLevel: finite(f.StressLevel), TypicalStress: finite(f.TypicalStress),
		}
		peakDay := start
		for d := end; d >= start; d-- { // the first day at the peak wins
			if i, _ := tl.index(d); peaks[i] == f.Peak {
				peakDay = d
			}
		}
		for d := start; d <= end; d++ {
			i, _ := tl.index(d)
			p := point(peaks, i)
			p.Flare = sum
			if d == peakDay {
				p.Links = append(p.Links, f.Links...)
			}
		}
		out = append(out,
			charts.WithMarkPointNameCoordItemOpts(opts.MarkPointNameCoordItem{
				Name: "Flare-up peak", Coordinate: []any{peakDay.String(), f.Peak}, Value: strconv.Itoa(f.Peak),
			}),
			charts.WithMarkAreaData([]opts.MarkAreaData{{XAxis: start.String()}, {XAxis: end.String()}}),
		)
	}
	if len(out) > 0 {
		out = append(out,
			charts.WithMarkAreaStyleOpts(opts.MarkAreaStyle{ItemStyle: &opts.ItemStyle{Color: colorFlare}}),
			// Smaller than ECharts' 50 px pin: a year can hold dozens of flare-ups.
			charts.WithMarkPointStyleOpts(opts.MarkPointStyle{SymbolSize: 36}))
	}
	return out
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
// vertical lines labelled with their names ("{b}" is ECharts' string
// template for the name, not code).
func markMilestones(tl timeline, milestones []insights.Milestone) []charts.SeriesOpts {
	var items []opts.MarkLineNameXAxisItem
	for _, m := range milestones {
		if _, ok := tl.index(m.Day); ok {
			items = append(items, opts.MarkLineNameXAxisItem{Name: m.Name, XAxis: m.Day.String()})
		}
	}
	if len(items) == 0 {
		return nil
	}
	return []charts.SeriesOpts{
		charts.WithMarkLineNameXAxisItemOpts(items...),
		charts.WithMarkLineStyleOpts(opts.MarkLineStyle{
			Symbol:    []string{"none", "none"},
			Label:     &opts.Label{Show: opts.Bool(true), Formatter: "{b}", Position: "insideEndTop"},
			LineStyle: &opts.LineStyle{Color: "#7f8c8d", Type: "dashed"},
		}),
	}
}

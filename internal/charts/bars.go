package charts

import (
	"fmt"
	"slices"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
)

// reliefItem is one bar of the relief chart: the share of a group's days on
// which that relief was used, with the counts behind it so a percentage of a
// handful of days reads as such.
type reliefItem struct {
	Value any `json:"value"` // percent, or null when the group has no days
	Count int `json:"count"`
	Total int `json:"total"`
}

// horizontalBar is the shared frame of the areas and relief charts: readable
// labels on a category y axis, largest at the top, so long names fit a phone.
func horizontalBar(name string, title opts.Title, categories []string, x opts.XAxis, legend bool) *charts.Bar {
	bar := charts.NewBar()
	trigger := "item"
	if legend {
		trigger = "axis"
	}
	// The title is printed by the page as a heading and hidden here, so the
	// plot starts at the top (under the legend, if any): no empty band.
	top := "8"
	if legend {
		top = "36"
	}
	// Counts of five years run to four digits: fewer, non-overlapping
	// ticks keep them readable on a phone.
	x.SplitNumber = 4
	x.AxisLabel = &opts.AxisLabel{HideOverlap: opts.Bool(true)}
	bar.SetGlobalOptions(
		initOpts(name),
		charts.WithTitleOpts(title),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(legend), Top: "0"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: trigger}),
		charts.WithGridOpts(opts.Grid{Top: top, Left: "8", Right: "30", Bottom: "36", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(x),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true)}),
	)
	// Validate moves these categories to the y axis.
	bar.SetXAxis(categories).XYReversal()
	return bar
}

// areas counts where it hurts: each pain reading in the period adds one to
// every area it names (once per area), most frequent first.
func areas(doc insights.Document, j journal.Journal) *charts.Bar {
	counts := map[string]int{}
	readings := 0
	for _, s := range j.Pain {
		if s.Day < doc.From || s.Day > doc.To || len(s.Areas) == 0 {
			continue
		}
		readings++
		seen := make([]string, 0, len(s.Areas))
		for _, a := range s.Areas {
			if !slices.Contains(seen, a) {
				seen = append(seen, a)
				counts[a]++
			}
		}
	}
	codes := rank(counts, journal.PainAreas)
	names, items := make([]string, len(codes)), make([]opts.BarData, len(codes))
	for i, c := range codes {
		names[i], items[i] = Label(c), opts.BarData{Value: counts[c]}
	}
	title := opts.Title{
		Title:    "Where it hurts",
		Subtitle: fmt.Sprintf("%d pain readings named an area; a reading can name several", readings),
	}
	bar := horizontalBar("areas", title, names, opts.XAxis{Type: "value", Name: "Readings", NameLocation: "middle", NameGap: 26, MinInterval: 1}, false)
	bar.AddSeries("Readings", items,
		charts.WithItemStyleOpts(opts.ItemStyle{Color: colorPeak}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}))
	return bar
}

// relief compares how often each relief was used on flare days and on other
// logged days. It is descriptive only and says so: people reach for relief
// because they hurt, so more use on flare days says nothing about what works.
func relief(doc insights.Document) *charts.Bar {
	inFlare := func(d journal.Day) bool {
		for _, f := range doc.Flareups {
			if d >= f.StartDay && d <= f.EndDay {
				return true
			}
		}
		return false
	}
	var days [2]int // flare days, other logged days
	used := [2]map[string]int{{}, {}}
	all := map[string]int{}
	for _, d := range doc.Days {
		if !d.Logged {
			continue
		}
		g := 1
		if inFlare(d.Day) {
			g = 0
		}
		days[g]++
		seen := make([]string, 0, len(d.Relief))
		for _, r := range d.Relief {
			if !slices.Contains(seen, r) {
				seen = append(seen, r)
				used[g][r]++
				all[r]++
			}
		}
	}
	codes := rank(all, journal.Reliefs)
	names := make([]string, len(codes))
	var items [2][]reliefItem
	for i, c := range codes {
		names[i] = Label(c)
		for g := range items {
			it := reliefItem{Count: used[g][c], Total: days[g]}
			if days[g] > 0 {
				it.Value = round(100*float64(it.Count)/float64(days[g]), 1)
			}
			items[g] = append(items[g], it)
		}
	}
	title := opts.Title{
		Title:    "Relief used on flare days vs other days",
		Subtitle: "Descriptive only: relief is used because it hurts, so this does not show what works",
	}
	bar := horizontalBar("relief", title, names, opts.XAxis{Type: "value", Name: "% of days", NameLocation: "middle", NameGap: 26, Min: 0, Max: 100}, true)
	groups := []struct {
		name  string
		color string
	}{
		{fmt.Sprintf("Flare days (%d)", days[0]), colorPeak},
		{fmt.Sprintf("Other logged days (%d)", days[1]), colorSleep},
	}
	for g, s := range groups {
		bar.AddSeries(s.name, nil, data(anySlice(items[g])), charts.WithItemStyleOpts(opts.ItemStyle{Color: s.color}))
	}
	return bar
}

func anySlice[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

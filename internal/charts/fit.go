package charts

import (
	"fmt"
	"math"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"gonum.org/v1/gonum/stat"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
)

// minFitPoints is the fewest days a line is fitted to: two points always lie
// on a line and say nothing.
const minFitPoints = 3

// flat is the variance below which a measure counts as constant: daily means
// of equal readings can differ from each other in the last bits.
const flat = 1e-9

// factor is what a fit chart puts on its x axis.
type factor struct {
	name, title, axis, unit string
	max                     int
	value                   func(insights.DayStat) *float64
}

// sleepFactor widens the axis to 24 h only when someone logged more than 12.
func sleepFactor(doc insights.Document) factor {
	f := factor{
		name: "sleep-pain", title: "Sleep and pain", axis: "Sleep the night before (h)",
		unit: "points per hour", max: 12,
		value: func(s insights.DayStat) *float64 { return s.SleepHours },
	}
	for _, d := range doc.Days {
		if h := finite(d.SleepHours); d.Logged && h != nil && *h > 12 {
			f.max = journal.SleepHoursMax
		}
	}
	return f
}

var stressFactor = factor{
	name: "stress-pain", title: "Stress and pain", axis: "Stress (0–10)",
	unit: "points per stress point", max: journal.StressMax,
	value: func(s insights.DayStat) *float64 { return s.Stress },
}

// fitChart is a scatter of the factor against peak pain on every logged day
// that has both, with a least-squares line and its slope, r and n in the
// title. It describes the user's own data; the subtitle says it is not a
// cause.
func fitChart(doc insights.Document, f factor) *charts.Scatter {
	var xs, ys []float64
	var points []opts.ScatterData
	for _, d := range doc.Days {
		x := finite(f.value(d))
		if !d.Logged || x == nil || d.PainPeak == nil {
			continue
		}
		xs, ys = append(xs, *x), append(ys, float64(*d.PainPeak))
		points = append(points, opts.ScatterData{Name: d.Day.String(), Value: []float64{round(*x, 2), float64(*d.PainPeak)}})
	}
	if points == nil {
		points = []opts.ScatterData{} // an empty array, not null, for ECharts
	}

	sc := charts.NewScatter()
	sc.SetGlobalOptions(
		initOpts(f.name),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "45"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithGridOpts(opts.Grid{Top: "80", Left: "10", Right: "20", Bottom: "20", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: f.axis, NameLocation: "middle", NameGap: 25, Min: 0, Max: f.max}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: "Peak pain (0–10)", Min: 0, Max: 10}),
	)
	sc.AddSeries("Logged days", points, charts.WithItemStyleOpts(opts.ItemStyle{Color: colorPeak, Opacity: opts.Float(0.5)}))

	alpha, beta, r, ok := fit(xs, ys)
	title := opts.Title{
		Title:    fmt.Sprintf("%s: not enough data for a fit (n = %d)", f.title, len(xs)),
		Subtitle: "Each dot is a logged day. An association in your own data, not a cause.",
	}
	if ok {
		title.Title = fmt.Sprintf("%s: slope %s %s, r = %s, n = %d", f.title, fixed(beta), f.unit, fixed(r), len(xs))
		lo, hi := minMax(xs)
		line := charts.NewLine()
		line.AddSeries("Least-squares fit", []opts.LineData{
			{Value: []float64{round(lo, 2), round(alpha+beta*lo, 2)}},
			{Value: []float64{round(hi, 2), round(alpha+beta*hi, 2)}},
		}, lineStyle(colorAvg, "solid", 2), charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.ShowSymbol = opts.Bool(false) }))
		sc.Overlap(line)
	}
	sc.SetGlobalOptions(charts.WithTitleOpts(title))
	return sc
}

// fit is the least-squares line y = alpha + beta·x and Pearson's r, or !ok
// with fewer than minFitPoints points or when x or y never varies (the slope
// or r would be undefined, and a flat line would claim more than it knows).
func fit(xs, ys []float64) (alpha, beta, r float64, ok bool) {
	if len(xs) < minFitPoints || stat.Variance(xs, nil) < flat || stat.Variance(ys, nil) < flat {
		return 0, 0, 0, false
	}
	alpha, beta = stat.LinearRegression(xs, ys, nil, false)
	r = stat.Correlation(xs, ys, nil)
	for _, v := range []float64{alpha, beta, r} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return 0, 0, 0, false
		}
	}
	return alpha, beta, r, true
}

// fixed prints two decimals without a "-0.00".
func fixed(v float64) string {
	v = round(v, 2)
	if v == 0 {
		v = 0
	}
	return fmt.Sprintf("%.2f", v)
}

func minMax(xs []float64) (lo, hi float64) {
	lo, hi = xs[0], xs[0]
	for _, x := range xs {
		lo, hi = min(lo, x), max(hi, x)
	}
	return lo, hi
}

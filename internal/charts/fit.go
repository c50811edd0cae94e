package charts

import (
	"fmt"
	"math"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/mend-app/mend/internal/insights"
)

// factor is what a pattern chart puts on its x axis: how far a day's factor
// was from what is usual for the parent at that point in her recovery,
// signed so that the exposure the association tests lies to the right.
type factor struct {
	name, title, axis string
	assoc             string  // the association (factor name, lag 0) the chart draws
	threshold         float64 // the exposure starts here on the x axis
	exposed           string  // completes "after …" / "on …" in the title
	value             func(d insights.DayStat, u insights.UsualDay) *float64
}

// sleepFactor: hours the night was shorter than usual (negative: longer).
var sleepFactor = factor{
	name: "sleep-pain", title: "Sleep and pain", axis: "Hours shorter than your usual night",
	assoc: "sleep_hours", threshold: insights.ShortNightHours, exposed: "after nights at least 1 h shorter than usual",
	value: func(d insights.DayStat, u insights.UsualDay) *float64 { return diff(u.SleepHours, d.SleepHours) },
}

// stressFactor: stress points above usual.
var stressFactor = factor{
	name: "stress-pain", title: "Stress and pain", axis: "Stress above your usual (points)",
	assoc: "stress", threshold: insights.HighStressPoints, exposed: "on days with stress at least 2 above usual",
	value: func(d insights.DayStat, u insights.UsualDay) *float64 { return diff(d.Stress, u.Stress) },
}

// diff is a − b, or nil when either is missing or not finite.
func diff(a, b *float64) *float64 {
	if finite(a) == nil || finite(b) == nil {
		return nil
	}
	v := *a - *b
	return &v
}

// fitChart plots what the association tests: each logged day's peak pain
// above (or below) what is usual for her at that point in her recovery,
// against how far the factor was from its usual. The fit is the model's
// own: its level of pain-above-usual on other days up to the threshold and
// on exposed days beyond it (a step, because the association compares the
// two groups), so the chart and the sentence can never disagree. The title
// gives the effect, n and q as the insights document does.
func fitChart(doc insights.Document, f factor) *charts.Scatter {
	usual := make(map[int]insights.UsualDay, len(doc.Usual))
	for _, u := range doc.Usual {
		usual[int(u.Day)] = u
	}
	var points []opts.ScatterData
	lo, hi := -f.threshold, 2*f.threshold
	for _, d := range doc.Days {
		u, ok := usual[int(d.Day)]
		if !ok || !d.Logged || d.PainPeak == nil || finite(u.PainPeak) == nil {
			continue
		}
		x := f.value(d, u)
		if x == nil {
			continue
		}
		y := float64(*d.PainPeak) - *u.PainPeak
		lo, hi = math.Min(lo, *x), math.Max(hi, *x)
		points = append(points, opts.ScatterData{Name: d.Day.String(), Value: []float64{round(*x, 2), round(y, 2)}})
	}
	if points == nil {
		points = []opts.ScatterData{} // an empty array, not null, for ECharts
	}
	lo, hi = math.Floor(lo), math.Ceil(hi)

	sc := charts.NewScatter()
	sc.SetGlobalOptions(
		initOpts(f.name),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "45"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithGridOpts(opts.Grid{Top: "80", Left: "10", Right: "20", Bottom: "20", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: f.axis, NameLocation: "middle", NameGap: 25, Min: lo, Max: hi}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: "Peak pain above your usual"}),
	)
	sc.AddSeries("Logged days", points, charts.WithItemStyleOpts(opts.ItemStyle{Color: colorPeak, Opacity: opts.Float(0.5)}))

	title := opts.Title{
		Title:    fmt.Sprintf("%s: not enough days to compare (n = %d)", f.title, len(points)),
		Subtitle: "Each dot is a day, measured against what is usual for you at that point in your recovery. A pattern in your own data, not a cause.",
	}
	if a := association(doc, f.assoc); a != nil {
		title.Title = fmt.Sprintf("%s: peak pain %s %s (n = %d, q %s)", f.title, signedPoints(a.Effect), f.exposed, a.N, qWords(a.Q))
		if !a.Significant {
			title.Title = fmt.Sprintf("%s: no clear difference %s (n = %d, q %s)", f.title, f.exposed, a.N, qWords(a.Q))
		}
		line := charts.NewLine()
		line.AddSeries("Model: other days, then exposed days", []opts.LineData{
			{Value: []float64{lo, a.LevelOther}},
			{Value: []float64{f.threshold, a.LevelOther}},
			{Value: []float64{f.threshold, a.LevelExposed}},
			{Value: []float64{hi, a.LevelExposed}},
		}, lineStyle(colorAvg, "solid", 2), charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.ShowSymbol = opts.Bool(false) }))
		sc.Overlap(line)
	}
	sc.SetGlobalOptions(charts.WithTitleOpts(title))
	return sc
}

// association is the document's same-day association of the named factor.
func association(doc insights.Document, name string) *insights.Association {
	for i := range doc.Associations {
		if a := &doc.Associations[i]; a.Factor == name && a.LagDays == 0 {
			return a
		}
	}
	return nil
}

// signedPoints words an effect for a title: "+1.8 points", "−0.5 points".
func signedPoints(v float64) string {
	switch {
	case v > 0:
		return fmt.Sprintf("+%s points", fixed1(v))
	case v < 0:
		return fmt.Sprintf("−%s points", fixed1(-v))
	}
	return "no different"
}

func fixed1(v float64) string { return fmt.Sprintf("%.1f", round(v, 1)) }

// qWords is "< 0.001" or "= 0.012", for "q …".
func qWords(q float64) string {
	s := insights.FormatQ(q)
	if s[0] == '<' {
		return s
	}
	return "= " + s
}

package charts

import (
	"fmt"
	"strconv"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
)

const (
	// calendarKeyTop is the share of the height kept for the colour key;
	// the calendars share the rest, so the chart fills whatever box the app
	// or the printed page gives it instead of leaving its lower part empty.
	calendarKeyTop = 16
	calendarGap    = 9
	// dayNumbersMaxWeeks is the widest calendar that prints day numbers in
	// its cells: past about four months the cells of a phone-wide calendar
	// are too narrow for two digits.
	dayNumbersMaxWeeks = 18
)

// painBands are the log's words for pain (0 none, 1–3 mild, 4–6 moderate,
// 7–10 severe) as the calendar's colour key. Neighbouring bands differ in
// hue and in lightness, so they stay apart on white paper and on the app's
// dark background alike; "no pain" is a clear green, never the blank of an
// unlogged day.
var painBands = []struct {
	min, max int
	label    string
	color    string
}{
	{0, 0, "0 none", "#5fb35f"},
	{1, 3, "1–3 mild", "#f2d04b"},
	{4, 6, "4–6 moderate", "#e8792b"},
	{7, 10, "7–10 severe", "#b0203a"},
}

// calendar is a heatmap of daily peak pain, one calendar per year of the
// period, weeks starting on Monday as in the app's History. A period within
// one year shows only its own days, so a short period gets wide, tappable
// cells with the day's number in them; a longer one shows whole years, so
// every calendar has the same cell width and the months line up. Unlogged
// days are absent, so they stay blank.
func calendar(doc insights.Document) *charts.HeatMap {
	tl := newTimeline(doc)
	hm := charts.NewHeatMap()
	title := opts.Title{Title: "Pain calendar", Subtitle: "Peak pain each day; blank days were not logged"}
	hm.SetGlobalOptions(
		initOpts("calendar"),
		charts.WithTitleOpts(title),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithVisualMapOpts(opts.VisualMap{Type: "piecewise", Orient: "horizontal", Left: "center", Top: "0"}),
	)
	hm.AddCalendar() // no coordinate axes even when there is no year to draw
	if tl.len() == 0 {
		return hm
	}
	firstYear, lastYear := tl.first.Time().Year(), tl.last().Time().Year()
	years := lastYear - firstYear + 1
	band := (100 - calendarKeyTop) / years
	for i, y := 0, firstYear; y <= lastYear; i, y = i+1, y+1 {
		from := max(tl.first, journal.DayOf(time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC)))
		to := min(tl.last(), journal.DayOf(time.Date(y, time.December, 31, 0, 0, 0, 0, time.UTC)))
		span := []string{from.String(), to.String()}
		if firstYear != lastYear {
			span = []string{strconv.Itoa(y)}
		}
		// One year needs no year label (the period says it); several do,
		// left of the weekday letters, with room so it is not cut.
		// Three years or more leave each calendar a thin band: the weekday
		// letters would overlap and the months repeat, so only the first
		// calendar names the months (they line up below it).
		left, yearLabel := "26", &opts.CalendarLabel{Show: opts.Bool(false)}
		dayLabel := &opts.CalendarLabel{FirstDay: 1, Margin: 4, FontSize: 10}
		monthLabel := &opts.CalendarLabel{FontSize: 11}
		switch {
		case years >= 3:
			left, yearLabel = "30", &opts.CalendarLabel{Color: "#5a5157", Margin: 6, FontSize: 10}
			dayLabel = &opts.CalendarLabel{FirstDay: 1, Show: opts.Bool(false)}
			if i > 0 {
				monthLabel = &opts.CalendarLabel{Show: opts.Bool(false)}
			}
		case years > 1:
			left, yearLabel = "50", &opts.CalendarLabel{Color: "#5a5157", Margin: 24}
		}
		hm.AddCalendar(&opts.Calendar{
			Range:    span,
			Top:      fmt.Sprintf("%d%%", calendarKeyTop+calendarGap/2+i*band),
			Height:   fmt.Sprintf("%d%%", band-calendarGap),
			Left:     left,
			Right:    "8",
			CellSize: "auto",
			// ECharts' default year label (#ccc) is 1.6:1 on white paper;
			// this grey is 7.6:1 (WCAG AA). The web app sets its theme's.
			YearLabel:  yearLabel,
			DayLabel:   dayLabel,
			MonthLabel: monthLabel,
		})
		items := []opts.HeatMapData{}
		for d := from; d <= to; d++ {
			if p, ok := tl.peak(d.DaysSince(tl.first)); ok {
				items = append(items, opts.HeatMapData{Value: []any{d.String(), p}})
			}
		}
		hm.AddSeries("Peak pain "+strconv.Itoa(y), items,
			charts.WithCoordinateSystem("calendar"), charts.WithCalendarIndex(i))
	}
	return hm
}

// calendarLayout sets the piecewise colour key (go-echarts' Piece has no
// label) and, on calendars narrow enough in weeks, the day numbers: a
// scatter with no symbol whose label is the day of the month ("{@[1]}" is
// ECharts' template for the item's second value, not code).
func calendarLayout(obj map[string]any) {
	var pieces []any
	for _, b := range painBands {
		pieces = append(pieces, map[string]any{"gte": b.min, "lte": b.max, "label": b.label, "color": b.color})
	}
	heatmaps := []any{}
	series := list(obj["series"])
	for i := range series {
		heatmaps = append(heatmaps, i)
	}
	for _, vm := range list(obj["visualMap"]) {
		vm["pieces"], vm["seriesIndex"] = pieces, heatmaps
		// Small swatches and gaps: the four bands fit one line of a 320 px card.
		vm["itemWidth"], vm["itemHeight"], vm["itemGap"], vm["textGap"] = 10, 10, 6, 4
		vm["textStyle"] = map[string]any{"fontSize": 11}
	}
	out := make([]any, 0, 2*len(series))
	for _, s := range series {
		out = append(out, s)
	}
	for i, c := range list(obj["calendar"]) {
		if c["range"] == nil {
			continue
		}
		days := calendarDays(c["range"])
		if len(days) == 0 || len(days) > 7*dayNumbersMaxWeeks {
			continue
		}
		data := make([]any, len(days))
		for k, d := range days {
			data[k] = []any{d.String(), d.Time().Day()}
		}
		out = append(out, map[string]any{
			"type": "scatter", "name": "Day", "coordinateSystem": "calendar", "calendarIndex": i,
			"symbolSize": 0, "silent": true, "tooltip": map[string]any{"show": false}, "z": 3,
			"label": map[string]any{"show": true, "formatter": "{@[1]}", "fontSize": 10, "color": "#1d1b1c",
				"textBorderColor": "#ffffff", "textBorderWidth": 2},
			"data": data,
		})
	}
	obj["series"] = out
}

// calendarDays lists the days of a calendar's range: [from, to] days.
func calendarDays(r any) []journal.Day {
	span, _ := r.([]any)
	if len(span) != 2 {
		return nil
	}
	from, err1 := journal.ParseDay(fmt.Sprint(span[0]))
	to, err2 := journal.ParseDay(fmt.Sprint(span[1]))
	if err1 != nil || err2 != nil || to < from {
		return nil
	}
	out := make([]journal.Day, 0, to.DaysSince(from)+1)
	for d := from; d <= to; d++ {
		out = append(out, d)
	}
	return out
}

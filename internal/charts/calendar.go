package charts

import (
	"strconv"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
)

const (
	// calendarTop and calendarStride place one calendar per year below the
	// title and the color key: 7 rows of 16 px plus month labels and a gap.
	// The page sizes its container to about calendarTop + stride × calendars.
	calendarTop    = 90
	calendarStride = 150
	calendarHeight = 7 * 16
)

// painColors run from no pain to severe, echoing the log's words (0 none,
// 1–3 mild, 4–6 moderate, 7–10 severe) on a continuous 0–10 scale; 0 is a
// clear green so "no pain" never looks like the white of an unlogged day.
var painColors = []string{"#a8d5a2", "#fff3b0", "#f6a04d", "#c0392b"}

// calendar is a heatmap of daily peak pain, one calendar per year of the
// period. A period within one year shows only its own days, so a short period
// gets wide, tappable cells; a longer one shows whole years, so every
// calendar has the same cell width and the months line up. Unlogged days are
// absent, so they stay blank.
func calendar(doc insights.Document) *charts.HeatMap {
	tl := newTimeline(doc)
	hm := charts.NewHeatMap()
	title := opts.Title{Title: "Pain calendar", Subtitle: "Peak pain each day; blank days were not logged"}
	hm.SetGlobalOptions(
		initOpts("calendar"),
		charts.WithTitleOpts(title),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		// Min is 0, ECharts' default (go-echarts omits a zero Min).
		charts.WithVisualMapOpts(opts.VisualMap{
			Type: "continuous", Max: journal.PainMax, Calculable: opts.Bool(false),
			Orient: "horizontal", Left: "center", Top: "45", Text: []string{"10 severe", "0 none"},
			InRange: &opts.VisualMapInRange{Color: painColors},
		}),
	)
	hm.AddCalendar() // no coordinate axes even when there is no year to draw
	if tl.len() == 0 {
		return hm
	}
	firstYear, lastYear := tl.first.Time().Year(), tl.last().Time().Year()
	for i, y := 0, firstYear; y <= lastYear; i, y = i+1, y+1 {
		from := max(tl.first, journal.DayOf(time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC)))
		to := min(tl.last(), journal.DayOf(time.Date(y, time.December, 31, 0, 0, 0, 0, time.UTC)))
		span := []string{from.String(), to.String()}
		if firstYear != lastYear {
			span = []string{strconv.Itoa(y)}
		}
		hm.AddCalendar(&opts.Calendar{
			Range:    span,
			Top:      strconv.Itoa(calendarTop + i*calendarStride),
			Left:     "50",
			Right:    "10",
			Height:   strconv.Itoa(calendarHeight),
			CellSize: "auto",
			// ECharts' default year label (#ccc) is 1.6:1 on white paper;
			// this grey is 7.6:1 (WCAG AA). The web app sets its theme's.
			YearLabel: &opts.CalendarLabel{Color: "#5a5157"},
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

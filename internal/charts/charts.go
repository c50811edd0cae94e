// Package charts builds the ECharts options behind GET /api/mend/charts/{name}
// and the clinician report's figures, with go-echarts, from the insights
// document and the journal. It is pure: no PocketBase, no clock.
//
// Every option is plain data. go-echarts' own HTML rendering writes the option
// into a <script> unescaped and strips "__f__" function markers page-wide, so a
// note could run as code there (DESIGN.md). Mend therefore never renders through
// go-echarts: it sets no function-valued option (no formatter functions), and
// Build returns JSON in which "<", ">" and "&" are \u-escaped and no "__"
// occurs outside an escape, so the bytes can be embedded in HTML as they are.
//
// User text (the notes linked to a flare-up) travels only as data fields on
// series items, never as a series name, axis label, title or marker name, so
// ECharts' canvas text and its default tooltip never see it. The web page's
// tooltip formatter reads those fields and must escape them
// (echarts.format.encodeHTML); see Build for their shape.
package charts

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
)

// Names lists the charts Build knows, in the order the web app shows them.
// Callers must not modify it.
var Names = []string{"pain-trend", "sleep-pain", "stress-pain", "calendar", "areas", "relief"}

// ErrUnknownChart is returned (wrapped) by Build for a name not in Names; the
// route maps it to 404.
var ErrUnknownChart = errors.New("charts: unknown chart")

// Build returns the ECharts 5 option of the named chart as JSON, ready for
// echarts.init(el).setOption(option). The pain trend's categories are short
// dates a phone has room for: "12 Nov" a day (with the year, "12 Nov 26",
// past a year), the Monday of a week, or "Nov 2026" for a month (see
// ResolutionFor); days inside data items are "YYYY-MM-DD". A point with
// nothing logged is null, never 0. The trend starts at the first log.
//
// Extra fields on series data items, for the page's tooltip formatter (which
// must escape every string it shows):
//
//   - pain-trend, series 0 (the worst day of each point): an item is a bare
//     number, null, or {"value": n, "flare": {...}, "links": [...]}. "flare"
//     is on every point a flare-up covers: {"start_day", "end_day", "peak", "baseline",
//     "prior_sleep_hours", "typical_sleep_hours", "stress_level",
//     "typical_stress"} as in the insights document. "links" is on the
//     point of the flare-up's peak only (where its markPoint sits): the
//     linked notes verbatim, each {"day", "kind", "text"}. Series 1 is the
//     7-day (or weekly/monthly) average, series 2 the sleep bars.
//   - relief: {"value": percent or null, "count": days used, "total": days
//     in the group}.
//   - sleep-pain, stress-pain: {"name": day, "value": [x, y]} where y is peak
//     pain minus the usual peak at that point in recovery (doc.Usual) and x
//     is hours shorter than the usual night, or stress above usual stress.
//   - calendar: {"value": [day, peak pain]}; a last scatter series per
//     short calendar holds [day, day of month] for the cells' numbers.
//
// Pain readings in j count only when their day lies in doc.From..doc.To, so
// every chart describes the same period.
func Build(name string, doc insights.Document, j journal.Journal) (json.RawMessage, error) {
	var c option
	switch name {
	case "pain-trend":
		c = painTrend(doc)
	case "sleep-pain":
		c = fitChart(doc, sleepFactor)
	case "stress-pain":
		c = fitChart(doc, stressFactor)
	case "calendar":
		c = calendar(doc)
	case "areas":
		c = areas(doc, j)
	case "relief":
		c = relief(doc)
	default:
		return nil, fmt.Errorf("%w %q", ErrUnknownChart, name)
	}
	return encode(name, c)
}

// option is what every go-echarts chart type offers.
type option interface {
	Validate()
	JSON() map[string]any
}

// encode turns a chart into its option JSON.
func encode(name string, c option) (json.RawMessage, error) {
	// JSON does not call Validate, and Validate is what copies SetXAxis data
	// onto the category axis: without it the axis has no days.
	c.Validate()
	// encoding/json escapes <, > and & (so "</script>" in a note cannot end an
	// embedding script element) and rejects NaN rather than writing bad JSON.
	b, err := json.Marshal(c.JSON())
	if err != nil {
		return nil, fmt.Errorf("charts: unable to encode option: %w", err)
	}
	// go-echarts has no field for a few layout settings; they are set on the
	// decoded option (see layout), which is then encoded again.
	var obj map[string]any
	if err := json.Unmarshal(b, &obj); err != nil {
		return nil, fmt.Errorf("charts: unable to decode option: %w", err)
	}
	layout(name, obj)
	if b, err = json.Marshal(obj); err != nil {
		return nil, fmt.Errorf("charts: unable to encode option: %w", err)
	}
	// "__" can only occur inside JSON strings and no escape sequence contains
	// "_", so writing the second underscore as \u005f changes no decoded value
	// but leaves no "__f__" marker for any go-echarts-style renderer to strip.
	return bytes.ReplaceAll(b, []byte("__"), []byte(`_\u005f`)), nil
}

// initOpts fixes the chart ID, which go-echarts otherwise draws at random, so
// anything rendered from these charts is stable. The ID and assets are not
// part of the JSON option.
func initOpts(name string) charts.GlobalOpts {
	return charts.WithInitializationOpts(opts.Initialization{ChartID: "mend-" + name})
}

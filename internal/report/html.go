package report

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"math"
	"strings"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
)

// ChartNames are the charts the HTML report places, each in its section.
// They are the names of GET /api/mend/charts/{name}; others are ignored.
// "areas" is not among them: the report's table of areas says the same with
// shares, and a second figure of it was a repeated heading.
var ChartNames = []string{"pain-trend", "calendar", "sleep-pain", "stress-pain", "relief"}

//go:embed report.html.tmpl
var pageTemplate string

// initScript draws every chart from the JSON block with the SVG renderer
// (vector in print) and no animation (a print must not catch a half-drawn
// frame), then flags the body so a printer knows when to print. It reads
// data only: options hold no function strings and nothing is evaluated.
//
//go:embed init.js
var initScript string

var tmpl = template.Must(template.New("report").Funcs(template.FuncMap{
	"f1":     f1,
	"signed": func(v float64) string { return fmt.Sprintf("%+.1f", round1(v)) },
	"pct":    func(v float64) string { return fmt.Sprintf("%+.0f %%", math.Round(v)) },
	"join":   strings.Join,
	"label":  label,
	"plural": plural,
	"q":      insights.FormatQ, // "< 0.001", never "0.000"
}).Parse(pageTemplate))

// f1 prints a number with one decimal, or an en dash for a missing one.
func f1(v any) string {
	switch x := v.(type) {
	case *float64:
		if x == nil {
			return "–"
		}
		return fmt.Sprintf("%.1f", *x)
	case float64:
		return fmt.Sprintf("%.1f", x)
	case *int:
		if x == nil {
			return "–"
		}
		return fmt.Sprint(*x)
	}
	return fmt.Sprint(v)
}

// page is what the template sees.
type page struct {
	In                                   Input
	Generated, Timezone, Period          string
	Identifier                           string
	Delivery                             *journal.Day
	DeliveryType                         string
	Weeks                                *int
	Head                                 headline
	Flareups                             []flareRow
	Areas, Activities, Exercises, Relief []count
	ExerciseDays                         int
	Sleep                                sleepStress
	Associations                         []insights.Association
	RedFlags                             []redFlag
	Guidance                             []insights.Guidance
	Notes                                []note
	NotesMore, FlareupsEarlier           string // what a bounded section left out
	DayRows                              []dayRow
	DayUnit                              string // day, week or month
	ShowNotes                            bool
	Chart                                map[string]bool
	Caption                              map[string]caption
	ChartsJSON, EChartsJS, InitJS        template.JS
	CSP                                  string
}

// sectionHeading is the heading of the section a chart sits in, where the
// chart's own title would repeat it.
var sectionHeading = map[string]string{"pain-trend": "Pain over time"}

// ErrUnsafeScript is returned when the ECharts source could end or hide the
// end of the <script> element it is inlined into. Vendor code is trusted,
// but a drifted or swapped file must fail loudly, not inject markup.
var ErrUnsafeScript = errors.New("report: echarts source contains </script, <script or <!-- and cannot be inlined")

// HTML writes the clinician report as one self-contained page: ECharts
// inlined, options embedded as HTML-escaped JSON in a data block, every text
// escaped by html/template, and a Content-Security-Policy that allows only
// the page's own two scripts (by hash) and no request to anything.
func HTML(w io.Writer, in Input, echartsJS []byte) error {
	lower := bytes.ToLower(echartsJS)
	for _, bad := range []string{"</script", "<script", "<!--"} {
		if bytes.Contains(lower, []byte(bad)) {
			return ErrUnsafeScript
		}
	}
	in, err := in.redacted()
	if err != nil {
		return err
	}
	p, err := newPage(in)
	if err != nil {
		return err
	}
	p.EChartsJS, p.InitJS = template.JS(echartsJS), template.JS(initScript)
	p.CSP = CSP(echartsJS)
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, p); err != nil {
		return fmt.Errorf("report: render html: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// CSP is the Content-Security-Policy the HTML report carries in its meta
// tag, for the given ECharts source: the page's two inline scripts by hash
// and no request to anything. A server that sends the report must send the
// same policy as a header: a page obeys both, so a stricter site-wide header
// would stop the report's scripts and leave its charts blank.
func CSP(echartsJS []byte) string {
	return "default-src 'none'; script-src " + scriptHash(echartsJS) + " " + scriptHash([]byte(initScript)) +
		"; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'"
}

// scriptHash is the CSP source for an inline script's exact text.
func scriptHash(js []byte) string {
	sum := sha256.Sum256(js)
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

func newPage(in Input) (*page, error) {
	loc := in.location()
	doc := in.Doc
	p := &page{
		In:           in,
		Generated:    in.Generated.In(loc).Format("2 January 2006, 15:04"),
		Timezone:     loc.String(),
		Period:       periodText(doc),
		Identifier:   in.Identifier,
		Delivery:     in.Profile.DeliveryDate,
		DeliveryType: in.Profile.DeliveryType,
		Weeks:        doc.WeeksPostpartum,
		Head:         summarize(doc),
		Sleep:        summarizeSleepStress(doc.Days),
		Associations: doc.Associations,
		RedFlags:     redFlags(in.Journal.Entries),
		Guidance:     doc.Guidance,
		ShowNotes:    in.Notes,
		Chart:        map[string]bool{},
		Caption:      map[string]caption{},
	}
	flares, earlier := recentFlareups(doc.Flareups)
	p.Flareups, p.FlareupsEarlier = flares, moreLine(earlier, "earlier flare-up is", "earlier flare-ups are")
	rows, unit := dayRows(doc)
	p.DayRows, p.DayUnit = rows, unit.String()
	if p.DeliveryType == "" {
		p.DeliveryType = "unspecified"
	}
	p.Areas, p.Activities = painTables(in.Journal.Pain)
	p.Exercises, p.Relief, p.ExerciseDays = careTables(in, flareDays(doc))
	if in.Notes {
		shown, more := recentNotes(notes(in.Journal, loc))
		p.Notes, p.NotesMore = shown, moreLine(more, "older note is", "older notes are")
	}
	charts := map[string]json.RawMessage{}
	for _, name := range ChartNames {
		if raw, ok := in.Charts[name]; ok && len(raw) > 0 {
			// A report's charts carry no notes: their tooltips are not read
			// on paper, the notes are in the tables, and five years of
			// linked notes would weigh megabytes.
			clean, err := scrubChart(raw, nil)
			if err != nil {
				return nil, fmt.Errorf("report: chart %q: %w", name, err)
			}
			charts[name] = clean
			p.Chart[name] = true
			p.Caption[name] = chartCaption(clean)
			if c := p.Caption[name]; c.Title == sectionHeading[name] {
				c.Title, c.Sub = c.Sub, "" // the section's heading says it already
				p.Caption[name] = c
			}
		}
	}
	js, err := chartsJSON(charts)
	if err != nil {
		return nil, err
	}
	p.ChartsJSON = js
	return p, nil
}

// chartsJSON encodes the options for the data block. json.Marshal writes
// <, > and & as \u003c, \u003e and \u0026 (and U+2028/9 escaped), so no
// string in an option, however hostile, can close the <script> element;
// HTMLEscape runs again so that stays true whatever the encoder's settings.
func chartsJSON(charts map[string]json.RawMessage) (template.JS, error) {
	b, err := json.Marshal(charts)
	if err != nil {
		return "", fmt.Errorf("report: chart options are not valid JSON: %w", err)
	}
	var out bytes.Buffer
	json.HTMLEscape(&out, b)
	return template.JS(out.String()), nil
}

package hooks

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"github.com/mend-app/mend/internal/charts"
	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
	"github.com/mend-app/mend/internal/pdf"
	"github.com/mend-app/mend/internal/report"
	"github.com/mend-app/mend/internal/store"
)

// echartsPath is the classic ECharts build inside Config.Public; the HTML
// report inlines it so the page needs nothing from the network.
const echartsPath = "vendor/echarts@5.6.0/echarts.min.js"

// reportOptions is a validated choice of format, notes and the name or
// identifier the parent chose to print on the report (never the email).
type reportOptions struct {
	format string
	notes  bool
	name   string
}

// getReport answers GET /api/mend/report with the user's report for the
// period as a download.
func (h *handlers) getReport(e *core.RequestEvent) error {
	opts, err := parseReportQuery(e.Request.URL.Query())
	if err != nil {
		return err
	}
	if err := h.checkPrinter(opts.format); err != nil {
		return err
	}
	p, err := h.loadPeriod(e)
	if err != nil {
		return err
	}
	body, err := h.renderReport(e, p, opts)
	if err != nil {
		return err
	}
	return h.sendReport(e, opts.format, report.Filename(opts.format, p.from, p.to), "attachment", body)
}

// parseReportQuery reads format= (required) and notes= (0 or 1, default 1:
// it is the user's own report; leaving notes out is a choice they make).
func parseReportQuery(q url.Values) (reportOptions, error) {
	problems := validation.Errors{}
	opts := reportOptions{format: q.Get("format"), notes: true}
	if report.ContentType(opts.format) == "" {
		problems["format"] = errInvalidFormat
	}
	switch q.Get("notes") {
	case "", "1":
	case "0":
		opts.notes = false
	default:
		problems["notes"] = validation.NewError("validation_invalid_notes", "notes must be 0 or 1.")
	}
	if name, err := parseReportName(q.Get("name")); err != nil {
		problems["name"] = err
	} else {
		opts.name = name
	}
	if len(problems) > 0 {
		return opts, apis.NewBadRequestError("The report request is not valid.", problems)
	}
	return opts, nil
}

// parseReportName checks the optional name or identifier for the report.
func parseReportName(s string) (string, error) {
	name, err := report.ValidIdentifier(s)
	switch {
	case errors.Is(err, report.ErrIdentifierLong):
		return "", validation.NewError("validation_name_too_long", "The name on the report can have at most 80 characters.")
	case err != nil:
		return "", validation.NewError("validation_invalid_name", "The name on the report must be one line of text.")
	}
	return name, nil
}

var errInvalidFormat = validation.NewError("validation_invalid_format", "format must be one of pdf, html, csv, json or fhir.")

// checkPrinter answers 503 before any work when a PDF is asked for and no
// Chromium can be found; every other format still works.
func (h *handlers) checkPrinter(format string) error {
	if format != report.FormatPDF {
		return nil
	}
	if err := h.cfg.Printer.Available(); err != nil {
		return errNoChromium(err)
	}
	return nil
}

func errNoChromium(err error) error {
	return apis.NewApiError(http.StatusServiceUnavailable,
		"PDF reports are not available on this server: it needs Debian's chromium package (apt-get install chromium). "+
			"HTML, CSV, JSON and FHIR reports still work.", err)
}

// renderReport renders p in the chosen format. It runs outside any
// transaction: a PDF takes a few hundred milliseconds of browser time and
// writes are serialized through one connection.
func (h *handlers) renderReport(e *core.RequestEvent, p *period, opts reportOptions) ([]byte, error) {
	doc := insights.Compute(p.journal, p.profile, p.from, p.to)
	j := within(p.journal, p.from, p.to)
	names, err := store.ExerciseNames(e.App, store.ExerciseIDs(j.Entries))
	if err != nil {
		return nil, err
	}
	in := report.Input{Doc: doc, Journal: j, Profile: p.profile, Notes: opts.notes, Generated: h.now(), ExerciseNames: names, Identifier: opts.name,
		AppURL: e.App.Settings().Meta.AppURL}
	var buf bytes.Buffer
	switch opts.format {
	case report.FormatCSV:
		err = report.CSV(&buf, in)
	case report.FormatJSON:
		err = report.JSON(&buf, in)
	case report.FormatFHIR:
		err = report.FHIR(&buf, in)
	case report.FormatHTML, report.FormatPDF:
		return h.renderPage(e, in, opts.format)
	default:
		return nil, fmt.Errorf("hooks: unknown report format %q", opts.format)
	}
	if err != nil {
		return nil, fmt.Errorf("hooks: render %s report: %w", opts.format, err)
	}
	return buf.Bytes(), nil
}

// renderPage draws the HTML report, and prints it when a PDF is wanted.
func (h *handlers) renderPage(e *core.RequestEvent, in report.Input, format string) ([]byte, error) {
	js, err := h.echartsJS()
	if err != nil {
		return nil, err
	}
	chartDoc := in.Doc
	if !in.Notes {
		chartDoc = report.StripNotes(in.Doc) // first line of defence; report scrubs again
	}
	in.Charts = make(map[string]json.RawMessage, len(charts.Names))
	for _, name := range charts.Names {
		if in.Charts[name], err = charts.Build(name, chartDoc, in.Journal); err != nil {
			return nil, fmt.Errorf("hooks: build chart %s: %w", name, err)
		}
	}
	var buf bytes.Buffer
	if err := report.HTML(&buf, in, js); err != nil {
		return nil, fmt.Errorf("hooks: render html report: %w", err)
	}
	if format == report.FormatHTML {
		return buf.Bytes(), nil
	}
	out, err := h.printerFor(in).Print(e.Request.Context(), buf.Bytes())
	switch {
	case err == nil:
		return out, nil
	case errors.Is(err, pdf.ErrNoChromium):
		return nil, errNoChromium(err)
	case e.Request.Context().Err() != nil:
		return nil, err // the client left; nobody reads the answer
	}
	e.App.Logger().Error("mend: PDF print failed", "error", err.Error())
	return nil, apis.NewApiError(http.StatusServiceUnavailable,
		"The PDF could not be printed just now. Try again, or download the HTML report and print it from a browser.", nil)
}

// echartsJS reads the vendored ECharts on each use: embedded, that is a 1 MB
// copy, small next to rendering the report, and it keeps Config the only state.
func (h *handlers) echartsJS() ([]byte, error) {
	if h.cfg.Public == nil {
		return nil, errNoECharts(errors.New("no public folder"))
	}
	js, err := fs.ReadFile(h.cfg.Public, echartsPath)
	if err != nil {
		return nil, errNoECharts(err)
	}
	return js, nil
}

func errNoECharts(err error) error {
	return apis.NewApiError(http.StatusServiceUnavailable,
		"HTML and PDF reports are not available: this build lacks "+echartsPath+". CSV, JSON and FHIR reports still work.", err)
}

// reportCSP is the header twin of the HTML report's meta policy (see
// report.CSP), plus what only a header can say: no framing.
func (h *handlers) reportCSP() string {
	js, err := h.echartsJS()
	if err != nil {
		// Without the library the charts cannot run anyway: allow no script.
		return "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
	}
	return report.CSP(js) + "; frame-ancestors 'none'"
}

// sendReport writes a report body with its type and file name. The report
// holds health data, so nothing may cache it.
func (h *handlers) sendReport(e *core.RequestEvent, format, filename, disposition string, body []byte) error {
	hdr := e.Response.Header()
	hdr.Set("Content-Disposition", disposition+`; filename="`+filename+`"`)
	hdr.Set("Cache-Control", "no-store")
	if format == report.FormatHTML {
		// Replaces the web app's policy set by bindSecurityHeaders, which
		// forbids the report's inline scripts.
		hdr.Set("Content-Security-Policy", h.reportCSP())
	}
	return e.Blob(http.StatusOK, report.ContentType(format), body)
}

// within keeps the records of days from..to: loadPeriod also reads the
// baseline window before from, which the insights need and the report's
// tables and exports must not show.
func within(j journal.Journal, from, to journal.Day) journal.Journal {
	in := func(d journal.Day) bool { return d >= from && d <= to }
	out := journal.Journal{}
	for _, e := range j.Entries {
		if in(e.Day) {
			out.Entries = append(out.Entries, e)
		}
	}
	for _, s := range []struct{ src, dst *[]journal.Score }{{&j.Pain, &out.Pain}, {&j.Mood, &out.Mood}, {&j.Stress, &out.Stress}} {
		for _, v := range *s.src {
			if in(v.Day) {
				*s.dst = append(*s.dst, v)
			}
		}
	}
	return out
}

// longPrintDays is the longest period printed at the server's own CPU
// priority. Past it a report takes seconds of layout and goes to the
// background printer, so a burst of long prints by one account cannot slow
// another user's answers, or her short report (make bench-scale's
// neighbour figure).
const longPrintDays = 366

// printerFor picks the printer for a report of in's period.
func (h *handlers) printerFor(in report.Input) *pdf.Printer {
	if int(in.Doc.To)-int(in.Doc.From)+1 > longPrintDays {
		return h.cfg.LongPrinter
	}
	return h.cfg.Printer
}

// closePrinter ends the warm browsers when the app stops.
func (h *handlers) closePrinter(e *core.TerminateEvent) error {
	if h.cfg.LongPrinter != h.cfg.Printer {
		if err := h.cfg.LongPrinter.Close(); err != nil {
			e.App.Logger().Warn("mend: unable to close the PDF printer of long reports", "error", err.Error())
		}
	}
	if err := h.cfg.Printer.Close(); err != nil {
		e.App.Logger().Warn("mend: unable to close the PDF printer", "error", err.Error())
	}
	return e.Next()
}

// Package report renders one user's journal and insights as the clinician
// report (HTML, printed to PDF by package pdf) and as raw exports (CSV, JSON,
// FHIR R4). It is pure: no PocketBase, no clock, no network. Everything it
// needs, including the time the report was made and the chart options, comes
// in through Input, so the same input always gives the same bytes.
package report

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
)

// Input is everything one report is rendered from.
type Input struct {
	// Doc is the insights document for the period (from internal/insights).
	Doc insights.Document
	// Journal is the raw records of the same period, already filtered to one user.
	Journal journal.Journal
	// Profile gives the delivery date and type and the user's time zone; the
	// name is never printed, so a report handed over or shared names no one.
	Profile journal.Profile
	// Charts maps a chart name (ChartNames) to its ECharts option JSON, as
	// served by GET /api/mend/charts/{name}. Unknown names are ignored.
	Charts map[string]json.RawMessage
	// Notes false leaves every free-text note out of every format: the journal's
	// notes, flare-up links, and any note text found in the chart options.
	// Build the charts from StripNotes(doc) as well: the report's own scrub of
	// chart JSON is a second line of defence, not the first.
	Notes bool
	// Generated is when the report was made; shown in the user's time zone.
	Generated time.Time
	// ExerciseNames maps exercise record ids to their names; an id missing
	// here is shown as the id.
	ExerciseNames map[string]string
	// Identifier is the name or identifier the parent chose to put on the
	// report (ValidIdentifier), printed in its header; empty for none. It is
	// never filled from the account: a report names no one unasked.
	Identifier string
	// AppURL is the server's Application URL setting; the FHIR bundle's own
	// code systems live under it (see FHIRBase).
	AppURL string
}

// Format names, as in DESIGN.md's report route and reports collection.
const (
	FormatPDF  = "pdf"
	FormatHTML = "html"
	FormatCSV  = "csv"
	FormatJSON = "json"
	FormatFHIR = "fhir"
)

// ContentType returns the media type of a format, or "" for an unknown one.
// FHIR uses its registered type so FHIR tools recognise the file.
func ContentType(format string) string {
	switch format {
	case FormatPDF:
		return "application/pdf"
	case FormatHTML:
		return "text/html; charset=utf-8"
	case FormatCSV:
		return "text/csv; charset=utf-8; header=present"
	case FormatJSON:
		return "application/json"
	case FormatFHIR:
		return "application/fhir+json"
	}
	return ""
}

// Filename returns the download name for a report of the period, such as
// mend-report-2026-08-26-to-2026-11-23.pdf. FHIR bundles end in .fhir.json so
// that they open as JSON and still say what they are; an unknown format gets
// .bin rather than a name built from untrusted text.
func Filename(format string, from, to journal.Day) string {
	ext := format
	switch format {
	case FormatPDF, FormatHTML, FormatCSV, FormatJSON:
	case FormatFHIR:
		ext = "fhir.json"
	default:
		ext = "bin"
	}
	return fmt.Sprintf("mend-report-%s-to-%s.%s", from, to, ext)
}

// location is the user's zone, UTC when the profile has none, so that times
// are always printed in a known zone.
func (in Input) location() *time.Location {
	if in.Profile.Location != nil {
		return in.Profile.Location
	}
	return time.UTC
}

// exerciseName is the display name of an exercise id.
func (in Input) exerciseName(id string) string {
	if n, ok := in.ExerciseNames[id]; ok && n != "" {
		return n
	}
	return id
}

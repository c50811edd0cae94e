package report_test

import (
	"encoding/json"
	"io"
	"testing"

	"github.com/mend-app/mend/internal/report"
	"github.com/mend-app/mend/internal/report/reporttest"
)

// year is a 365-day journal with up to three pain readings a day.
var year = reporttest.Sample(365, nil)

// BenchmarkBaselineJSONMarshalYear is the yardstick: encoding the same data
// with json.Marshal. Compare the other benchmarks with it (ratios hold
// across machines better than nanoseconds).
func BenchmarkBaselineJSONMarshalYear(b *testing.B) {
	for b.Loop() {
		if _, err := json.Marshal(struct {
			A any
			B any
		}{year.Doc, year.Journal}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkHTMLYear(b *testing.B) {
	js := reporttest.EChartsJS(b) // the real 1 MB library: its CSP hash is part of the cost
	for b.Loop() {
		if err := report.HTML(io.Discard, year, js); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCSVYear(b *testing.B) {
	for b.Loop() {
		if err := report.CSV(io.Discard, year); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkJSONYear(b *testing.B) {
	for b.Loop() {
		if err := report.JSON(io.Discard, year); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFHIRYear(b *testing.B) {
	for b.Loop() {
		if err := report.FHIR(io.Discard, year); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHTMLYearNotesOff adds the redaction pass over journal and charts.
func BenchmarkHTMLYearNotesOff(b *testing.B) {
	js := reporttest.EChartsJS(b)
	in := year
	in.Notes = false
	for b.Loop() {
		if err := report.HTML(io.Discard, in, js); err != nil {
			b.Fatal(err)
		}
	}
}

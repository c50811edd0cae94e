package pdf_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/mend-app/mend/internal/report"
	"github.com/mend-app/mend/internal/report/reporttest"
)

// BenchmarkBaselineHTMLYear renders the page that BenchmarkPDFWarmYear
// prints, so the two give the cost of Chromium as a ratio in one run.
func BenchmarkBaselineHTMLYear(b *testing.B) {
	in, js := reporttest.Sample(365, nil), reporttest.EChartsJS(b)
	for b.Loop() {
		if err := report.HTML(&bytes.Buffer{}, in, js); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPDFWarmYear prints a year's report with the warm browser: the
// browser start is paid before the timer runs.
func BenchmarkPDFWarmYear(b *testing.B) {
	needChromium(b)
	page := reportHTML(b, 365, nil)
	if _, err := printer.Print(context.Background(), page); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		doc, err := printer.Print(context.Background(), page)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(doc)), "pdf-bytes")
	}
}

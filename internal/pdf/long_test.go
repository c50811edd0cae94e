package pdf_test

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/mend-app/mend/internal/report"
	"github.com/mend-app/mend/internal/report/reporttest"
)

// The report of five years of long notes (7,304 records) prints in fewer
// than 40 pages: the report bounds its notes, flare-ups and rows.
func TestPrintFiveYearsUnder40Pages(t *testing.T) {
	needChromium(t)
	var html bytes.Buffer
	if err := report.HTML(&html, reporttest.LongInput(1826, 2000), reporttest.EChartsJS(t)); err != nil {
		t.Fatal(err)
	}
	doc, err := printer.Print(context.Background(), html.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("MEND_PDF_DIR"); dir != "" { // to look at it with pdftoppm
		os.WriteFile(dir+"/report-5y.pdf", doc, 0o644)
	}
	n := pages(t, doc)
	t.Logf("report_pdf_5y_pages: %d", n)
	if n >= 40 {
		t.Errorf("5-year PDF has %d pages, want under 40", n)
	}
}

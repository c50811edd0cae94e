package report_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/mend-app/mend/internal/report"
	"github.com/mend-app/mend/internal/report/reporttest"
)

// fiveYears is the journal issue 13 measured: 1,826 days, 7,304 records,
// every one with a 2,000-character note.
func fiveYears() report.Input { return reporttest.LongInput(1826, 2000) }

// Five years of long notes make a report of bounded size: under 3 MB of
// HTML with the real ECharts inlined, monthly rows, the newest notes up to
// a budget and a line saying how many more the exports hold.
func TestFiveYearHTMLBounded(t *testing.T) {
	t.Parallel()
	in := fiveYears()
	if n := len(in.Journal.Entries) + len(in.Journal.Pain) + len(in.Journal.Mood) + len(in.Journal.Stress); n != 7304 {
		t.Fatalf("journal has %d records, want 7,304", n)
	}
	var b bytes.Buffer
	if err := report.HTML(&b, in, reporttest.EChartsJS(t)); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if b.Len() >= 3_000_000 {
		t.Errorf("5-year HTML report is %d bytes, want under 3,000,000", b.Len())
	}
	t.Logf("report_html_5y_bytes: %d", b.Len())
	for _, want := range []string{"<h2>Month by month</h2>", "older notes are not shown here; every one is in the CSV and JSON exports.", "Most recent first."} {
		if !strings.Contains(page, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	rows := strings.Count(section(page, "day-by-day"), "<tr>") - 1
	if rows < 55 || rows > 61 {
		t.Errorf("day-by-day table has %d rows, want one a month (about 60)", rows)
	}
	notes := strings.Count(section(page, "notes"), `<td class="text">`)
	if notes == 0 || notes > 120 {
		t.Errorf("notes section lists %d notes, want a bounded number", notes)
	}
	// The newest note is listed first.
	if !strings.Contains(section(page, "notes"), "Day 1825.") {
		t.Error("the most recent note is not in the notes section")
	}
}

// section returns the HTML of the <section id=...> element.
func section(page, id string) string {
	m := regexp.MustCompile(`(?s)<section id="` + id + `">.*?</section>`).FindString(page)
	return m
}

// BenchmarkHTMLFiveYears renders the 5-year report with long notes; the
// bytes it reports are what the HTML download weighs.
func BenchmarkHTMLFiveYears(b *testing.B) {
	in := fiveYears()
	js := reporttest.EChartsJS(b)
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if err := report.HTML(&buf, in, js); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "html_bytes")
}

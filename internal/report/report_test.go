package report_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
	"github.com/mend-app/mend/internal/report"
	"github.com/mend-app/mend/internal/report/reporttest"
)

func render(t *testing.T, in report.Input) string {
	t.Helper()
	var b bytes.Buffer
	if err := report.HTML(&b, in, fakeECharts); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestHTMLSections(t *testing.T) {
	t.Parallel()
	page := render(t, reporttest.Sample(90, nil))
	for _, want := range []string{
		"<dt>Period</dt><dd>26 August to 23 November 2026 (90 days)", "<dt>Delivery</dt><dd>2026-07-27, Cesarean (C-section)",
		"<dt>Weeks postpartum</dt><dd>17", "<dt>Days logged</dt>", "<dt>Average pain</dt>", "<dt>Worst pain</dt>",
		"the usual threshold for a change that matters to patients", "<dt>Flare-ups</dt>",
		`data-chart="pain-trend"`, `id="flareups"`, "Notes from the day before and during",
		`id="areas"`, "Lower back", `id="sleep-stress"`, "nights under 6 h", `id="care"`, "Pelvic tilt", "Support belt",
		`id="associations"`, "not a cause", `<td class="n">`, `id="red-flags"`, "Pain running down a leg",
		`id="notes"`, "informs; it does not diagnose",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(page, "Alex Example") {
		t.Error("the report prints the parent's name; it must identify no one on its own")
	}
}

func TestHTMLEmptyAndOneDay(t *testing.T) {
	t.Parallel()
	day := journal.MustDay("2026-11-23")
	scenarios := []struct {
		name string
		in   report.Input
		want []string
	}{
		{"no data", report.Input{Doc: insights.Document{From: day, To: day}}, []string{"no pain logged", "No flare-ups", "None reported.", "date not given, type not given"}},
		{"one day", reporttest.Sample(1, nil), []string{"(1 day)", "shorter than four weeks"}},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			page := render(t, s.in)
			for _, w := range s.want {
				if !strings.Contains(page, w) {
					t.Errorf("lacks %q", w)
				}
			}
		})
	}
}

// TestHTMLChangeThreshold pins the 2-point / 30 % rule on both sides.
func TestHTMLChangeThreshold(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		name        string
		first, last float64
		want        string
	}{
		{"two points better", 6, 4, "-2.0 points (-33 %), lower.\n<span class=\"meets\">Meets</span>"},
		{"small change", 3, 2.5, "-0.5 points (-17 %), lower.\nDoes not meet"},
		{"thirty percent of a low score", 2, 1.4, "-0.6 points (-30 %), lower.\n<span class=\"meets\">Meets</span>"},
		{"worse by two", 3, 5, "&#43;2.0 points (&#43;67 %), higher.\n<span class=\"meets\">Meets</span>"},
		{"no change", 4, 4, "&#43;0.0 points (&#43;0 %), unchanged.\nDoes not meet"},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			from := journal.MustDay("2026-09-01")
			doc := insights.Document{From: from, To: from.AddDays(41)}
			for i := range 42 {
				v := s.first
				if i >= 28 {
					v = s.last
				} else if i >= 14 {
					v = 9 // the middle weeks must not count
				}
				doc.Days = append(doc.Days, insights.DayStat{Day: from.AddDays(i), Logged: true, PainMean: new(v), PainPeak: new(int(v))})
			}
			if page := render(t, report.Input{Doc: doc}); !strings.Contains(page, s.want) {
				t.Errorf("want %q in the headline", s.want)
			}
		})
	}
}

// TestHostileNotesStayText checks the markup; the browser test checks that
// nothing runs.
func TestHostileNotesStayText(t *testing.T) {
	t.Parallel()
	in := reporttest.Sample(60, reporttest.Hostile)
	in.Charts = reporttest.Charts(map[string]any{"pain-trend": map[string]any{
		"title": map[string]any{"text": reporttest.Hostile[0]}, "series": []any{map[string]any{"name": reporttest.Hostile[2], "type": "line", "data": []int{1}}},
	}})
	page := render(t, in)
	lower := strings.ToLower(page)
	if n := strings.Count(lower, "<script"); n != 3 {
		t.Errorf("%d <script> elements, want 3 (data, echarts, init)", n)
	}
	if n := strings.Count(lower, "</script"); n != 3 {
		t.Errorf("%d </script> tags, want 3", n)
	}
	for _, bad := range []string{"<img", "onerror=\"", "<script>window.__pwned"} {
		if strings.Contains(lower, bad) {
			t.Errorf("unescaped %q in the page", bad)
		}
	}
	data := page[strings.Index(page, `id="mend-charts">`):]
	data = data[:strings.Index(data, "</script>")]
	if strings.ContainsAny(data[len(`id="mend-charts">`):], "<>&") {
		t.Error("the chart data block holds a raw <, > or &")
	}
	if !strings.Contains(page, "&lt;/script&gt;&lt;script&gt;window.__pwned=1") {
		t.Error("the hostile note is not shown as text in the notes table")
	}
}

func TestUnsafeEChartsRejected(t *testing.T) {
	t.Parallel()
	for _, js := range []string{"var a='</SCRIPT>'", "<!--", "x='<script'"} {
		err := report.HTML(&bytes.Buffer{}, reporttest.Sample(3, nil), []byte(js))
		if !errors.Is(err, report.ErrUnsafeScript) {
			t.Errorf("%q: err = %v, want ErrUnsafeScript", js, err)
		}
	}
}

// markers gives every note a unique text so a leak names its source.
func markers(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("private-note-%03d about the evening feed", i)
	}
	return out
}

func TestNotesOffRemovesEveryNote(t *testing.T) {
	t.Parallel()
	notes := markers(40)
	in := reporttest.Sample(120, notes)
	// A chart builder that shortens a note for a tooltip must not leak it either.
	in.Charts["relief"] = []byte(`{"series":[{"type":"bar","data":[{"value":1,"name":"` + notes[3][:24] + `…"}]}]}`)
	formats := map[string]func(*bytes.Buffer, report.Input) error{
		"html": func(b *bytes.Buffer, in report.Input) error { return report.HTML(b, in, fakeECharts) },
		"csv":  func(b *bytes.Buffer, in report.Input) error { return report.CSV(b, in) },
		"json": func(b *bytes.Buffer, in report.Input) error { return report.JSON(b, in) },
		"fhir": func(b *bytes.Buffer, in report.Input) error { return report.FHIR(b, in) },
	}
	for name, f := range formats {
		t.Run(name, func(t *testing.T) {
			var on, off bytes.Buffer
			if err := f(&on, in); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(on.String(), "private-note-") {
				t.Fatal("with notes on, no note appears: the test would prove nothing")
			}
			noNotes := in
			noNotes.Notes = false
			if err := f(&off, noNotes); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(off.String(), "private-note") {
				i := strings.Index(off.String(), "private-note")
				t.Errorf("a note leaks with notes off: …%s…", off.String()[max(0, i-80):i+30])
			}
		})
	}
	if in.Journal.Entries[0].Notes == "" || in.Doc.Flareups[0].Links == nil {
		t.Error("rendering with notes off changed the caller's input")
	}
}

func TestFilenameAndContentType(t *testing.T) {
	t.Parallel()
	from, to := journal.MustDay("2026-08-26"), journal.MustDay("2026-11-23")
	scenarios := []struct{ format, name, ctype string }{
		{"pdf", "mend-report-2026-08-26-to-2026-11-23.pdf", "application/pdf"},
		{"html", "mend-report-2026-08-26-to-2026-11-23.html", "text/html; charset=utf-8"},
		{"csv", "mend-report-2026-08-26-to-2026-11-23.csv", "text/csv; charset=utf-8; header=present"},
		{"json", "mend-report-2026-08-26-to-2026-11-23.json", "application/json"},
		{"fhir", "mend-report-2026-08-26-to-2026-11-23.fhir.json", "application/fhir+json"},
		{"../x", "mend-report-2026-08-26-to-2026-11-23.bin", ""},
	}
	for _, s := range scenarios {
		if got := report.Filename(s.format, from, to); got != s.name {
			t.Errorf("Filename(%q) = %q, want %q", s.format, got, s.name)
		}
		if got := report.ContentType(s.format); got != s.ctype {
			t.Errorf("ContentType(%q) = %q, want %q", s.format, got, s.ctype)
		}
	}
}

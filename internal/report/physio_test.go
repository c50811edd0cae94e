package report_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
	"github.com/mend-app/mend/internal/report"
	"github.com/mend-app/mend/internal/report/reporttest"
)

// What a physio reads: the chosen name (escaped), honest q-values, "1 day",
// dates as dates, each heading once, and a compact day-by-day table.
func TestHTMLForThePhysio(t *testing.T) {
	t.Parallel()
	in := reporttest.Sample(90, nil)
	in.Identifier = `Sam <b>"Lee"</b> #123`
	in.Doc.Associations[0].Q = 0.0004
	in.Doc.Associations = append(in.Doc.Associations, in.Doc.Associations[0])
	in.Doc.Associations[1].Q = 0.0123
	page := render(t, in)
	for _, want := range []string{
		`<dt>Name or ID</dt><dd id="identifier">Sam &lt;b&gt;&#34;Lee&#34;&lt;/b&gt; #123</dd>`,
		`<td class="n">&lt; 0.001</td>`, `<td class="n">0.012</td>`,
		"reported on 1 day; see below",
		"<dt>Period</dt><dd>26 August to 23 November 2026 (90 days)",
		`<section id="day-by-day">`, "<h2>Day by day</h2>",
		"<th class=\"n\">Peak pain</th><th class=\"n\">Sleep (h)</th><th class=\"n\">Stress</th><th class=\"n\">Mood</th><th>Relief</th><th>Red flags</th>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	for _, bad := range []string{"day(s)", "0.000", `data-chart="areas"`, "alex@", "Alex Example"} {
		if strings.Contains(page, bad) {
			t.Errorf("report holds %q", bad)
		}
	}
	if m := regexp.MustCompile(`Worst pain</dt><dd>\d+ / 10 on (\d+ [A-Z][a-z]+)<`).FindStringSubmatch(page); m == nil {
		t.Error("the worst day is not written as a date (\"on 25 November\")")
	}
	if regexp.MustCompile(`on \d{4}-\d\d-\d\d`).MatchString(page) {
		t.Error("a sentence still says a day as YYYY-MM-DD")
	}
	headings := regexp.MustCompile(`<h[23]>([^<]+)</h[23]>`).FindAllStringSubmatch(page, -1)
	seen := map[string]bool{}
	for _, h := range headings {
		if seen[h[1]] {
			t.Errorf("heading %q appears twice", h[1])
		}
		seen[h[1]] = true
	}
	// Each logged day is one row with its peak, sleep, stress, mood, relief.
	rows := strings.Count(section(page, "day-by-day"), "<tr>") - 1
	logged := 0
	for _, d := range in.Doc.Days {
		if d.Logged {
			logged++
		}
	}
	if rows != logged {
		t.Errorf("day-by-day rows = %d, want %d logged days", rows, logged)
	}
	if !strings.Contains(section(page, "day-by-day"), "Pain running down a leg, Severe pain at night") {
		t.Error("the red-flag day's row does not name its flags")
	}
}

// Without a name there is no name row, and no other text stands in for it.
func TestHTMLWithoutIdentifier(t *testing.T) {
	t.Parallel()
	page := render(t, reporttest.Sample(7, nil))
	if strings.Contains(page, "Name or ID") {
		t.Error("a report without a chosen name shows a name row")
	}
}

// When a chart's title is its section's heading, the heading stands alone
// (no "Pain over time" twice); other titles become captions.
func TestHTMLCaptionsNotRepeated(t *testing.T) {
	t.Parallel()
	in := reporttest.Sample(30, nil)
	in.Charts = reporttest.Charts(map[string]any{
		"pain-trend": map[string]any{"title": map[string]any{"text": "Pain over time", "subtext": "Peak pain each day"}, "series": []any{}},
		"sleep-pain": map[string]any{"title": map[string]any{"text": "Sleep and pain: slope -0.50 points per hour"}, "series": []any{}},
	})
	page := render(t, in)
	if n := strings.Count(page, ">Pain over time<"); n != 1 {
		t.Errorf("\"Pain over time\" printed %d times as a heading or caption, want once", n)
	}
	if !strings.Contains(page, `<p class="caption">Peak pain each day</p>`) {
		t.Error("the trend's subtitle is not its caption")
	}
	if !strings.Contains(page, `<p class="caption">Sleep and pain: slope -0.50 points per hour</p>`) {
		t.Error("the fit's title is not printed as a caption")
	}
}

func TestValidIdentifier(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		in, want string
		err      error
	}{
		{"", "", nil},
		{"  Sam Lee  ", "Sam Lee", nil},
		{"Patient 4711 / Dr. Müller's clinic", "Patient 4711 / Dr. Müller's clinic", nil},
		{strings.Repeat("é", 80), strings.Repeat("é", 80), nil},
		{strings.Repeat("a", 81), "", report.ErrIdentifierLong},
		{"Sam\nLee", "", report.ErrIdentifierControl},
		{"Sam\u202eeeL", "", report.ErrIdentifierControl},
		{"bad \xff byte", "", report.ErrIdentifierControl},
	}
	for _, s := range scenarios {
		got, err := report.ValidIdentifier(s.in)
		if got != s.want || !errors.Is(err, s.err) {
			t.Errorf("ValidIdentifier(%q) = %q, %v; want %q, %v", s.in, got, err, s.want, s.err)
		}
	}
}

func FuzzValidIdentifier(f *testing.F) {
	for _, s := range []string{"Sam", "", "a\nb", "\u202e", strings.Repeat("x", 90)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := report.ValidIdentifier(s)
		if err != nil {
			return
		}
		if !utf8.ValidString(got) || utf8.RuneCountInString(got) > report.MaxIdentifier || strings.ContainsAny(got, "\n\r\t\x00") {
			t.Errorf("ValidIdentifier(%q) accepted %q", s, got)
		}
		page := render(t, report.Input{Doc: insights.Document{From: journal.MustDay("2026-01-01"), To: journal.MustDay("2026-01-01")}, Identifier: got})
		if strings.Contains(got, "<") && strings.Contains(page, got) {
			t.Errorf("identifier %q reached the page unescaped", got)
		}
	})
}

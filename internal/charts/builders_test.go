package charts_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/mend-app/mend/internal/charts"
	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
)

// TestPatternChart: the sleep-pain and stress-pain charts plot what the
// association tests (pain above usual against the factor's distance from its
// usual) and draw the model's two levels as the fit.
func TestPatternChart(t *testing.T) {
	t.Parallel()
	// days builds logged days from (sleep, stress, peak) with a usual of
	// 7 h sleep, stress 3 and peak 4 on each.
	days := func(rows ...[3]float64) insights.Document {
		var doc insights.Document
		d := day("2026-01-01")
		for i, r := range rows {
			doc.Days = append(doc.Days, logged(d.AddDays(i).String(), int(r[2]), r[2], r[0], r[1]))
			doc.Usual = append(doc.Usual, insights.UsualDay{Day: d.AddDays(i), PainPeak: fp(4), SleepHours: fp(7), Stress: fp(3)})
		}
		return doc
	}
	withAssoc := func(doc insights.Document, a insights.Association) insights.Document {
		doc.Associations = []insights.Association{a}
		return doc
	}
	sleep := insights.Association{Factor: "sleep_hours", Effect: 2, N: 4, Q: 0.0004, Significant: true, LevelOther: 0.1, LevelExposed: 2.1}
	stress := insights.Association{Factor: "stress", Effect: 0.3, N: 30, Q: 0.4123, LevelOther: 0, LevelExposed: 0.3}
	fourDays := days([3]float64{5, 3, 7}, [3]float64{7, 3, 4}, [3]float64{7.5, 6, 4}, [3]float64{5.5, 3, 6})
	scenarios := []struct {
		name, chart string
		doc         insights.Document
		title       string
		points      string // the scatter's data, as JSON
		fit         string // the fit line's data, "" for none
	}{
		{"clear sleep pattern", "sleep-pain", withAssoc(fourDays, sleep),
			"Sleep and pain: peak pain +2.0 points after nights at least 1 h shorter than usual (n = 4, q < 0.001)",
			`[{"name":"2026-01-01","value":[2,3]},{"name":"2026-01-02","value":[0,0]},{"name":"2026-01-03","value":[-0.5,0]},{"name":"2026-01-04","value":[1.5,2]}]`,
			`[{"value":[-1,0.1]},{"value":[1,0.1]},{"value":[1,2.1]},{"value":[2,2.1]}]`},
		{"no clear stress pattern", "stress-pain", withAssoc(fourDays, stress),
			"Stress and pain: no clear difference on days with stress at least 2 above usual (n = 30, q = 0.412)",
			`[{"name":"2026-01-01","value":[0,3]},{"name":"2026-01-02","value":[0,0]},{"name":"2026-01-03","value":[3,0]},{"name":"2026-01-04","value":[0,2]}]`,
			`[{"value":[-2,0]},{"value":[2,0]},{"value":[2,0.3]},{"value":[4,0.3]}]`},
		{"untested: dots, no fit", "sleep-pain", fourDays,
			"Sleep and pain: not enough days to compare (n = 4)",
			`[{"name":"2026-01-01","value":[2,3]},{"name":"2026-01-02","value":[0,0]},{"name":"2026-01-03","value":[-0.5,0]},{"name":"2026-01-04","value":[1.5,2]}]`, ""},
		{"a day without a usual value is left out", "sleep-pain", func() insights.Document {
			doc := days([3]float64{5, 3, 7}, [3]float64{7, 3, 4})
			doc.Usual[1].SleepHours = nil
			return doc
		}(), "Sleep and pain: not enough days to compare (n = 1)", `[{"name":"2026-01-01","value":[2,3]}]`, ""},
		{"empty", "sleep-pain", insights.Document{}, "Sleep and pain: not enough days to compare (n = 0)", `[]`, ""},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			_, opt := build(t, s.chart, s.doc, journal.Journal{})
			if got := opt["title"].(map[string]any)["text"]; got != s.title {
				t.Errorf("title = %q, want %q", got, s.title)
			}
			series := opt["series"].([]any)
			points, _ := json.Marshal(series[0].(map[string]any)["data"])
			if string(points) != s.points {
				t.Errorf("points = %s, want %s", points, s.points)
			}
			fit := ""
			if len(series) == 2 {
				b, _ := json.Marshal(series[1].(map[string]any)["data"])
				fit = string(b)
			}
			if fit != s.fit {
				t.Errorf("fit = %s, want %s", fit, s.fit)
			}
		})
	}
}

func TestCalendarOnePerYear(t *testing.T) {
	t.Parallel()
	doc := insights.Document{Days: []insights.DayStat{logged("2025-12-30", 4, 4, 7, 2), unlogged("2025-12-31"), logged("2026-01-02", 0, 0, 7, 2)}}
	_, opt := build(t, "calendar", doc, journal.Journal{})
	cals, series := opt["calendar"].([]any), opt["series"].([]any)
	if len(cals) != 2 || len(series) != 2 {
		t.Fatalf("calendars = %d, series = %d; want 2 and 2", len(cals), len(series))
	}
	got, _ := json.Marshal([]any{cals[0].(map[string]any)["range"], series[0].(map[string]any)["data"], series[1].(map[string]any)})
	want := `[["2025"],[{"value":["2025-12-30",4]}],{"calendarIndex":1,"coordinateSystem":"calendar","data":[{"value":["2026-01-02",0]}],"name":"Peak pain 2026","type":"heatmap"}]`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestRelief(t *testing.T) {
	t.Parallel()
	_, opt := build(t, "relief", fixtureDoc(), journal.Journal{})
	got, _ := json.Marshal(opt["series"])
	// Heat: both flare days, 2 of 9 other logged days; rest only on other days.
	for _, want := range []string{
		`"name":"Flare days (2)"`, `"name":"Other logged days (9)"`,
		`{"count":2,"total":2,"value":100}`, `{"count":2,"total":9,"value":22.2}`, `{"count":0,"total":2,"value":0}`,
	} {
		if !strings.Contains(string(got), want) {
			t.Errorf("relief series lack %s: %s", want, got)
		}
	}
	if title := opt["title"].(map[string]any)["subtext"].(string); !strings.HasPrefix(title, "Descriptive only") {
		t.Errorf("subtitle = %q", title)
	}
}

func TestLabel(t *testing.T) {
	t.Parallel()
	for code, want := range map[string]string{
		"lower_back": "Lower back", "sacroiliac_hips": "Hips / sacroiliac joints", "support_belt": "Support belt",
		"physio": "Physical therapy", "new_area": "New area", "": "Unspecified",
	} {
		if got := charts.Label(code); got != want {
			t.Errorf("Label(%q) = %q, want %q", code, got, want)
		}
	}
	for _, list := range [][]string{journal.PainAreas, journal.Reliefs} {
		for _, code := range list {
			if strings.Contains(charts.Label(code), "_") {
				t.Errorf("Label(%q) = %q", code, charts.Label(code))
			}
		}
	}
}

package charts_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/mend-app/mend/internal/charts"
	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
)

func TestFit(t *testing.T) {
	t.Parallel()
	line := func(pairs ...[2]float64) insights.Document {
		var doc insights.Document
		d := day("2026-01-01")
		for i, p := range pairs {
			doc.Days = append(doc.Days, logged(d.AddDays(i).String(), int(p[1]), p[1], p[0], p[0]))
		}
		return doc
	}
	scenarios := []struct {
		name, chart string
		doc         insights.Document
		title       string
		fitted      bool
	}{
		{"exact", "sleep-pain", line([2]float64{4, 8}, [2]float64{6, 6}, [2]float64{8, 4}), "Sleep and pain: slope -1.00 points per hour, r = -1.00, n = 3", true},
		{"stress", "stress-pain", line([2]float64{2, 2}, [2]float64{4, 4}, [2]float64{6, 6}, [2]float64{8, 8}), "Stress and pain: slope 1.00 points per stress point, r = 1.00, n = 4", true},
		{"two points", "sleep-pain", line([2]float64{4, 8}, [2]float64{6, 6}), "Sleep and pain: not enough data for a fit (n = 2)", false},
		{"constant x", "sleep-pain", line([2]float64{6, 8}, [2]float64{6, 6}, [2]float64{6, 4}), "Sleep and pain: not enough data for a fit (n = 3)", false},
		{"constant y", "stress-pain", line([2]float64{1, 5}, [2]float64{3, 5}, [2]float64{6, 5}), "Stress and pain: not enough data for a fit (n = 3)", false},
		{"empty", "sleep-pain", insights.Document{}, "Sleep and pain: not enough data for a fit (n = 0)", false},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			_, opt := build(t, s.chart, s.doc, journal.Journal{})
			if got := opt["title"].(map[string]any)["text"]; got != s.title {
				t.Errorf("title = %q, want %q", got, s.title)
			}
			if got := len(opt["series"].([]any)) == 2; got != s.fitted {
				t.Errorf("fit line present = %v, want %v", got, s.fitted)
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

package charts_test

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/mend-app/mend/internal/charts"
	"github.com/mend-app/mend/internal/insights"
)

// The trend draws a point a day up to a year, then a week, then a month,
// so five years stay a few dozen points with short, unique dates.
func TestTrendResolution(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		days      int
		maxPoints int
		first     string
		res       charts.Resolution
	}{
		{14, 14, "10 Nov", charts.Daily},
		{366, 366, "23 Nov 25", charts.Daily},
		{400, 59, "20 Oct 25", charts.Weekly},
		{1826, 61, "Nov 2021", charts.Monthly},
	}
	for _, s := range scenarios {
		t.Run(strconv.Itoa(s.days), func(t *testing.T) {
			t.Parallel()
			doc, j := generated(s.days)
			if got := charts.ResolutionFor(s.days); got != s.res {
				t.Errorf("ResolutionFor(%d) = %v, want %v", s.days, got, s.res)
			}
			_, opt := build(t, "pain-trend", doc, j)
			cats := opt["xAxis"].([]any)[0].(map[string]any)["data"].([]any)
			if len(cats) > s.maxPoints || len(cats) < s.maxPoints-2 {
				t.Errorf("%d points, want about %d", len(cats), s.maxPoints)
			}
			if cats[0] != s.first {
				t.Errorf("first point %q, want %q", cats[0], s.first)
			}
			seen := map[any]bool{}
			for _, c := range cats {
				if seen[c] {
					t.Errorf("label %q twice: markers would land on the wrong point", c)
				}
				seen[c] = true
			}
		})
	}
}

// Fewer lines on a phone: the worst day and its average, sleep as bars
// under them on an axis whose five steps sit on the pain axis' steps.
func TestTrendSeriesAndAxes(t *testing.T) {
	t.Parallel()
	doc, j := fixture()
	_, opt := build(t, "pain-trend", doc, j)
	var names []string
	for _, s := range opt["series"].([]any) {
		names = append(names, s.(map[string]any)["name"].(string))
	}
	if got := strings.Join(names, "|"); got != "Peak pain|7-day average|Sleep (h)" {
		t.Errorf("series = %s, want peak, 7-day average and sleep (no mean)", got)
	}
	y := opt["yAxis"].([]any)
	if len(y) != 2 {
		t.Fatalf("yAxis = %v", y)
	}
	for i, ax := range y {
		ax := ax.(map[string]any)
		if ax["splitNumber"] != 5.0 || ax["min"] != nil && ax["min"] != 0.0 {
			t.Errorf("yAxis %d = %v, want 5 steps from 0", i, ax)
		}
		if m := ax["max"].(float64); math.Mod(m, 5) != 0 {
			t.Errorf("yAxis %d max %v is not a multiple of 5", i, m)
		}
	}
	sleep := opt["series"].([]any)[2].(map[string]any)
	if sleep["yAxisIndex"] != 1.0 || sleep["z"] != 1.0 {
		t.Errorf("sleep series = yAxisIndex %v z %v, want the second axis under the lines", sleep["yAxisIndex"], sleep["z"])
	}
	// Milestones are short and sit above the plot, not across the data.
	ml := opt["series"].([]any)[0].(map[string]any)["markLine"].(map[string]any)
	if ml["label"].(map[string]any)["position"] != "end" {
		t.Errorf("milestone label = %v, want position end", ml["label"])
	}
	for _, d := range ml["data"].([]any) {
		if n := d.(map[string]any)["name"].(string); len(n) > 6 {
			t.Errorf("milestone label %q is long enough to be cut", n)
		}
	}
}

// A period that starts weeks before the first log draws from the first log.
func TestTrendStartsAtFirstLog(t *testing.T) {
	t.Parallel()
	doc, j := fixture()
	early := []insights.DayStat{unlogged("2026-08-29"), unlogged("2026-08-30"), unlogged("2026-08-31")}
	doc.Days, doc.From = append(early, doc.Days...), day("2026-08-29")
	_, opt := build(t, "pain-trend", doc, j)
	cats := opt["xAxis"].([]any)[0].(map[string]any)["data"].([]any)
	if cats[0] != "1 Sep" || len(cats) != 14 {
		t.Errorf("axis starts %v with %d points, want 1 Sep and 14", cats[0], len(cats))
	}
}

// No y-axis title may hang over the chart's edge (ECharts centres it on the
// axis line): every named y axis is aligned into the plot.
func TestAxisNamesInside(t *testing.T) {
	t.Parallel()
	doc, j := fixture()
	for _, name := range charts.Names {
		_, opt := build(t, name, doc, j)
		axes, _ := opt["yAxis"].([]any)
		for _, ax := range axes {
			ax := ax.(map[string]any)
			if ax["name"] == nil || ax["nameLocation"] == "middle" {
				continue
			}
			style, _ := ax["nameTextStyle"].(map[string]any)
			want := "left"
			if ax["position"] == "right" {
				want = "right"
			}
			if style == nil || style["align"] != want {
				t.Errorf("%s: y axis %q nameTextStyle = %v, want align %s", name, ax["name"], style, want)
			}
		}
	}
}

// The calendar's weeks start on Monday; a short period has day numbers, a
// long one none; the pain bands stay apart in light and dark.
func TestCalendarPhone(t *testing.T) {
	t.Parallel()
	doc, j := fixture()
	_, opt := build(t, "calendar", doc, j)
	cal := opt["calendar"].([]any)[0].(map[string]any)
	if cal["dayLabel"].(map[string]any)["firstDay"] != 1.0 {
		t.Errorf("dayLabel = %v, want firstDay 1 (Monday)", cal["dayLabel"])
	}
	if !strings.HasSuffix(cal["top"].(string), "%") || !strings.HasSuffix(cal["height"].(string), "%") {
		t.Errorf("calendar top/height = %v/%v, want shares of the box so it fills it", cal["top"], cal["height"])
	}
	series := opt["series"].([]any)
	nums := series[len(series)-1].(map[string]any)
	if nums["type"] != "scatter" || len(nums["data"].([]any)) != 14 || nums["label"].(map[string]any)["formatter"] != "{@[1]}" {
		t.Errorf("day numbers series = %v", nums)
	}
	if first := nums["data"].([]any)[0].([]any); first[0] != "2026-09-01" || first[1] != 1.0 {
		t.Errorf("first day number = %v", first)
	}
	vm := opt["visualMap"].([]any)[0].(map[string]any)
	if idx := vm["seriesIndex"].([]any); len(idx) != 1 {
		t.Errorf("colour key applies to %v, want the heatmap only", idx)
	}
	pieces := vm["pieces"].([]any)
	if len(pieces) != 4 {
		t.Fatalf("pieces = %v, want none, mild, moderate, severe", pieces)
	}
	for i := 1; i < len(pieces); i++ {
		a, b := pieces[i-1].(map[string]any), pieces[i].(map[string]any)
		if r := contrast(a["color"].(string), b["color"].(string)); r < 1.5 {
			t.Errorf("%s and %s differ by %.2f:1 in lightness, want ≥ 1.5 so they stay apart on a dark background", a["label"], b["label"], r)
		}
	}

	long, lj := generated(150)
	_, opt = build(t, "calendar", long, lj)
	if n := len(opt["series"].([]any)); n != 1 {
		t.Errorf("150 days: %d series, want no day numbers in cells too narrow for them", n)
	}
}

// contrast is the WCAG luminance ratio of two #rrggbb colours.
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func luminance(hex string) float64 {
	var c [3]float64
	for i := range c {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		s := float64(v) / 255
		if s <= 0.03928 {
			c[i] = s / 12.92
		} else {
			c[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}

package charts_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/mend-app/mend/internal/charts"
	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the current output")

// build returns a chart's JSON and the option decoded into plain maps.
func build(t *testing.T, name string, doc insights.Document, j journal.Journal) ([]byte, map[string]any) {
	t.Helper()
	b, err := charts.Build(name, doc, j)
	if err != nil {
		t.Fatalf("Build(%q): %v", name, err)
	}
	var opt map[string]any
	if err := json.Unmarshal(b, &opt); err != nil {
		t.Fatalf("Build(%q) is not valid JSON: %v\n%s", name, err, b)
	}
	return b, opt
}

func TestGolden(t *testing.T) {
	t.Parallel()
	doc, j := fixture()
	for _, name := range charts.Names {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			b, _ := build(t, name, doc, j)
			var pretty bytes.Buffer
			if err := json.Indent(&pretty, b, "", "  "); err != nil {
				t.Fatal(err)
			}
			pretty.WriteByte('\n')
			path := filepath.Join("testdata", name+".golden.json")
			if *update {
				if err := os.WriteFile(path, pretty.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(pretty.Bytes(), want) {
				t.Errorf("%s differs from %s (run go test -update after checking the change):\n%s", name, path, pretty.Bytes())
			}
		})
	}
}

// TestPureData checks every chart, for every input shape, against what
// go-echarts' HTML rendering and a careless page would turn into code.
func TestPureData(t *testing.T) {
	t.Parallel()
	doc, j := fixture()
	long, lj := generated(400)
	inputs := []struct {
		name string
		doc  insights.Document
		j    journal.Journal
	}{
		{"fixture", doc, j},
		{"long", long, lj},
		{"empty", insights.Document{}, journal.Journal{}},
	}
	for _, in := range inputs {
		for _, name := range charts.Names {
			t.Run(in.name+"/"+name, func(t *testing.T) {
				t.Parallel()
				b, opt := build(t, name, in.doc, in.j)
				for _, bad := range []string{"__f__", "__", "function", "<script", "</script", "<img", "=>", "assets", "http"} {
					if bytes.Contains(b, []byte(bad)) {
						t.Errorf("output contains %q", bad)
					}
				}
				for _, key := range []string{"toolbox", "ChartID", "chartId", "AssetsHost", "JSAssets"} {
					if _, ok := opt[key]; ok {
						t.Errorf("option has non-ECharts or unwanted key %q", key)
					}
				}
			})
		}
	}
}

// peakSeries returns the decoded "Peak pain" series data of a pain-trend.
func peakSeries(t *testing.T, opt map[string]any, index int) []any {
	t.Helper()
	series := opt["series"].([]any)
	return series[index].(map[string]any)["data"].([]any)
}

func TestNotesVerbatimOnPeakItem(t *testing.T) {
	t.Parallel()
	doc, j := fixture()
	_, opt := build(t, "pain-trend", doc, j)
	data := peakSeries(t, opt, 0)
	// 2026-09-06 is index 5: the flare-up's first day at its peak of 8.
	item, ok := data[5].(map[string]any)
	if !ok {
		t.Fatalf("peak day item = %#v, want an object", data[5])
	}
	if item["value"] != 8.0 {
		t.Errorf("value = %v, want 8", item["value"])
	}
	links := item["links"].([]any)
	want := doc.Flareups[0].Links
	if len(links) != len(want) {
		t.Fatalf("links = %v, want %d", links, len(want))
	}
	for i, l := range links {
		l := l.(map[string]any)
		if l["text"] != want[i].Text || l["kind"] != want[i].Kind || l["day"] != want[i].Day.String() {
			t.Errorf("link %d = %v, want %+v verbatim", i, l, want[i])
		}
	}
	flare := item["flare"].(map[string]any)
	if flare["start_day"] != "2026-09-06" || flare["end_day"] != "2026-09-07" || flare["peak"] != 8.0 {
		t.Errorf("flare = %v", flare)
	}
	// The second flare day carries the flare but not the notes again.
	next := data[6].(map[string]any)
	if next["flare"] == nil || next["links"] != nil {
		t.Errorf("second flare day = %v, want flare without links", next)
	}
	// No user text anywhere but data items.
	for _, s := range opt["series"].([]any) {
		s := s.(map[string]any)
		for _, k := range []string{"name", "markPoint", "markLine", "markArea"} {
			if v, _ := json.Marshal(s[k]); bytes.Contains(v, []byte("alert")) {
				t.Errorf("series %v: %s carries a note", s["name"], k)
			}
		}
	}
}

func TestUnloggedDaysAreNullNotZero(t *testing.T) {
	t.Parallel()
	doc, j := fixture()
	_, opt := build(t, "pain-trend", doc, j)
	// 2026-09-03 (index 2) and 2026-09-09/10 (8, 9) were not logged.
	for s := range 3 {
		data := peakSeries(t, opt, s)
		if len(data) != 14 {
			t.Fatalf("series %d has %d items, want 14", s, len(data))
		}
		for _, i := range []int{2, 8, 9} {
			if data[i] != nil && s != 1 { // the 7-day average bridges short gaps by design
				t.Errorf("series %d day %d = %v, want null", s, i, data[i])
			}
		}
	}
	sleep := peakSeries(t, opt, 2)
	if sleep[11] != nil { // 2026-09-12: logged without sleep
		t.Errorf("sleep on a day without sleep = %v, want null", sleep[11])
	}
}

func TestCategoryAxisHasDays(t *testing.T) {
	t.Parallel()
	doc, j := fixture()
	// Days straddling the end of European summer time: still one label a day.
	doc.Days = []insights.DayStat{logged("2026-10-24", 3, 3, 7, 2), logged("2026-10-25", 4, 4, 7, 2), logged("2026-10-26", 5, 5, 7, 2)}
	doc.From, doc.To, doc.Flareups, doc.Milestones = day("2026-10-24"), day("2026-10-26"), nil, nil
	_, opt := build(t, "pain-trend", doc, j)
	x := opt["xAxis"].([]any)[0].(map[string]any)
	got, _ := json.Marshal(x["data"])
	if want := `["24 Oct","25 Oct","26 Oct"]`; string(got) != want {
		t.Errorf("x axis data = %s, want %s (Validate must run before JSON)", got, want)
	}
	_, opt = build(t, "areas", fixtureDoc(), j)
	y := opt["yAxis"].([]any)[0].(map[string]any)
	got, _ = json.Marshal(y["data"])
	if want := `["Lower back","Wrists and thumbs","Front of pelvis","Hips / sacroiliac joints"]`; string(got) != want {
		t.Errorf("areas categories = %s, want %s", got, want)
	}
}

func fixtureDoc() insights.Document { d, _ := fixture(); return d }

func TestUnknownChart(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"", "pie", "Pain-Trend", "../calendar"} {
		b, err := charts.Build(name, insights.Document{}, journal.Journal{})
		if !errors.Is(err, charts.ErrUnknownChart) || b != nil {
			t.Errorf("Build(%q) = %s, %v; want ErrUnknownChart", name, b, err)
		}
	}
}

func TestOneDay(t *testing.T) {
	t.Parallel()
	doc := insights.Document{From: day("2026-09-01"), To: day("2026-09-01"), Days: []insights.DayStat{logged("2026-09-01", 6, 5, 5, 4, "heat")}}
	j := journal.Journal{Pain: []journal.Score{{Day: day("2026-09-01"), Score: 6, Areas: []string{"neck"}}}}
	for _, name := range charts.Names {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			b, _ := build(t, name, doc, j)
			if name == "sleep-pain" && !bytes.Contains(b, []byte("not enough days to compare (n = 0)")) {
				t.Errorf("one-day fit title missing: %s", b)
			}
		})
	}
}

func TestDataZoomOnlyForLongRanges(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		days int
		zoom bool
	}{{60, false}, {61, true}, {365, true}} {
		doc, j := generated(c.days)
		_, opt := build(t, "pain-trend", doc, j)
		if _, ok := opt["dataZoom"]; ok != c.zoom {
			t.Errorf("%d days: dataZoom present = %v, want %v", c.days, ok, c.zoom)
		}
	}
}

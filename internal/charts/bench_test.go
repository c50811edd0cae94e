package charts_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mend-app/mend/internal/charts"
	"github.com/mend-app/mend/internal/insights"
)

// BenchmarkBuild times every chart on one and three years of data. Each
// result also reports "x-marshal": its time as a multiple of json.Marshal of
// the same insights document, measured in the same process, so the numbers
// compare across machines. The baseline itself runs as baseline/<days>.
func BenchmarkBuild(b *testing.B) {
	for _, days := range []int{365, 1100} {
		doc, j := generated(days)
		var base float64 // ns per op of the baseline's last (longest) run
		b.Run(fmt.Sprintf("baseline/%d", days), func(b *testing.B) {
			for b.Loop() {
				if _, err := json.Marshal(doc); err != nil {
					b.Fatal(err)
				}
			}
			base = float64(b.Elapsed().Nanoseconds()) / float64(b.N)
		})
		for _, name := range charts.Names {
			b.Run(fmt.Sprintf("%s/%d", name, days), func(b *testing.B) {
				b.ReportAllocs()
				var out []byte
				for b.Loop() {
					var err error
					if out, err = charts.Build(name, doc, j); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(len(out)), "B/option")
				if base > 0 { // absent when -bench filters the baseline out
					b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/base, "x-marshal")
				}
			})
		}
	}
}

// FuzzNoteStaysData feeds arbitrary note text through the trend chart: the
// output must stay valid JSON with no "__f__" marker or raw markup, and the
// note must come back unchanged.
func FuzzNoteStaysData(f *testing.F) {
	for _, s := range []string{noteScript, noteFunc, noteImg, "___f___", `"\u2028`, "plain"} {
		f.Add(s)
	}
	doc, j := fixture()
	f.Fuzz(func(t *testing.T, note string) {
		d := doc
		d.Flareups = []insights.Flareup{doc.Flareups[0]}
		d.Flareups[0].Links = []insights.Link{{Day: day("2026-09-06"), Kind: "note", Text: note}}
		b, err := charts.Build("pain-trend", d, j)
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{"__", "<", ">"} {
			if strings.Contains(string(b), bad) {
				t.Fatalf("output contains %q", bad)
			}
		}
		var opt map[string]any
		if err := json.Unmarshal(b, &opt); err != nil {
			t.Fatalf("invalid JSON: %v", err)
		}
		item := opt["series"].([]any)[0].(map[string]any)["data"].([]any)[5].(map[string]any)
		got := item["links"].([]any)[0].(map[string]any)["text"]
		if utf8.ValidString(note) && got != note {
			t.Fatalf("note = %q, want %q", got, note)
		}
	})
}

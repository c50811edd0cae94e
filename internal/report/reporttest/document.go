package reporttest

import (
	"encoding/json"
	"slices"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
)

// document derives a plausible insights document from j. It is a stand-in
// for internal/insights so these fixtures do not depend on its statistics:
// daily stats are exact, flare-ups are days at least 3 points over a fixed
// baseline of 4, and the associations are fixed examples.
func document(from, to, delivery journal.Day, j journal.Journal) insights.Document {
	weeks := int(to-delivery) / 7
	doc := insights.Document{From: from, To: to, Timezone: "Europe/Berlin", WeeksPostpartum: &weeks,
		Baseline: insights.Baseline{Pain: new(4.0), Method: "median of the previous 14 logged days"}}
	byDay := map[journal.Day]*insights.DayStat{}
	for d := from; d <= to; d++ {
		doc.Days = append(doc.Days, insights.DayStat{Day: d, Relief: []string{}, RedFlags: []string{}})
	}
	for i := range doc.Days {
		byDay[doc.Days[i].Day] = &doc.Days[i]
	}
	for _, e := range j.Entries {
		s := byDay[e.Day]
		s.Logged = true
		s.SleepHours, s.SleepQuality, s.NightWakings = e.SleepHours, new(e.SleepQuality), new(e.NightWakings)
		s.Exercises, s.Relief, s.RedFlags = len(e.Exercises), slices.Clone(e.Relief), slices.Clone(e.RedFlags)
	}
	for _, p := range j.Pain {
		s := byDay[p.Day]
		s.Logged = true
		if s.PainPeak == nil || p.Score > *s.PainPeak {
			s.PainPeak = new(p.Score)
		}
		m := 0.0
		if s.PainMean != nil {
			m = *s.PainMean
		}
		s.PainMean = new((m*float64(s.PainCount) + float64(p.Score)) / float64(s.PainCount+1))
		s.PainCount++
	}
	for _, list := range []struct {
		scores []journal.Score
		set    func(*insights.DayStat, float64)
	}{{j.Mood, func(s *insights.DayStat, v float64) { s.Mood = new(v) }}, {j.Stress, func(s *insights.DayStat, v float64) { s.Stress = new(v) }}} {
		for _, sc := range list.scores {
			list.set(byDay[sc.Day], float64(sc.Score))
		}
	}
	doc.Flareups = flareups(doc.Days, j)
	doc.Associations = []insights.Association{{Factor: "sleep_hours", Outcome: "pain_peak", Method: "mean_difference", Exposed: "sleep < 6 h",
		Effect: 1.4, CILow: 0.6, CIHigh: 2.2, N: len(j.Entries), NExposed: len(j.Entries) / 3, P: 0.001, Q: 0.004, Significant: true,
		Sentence: "On days after less than 6 hours of sleep your peak pain averaged 1.4 points higher. This is an association in your own data, not a cause."}}
	doc.Milestones = []insights.Milestone{{Name: "6 weeks postpartum", Day: delivery.AddDays(42)}, {Name: "12 weeks postpartum", Day: delivery.AddDays(84)}}
	doc.Guidance = []insights.Guidance{{Level: "prompt", Code: "red_flag_leg_radiating", Message: "Pain radiating down a leg: see a clinician promptly.", Article: "when-to-seek-care"}}
	return doc
}

func flareups(days []insights.DayStat, j journal.Journal) []insights.Flareup {
	var out []insights.Flareup
	for i := 0; i < len(days); i++ {
		if days[i].PainPeak == nil || *days[i].PainPeak < 7 {
			continue
		}
		f := insights.Flareup{StartDay: days[i].Day, EndDay: days[i].Day, Peak: *days[i].PainPeak, Baseline: 4,
			PriorSleepHours: days[i].SleepHours, TypicalSleepHours: new(6.5), StressLevel: days[i].Stress, TypicalStress: new(4.0)}
		for i+1 < len(days) && days[i+1].PainPeak != nil && *days[i+1].PainPeak >= 7 {
			i++
			f.EndDay, f.Peak = days[i].Day, max(f.Peak, *days[i].PainPeak)
		}
		f.Links = []insights.Link{}
		for _, e := range j.Entries {
			if e.Day >= f.StartDay-1 && e.Day <= f.EndDay {
				for _, l := range []insights.Link{{Day: e.Day, Kind: "note", Text: e.Notes}, {Day: e.Day, Kind: "sleep", Text: e.SleepNotes}, {Day: e.Day, Kind: "stress", Text: e.StressNotes}} {
					if l.Text != "" {
						f.Links = append(f.Links, l)
					}
				}
			}
		}
		out = append(out, f)
	}
	return out
}

// charts builds options shaped like internal/charts' output, with notes on
// the series data items (as DESIGN.md asks, for axis tooltips), in the
// flare-up markPoints and in a links field: every place a note could ride.
func charts(doc insights.Document) map[string]json.RawMessage {
	var days []string
	var peak, mean, sleep []any
	for _, d := range doc.Days {
		days = append(days, d.Day.String())
		item := map[string]any{"value": nil}
		if d.PainPeak != nil {
			item["value"] = *d.PainPeak
		}
		for _, f := range doc.Flareups {
			if d.Day >= f.StartDay && d.Day <= f.EndDay && len(f.Links) > 0 {
				item["name"], item["links"] = f.Links[0].Text, f.Links
			}
		}
		peak = append(peak, item)
		mean = append(mean, d.PainMean)
		sleep = append(sleep, d.SleepHours)
	}
	var areas [][]map[string]any
	var points []map[string]any
	for _, f := range doc.Flareups {
		areas = append(areas, []map[string]any{{"xAxis": f.StartDay.String()}, {"xAxis": f.EndDay.String()}})
		p := map[string]any{"coord": []any{f.StartDay.String(), f.Peak}, "value": f.Peak}
		if len(f.Links) > 0 {
			p["name"] = f.Links[len(f.Links)-1].Text
		}
		points = append(points, p)
	}
	var lines []map[string]any
	for _, m := range doc.Milestones {
		lines = append(lines, map[string]any{"xAxis": m.Day.String(), "name": m.Name})
	}
	var scatter [][]float64
	for _, d := range doc.Days {
		if d.SleepHours != nil && d.PainPeak != nil {
			scatter = append(scatter, []float64{*d.SleepHours, float64(*d.PainPeak)})
		}
	}
	return Charts(map[string]any{
		"pain-trend": map[string]any{
			"title":    map[string]any{"text": "Pain over time"},
			"tooltip":  map[string]any{"trigger": "axis"},
			"legend":   map[string]any{"top": 24},
			"xAxis":    []any{map[string]any{"type": "category", "data": days}},
			"yAxis":    []any{map[string]any{"type": "value", "min": 0, "max": 10, "name": "pain"}, map[string]any{"type": "value", "min": 0, "max": 12, "name": "sleep h"}},
			"dataZoom": []any{map[string]any{"type": "slider"}},
			"series": []any{
				map[string]any{"name": "peak pain", "type": "line", "data": peak, "connectNulls": false,
					"markArea": map[string]any{"data": areas}, "markPoint": map[string]any{"data": points},
					"markLine": map[string]any{"data": lines}},
				map[string]any{"name": "mean pain", "type": "line", "data": mean},
				map[string]any{"name": "sleep", "type": "bar", "yAxisIndex": 1, "data": sleep},
			},
		},
		"sleep-pain": map[string]any{
			"title":  map[string]any{"text": "Sleep and pain"},
			"xAxis":  map[string]any{"type": "value", "name": "sleep h"},
			"yAxis":  map[string]any{"type": "value", "name": "peak pain"},
			"series": []any{map[string]any{"type": "scatter", "data": scatter}},
		},
		"areas": map[string]any{
			"title":  map[string]any{"text": "Where it hurts"},
			"xAxis":  map[string]any{"type": "category", "data": []string{"lower_back", "pelvis_front", "sacroiliac_hips"}},
			"yAxis":  map[string]any{"type": "value"},
			"series": []any{map[string]any{"type": "bar", "data": []int{30, 20, 10}}},
		},
	})
}

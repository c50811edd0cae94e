package charts_test

import (
	"fmt"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
)

// Hostile notes: each must reach the page as data, never as code or markup.
const (
	noteScript = `</script><script>alert(1)</script>`
	noteFunc   = `__f__alert(1)__f__`
	noteImg    = `<img src=x onerror=alert(1)> & "quotes"`
)

func ip(v int) *int            { return &v }
func fp(v float64) *float64    { return &v }
func day(s string) journal.Day { return journal.MustDay(s) }

// logged is a day with a peak pain and optional extras.
func logged(d string, peak int, mean, sleep, stress float64, relief ...string) insights.DayStat {
	s := insights.DayStat{
		Day: day(d), Logged: true, PainPeak: ip(peak), PainMean: fp(mean), PainCount: 2,
		Relief: relief, RedFlags: []string{},
	}
	if sleep > 0 {
		s.SleepHours = fp(sleep)
	}
	if stress >= 0 {
		s.Stress = fp(stress)
	}
	return s
}

func unlogged(d string) insights.DayStat { return insights.DayStat{Day: day(d)} }

// fixture is a fortnight by hand: gaps, a two-day flare-up with hostile
// notes, a milestone, relief on flare and ordinary days.
func fixture() (insights.Document, journal.Journal) {
	days := []insights.DayStat{
		logged("2026-09-01", 4, 3.5, 6.5, 3, "heat"),
		logged("2026-09-02", 5, 4, 7, 2),
		unlogged("2026-09-03"),
		logged("2026-09-04", 4, 3, 6, 4, "rest"),
		logged("2026-09-05", 3, 2.5, 7.5, 2),
		logged("2026-09-06", 8, 6.333333, 4, 7, "heat", "medication"),
		logged("2026-09-07", 7, 5, 4.5, 6, "heat", "support_belt"),
		logged("2026-09-08", 4, 3.2, 6.25, 3),
		unlogged("2026-09-09"),
		unlogged("2026-09-10"),
		logged("2026-09-11", 3, 2, 8, 1, "rest"),
		logged("2026-09-12", 2, 1.5, 0, -1),
		logged("2026-09-13", 3, 2.5, 7, 2),
		logged("2026-09-14", 2, 2, 7.25, 1, "heat"),
	}
	doc := insights.Document{
		From: day("2026-09-01"), To: day("2026-09-14"), Timezone: "Europe/Berlin", WeeksPostpartum: ip(6),
		Days:     days,
		Baseline: insights.Baseline{Pain: fp(4), Method: "median of the previous 14 logged days"},
		Flareups: []insights.Flareup{{
			StartDay: day("2026-09-06"), EndDay: day("2026-09-07"), Peak: 8, Baseline: 4,
			PriorSleepHours: fp(4), TypicalSleepHours: fp(6.5), StressLevel: fp(7), TypicalStress: fp(3),
			Links: []insights.Link{
				{Day: day("2026-09-05"), Kind: "sleep", Text: noteScript},
				{Day: day("2026-09-06"), Kind: "note", Text: noteFunc},
				{Day: day("2026-09-06"), Kind: "pain", Text: noteImg},
			},
		}},
		Associations: []insights.Association{},
		Milestones:   []insights.Milestone{{Name: "6 weeks postpartum", Day: day("2026-09-14")}, {Name: "12 weeks postpartum", Day: day("2026-10-26")}},
		Guidance:     []insights.Guidance{},
	}
	// What is usual at this stage: flat over a fortnight, so the pattern
	// charts' dots are easy to check by eye.
	for _, d := range days {
		doc.Usual = append(doc.Usual, insights.UsualDay{Day: d.Day, PainPeak: fp(3.5), SleepHours: fp(6.75), Stress: fp(3)})
	}
	doc.Associations = []insights.Association{{
		Factor: "sleep_hours", Outcome: "pain_peak", Effect: 3.6, N: 10, NExposed: 2,
		Q: 0.02, Significant: true, LevelOther: -0.4, LevelExposed: 3.2, AdjustedFor: []string{},
	}}
	j := journal.Journal{Pain: []journal.Score{
		{Day: day("2026-09-01"), Score: 4, Areas: []string{"lower_back", "pelvis_front"}},
		{Day: day("2026-09-06"), Score: 8, Areas: []string{"lower_back", "lower_back", "sacroiliac_hips"}, Note: noteScript},
		{Day: day("2026-09-07"), Score: 7, Areas: []string{"lower_back", "wrists_thumbs"}},
		{Day: day("2026-09-08"), Score: 4, Areas: []string{"wrists_thumbs"}},
		{Day: day("2026-09-11"), Score: 3},
		{Day: day("2026-08-20"), Score: 9, Areas: []string{"neck"}}, // before the period: not counted
	}}
	return doc, j
}

// generated is n days of plausible data ending on 2026-11-23, with every
// seventh day unlogged and a flare-up with notes every three weeks, for the
// benchmarks and the long-range tests.
func generated(n int) (insights.Document, journal.Journal) {
	to := day("2026-11-23")
	from := to.AddDays(1 - n)
	doc := insights.Document{From: from, To: to, Timezone: "Europe/Berlin"}
	var j journal.Journal
	areas := journal.PainAreas
	for i := range n {
		d := from.AddDays(i)
		if i%7 == 3 {
			doc.Days = append(doc.Days, insights.DayStat{Day: d})
			continue
		}
		peak := 2 + (i*7)%5
		if i%21 == 12 {
			peak = 8
			doc.Flareups = append(doc.Flareups, insights.Flareup{
				StartDay: d, EndDay: d.AddDays(1), Peak: 8, Baseline: 4, PriorSleepHours: fp(4),
				Links: []insights.Link{{Day: d.AddDays(-1), Kind: "sleep", Text: fmt.Sprintf("Baby up every hour, night %d. %s", i, noteScript)}},
			})
		}
		doc.Days = append(doc.Days, logged(d.String(), peak, float64(peak)-1.25, 5+float64(i%12)/4, float64(i%10), journal.Reliefs[i%len(journal.Reliefs)]))
		j.Pain = append(j.Pain, journal.Score{Day: d, Score: peak, Areas: []string{areas[i%len(areas)], areas[(i+3)%len(areas)]}})
	}
	doc.Milestones = []insights.Milestone{{Name: "6 months postpartum", Day: to.AddDays(-30)}}
	return doc, j
}

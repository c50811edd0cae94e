// Package reporttest builds deterministic report inputs for tests and
// benchmarks of package report, package pdf and the report routes: a
// journal of any length with notes (benign or hostile) in every free-text
// field, a matching insights document, and chart options shaped like the
// ones internal/charts serves, with notes on the series data items.
package reporttest

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/mend-app/mend/internal/journal"
	"github.com/mend-app/mend/internal/report"
)

// Hostile are notes that must stay text in every format: a script break-out,
// go-echarts' function marker, and an HTML event handler. Each sets
// window.__pwned or opens a dialog if it ever runs.
var Hostile = []string{
	`</script><script>window.__pwned=1;alert(1)</script>`,
	`__f__function(){window.__pwned=2;alert(2)}__f__`,
	`<img src=x onerror="window.__pwned=3;alert(3)">`,
	`=HYPERLINK("http://example.invalid","x")`,
	`"quoted", comma; and a` + "\nnew line",
}

// End is the last day of every sample: the contract's example period ends here.
var End = journal.MustDay("2026-11-23")

// Generated is the fixed time the samples claim to have been made.
var Generated = time.Date(2026, 11, 23, 13, 5, 0, 0, time.UTC)

// Sample returns an input of the given number of days ending at End, in
// Europe/Berlin, with notes on. Notes cycle through notes (benign ones
// when nil) across every free-text field, flare-up link and chart item.
func Sample(days int, notes []string) report.Input {
	if notes == nil {
		notes = []string{"Fed in the armchair, back ached after.", "Slept badly, baby up at 2 and 4.", "Busy day & stressed > usual."}
	}
	loc := berlin()
	r := rand.New(rand.NewPCG(uint64(days), 42))
	from := End.AddDays(-(days - 1))
	delivery := from.AddDays(-30)
	k := 0
	next := func() string { k++; return notes[(k-1)%len(notes)] }

	var j journal.Journal
	for i := range days {
		d := from.AddDays(i)
		if r.IntN(10) == 0 { // about one day in ten is not logged
			continue
		}
		e := journal.Entry{ID: fmt.Sprintf("e%05d", i), Day: d, SleepHours: new(float64(3*4+r.IntN(20)) / 4),
			SleepQuality: 1 + r.IntN(5), NightWakings: r.IntN(5)}
		if i%3 == 0 {
			e.Notes, e.SleepNotes, e.StressNotes = next(), next(), next()
		}
		if r.IntN(2) == 0 {
			e.Exercises = []string{"ex-pelvic-tilt", "ex-bridge"}[:1+r.IntN(2)]
		}
		if r.IntN(3) == 0 {
			e.Relief = []string{"heat", "support_belt"}[:1+r.IntN(2)]
		}
		if i == days/2 {
			e.RedFlags = []string{"leg_radiating", "night_pain"}
		}
		j.Entries = append(j.Entries, e)
		base := 5 - 3*float64(i)/float64(days)
		for n := range 1 + r.IntN(3) {
			at := clock(d, 7+5*n, r.IntN(60), loc)
			score := min(10, max(0, int(base+float64(r.IntN(4)))+boolInt(i%23 == 5)*4))
			s := journal.Score{ID: fmt.Sprintf("p%05d-%d", i, n), Day: d, At: at, Score: score,
				Areas: []string{"lower_back", "pelvis_front", "sacroiliac_hips"}[:1+r.IntN(3)], Activity: journal.Activities[r.IntN(len(journal.Activities))]}
			if n == 0 && i%4 == 1 {
				s.Note = next()
			}
			j.Pain = append(j.Pain, s)
		}
		j.Mood = append(j.Mood, journal.Score{ID: fmt.Sprintf("m%05d", i), Day: d, At: clock(d, 20, 0, loc), Score: 1 + r.IntN(5), Note: cond(i%5 == 2, next())})
		j.Stress = append(j.Stress, journal.Score{ID: fmt.Sprintf("s%05d", i), Day: d, At: clock(d, 21, 0, loc), Score: r.IntN(11), Note: cond(i%5 == 3, next())})
	}
	doc := document(from, End, delivery, j)
	return report.Input{
		Doc:           doc,
		Journal:       j,
		Profile:       journal.Profile{Name: "Alex Example", DeliveryDate: &delivery, DeliveryType: "cesarean", Location: loc},
		Charts:        charts(doc),
		Notes:         true,
		Generated:     Generated,
		ExerciseNames: map[string]string{"ex-pelvic-tilt": "Pelvic tilt", "ex-bridge": "Bridge"},
		AppURL:        "https://mend.clinic-a.org/",
	}
}

// berlin is the samples' time zone, with a fixed stand-in where the zone
// database is missing.
func berlin() *time.Location {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		return time.FixedZone("CET", 3600)
	}
	return loc
}

// clock is the wall-clock time h:m of day d in loc.
func clock(d journal.Day, h, m int, loc *time.Location) time.Time {
	t := d.Time()
	return time.Date(t.Year(), t.Month(), t.Day(), h, m, 0, 0, loc)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func cond(b bool, s string) string {
	if b {
		return s
	}
	return ""
}

// Charts re-encodes a chart map so a test can edit an option as plain data.
func Charts(m map[string]any) map[string]json.RawMessage {
	out := map[string]json.RawMessage{}
	for k, v := range m {
		b, err := json.Marshal(v)
		if err != nil {
			panic(err)
		}
		out[k] = b
	}
	return out
}

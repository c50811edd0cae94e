// Package benchdata generates a realistic, deterministic journal for
// benchmarks and the load tool: one entry, two pain readings, a mood and a
// stress reading a day, with short nights that raise pain and occasional
// flare-ups, so insights do the work a real three-year journal asks of them
// (associations, baselines and flare-ups all have something to find).
//
// It is pure (no PocketBase import): the in-process benchmarks save the rows
// with app.Save and cmd/mendbench posts the same rows through the batch API,
// so both measure the same data.
package benchdata

import (
	"math/rand/v2"
	"time"

	"github.com/mend-app/mend/internal/journal"
)

// ThreeYears is the journal length the benchmarks name.
const ThreeYears = 1100

// Row is one record to create: its collection and its fields, without the
// owner (the caller sets "user").
type Row struct {
	Collection string
	Fields     map[string]any
}

// Journal returns the rows of days consecutive days ending on last. The
// same seed gives the same rows.
func Journal(last journal.Day, days int, seed uint64) []Row {
	return JournalN(last, days, seed, 2)
}

// JournalN is Journal with pain readings a day (1–3): the scale benchmark
// uses 3, so that a year holds about 2,200 records per user.
func JournalN(last journal.Day, days int, seed uint64, pain int) []Row {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	rows := make([]Row, 0, days*(3+pain))
	first := last.AddDays(-(days - 1))
	for i := range days {
		rows = append(rows, DayN(rng, first.AddDays(i), pain)...)
	}
	return rows
}

// Day returns one day's rows. Short nights (about one in six) add two
// points of pain, and about one day in thirty starts a three-day flare.
func Day(rng *rand.Rand, d journal.Day) []Row { return DayN(rng, d, 2) }

// DayN is Day with pain readings (1–3), spread from 08:00 to 20:00 (two
// readings keep Day's 08:00 and 18:00).
func DayN(rng *rand.Rand, d journal.Day, pain int) []Row {
	pain = min(max(pain, 1), 3)
	step := 10
	if pain == 3 {
		step = 6
	}
	readings := pain
	day := d.String()
	short := rng.IntN(6) == 0
	sleep := 6.5 + float64(rng.IntN(9))*0.25
	if short {
		sleep = 3.5 + float64(rng.IntN(9))*0.25
	}
	level := 2 + rng.IntN(3)
	if short {
		level += 2
	}
	if rng.IntN(30) == 0 {
		level += 4
	}
	level = min(level, journal.PainMax)
	entry := map[string]any{
		"day": day, "sleep_hours": sleep, "sleep_quality": 1 + rng.IntN(5),
		"night_wakings": rng.IntN(5), "relief": pick(rng, journal.Reliefs, rng.IntN(3)),
	}
	if rng.IntN(4) == 0 {
		entry["notes"] = "Carried the car seat on one hip most of the afternoon."
		entry["sleep_notes"] = "Up for two feeds."
	}
	rows := []Row{{Collection: "entries", Fields: entry}}
	for k := range readings {
		rows = append(rows, Row{Collection: "pain_scores", Fields: map[string]any{
			"day": day, "at": d.Time().Add(time.Duration(8+step*k) * time.Hour), "score": max(0, level-k),
			"areas":    pick(rng, journal.PainAreas, 1+rng.IntN(2)),
			"activity": journal.Activities[rng.IntN(len(journal.Activities))],
		}})
	}
	rows = append(rows,
		Row{Collection: "mood_scores", Fields: map[string]any{"day": day, "at": d.Time().Add(20 * time.Hour), "score": 1 + rng.IntN(5)}},
		Row{Collection: "stress_scores", Fields: map[string]any{"day": day, "at": d.Time().Add(20 * time.Hour), "score": rng.IntN(11)}},
	)
	return rows
}

// PainScore returns the body of one new pain reading for day, as the web app
// would send it (the owner is added by the caller).
func PainScore(rng *rand.Rand, d journal.Day) map[string]any {
	return map[string]any{"day": d.String(), "score": rng.IntN(11), "areas": []string{"lower_back"}, "activity": "lifting"}
}

// pick returns n distinct values of all, in the order of all.
func pick(rng *rand.Rand, all []string, n int) []string {
	out := make([]string, 0, n)
	for _, i := range rng.Perm(len(all))[:n] {
		out = append(out, all[i])
	}
	return out
}

package insights_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/mend-app/mend/internal/journal"
)

// simStart is the first day of every simulated journal.
var simStart = day("2025-01-01")

// simConfig describes a generated journal. Every factor is drawn
// independently; only short nights (sleep < 6 h) may move pain, by effect.
type simConfig struct {
	days      int
	skip      float64 // chance a day has nothing logged
	shortRate float64 // chance of a short night
	effect    int     // added to the next day's peak after a short night
}

// sim is a generated journal and the days whose pain was planted.
type sim struct {
	j       journal.Journal
	planted map[journal.Day]bool // short-night days that have pain logged
	short   map[journal.Day]bool
}

func simJournal(seed uint64, c simConfig) journal.Journal { return simulate(seed, c).j }

// simulate writes a plausible journal: base peak pain 3 ± 1 (2 and 4 a
// quarter of the days each), one to three pain
// readings a day, mood 1–5, stress 0–10, sleep 6–8.5 h or, on a short night,
// 4–5.5 h with a sleep note naming that night.
func simulate(seed uint64, c simConfig) sim {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	s := sim{planted: map[journal.Day]bool{}, short: map[journal.Day]bool{}}
	b := &builder{}
	for i := range c.days {
		d := simStart + journal.Day(i)
		if r.Float64() < c.skip {
			continue
		}
		short := r.Float64() < c.shortRate
		e := journal.Entry{
			Day:          d,
			SleepHours:   new(6 + 0.25*float64(r.IntN(11))),
			SleepQuality: 1 + r.IntN(5),
			NightWakings: r.IntN(6),
			Exercises:    make([]string, r.IntN(3)),
		}
		if short {
			e.SleepHours = new(4 + 0.25*float64(r.IntN(7)))
			e.SleepNotes = fmt.Sprintf("night before %s: up every hour", d)
			s.short[d] = true
		} else if r.IntN(4) == 0 {
			e.SleepNotes = "slept fine"
		}
		if r.IntN(5) == 0 {
			e.StressNotes = "busy day"
		}
		if r.IntN(10) > 0 { // an entry on most days, not all
			b.entry(e)
		} else if short {
			delete(s.short, d)
			short = false
		}
		peak := 3 + []int{-1, 0, 0, 1}[r.IntN(4)]
		if short {
			peak = min(10, peak+c.effect)
		}
		if r.IntN(20) > 0 {
			b.pain(d, peak)
			for range r.IntN(3) {
				b.pain(d, r.IntN(peak+1))
			}
			if short {
				s.planted[d] = true
			}
		}
		if r.IntN(3) > 0 {
			b.mood(d, 1+r.IntN(5))
		}
		if r.IntN(3) > 0 {
			b.stress(d, r.IntN(11))
		}
	}
	s.j = b.journal()
	return s
}

// slice keeps the rows of j on days in [from, to], as a bounded query would.
func slice(j journal.Journal, from, to journal.Day) journal.Journal {
	in := func(d journal.Day) bool { return d >= from && d <= to }
	var out journal.Journal
	for _, e := range j.Entries {
		if in(e.Day) {
			out.Entries = append(out.Entries, e)
		}
	}
	keep := func(rows []journal.Score) []journal.Score {
		var k []journal.Score
		for _, s := range rows {
			if in(s.Day) {
				k = append(k, s)
			}
		}
		return k
	}
	out.Pain, out.Mood, out.Stress = keep(j.Pain), keep(j.Mood), keep(j.Stress)
	return out
}

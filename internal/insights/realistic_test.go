package insights_test

import (
	"math"
	"math/rand/v2"

	"github.com/mend-app/mend/internal/journal"
)

// realConfig describes a journal built like a real postpartum one (issue 9):
// pain eases from about 6 to about 2.5 over the journal and nights lengthen
// from about 4.5 h to 7.5 h (trend), pain, sleep and stress wander with
// AR(1) day-to-day memory, days go missing in runs, a day holds several pain
// readings, and every score is an integer clipped to its scale.
type realConfig struct {
	days  int
	trend bool // recovery trend in pain, sleep, wakings
	// memory draws φ for pain, sleep and stress from 0.5–0.8; without it
	// every day is drawn independently.
	memory bool
	// sleepEffect is added to the day's peak pain after a night at least an
	// hour shorter than usual for that week (see weekUsual).
	sleepEffect int
	// moodFollows makes mood low on most days after such a short night; mood
	// itself has no effect on pain.
	moodFollows bool
	// flareRise is added to the peak after such a short night, like
	// sleepEffect, for the flare-up scenario.
	flareRise int
}

// realJournal is a generated journal with the truth behind it.
type realJournal struct {
	j     journal.Journal
	short map[journal.Day]bool // nights an hour shorter than usual, with pain logged
}

// ar1 is an AR(1) process with marginal standard deviation sd.
type ar1 struct {
	phi, sd, v float64
	started    bool
}

func (a *ar1) next(r *rand.Rand) float64 {
	if !a.started {
		a.started, a.v = true, r.NormFloat64()*a.sd
		return a.v
	}
	a.v = a.phi*a.v + math.Sqrt(1-a.phi*a.phi)*a.sd*r.NormFloat64()
	return a.v
}

func clip(v float64, lo, hi int) int {
	return min(hi, max(lo, int(math.Round(v))))
}

// setSleep is the one place the tests write an entry's sleep, so the change
// of Entry.SleepHours to a pointer (issue 12) touches one line.
func setSleep(e *journal.Entry, h float64) { e.SleepHours = &h }

// weekUsual is "usual for that week" as the generator defines it: the mean
// of the nights actually slept (logged or not) over the 21 days centred on
// each night. It is what a parent would call her usual at that time: it
// follows her recovery and the slower drifts of her sleep, not one night.
func weekUsual(sleep []float64) []float64 {
	out := make([]float64, len(sleep))
	for i := range sleep {
		sum, n := 0.0, 0
		for k := max(0, i-10); k <= min(len(sleep)-1, i+10); k++ {
			sum += sleep[k]
			n++
		}
		out[i] = sum / float64(n)
	}
	return out
}

// realistic generates one journal from seed.
func realistic(seed uint64, c realConfig) realJournal {
	r := rand.New(rand.NewPCG(seed, 0x7265616c))
	phi := func() float64 {
		if !c.memory {
			return 0
		}
		return 0.5 + 0.3*r.Float64()
	}
	painN := ar1{phi: phi(), sd: 1}
	sleepN := ar1{phi: phi(), sd: 1.1}
	stressN := ar1{phi: phi(), sd: 1.6}
	moodN := ar1{phi: phi() * 0.8, sd: 0.7}
	missing := 0.1 + 0.2*r.Float64() // share of days with nothing logged
	n := float64(c.days)
	trend := func(i int) (pain, sleep, wake, stress float64) {
		if !c.trend {
			return 3.5, 6.5, 2.5, 4.5
		}
		t := float64(i) / n
		return 2.5 + 3.5*math.Exp(-3*t), 4.5 + 3*t, 4 - 2.5*t, 5.5 - 1.5*t
	}
	// The nights first, so that "usual for that week" can look ahead.
	sleep, sleepDev := make([]float64, c.days), make([]float64, c.days)
	for i := range sleep {
		_, mu, _, _ := trend(i)
		sleepDev[i] = sleepN.next(r)
		sleep[i] = math.Round(4*min(12, max(1, mu+sleepDev[i]))) / 4
	}
	usual := weekUsual(sleep)
	out := realJournal{short: map[journal.Day]bool{}}
	b := &builder{}
	gap := 0
	for i := range c.days {
		d := simStart + journal.Day(i)
		painMu, _, wakeMu, stressMu := trend(i)
		p, s, st, m := painN.next(r), sleepDev[i], stressN.next(r), moodN.next(r)
		short := sleep[i] <= usual[i]-1
		peak := painMu + p
		if short {
			peak += float64(c.sleepEffect + c.flareRise)
		}
		// Missing days come in runs: a gap starts with probability
		// missing/3 and lasts 3 days on average, so about `missing` of days.
		if gap > 0 {
			gap--
			continue
		}
		if r.Float64() < missing/3 {
			gap = r.IntN(5)
			continue
		}
		if r.IntN(10) > 0 { // an entry on most logged days
			e := journal.Entry{
				Day:          d,
				SleepQuality: clip(3+0.8*s+0.7*r.NormFloat64(), 1, 5),
				NightWakings: clip(wakeMu-0.7*s+0.8*r.NormFloat64(), 0, 12),
				Exercises:    make([]string, r.IntN(2+int(2*float64(i)/n))),
			}
			setSleep(&e, sleep[i])
			if short {
				e.SleepNotes = "up every hour"
			}
			b.entry(e)
		} else {
			short = false // the night happened, but the log cannot show it
		}
		pk := clip(peak, 0, 10)
		b.pain(d, pk)
		for range r.IntN(3) {
			b.pain(d, max(0, pk-1-r.IntN(3)))
		}
		if short && pk > 0 {
			out.short[d] = true
		}
		if r.IntN(10) < 7 {
			mood := 3.4 + m
			if c.moodFollows && short && r.IntN(10) < 7 {
				mood = 1.5 + 0.5*r.Float64()
			}
			b.mood(d, clip(mood, 1, 5))
		}
		if r.IntN(10) < 7 {
			b.stress(d, clip(stressMu+st, 0, 10))
			if r.IntN(3) == 0 {
				b.stress(d, clip(stressMu+st+r.NormFloat64(), 0, 10))
			}
		}
	}
	out.j = b.journal()
	return out
}

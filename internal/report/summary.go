package report

import (
	"math"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
)

// Thresholds for a change in pain that matters to a patient: about 2 points
// or 30 % on the 0–10 scale (Farrar et al., Pain 2001; DESIGN.md).
const (
	meaningfulPoints  = 2.0
	meaningfulPercent = 30.0
	// changeWindow is the length of the first and last stretch compared;
	// two weeks evens out the weekly rhythm of a household.
	changeWindow = 14
	// minWindowDays is how many days with pain each stretch needs before a
	// change is computed; fewer days make the averages mostly noise.
	minWindowDays = 3
)

// headline holds the report's first numbers.
type headline struct {
	PeriodDays  int
	LoggedDays  int
	LoggedShare int // percent, rounded
	PainDays    int
	AvgPain     *float64 // mean of the daily mean pain, each logged day weighing the same
	WorstPain   *int
	WorstDay    journal.Day
	Change      *painChange
	ChangeNote  string // why there is no change figure, when there is none
	Flareups    int
	RedFlagDays int
}

// painChange compares the first and last two weeks of the period.
type painChange struct {
	First, Last float64 // mean daily pain in each stretch
	Points      float64 // Last - First; negative is better
	Percent     *float64
	Meaningful  bool
	Direction   string // lower, higher or unchanged, as printed (one decimal)
}

func summarize(doc insights.Document) headline {
	h := headline{PeriodDays: int(doc.To-doc.From) + 1, Flareups: len(doc.Flareups)}
	if h.PeriodDays < 0 {
		h.PeriodDays = 0
	}
	var sum float64
	for _, d := range doc.Days {
		if d.Logged {
			h.LoggedDays++
		}
		if len(d.RedFlags) > 0 {
			h.RedFlagDays++
		}
		if d.PainMean != nil {
			h.PainDays++
			sum += *d.PainMean
		}
		if d.PainPeak != nil && (h.WorstPain == nil || *d.PainPeak > *h.WorstPain) {
			h.WorstPain, h.WorstDay = d.PainPeak, d.Day
		}
	}
	if h.PeriodDays > 0 {
		h.LoggedShare = int(math.Round(100 * float64(h.LoggedDays) / float64(h.PeriodDays)))
	}
	if h.PainDays > 0 {
		avg := sum / float64(h.PainDays)
		h.AvgPain = &avg
	}
	h.Change, h.ChangeNote = change(doc)
	return h
}

// change compares mean daily pain in the first and last two weeks. The
// stretches must not overlap, or the change would partly compare a day with
// itself.
func change(doc insights.Document) (*painChange, string) {
	if int(doc.To-doc.From)+1 < 2*changeWindow {
		return nil, "The period is shorter than four weeks, so the first and last two weeks cannot be compared."
	}
	first, nf := meanPain(doc.Days, doc.From, doc.From.AddDays(changeWindow-1))
	last, nl := meanPain(doc.Days, doc.To.AddDays(-(changeWindow - 1)), doc.To)
	if nf < minWindowDays || nl < minWindowDays {
		return nil, "Too few days with pain logged in the first or last two weeks to compare them."
	}
	c := &painChange{First: first, Last: last, Points: last - first, Direction: "unchanged"}
	if r := round1(c.Points); r < 0 {
		c.Direction = "lower"
	} else if r > 0 {
		c.Direction = "higher"
	}
	if first > 0 {
		p := 100 * (last - first) / first
		c.Percent = &p
	}
	// Round before comparing so the verdict agrees with the printed numbers.
	pts := math.Abs(round1(c.Points))
	c.Meaningful = pts >= meaningfulPoints || (c.Percent != nil && math.Abs(math.Round(*c.Percent)) >= meaningfulPercent)
	return c, ""
}

func meanPain(days []insights.DayStat, from, to journal.Day) (float64, int) {
	var sum float64
	n := 0
	for _, d := range days {
		if d.Day >= from && d.Day <= to && d.PainMean != nil {
			sum += *d.PainMean
			n++
		}
	}
	if n == 0 {
		return 0, 0
	}
	return sum / float64(n), n
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

// sleepStress summarises the lifestyle levers over the period.
type sleepStress struct {
	SleepNights    int
	AvgSleep       *float64
	ShortNights    int // nights under shortSleepHours
	AvgQuality     *float64
	AvgWakings     *float64
	StressDays     int
	AvgStress      *float64
	HighStressDays int // days with mean stress at or above highStress
	MoodDays       int
	AvgMood        *float64
}

// shortSleepHours and highStress are the cut-offs the report counts, as
// plain descriptions. The associations judge nights and stress against the
// parent's usual at that stage of recovery instead (insights.ShortNightHours,
// insights.HighStressPoints), so these counts are not patterns.
const (
	shortSleepHours = 6.0
	highStress      = 7.0
)

func summarizeSleepStress(days []insights.DayStat) sleepStress {
	var s sleepStress
	var sleep, qual, wake, stress, mood mean
	for _, d := range days {
		if d.SleepHours != nil {
			sleep.add(*d.SleepHours)
			if *d.SleepHours < shortSleepHours {
				s.ShortNights++
			}
		}
		if d.SleepQuality != nil {
			qual.add(float64(*d.SleepQuality))
		}
		if d.NightWakings != nil {
			wake.add(float64(*d.NightWakings))
		}
		if d.Stress != nil {
			stress.add(*d.Stress)
			if *d.Stress >= highStress {
				s.HighStressDays++
			}
		}
		if d.Mood != nil {
			mood.add(*d.Mood)
		}
	}
	s.SleepNights, s.AvgSleep = sleep.n, sleep.value()
	s.AvgQuality, s.AvgWakings = qual.value(), wake.value()
	s.StressDays, s.AvgStress = stress.n, stress.value()
	s.MoodDays, s.AvgMood = mood.n, mood.value()
	return s
}

// mean accumulates an average that is nil when nothing was added, because
// a missing measure must never print as 0.
type mean struct {
	sum float64
	n   int
}

func (m *mean) add(v float64) { m.sum += v; m.n++ }

func (m mean) value() *float64 {
	if m.n == 0 {
		return nil
	}
	v := m.sum / float64(m.n)
	return &v
}

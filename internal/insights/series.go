package insights

import "github.com/mend-app/mend/internal/journal"

// BuildSeries returns one DayStat per calendar day in [from, to], in order;
// it is empty when to is before from. Rows of j outside the range are
// ignored.
//
// A day is logged when it has any pain, mood or stress reading or an entry.
// Mood and stress are the means of the day's readings (see index.mood); sleep
// comes from the entry and describes the night before the day.
func BuildSeries(j journal.Journal, from, to journal.Day) []DayStat {
	return newIndex(&j, from, to).series(from, to)
}

func (x *index) series(from, to journal.Day) []DayStat {
	if to < from {
		return []DayStat{}
	}
	out := make([]DayStat, 0, int(to-from)+1)
	for d := from; d <= to; d++ {
		out = append(out, x.dayStat(d))
	}
	return out
}

func (x *index) dayStat(d journal.Day) DayStat {
	s := DayStat{Day: d, Relief: []string{}, RedFlags: []string{}}
	a := x.at(d)
	if a == nil {
		return s
	}
	e := x.entry(d)
	s.Logged = a.painN > 0 || a.moodN > 0 || a.stressN > 0 || e != nil
	if !s.Logged {
		return s
	}
	if p, ok := x.peak(d); ok {
		mean := round1(float64(a.painSum) / float64(a.painN))
		s.PainPeak, s.PainMean, s.PainCount = &p, &mean, a.painN
	}
	if v, ok := x.mood(d); ok {
		s.Mood = &v
	}
	if v, ok := x.stress(d); ok {
		s.Stress = &v
	}
	if v, ok := x.sleepHours(d); ok {
		s.SleepHours = &v
	}
	if v, ok := x.sleepQuality(d); ok {
		s.SleepQuality = &v
	}
	if v, ok := x.wakings(d); ok {
		s.NightWakings = &v
	}
	if e != nil {
		s.Exercises = e.ExercisesDone()
		// Copies, so a caller editing the document cannot edit the journal.
		s.Relief = append(s.Relief, e.Relief...)
		s.RedFlags = append(s.RedFlags, e.RedFlags...)
	}
	return s
}

package insights

import (
	"cmp"
	"math"
	"slices"

	"github.com/mend-app/mend/internal/journal"
)

// dayData aggregates one calendar day of the journal. It holds sums and counts
// rather than finished values so that building it is one pass over the rows.
type dayData struct {
	peak      int
	painN     int
	painSum   int
	moodSum   int
	moodN     int
	stressSum int
	stressN   int
	entry     int // index into Journal.Entries, -1 when the day has none
	painAt    int // first position of the day's pain rows in index.pain
}

// index is a dense, day-by-day view of a journal over [lo, hi]. Every rule in
// this package reads days through it, so a day is looked up in O(1) and the
// whole computation stays linear in the number of days and rows.
type index struct {
	j      *journal.Journal
	lo, hi journal.Day
	days   []dayData
	pain   []int         // indices into j.Pain, grouped by day (counting sort)
	logged []journal.Day // days with at least one pain score, ascending
}

// dataSpan returns the first and last day that hold any row of j; ok is false
// for an empty journal.
func dataSpan(j *journal.Journal) (lo, hi journal.Day, ok bool) {
	lo, hi = math.MaxInt32, math.MinInt32
	see := func(d journal.Day) {
		lo, hi = min(lo, d), max(hi, d)
	}
	for i := range j.Entries {
		see(j.Entries[i].Day)
	}
	for _, rows := range [][]journal.Score{j.Pain, j.Mood, j.Stress} {
		for i := range rows {
			see(rows[i].Day)
		}
	}
	return lo, hi, lo <= hi
}

// newIndex aggregates the rows of j that fall in [lo, hi]; rows outside are
// ignored, which is how Compute leaves out data after its period.
func newIndex(j *journal.Journal, lo, hi journal.Day) *index {
	x := &index{j: j, lo: lo, hi: hi}
	if hi < lo {
		return x
	}
	x.days = make([]dayData, int(hi-lo)+1)
	for i := range x.days {
		x.days[i].entry = -1
	}
	for i := range j.Entries {
		e := &j.Entries[i]
		d := x.at(e.Day)
		if d == nil {
			continue
		}
		// The schema keeps one entry per user and day; should two ever
		// arrive, the most recently updated wins, then the larger ID, so
		// the result never depends on row order.
		if d.entry < 0 || newerEntry(e, &j.Entries[d.entry]) {
			d.entry = i
		}
	}
	for i := range j.Pain {
		s := &j.Pain[i]
		d := x.at(s.Day)
		if d == nil {
			continue
		}
		if d.painN == 0 || s.Score > d.peak {
			d.peak = s.Score
		}
		d.painN++
		d.painSum += s.Score
	}
	for i := range j.Mood {
		if d := x.at(j.Mood[i].Day); d != nil {
			d.moodN++
			d.moodSum += j.Mood[i].Score
		}
	}
	for i := range j.Stress {
		if d := x.at(j.Stress[i].Day); d != nil {
			d.stressN++
			d.stressSum += j.Stress[i].Score
		}
	}
	x.groupPain()
	return x
}

// groupPain fills x.pain (pain rows by day) and x.logged with a counting sort.
func (x *index) groupPain() {
	pos := 0
	for i := range x.days {
		x.days[i].painAt = pos
		pos += x.days[i].painN
		if x.days[i].painN > 0 {
			x.logged = append(x.logged, x.lo+journal.Day(i))
		}
	}
	x.pain = make([]int, pos)
	fill := make([]int, len(x.days))
	for i := range x.j.Pain {
		k := int(x.j.Pain[i].Day - x.lo)
		if k < 0 || k >= len(x.days) {
			continue
		}
		x.pain[x.days[k].painAt+fill[k]] = i
		fill[k]++
	}
}

func newerEntry(a, b *journal.Entry) bool {
	if c := a.Updated.Compare(b.Updated); c != 0 {
		return c > 0
	}
	return a.ID > b.ID
}

// at returns the aggregate of day d, or nil outside the index.
func (x *index) at(d journal.Day) *dayData {
	if d < x.lo || d > x.hi {
		return nil
	}
	return &x.days[d-x.lo]
}

// entry returns the journal entry of day d, or nil.
func (x *index) entry(d journal.Day) *journal.Entry {
	if a := x.at(d); a != nil && a.entry >= 0 {
		return &x.j.Entries[a.entry]
	}
	return nil
}

// painRows returns the pain readings of day d ordered by time, then ID, which
// is the order a person wrote them in.
func (x *index) painRows(d journal.Day) []*journal.Score {
	a := x.at(d)
	if a == nil || a.painN == 0 {
		return nil
	}
	rows := make([]*journal.Score, 0, a.painN)
	for _, i := range x.pain[a.painAt : a.painAt+a.painN] {
		rows = append(rows, &x.j.Pain[i])
	}
	slices.SortStableFunc(rows, func(a, b *journal.Score) int {
		if c := a.At.Compare(b.At); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return rows
}

// The day measures below are the single definition used by the series, the
// flare-ups and the associations, so a number the user sees in the daily
// series is the number every rule tested.

func (x *index) peak(d journal.Day) (int, bool) {
	a := x.at(d)
	if a == nil || a.painN == 0 {
		return 0, false
	}
	return a.peak, true
}

// mood is the mean of the day's mood readings, to one decimal: a parent may
// rate her mood at 7 a.m. and again at 9 p.m., and neither alone is the day.
func (x *index) mood(d journal.Day) (float64, bool) {
	a := x.at(d)
	if a == nil || a.moodN == 0 {
		return 0, false
	}
	return round1(float64(a.moodSum) / float64(a.moodN)), true
}

// stress is the mean of the day's stress readings, to one decimal, for the
// same reason as mood (a peak would let one bad moment stand for the day).
func (x *index) stress(d journal.Day) (float64, bool) {
	a := x.at(d)
	if a == nil || a.stressN == 0 {
		return 0, false
	}
	return round1(float64(a.stressSum) / float64(a.stressN)), true
}

// sleepHours is the entry's sleep (the night before d); nil is not logged,
// while 0 is a night without sleep and counts.
func (x *index) sleepHours(d journal.Day) (float64, bool) {
	e := x.entry(d)
	if e == nil || e.SleepHours == nil {
		return 0, false
	}
	return *e.SleepHours, true
}

func (x *index) sleepQuality(d journal.Day) (int, bool) {
	e := x.entry(d)
	if e == nil || e.SleepQuality <= 0 {
		return 0, false
	}
	return e.SleepQuality, true
}

// wakings counts only when the sleep section was filled in, because a zero
// is otherwise indistinguishable from "not answered".
func (x *index) wakings(d journal.Day) (int, bool) {
	e := x.entry(d)
	if e == nil || !e.HasSleep() {
		return 0, false
	}
	return e.NightWakings, true
}

// exercises is the number of exercises ticked on d; ok is false without an
// entry, since only an entry can say "none today".
func (x *index) exercises(d journal.Day) (int, bool) {
	e := x.entry(d)
	if e == nil {
		return 0, false
	}
	return e.ExercisesDone(), true
}

// round1 rounds to one decimal and never returns -0, which would print as "-0".
func round1(v float64) float64 { return math.Round(v*10)/10 + 0 }

package insights

import (
	"math"

	"github.com/mend-app/mend/internal/journal"
)

// curves holds a period's daily measures and their usual curves. Pain covers
// the period [from, from+n); the factor measures start a day earlier, so a
// lag-1 factor can read the day before from (index 0 is from−1).
type curves struct {
	from      journal.Day
	n         int
	pain      []float64 // peak pain minus its usual, NaN where not logged
	peak      []float64 // peak pain, NaN where not logged
	usualPain []float64
	vals      [nMeasures][]float64
	usual     [nMeasures][]float64
}

// curves reads every measure over [from−1, to] and fits the usual curves.
// The curves use the period's own days (and the day before it), so a
// period's patterns describe that period.
func (x *index) curves(from, to journal.Day) *curves {
	c := &curves{from: from, n: max(0, int(to-from)+1)}
	m := c.n + 1
	for k := range c.vals {
		c.vals[k] = make([]float64, m)
	}
	peak := make([]float64, m)
	for i := range m {
		d := from - 1 + journal.Day(i)
		peak[i] = nan(x.peak(d))
		c.vals[mSleep][i] = nanF(x.sleepHours(d))
		c.vals[mQuality][i] = nan(x.sleepQuality(d))
		c.vals[mWakings][i] = nan(x.wakings(d))
		c.vals[mStress][i] = nanF(x.stress(d))
		c.vals[mMood][i] = nanF(x.mood(d))
		c.vals[mExercise][i] = nan(x.exercises(d))
	}
	for k := range c.vals {
		if k == mExercise {
			c.usual[k] = make([]float64, m) // not judged against a usual
			continue
		}
		c.usual[k] = roundAll(usualCurve(c.vals[k]))
	}
	up := roundAll(usualCurve(peak))
	c.peak, c.usualPain = peak[1:], up[1:]
	c.pain = make([]float64, c.n)
	for i := range c.pain {
		c.pain[i] = c.peak[i] - c.usualPain[i]
	}
	return c
}

// roundAll rounds a usual curve to two decimals in place: the document
// publishes it so, and exposures judged against the published values let
// anyone (the charts, a test, a reader) count the same days.
func roundAll(v []float64) []float64 {
	for i := range v {
		if !math.IsNaN(v[i]) {
			v[i] = round2(v[i])
		}
	}
	return v
}

func nan(v int, ok bool) float64 {
	if !ok {
		return math.NaN()
	}
	return float64(v)
}

func nanF(v float64, ok bool) float64 {
	if !ok {
		return math.NaN()
	}
	return v
}

// usualDays lists the usual pain, sleep and stress of every day of the
// period, for the charts. The values share one backing array: three
// pointers a day over three years would be thousands of allocations for a
// list the insights response does not even carry.
func (c *curves) usualDays() []UsualDay {
	out := make([]UsualDay, c.n)
	vals := make([]float64, 3*c.n)
	at := func(k int, v float64) *float64 {
		if math.IsNaN(v) {
			return nil
		}
		vals[k] = v // already rounded to two decimals (see curves)
		return &vals[k]
	}
	for i := range out {
		out[i] = UsualDay{
			Day:        c.from + journal.Day(i),
			PainPeak:   at(3*i, c.usualPain[i]),
			SleepHours: at(3*i+1, c.usual[mSleep][i+1]),
			Stress:     at(3*i+2, c.usual[mStress][i+1]),
		}
	}
	return out
}

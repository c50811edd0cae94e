package insights

import (
	"slices"
	"sort"

	"github.com/mend-app/mend/internal/journal"
)

// The baseline is the user's usual peak pain: the median peak of the previous
// BaselineDays logged days. A median, not a mean, so that one flare does not
// raise the bar the next flare is measured against.
const (
	// BaselineDays is how many earlier logged days (days with a pain score)
	// the baseline is the median of: two weeks of daily logging.
	BaselineDays = 14
	// BaselineMinDays is how many such days must exist before there is a
	// baseline at all; with fewer, "usual" is a guess, so no day is a flare.
	BaselineMinDays = 7
	// BaselineLookbackDays bounds how far back in calendar days those logged
	// days may lie. A baseline from months ago is not the user's current
	// usual (pain changes fast in the months after birth), and the bound
	// limits how far one edit reaches: a change on day d can alter flare-ups
	// only on days d to d+BaselineLookbackDays, which is the window the hook
	// recomputes.
	BaselineLookbackDays = 56
)

// BaselineMethod describes the baseline in the document, so it explains
// itself. It spells out BaselineDays, BaselineMinDays and BaselineLookbackDays
// (a test keeps them in step).
const BaselineMethod = "median peak pain of the previous 14 logged days (at least 7, within 56 days)"

// DataStart is the first day whose data DetectFlareups needs to judge every
// day from `from` onwards (and the day before, which decides whether a run
// crosses `from`): the lookback of the day before from.
func DataStart(from journal.Day) journal.Day {
	return from - BaselineLookbackDays - 1
}

// baseWindow returns the positions [s, k) in x.logged of the days that make
// the baseline of day d, where k is the number of logged days before d. ok is
// false when fewer than BaselineMinDays qualify.
func (x *index) baseWindow(d journal.Day) (s, k int, ok bool) {
	k = sort.Search(len(x.logged), func(i int) bool { return x.logged[i] >= d })
	first := sort.Search(k, func(i int) bool { return x.logged[i] >= d-BaselineLookbackDays })
	s = max(k-BaselineDays, first)
	return s, k, k-s >= BaselineMinDays
}

// baselineAt is the baseline of day d, from logged days strictly before d.
func (x *index) baselineAt(d journal.Day) (float64, bool) {
	s, k, ok := x.baseWindow(d)
	if !ok {
		return 0, false
	}
	return x.medianOver(s, k, func(d journal.Day) (float64, bool) {
		p, ok := x.peak(d)
		return float64(p), ok
	})
}

// medianOver is the median of f over the logged days x.logged[s:k], skipping
// days where f has no value; ok is false when none has.
func (x *index) medianOver(s, k int, f func(journal.Day) (float64, bool)) (float64, bool) {
	var buf [BaselineDays]float64
	vals := buf[:0]
	for _, d := range x.logged[s:k] {
		if v, ok := f(d); ok {
			vals = append(vals, v)
		}
	}
	if len(vals) == 0 {
		return 0, false
	}
	return median(vals), true
}

// median sorts vals in place and returns the middle value, or the mean of the
// two middle values for an even count (so ties and halves behave as people
// expect: the median of 3, 4, 5, 6 is 4.5). gonum's stat.Quantile would
// return a data point, not the mean of the two.
func median(vals []float64) float64 {
	slices.Sort(vals)
	n := len(vals)
	if n%2 == 1 {
		return vals[n/2]
	}
	return (vals[n/2-1] + vals[n/2]) / 2
}

// documentBaseline is the baseline as of the day after to, i.e. over logged
// days up to and including to: what "usual" means at the end of the period.
func (x *index) documentBaseline(to journal.Day) Baseline {
	b := Baseline{Method: BaselineMethod}
	if v, ok := x.baselineAt(to + 1); ok {
		b.Pain = &v
	}
	return b
}

package insights

import (
	"math"
	"slices"
)

// The usual curve is what is usual for this parent at each stage of her
// recovery: a robust local-linear smooth (LOESS with tricube weights and
// bisquare robustness steps) of a daily measure over calendar days.
//
// Why this smooth: pain eases and nights lengthen over the months after
// birth, so a whole-period mean makes every early short night look like it
// goes with high pain (issue 9). A running median follows a trend but is
// biased at the ends of the period, exactly where a falling pain curve and a
// rising sleep curve meet, and that bias alone produced false sleep patterns
// in the simulations. A local-linear fit follows a slope to the ends; the
// robustness steps keep a flare day (or a night without sleep) from pulling
// "usual" towards it; calendar-day bandwidths make gaps in logging cost only
// precision.
const (
	// UsualHalfWidth is the half-width in calendar days of the window each
	// day's usual value is fitted over: three weeks either side, so a night
	// is judged against the nights of the weeks around it.
	UsualHalfWidth = 21
	// usualMinPoints is the fewest logged days a window holds; where the log
	// is sparse the window widens to reach them.
	usualMinPoints = 10
	// usualRobustSteps is the number of bisquare reweighting passes.
	usualRobustSteps = 2
	// usualMinScale is the floor on the residual scale (in the measure's
	// units), so that a journal of mostly equal integer scores (MAD 0) does
	// not mark every other value an outlier.
	usualMinScale = 0.5
)

// usualCurve returns the usual value of a measure for every position of vals
// (one per calendar day; NaN where nothing was logged). Days without a value
// get one too, from the logged days around them. With no logged day at all
// every result is NaN.
func usualCurve(vals []float64) []float64 {
	s := newSmoother(vals)
	out := make([]float64, len(vals))
	if len(s.ts) == 0 {
		for i := range out {
			out[i] = math.NaN()
		}
		return out
	}
	for step := 0; ; step++ {
		s.curve(out)
		if step == usualRobustSteps {
			return out
		}
		s.reweigh(out)
	}
}

// usualStep is the spacing in days of the points where the local line is
// actually fitted; the days between are interpolated. A curve this smooth
// (it averages over weeks) changes by a hair over four days, and fitting
// every fourth day makes the insights of a three-year journal several times
// cheaper (the route has a speed budget, see cmd/mendbench).
const usualStep = 4

// curve fits the local line at every usualStep-th day and the last, and
// interpolates linearly between them into out.
func (s *smoother) curve(out []float64) {
	last := len(out) - 1
	prev, prevV := 0, s.at(0)
	out[0] = prevV
	for k := usualStep; ; k += usualStep {
		k = min(k, last)
		if k == prev {
			return
		}
		v := s.at(k)
		for i := prev + 1; i <= k; i++ {
			f := float64(i-prev) / float64(k-prev)
			out[i] = prevV + f*(v-prevV)
		}
		prev, prevV = k, v
	}
}

// smoother holds one measure on its calendar grid for the local fits. The
// grid is dense (one slot per day), so a window is a plain range of days.
type smoother struct {
	vals   []float64 // per day, NaN where not logged
	robust []float64 // per day, the robustness weight of its value
	ts     []int     // the logged days, ascending
	count  []int     // count[i] = logged days before day i
	cube   []float64 // tricube weight of each whole-day distance at the default width
}

func newSmoother(vals []float64) *smoother {
	s := &smoother{vals: vals, robust: make([]float64, len(vals)), count: make([]int, len(vals)+1)}
	for i, v := range vals {
		s.count[i+1] = s.count[i]
		if !math.IsNaN(v) {
			s.ts = append(s.ts, i)
			s.robust[i] = 1
			s.count[i+1]++
		}
	}
	s.cube = make([]float64, UsualHalfWidth)
	for d := range s.cube {
		s.cube[d] = tricube(float64(d) / UsualHalfWidth)
	}
	return s
}

func tricube(u float64) float64 {
	w := 1 - u*u*u
	return w * w * w
}

// at is the weighted least-squares line through the logged days around day
// t, evaluated at t. Weights are tricube in the distance from t (over a
// window of UsualHalfWidth days, widened where the log is sparse to hold
// usualMinPoints days) times the robustness weights. A window whose days all
// fall on one date gives their weighted mean; one whose weights vanish gives
// the plain median.
func (s *smoother) at(t int) float64 {
	h := UsualHalfWidth
	if lo, hi := max(0, t-h+1), min(len(s.vals), t+h); s.count[hi]-s.count[lo] < usualMinPoints {
		if len(s.ts) > usualMinPoints {
			h = max(h, kthDistance(s.ts, t, usualMinPoints)+1)
		} else {
			h = max(h, max(t-s.ts[0], s.ts[len(s.ts)-1]-t)+1)
		}
	}
	var sw, st, sy, stt, sty float64
	for i := max(0, t-h+1); i < min(len(s.vals), t+h); i++ {
		if s.robust[i] == 0 {
			continue // not logged, or an outlier
		}
		dt := i - t
		var w float64
		if h == UsualHalfWidth {
			w = s.cube[abs(dt)]
		} else {
			w = tricube(float64(abs(dt)) / float64(h))
		}
		w *= s.robust[i]
		y, fd := s.vals[i], float64(dt)
		sw += w
		st += w * fd
		sy += w * y
		stt += w * fd * fd
		sty += w * fd * y
	}
	if !(sw > 0) {
		vals := make([]float64, 0, len(s.ts))
		for _, i := range s.ts {
			vals = append(vals, s.vals[i])
		}
		return median(vals)
	}
	mt, my := st/sw, sy/sw
	vt := stt/sw - mt*mt
	if vt < 1e-9 {
		return my
	}
	slope := (sty/sw - mt*my) / vt
	return my - slope*mt // the line at dt = 0, i.e. at t
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// kthDistance is the distance from t to its k-th nearest logged day in the
// ascending ts (k ≤ len(ts)).
func kthDistance(ts []int, t, k int) int {
	r, _ := slices.BinarySearch(ts, t)
	l := r - 1
	d := 0
	for range k {
		switch {
		case l < 0:
			d, r = ts[r]-t, r+1
		case r >= len(ts):
			d, l = t-ts[l], l-1
		case t-ts[l] <= ts[r]-t:
			d, l = t-ts[l], l-1
		default:
			d, r = ts[r]-t, r+1
		}
	}
	return d
}

// reweigh sets Tukey's bisquare robustness weights from the residuals of
// the curve (one value per day) at each logged day: a value more than 6
// median absolute residuals from its fit gets weight 0.
func (s *smoother) reweigh(curve []float64) {
	res := make([]float64, len(s.ts))
	for k, i := range s.ts {
		res[k] = math.Abs(s.vals[i] - curve[i])
	}
	scale := 6 * max(quickMedian(slices.Clone(res)), usualMinScale)
	for k, i := range s.ts {
		u := res[k] / scale
		if u >= 1 {
			s.robust[i] = 0
			continue
		}
		s.robust[i] = (1 - u*u) * (1 - u*u)
	}
}

// quickMedian is median(vals) in linear expected time (Hoare's selection
// with a middle pivot), reordering vals: the robustness steps need the
// median of every residual, and sorting them cost more than the fits.
func quickMedian(vals []float64) float64 {
	n := len(vals)
	if n%2 == 1 {
		return selectKth(vals, n/2)
	}
	hi := selectKth(vals, n/2)
	lo := vals[0]
	for _, v := range vals[:n/2] { // after selection, all these are ≤ hi
		lo = max(lo, v)
	}
	return (lo + hi) / 2
}

// selectKth reorders vals so that vals[k] is the k-th smallest, everything
// before it no larger and everything after no smaller, and returns it.
func selectKth(vals []float64, k int) float64 {
	lo, hi := 0, len(vals)-1
	for lo < hi {
		pivot := vals[lo+(hi-lo)/2]
		i, j := lo, hi
		for i <= j {
			for vals[i] < pivot {
				i++
			}
			for vals[j] > pivot {
				j--
			}
			if i <= j {
				vals[i], vals[j] = vals[j], vals[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return vals[k]
		}
	}
	return vals[k]
}

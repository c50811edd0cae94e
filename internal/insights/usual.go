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
	var ts, ys []float64
	for i, v := range vals {
		if !math.IsNaN(v) {
			ts, ys = append(ts, float64(i)), append(ys, v)
		}
	}
	out := make([]float64, len(vals))
	if len(ts) == 0 {
		for i := range out {
			out[i] = math.NaN()
		}
		return out
	}
	robust := make([]float64, len(ts))
	for i := range robust {
		robust[i] = 1
	}
	fitted := make([]float64, len(ts))
	for step := 0; ; step++ {
		for i, t := range ts {
			fitted[i] = localLinear(ts, ys, robust, t)
		}
		if step == usualRobustSteps {
			break
		}
		bisquare(ys, fitted, robust)
	}
	for i := range out {
		out[i] = localLinear(ts, ys, robust, float64(i))
	}
	return out
}

// localLinear is the weighted least-squares line through (ts, ys) around t,
// evaluated at t. Weights are tricube in the distance from t (over a window
// of UsualHalfWidth days, widened to hold usualMinPoints days) times the
// robustness weights. A window whose days all fall on one date, or whose
// weights vanish, gives the weighted mean (or the plain median) instead.
func localLinear(ts, ys, robust []float64, t float64) float64 {
	h := float64(UsualHalfWidth)
	if len(ts) > usualMinPoints {
		h = max(h, kthDistance(ts, t, usualMinPoints)+1)
	} else {
		h = max(h, math.Max(t-ts[0], ts[len(ts)-1]-t)+1)
	}
	lo, _ := slices.BinarySearch(ts, t-h)
	var sw, st, sy, stt, sty float64
	for i := lo; i < len(ts) && ts[i] < t+h; i++ {
		u := math.Abs(ts[i]-t) / h
		w := 1 - u*u*u
		w = w * w * w * robust[i]
		dt := ts[i] - t
		sw += w
		st += w * dt
		sy += w * ys[i]
		stt += w * dt * dt
		sty += w * dt * ys[i]
	}
	if !(sw > 0) {
		return median(slices.Clone(ys))
	}
	mt, my := st/sw, sy/sw
	vt := stt/sw - mt*mt
	if vt < 1e-9 {
		return my
	}
	slope := (sty/sw - mt*my) / vt
	return my - slope*mt // the line at dt = 0, i.e. at t
}

// kthDistance is the distance from t to its k-th nearest point in the
// sorted ts (k ≤ len(ts)).
func kthDistance(ts []float64, t float64, k int) float64 {
	r, _ := slices.BinarySearch(ts, t)
	l := r - 1
	d := 0.0
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

// bisquare sets Tukey's bisquare robustness weights from the residuals: a
// value more than 6 median absolute residuals from its fit gets weight 0.
func bisquare(ys, fitted, robust []float64) {
	res := make([]float64, len(ys))
	for i := range ys {
		res[i] = math.Abs(ys[i] - fitted[i])
	}
	s := 6 * max(median(slices.Clone(res)), usualMinScale)
	for i, r := range res {
		u := r / s
		if u >= 1 {
			robust[i] = 0
			continue
		}
		robust[i] = (1 - u*u) * (1 - u*u)
	}
}

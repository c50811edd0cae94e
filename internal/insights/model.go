package insights

import (
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distuv"
)

// The association model is a multiple regression of pain above usual (peak
// pain minus the usual curve) on the factor's exposure and the exposures of
// the factors that overlap with it, with AR(1) errors: feasible generalised
// least squares (Cochrane–Orcutt with exact handling of gaps).
//
// Why this, measured on the simulations of issue 9 (1,000 journals per row,
// associations_sim_test.go): the old whole-period comparison reported a
// pattern in 171 of 200 journals with a recovery trend and no day-level effect;
// this model reports one in about 4 %, and finds a real night-to-next-day
// effect in about 89 % of 120-day journals. Within it, plain errors on the
// AR(1)-transformed rows let 5.5–7.5 % of null journals through and robust
// (HC3) errors alone 6–7 % (400 journals each); the larger of the two (see
// fitAR1) holds 3–5 %.
// The alternatives the issue names were not taken: a circular-shift
// permutation of a factor has at most as many distinct shifts as days, so on
// 60–120 days its smallest p-value (about 1/100) cannot pass
// Benjamini–Hochberg across seven factors (0.05/7) when one factor has an
// effect; Newey–West errors were not simulated here, but modelling the memory
// directly uses it rather than only correcting for it, and the transform
// handles gaps in logging exactly.
const (
	// maxRho bounds the estimated day-to-day correlation of what remains
	// after the model: near 1 the transform would leave almost no data.
	maxRho = 0.9
	// collinear is the largest condition number of X'X that is still solved:
	// beyond it two exposures fall on (nearly) the same days and their
	// separate effects cannot be told apart.
	collinear = 1e8
)

// regression is the fitted model for one factor: coefficient 1 is the
// factor's exposure.
type regression struct {
	beta   []float64
	se     []float64
	df     float64
	rho    float64
	levels []float64 // the model's fitted mean on exposed and other days
}

// design is the data of one model: y on each row, the columns of X (the
// intercept first, then the exposure tested, then adjustments), and each
// row's calendar day (for gaps).
type design struct {
	y    []float64
	cols [][]float64
	day  []int
}

// fitAR1 fits the model by ordinary least squares, estimates the residuals'
// lag-1 correlation rho (days one calendar day apart), and refits on the
// AR(1)-transformed rows. ok is false when the columns are collinear or
// leave no degrees of freedom.
func fitAR1(d design) (regression, bool) {
	n, p := len(d.y), len(d.cols)
	if n <= p+2 {
		return regression{}, false
	}
	b, _, ok := ols(d.y, d.cols)
	if !ok {
		return regression{}, false
	}
	res := make([]float64, n)
	for i := range res {
		res[i] = d.y[i]
		for k, c := range d.cols {
			res[i] -= b[k] * c[i]
		}
	}
	rho := lag1(res, d.day)
	ty, tcols := ar1Transform(d, rho)
	b, s2, ok := ols(ty, tcols)
	if !ok {
		return regression{}, false
	}
	inv, ok := gramInverse(tcols)
	if !ok {
		return regression{}, false
	}
	// The larger of the plain and the robust (HC3) standard error: each
	// alone let false patterns through in up to 7.5 % of simulated null
	// journals, the larger of the two in 3–5 % (see the comment above).
	r := regression{beta: b, df: float64(n - p - 1), rho: rho, se: hc3(ty, tcols, b, inv)}
	for k := range r.se {
		r.se[k] = max(r.se[k], math.Sqrt(s2*inv[k*p+k]))
	}
	r.levels = fittedLevels(d, b)
	return r, true
}

// lag1 estimates rho from consecutive calendar days, with the small-sample
// bias of the estimator (about (1+3ρ)/n towards 0) added back, clamped to
// [0, maxRho]: negative memory is not what journals show, and treating it as
// none is the cautious choice.
func lag1(res []float64, day []int) float64 {
	var num, den, m float64
	for i := 1; i < len(res); i++ {
		if day[i] == day[i-1]+1 {
			num += res[i] * res[i-1]
			den += res[i-1] * res[i-1]
			m++
		}
	}
	if m < 5 || !(den > 0) {
		return 0
	}
	rho := num / den
	rho += (1 + 3*max(rho, 0)) / m
	return min(maxRho, max(0, rho))
}

// ar1Transform turns AR(1) errors into independent ones. A row g calendar
// days after the previous row becomes (row − ρ^g·previous) scaled by
// 1/√((1−ρ^2g)/(1−ρ²)), which is exact for an AR(1) observed with gaps; the
// first row is scaled by √(1−ρ²) (Prais–Winsten: it is kept, not dropped).
func ar1Transform(d design, rho float64) ([]float64, [][]float64) {
	n := len(d.y)
	ty := make([]float64, n)
	tcols := make([][]float64, len(d.cols))
	for k := range tcols {
		tcols[k] = make([]float64, n)
	}
	for i := range n {
		a, s := 0.0, math.Sqrt(1-rho*rho)
		if i > 0 && rho > 0 {
			a = rho
			if g := d.day[i] - d.day[i-1]; g > 1 {
				a = math.Pow(rho, float64(g))
			}
			s = math.Sqrt((1 - rho*rho) / (1 - a*a))
		}
		ty[i] = s * d.y[i]
		if i > 0 {
			ty[i] -= s * a * d.y[i-1]
		}
		for k, c := range d.cols {
			tcols[k][i] = s * c[i]
			if i > 0 {
				tcols[k][i] -= s * a * c[i-1]
			}
		}
	}
	return ty, tcols
}

// ols solves the least-squares problem by the normal equations (a handful
// of columns, so X'X is tiny) and returns the coefficients and the residual
// variance on n−p degrees of freedom.
func ols(y []float64, cols [][]float64) (beta []float64, s2 float64, ok bool) {
	inv, ok := gramInverse(cols)
	if !ok {
		return nil, 0, false
	}
	p := len(cols)
	xty := make([]float64, p)
	for k, c := range cols {
		for i, v := range c {
			xty[k] += v * y[i]
		}
	}
	beta = make([]float64, p)
	for k := range p {
		for l := range p {
			beta[k] += inv[k*p+l] * xty[l]
		}
	}
	var rss float64
	for i := range y {
		e := y[i]
		for k, c := range cols {
			e -= beta[k] * c[i]
		}
		rss += e * e
	}
	return beta, rss / float64(len(y)-p), true
}

// gramInverse is (X'X)⁻¹ as a flat row-major p×p slice (read in the hot
// loops without gonum's bounds-checked accessors), or !ok when X'X is
// singular or too close to it.
func gramInverse(cols [][]float64) ([]float64, bool) {
	p := len(cols)
	g := mat.NewSymDense(p, nil)
	for k := range p {
		for l := k; l < p; l++ {
			var s float64
			for i := range cols[k] {
				s += cols[k][i] * cols[l][i]
			}
			g.SetSym(k, l, s)
		}
	}
	var ch mat.Cholesky
	if !ch.Factorize(g) || ch.Cond() > collinear {
		return nil, false
	}
	inv := mat.NewSymDense(p, nil)
	if err := ch.InverseTo(inv); err != nil {
		return nil, false
	}
	flat := make([]float64, p*p)
	for k := range p {
		for l := range p {
			flat[k*p+l] = inv.At(k, l)
		}
	}
	return flat, true
}

// fittedLevels is the model's mean of y on the other days and on exposed
// days, holding the adjustment columns at their averages: what the charts
// draw as the fit.
func fittedLevels(d design, b []float64) []float64 {
	base := b[0]
	for k := 2; k < len(d.cols); k++ {
		var m float64
		for _, v := range d.cols[k] {
			m += v
		}
		base += b[k] * m / float64(len(d.y))
	}
	return []float64{base, base + b[1]}
}

// hc3 is the heteroskedasticity-robust (HC3) standard error of each
// coefficient: (X'X)⁻¹ X' diag(e²/(1−h)²) X (X'X)⁻¹. Plain least-squares
// errors assume every day is equally noisy, but the usual curve is less sure
// at the ends of the period and around gaps; HC3 is the variant that still
// behaves with groups as small as five days.
func hc3(y []float64, cols [][]float64, b []float64, inv []float64) []float64 {
	p := len(cols)
	meat := make([]float64, p*p)
	row, ax := make([]float64, p), make([]float64, p)
	for i := range y {
		e := y[i]
		for k, c := range cols {
			row[k] = c[i]
			e -= b[k] * c[i]
		}
		h := 0.0
		for k := range p {
			ax[k] = 0
			for l := range p {
				ax[k] += inv[k*p+l] * row[l]
			}
			h += row[k] * ax[k]
		}
		w := e * e / ((1 - h) * (1 - h))
		if h >= 1-1e-9 {
			w = e * e // a row fitted exactly carries no information on its noise
		}
		for k := range p {
			for l := range p {
				meat[k*p+l] += w * row[k] * row[l]
			}
		}
	}
	se := make([]float64, p)
	for k := range p {
		var v float64
		for l := range p {
			for m := range p {
				v += inv[k*p+l] * meat[l*p+m] * inv[m*p+k]
			}
		}
		se[k] = math.Sqrt(max(v, 0))
	}
	return se
}

// tTest is the two-sided p-value and 95 % interval of coefficient k.
func (r regression) tTest(k int) (p, low, high float64) {
	p = r.pValue(k)
	if !(r.se[k] > 0) {
		return p, r.beta[k], r.beta[k]
	}
	half := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: r.df}.Quantile(0.975) * r.se[k]
	return p, r.beta[k] - half, r.beta[k] + half
}

// pValue is the two-sided p-value of coefficient k alone (the quantile
// behind the interval costs as much as the rest of a fit).
func (r regression) pValue(k int) float64 {
	if !(r.se[k] > 0) {
		if r.beta[k] == 0 {
			return 1
		}
		return 0
	}
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: r.df}
	return 2 * t.CDF(-math.Abs(r.beta[k]/r.se[k]))
}

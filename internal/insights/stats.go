package insights

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// Resampling settings. The generator is seeded with constants (and the
// factor's name), so the same journal always gives the same p-value and
// interval: a parent who reloads the page must not see a pattern flicker.
const (
	// SmallGroup is the group size below which Welch's t is not trusted:
	// with pain scores (integers, often skewed) and fewer than 10 days in a
	// group, the t approximation is poor, so a permutation test and a
	// bootstrap interval are used instead.
	SmallGroup   = 10
	permutations = 4999
	bootstraps   = 2000
	// directResample is the group size up to which a bootstrap resample is
	// drawn value by value.
	directResample        = 300
	seedHi         uint64 = 0x6d656e645f696e73 // "mend_ins"
)

// diffTest is the outcome of comparing two groups' means.
type diffTest struct {
	effect, low, high, p float64
}

// meanDifference compares mean(a) - mean(b) with a 95 % interval and a
// two-sided p-value: Welch's t when both groups have at least SmallGroup
// values and some spread, otherwise a seeded permutation test with a
// percentile bootstrap interval.
func meanDifference(a, b []float64, seed uint64) diffTest {
	ma, va := stat.MeanVariance(a, nil)
	mb, vb := stat.MeanVariance(b, nil)
	na, nb := float64(len(a)), float64(len(b))
	se2a, se2b := va/na, vb/nb
	se := math.Sqrt(se2a + se2b)
	if len(a) < SmallGroup || len(b) < SmallGroup || !(se > 0) {
		return resampled(a, b, ma-mb, seed)
	}
	// Welch–Satterthwaite degrees of freedom.
	df := (se2a + se2b) * (se2a + se2b) / (se2a*se2a/(na-1) + se2b*se2b/(nb-1))
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}
	diff := ma - mb
	half := t.Quantile(0.975) * se
	return diffTest{
		effect: diff,
		low:    diff - half,
		high:   diff + half,
		p:      2 * t.CDF(-math.Abs(diff/se)),
	}
}

// resampled is the small-group path. The permutation test draws the smaller
// group's labels at random (a partial Fisher–Yates shuffle, so each draw costs
// the smaller group's size, not the whole sample); p counts the observed
// arrangement too, so it is never 0.
func resampled(a, b []float64, diff float64, seed uint64) diffTest {
	r := rand.New(rand.NewPCG(seedHi, seed))
	pool := slices.Concat(a, b)
	total := 0.0
	for _, v := range pool {
		total += v
	}
	m, aSmall := len(a), true
	if len(b) < m {
		m, aSmall = len(b), false
	}
	n := len(pool)
	obs := math.Abs(diff) - 1e-9 // tolerance: equal sums must count as ties
	extreme := 0
	for range permutations {
		s := 0.0
		for i := range m {
			k := i + r.IntN(n-i)
			pool[i], pool[k] = pool[k], pool[i]
			s += pool[i]
		}
		d := s/float64(m) - (total-s)/float64(n-m)
		if !aSmall {
			d = -d
		}
		if math.Abs(d) >= obs {
			extreme++
		}
	}
	boot := make([]float64, bootstraps)
	ra, rb := newResampler(a), newResampler(b)
	for i := range boot {
		boot[i] = ra.mean(r) - rb.mean(r)
	}
	slices.Sort(boot)
	return diffTest{
		effect: diff,
		low:    stat.Quantile(0.025, stat.Empirical, boot, nil),
		high:   stat.Quantile(0.975, stat.Empirical, boot, nil),
		p:      float64(extreme+1) / float64(permutations+1),
	}
}

// resampler draws the mean of a bootstrap resample (n draws with replacement)
// of one group. Pain peaks take at most 11 values, so for a large group the
// resample's counts are drawn as a multinomial (a chain of binomials) in
// O(distinct values) instead of O(n): the same distribution, far cheaper.
// Below directResample values plain draws are faster than the binomials
// (measured: a gonum binomial costs about as much as 30–40 uniform draws).
type resampler struct {
	vals     []float64
	distinct []float64
	probs    []float64
}

func newResampler(vals []float64) resampler {
	r := resampler{vals: vals}
	counts := map[float64]int{}
	for _, v := range vals {
		counts[v]++
	}
	for v := range counts {
		r.distinct = append(r.distinct, v)
	}
	slices.Sort(r.distinct) // map order is random; the draws must not be
	for _, v := range r.distinct {
		r.probs = append(r.probs, float64(counts[v])/float64(len(vals)))
	}
	return r
}

func (s resampler) mean(r *rand.Rand) float64 {
	n := len(s.vals)
	if n <= directResample {
		sum := 0.0
		for range n {
			sum += s.vals[r.IntN(n)]
		}
		return sum / float64(n)
	}
	left, mass, sum := float64(n), 1.0, 0.0
	for i, v := range s.distinct {
		if left == 0 {
			break
		}
		c := left
		if i < len(s.distinct)-1 {
			p := min(1, s.probs[i]/mass)
			c = distuv.Binomial{N: left, P: p, Src: r}.Rand()
		}
		sum += c * v
		left -= c
		mass -= s.probs[i]
	}
	return sum / float64(n)
}

// spearman is Spearman's rank correlation: Pearson's r (gonum) on ranks with
// ties given their average rank. ok is false when either side is constant.
func spearman(x, y []float64) (float64, bool) {
	rho := stat.Correlation(ranks(x), ranks(y), nil)
	if math.IsNaN(rho) || math.IsInf(rho, 0) {
		return 0, false
	}
	return rho, true
}

func ranks(v []float64) []float64 {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case v[a] < v[b]:
			return -1
		case v[a] > v[b]:
			return 1
		}
		return 0
	})
	out := make([]float64, len(v))
	for i := 0; i < len(idx); {
		k := i
		for k+1 < len(idx) && v[idx[k+1]] == v[idx[i]] {
			k++
		}
		r := float64(i+k)/2 + 1
		for ; i <= k; i++ {
			out[idx[i]] = r
		}
	}
	return out
}

// benjaminiHochberg returns the BH-adjusted q-values of ps, in input order:
// q(i) = min over j ≥ rank(i) of p(j)·m/j, at most 1. It controls the false
// discovery rate across every factor tested for one user and period.
func benjaminiHochberg(ps []float64) []float64 {
	m := len(ps)
	order := make([]int, m)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case ps[a] < ps[b]:
			return -1
		case ps[a] > ps[b]:
			return 1
		}
		return 0
	})
	q := make([]float64, m)
	running := 1.0
	for r := m - 1; r >= 0; r-- {
		i := order[r]
		running = min(running, ps[i]*float64(m)/float64(r+1))
		q[i] = running
	}
	return q
}

// roundSig rounds v to 4 significant digits, enough for a p-value and honest
// about its precision.
func roundSig(v float64) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 4, 64), 64)
	return f
}

func round2(v float64) float64 { return math.Round(v*100)/100 + 0 }

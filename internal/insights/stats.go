package insights

import (
	"math"
	"slices"
	"strconv"

	"gonum.org/v1/gonum/stat"
)

// spearman is Spearman's rank correlation: Pearson's r (gonum) on ranks with
// ties given their average rank. ok is false when either side is constant.
func spearman(x, y []float64) (float64, bool) {
	rho := stat.Correlation(ranks(x), ranks(y), nil)
	if math.IsNaN(rho) || math.IsInf(rho, 0) {
		return 0, false
	}
	return rho, true
}

// spearmanTenths is spearman for values rounded to tenths (as the
// associations round them), ranked by counting rather than sorting: seven
// factors over three years of days would otherwise spend more time sorting
// than fitting.
func spearmanTenths(x, y []float64) (float64, bool) {
	rho := stat.Correlation(ranksTenths(x), ranksTenths(y), nil)
	if math.IsNaN(rho) || math.IsInf(rho, 0) {
		return 0, false
	}
	return rho, true
}

// ranksTenths is ranks for values that are whole tenths.
func ranksTenths(v []float64) []float64 {
	if len(v) == 0 {
		return nil
	}
	keys := make([]int, len(v))
	lo, hi := math.MaxInt, math.MinInt
	for i, x := range v {
		keys[i] = int(math.Round(x * 10))
		lo, hi = min(lo, keys[i]), max(hi, keys[i])
	}
	if hi-lo > 100*len(v) {
		return ranks(v) // too spread out for counting to pay off
	}
	count := make([]int, hi-lo+2)
	for _, k := range keys {
		count[k-lo+1]++
	}
	// count[k] becomes the number of values below key lo+k.
	for k := 1; k < len(count); k++ {
		count[k] += count[k-1]
	}
	out := make([]float64, len(v))
	for i, k := range keys {
		below, upto := count[k-lo], count[k-lo+1]
		out[i] = float64(below+upto-1)/2 + 1
	}
	return out
}

// ranks gives each value its rank (1-based), ties their average rank: a
// value's rank is the mean of the first and last positions it takes in the
// sorted copy.
func ranks(v []float64) []float64 {
	sorted := slices.Clone(v)
	slices.Sort(sorted)
	out := make([]float64, len(v))
	for i, x := range v {
		lo, _ := slices.BinarySearch(sorted, x)
		end, _ := slices.BinarySearch(sorted, math.Nextafter(x, math.Inf(1))) // first value above x
		out[i] = float64(lo+end-1)/2 + 1
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

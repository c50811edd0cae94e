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

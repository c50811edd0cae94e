package insights_test

import (
	"math"
	"slices"
	"testing"

	"github.com/mend-app/mend/internal/insights"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestBenjaminiHochberg(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		name string
		p    []float64
		want []float64
	}{
		{"none", nil, []float64{}},
		{"one", []float64{0.03}, []float64{0.03}},
		// R: p.adjust(c(.01, .04, .03, .005), "BH")
		{"four", []float64{0.01, 0.04, 0.03, 0.005}, []float64{0.02, 0.04, 0.04, 0.02}},
		{"capped at 1", []float64{0.9, 0.8}, []float64{0.9, 0.9}},
		{"ties", []float64{0.02, 0.02, 0.5}, []float64{0.03, 0.03, 0.5}},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			got := insights.BenjaminiHochberg(sc.p)
			if len(got) != len(sc.want) {
				t.Fatalf("got %v", got)
			}
			for i := range got {
				if !near(got[i], sc.want[i], 1e-12) {
					t.Fatalf("got %v, want %v", got, sc.want)
				}
			}
		})
	}
}

func TestSpearman(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		name   string
		x, y   []float64
		want   float64
		wantOK bool
	}{
		{"monotone, not linear", []float64{1, 2, 3, 4}, []float64{1, 4, 9, 100}, 1, true},
		{"reversed", []float64{1, 2, 3}, []float64{3, 2, 1}, -1, true},
		{"ties get average ranks", []float64{1, 2, 2, 3}, []float64{1, 2, 3, 4}, 4.5 / math.Sqrt(4.5*5), true},
		{"constant factor is undefined", []float64{5, 5, 5}, []float64{1, 2, 3}, 0, false},
		{"constant pain is undefined", []float64{1, 2, 3}, []float64{4, 4, 4}, 0, false},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			got, ok := insights.Spearman(sc.x, sc.y)
			if ok != sc.wantOK || !near(got, sc.want, 1e-12) {
				t.Fatalf("got %v %v, want %v %v", got, ok, sc.want, sc.wantOK)
			}
			// The counting version agrees on whole tenths.
			tx, ty := make([]float64, len(sc.x)), make([]float64, len(sc.y))
			for i := range sc.x {
				tx[i], ty[i] = sc.x[i]/10, sc.y[i]/10
			}
			if got, ok := insights.SpearmanTenths(tx, ty); ok != sc.wantOK || !near(got, sc.want, 1e-12) {
				t.Fatalf("tenths: got %v %v, want %v %v", got, ok, sc.want, sc.wantOK)
			}
		})
	}
}

// TestQuickMedian agrees with the sorting median on odd and even counts,
// ties and negative values.
func TestQuickMedian(t *testing.T) {
	t.Parallel()
	for _, in := range [][]float64{{3}, {4, 1}, {5, 1, 3}, {2, 2, 2, 2}, {-1, 7, 0, 7, 3, -4}, {1, 9, 2, 8, 3, 7, 4, 6, 5, 5}} {
		want := insights.Median(slices.Clone(in))
		if got := insights.QuickMedian(slices.Clone(in)); got != want {
			t.Errorf("QuickMedian(%v) = %v, want %v", in, got, want)
		}
	}
}

func TestMedian(t *testing.T) {
	t.Parallel()
	for _, sc := range []struct {
		in   []float64
		want float64
	}{{[]float64{3}, 3}, {[]float64{2, 1}, 1.5}, {[]float64{4, 4, 1, 4}, 4}, {[]float64{5, 1, 5, 1}, 3}} {
		if got := insights.Median(sc.in); got != sc.want {
			t.Errorf("median(%v) = %v, want %v", sc.in, got, sc.want)
		}
	}
}

// TestWelch checks the large-group path against Wikipedia's worked example of
// Welch's t-test (t = -2.46, ν ≈ 24.9, p ≈ 0.021).

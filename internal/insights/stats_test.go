package insights_test

import (
	"math"
	"reflect"
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
		})
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
func TestWelch(t *testing.T) {
	t.Parallel()
	a := []float64{27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4}
	b := []float64{27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4}
	eff, lo, hi, p := insights.MeanDifference(a, b, 1)
	if !near(eff, 20.82-22.98667, 0.01) || !near(p, 0.021, 0.0015) {
		t.Fatalf("effect %v p %v", eff, p)
	}
	// The interval is symmetric about the effect and excludes 0 as p < 0.05.
	if !near(eff-lo, hi-eff, 1e-9) || hi >= 0 {
		t.Fatalf("interval %v..%v", lo, hi)
	}
}

func TestSmallGroups(t *testing.T) {
	t.Parallel()
	small := []float64{7, 8, 6, 7, 9}
	large := []float64{2, 3, 2, 4, 3, 2, 3, 3, 2, 4, 3, 2}
	eff, lo, hi, p := insights.MeanDifference(small, large, 5)
	if !near(eff, 7.4-2.75, 1e-9) || p > 0.01 || p <= 0 || lo > eff || hi < eff || lo <= 0 {
		t.Fatalf("effect %v interval %v..%v p %v", eff, lo, hi, p)
	}
	e2, l2, h2, p2 := insights.MeanDifference(small, large, 5)
	if e2 != eff || l2 != lo || h2 != hi || p2 != p {
		t.Fatal("not reproducible with the same seed")
	}
	// Same values on both sides: no difference at all.
	_, _, _, p = insights.MeanDifference([]float64{3, 4, 5, 3, 4}, []float64{4, 3, 5, 4, 3, 4, 5, 3, 4, 5, 3}, 5)
	if p < 0.5 {
		t.Fatalf("p %v for groups from one distribution", p)
	}
	// Two constant groups have no spread, so Welch is undefined: the
	// permutation test still answers.
	eff, _, _, p = insights.MeanDifference(repeatF(6, 12), repeatF(2, 12), 5)
	if eff != 4 || p > 0.001 {
		t.Fatalf("constant groups: effect %v p %v", eff, p)
	}
	// A large group takes the multinomial bootstrap path; still ordered.
	big := make([]float64, 900)
	for i := range big {
		big[i] = float64(i % 5)
	}
	eff, lo, hi, _ = insights.MeanDifference(small, big, 5)
	if !(lo < eff && eff < hi) || !reflect.DeepEqual(eff, 7.4-2.0) {
		t.Fatalf("effect %v interval %v..%v", eff, lo, hi)
	}
}

func repeatF(v float64, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = v
	}
	return out
}

package insights_test

import (
	"math"
	"testing"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
)

func nanSeries(n int, f func(i int) float64) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = f(i)
	}
	return out
}

// TestUsualCurve: the estimator of "usual at this stage" on the cases the
// issue names. want(i) is the expected usual value of day i, within tol.
func TestUsualCurve(t *testing.T) {
	t.Parallel()
	nan := math.NaN()
	scenarios := []struct {
		name string
		vals []float64
		want func(i int) float64
		tol  float64
	}{
		{"constant journal", nanSeries(60, func(int) float64 { return 4 }), func(int) float64 { return 4 }, 1e-9},
		{"pure trend is followed to both ends", nanSeries(90, func(i int) float64 { return 6 - 4*float64(i)/89 }),
			func(i int) float64 { return 6 - 4*float64(i)/89 }, 1e-9},
		{"a single flare day does not move usual", nanSeries(40, func(i int) float64 {
			if i == 20 {
				return 9
			}
			return 3
		}), func(int) float64 { return 3 }, 1e-9},
		{"gaps at the start are filled from the logged days", nanSeries(60, func(i int) float64 {
			if i < 20 {
				return nan
			}
			return 5
		}), func(int) float64 { return 5 }, 1e-9},
		{"gaps in a trend keep the line", nanSeries(80, func(i int) float64 {
			if i < 15 || (i > 40 && i < 50) {
				return nan
			}
			return 2 + 0.05*float64(i)
		}), func(i int) float64 { return 2 + 0.05*float64(i) }, 1e-9},
		{"ties: integer scores alternating 2 and 3", nanSeries(60, func(i int) float64 { return float64(2 + i%2) }),
			func(int) float64 { return 2.5 }, 0.1},
		{"one logged day is usual everywhere", nanSeries(10, func(i int) float64 {
			if i == 4 {
				return 7
			}
			return nan
		}), func(int) float64 { return 7 }, 1e-9},
		{"nothing logged: no usual", nanSeries(5, func(int) float64 { return nan }), func(int) float64 { return nan }, 0},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			got := insights.UsualCurve(sc.vals)
			for i, g := range got {
				w := sc.want(i)
				if math.IsNaN(w) != math.IsNaN(g) || math.Abs(g-w) > sc.tol {
					t.Fatalf("day %d: usual %v, want %v ± %v", i, g, w, sc.tol)
				}
			}
		})
	}
}

// TestAssociationsEstimatorCases: journals where nothing goes with pain
// give no pattern, whatever their shape.
func TestAssociationsEstimatorCases(t *testing.T) {
	t.Parallel()
	build := func(n int, peak func(i int) int, sleep func(i int) float64) journal.Journal {
		b := &builder{}
		for i := range n {
			d := d0 + journal.Day(i)
			if p := peak(i); p >= 0 {
				b.pain(d, p)
			}
			e := journal.Entry{Day: d, SleepQuality: 3}
			setSleep(&e, sleep(i))
			b.entry(e)
			b.stress(d, 4).mood(d, 3)
		}
		return b.journal()
	}
	scenarios := []struct {
		name   string
		j      journal.Journal
		tested bool // whether sleep_hours is tested at all
	}{
		{"constant journal: nothing is ever short", build(60, func(int) int { return 4 }, func(int) float64 { return 7 }), false},
		{"pure trend: pain eases while nights lengthen", build(120,
			func(i int) int { return int(math.Round(6 - 3.5*float64(i)/119)) },
			func(i int) float64 { return 4.5 + 0.25*math.Round(12*float64(i)/119) }), false},
		{"a single flare day after a short night is one day, not a pattern", build(60,
			func(i int) int {
				if i == 30 {
					return 9
				}
				return 3
			},
			func(i int) float64 {
				if i%6 == 0 {
					return 5 // short nights every sixth day, one of them before the flare
				}
				return 7
			}), true},
		{"gaps at the start", build(90, func(i int) int {
			if i < 25 {
				return -1
			}
			return 3 + i%2
		}, func(i int) float64 { return 7 - float64(i%5)/2 }), true},
		{"ties: alternating scores, short nights on both", build(90, func(i int) int { return 2 + i%2 },
			func(i int) float64 {
				if i%4 < 2 {
					return 5.5
				}
				return 7.5
			}), true},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			as := insights.FindAssociations(sc.j, d0, d0+119)
			for _, a := range as {
				if a.Significant {
					t.Errorf("%s/%d significant: %+v", a.Factor, a.LagDays, a)
				}
			}
			if a := find(as, "sleep_hours", 0); (a != nil) != sc.tested {
				t.Fatalf("sleep tested = %v, want %v", a != nil, sc.tested)
			}
		})
	}
}

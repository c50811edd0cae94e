package insights_test

import (
	"strings"
	"testing"

	"github.com/mend-app/mend/internal/insights"
)

// TestSentences: plain words, the counts, the comparison with her own usual,
// the overlap named when another factor shares most of the days, and never
// a cause.
func TestSentences(t *testing.T) {
	t.Parallel()
	const usual = ", each day measured against what is usual for you at that point in your recovery"
	scenarios := []struct {
		name string
		a    insights.Association
		want string
	}{
		{"clear, higher, with interval",
			insights.Association{Factor: "sleep_hours", N: 84, NExposed: 14, Effect: 1.8, CILow: 1.1, CIHigh: 2.5, Significant: true},
			"On the 14 days after a night at least an hour shorter than usual for you at the time, your peak pain averaged 1.8 points higher than on the other 70 days" + usual +
				" (likely between 1.1 and 2.5 points). This is a pattern in your log, not proof of a cause."},
		{"clear, lower, interval turned",
			insights.Association{Factor: "exercises_done", LagDays: 1, N: 40, NExposed: 20, Effect: -2, CILow: -2.6, CIHigh: -1.4, Significant: true},
			"On the 20 days after a day you did at least one exercise, your peak pain averaged 2 points lower than on the other 20 days" + usual +
				" (likely between 1.4 and 2.6 points). This is a pattern in your log, not proof of a cause."},
		{"no clear difference, singular words",
			insights.Association{Factor: "stress", N: 2, NExposed: 1, Effect: 1, CILow: -3, CIHigh: 5},
			"On the 1 day when your stress was at least 2 points above your usual at the time, your peak pain averaged 1 point higher than on the other 1 day" + usual +
				". That is no clear difference: with this much data it could well be chance. Even a clear pattern in your log would not prove a cause."},
		{"rides on short nights, adjusted",
			insights.Association{Factor: "mood", N: 70, NExposed: 9, Effect: 0.4, CILow: -0.5, CIHigh: 1.3, Overlap: "sleep_hours", AdjustedFor: []string{"sleep_hours"}},
			"On the 9 days when your mood was at least 1 point below your usual at the time, your peak pain averaged 0.4 points higher than on the other 61 days" + usual +
				". That is no clear difference: with this much data it could well be chance. Most of these days were also nights at least an hour shorter than usual; the figure already allows for that. Even a clear pattern in your log would not prove a cause."},
		{"the stronger of two overlapping factors",
			insights.Association{Factor: "sleep_hours", N: 95, NExposed: 15, Effect: 2, CILow: 1.6, CIHigh: 2.3, Significant: true, Overlap: "sleep_quality", AdjustedFor: []string{}},
			"On the 15 days after a night at least an hour shorter than usual for you at the time, your peak pain averaged 2 points higher than on the other 80 days" + usual +
				" (likely between 1.6 and 2.3 points). Most of these days were also nights rated lower than usual for sleep quality, which go with your pain less clearly. This is a pattern in your log, not proof of a cause."},
		{"cannot be told apart",
			insights.Association{Factor: "sleep_quality", N: 60, NExposed: 12, Effect: 2, CILow: 1, CIHigh: 3, Significant: true, Overlap: "night_wakings", Inseparable: true},
			"On the 12 days after a night you rated at least 1 point lower for sleep quality than usual at the time, your peak pain averaged 2 points higher than on the other 48 days" + usual +
				" (likely between 1 and 3 points). Most of these days were also nights with more wakings than usual, and your log cannot tell the two apart. This is a pattern in your log, not proof of a cause."},
		{"a lagged factor is named with its lag",
			insights.Association{Factor: "mood", N: 30, NExposed: 10, Effect: 0, Overlap: "stress/1", AdjustedFor: []string{"stress/1"}},
			"On the 10 days when your mood was at least 1 point below your usual at the time, your peak pain averaged the same as on the other 20 days" + usual +
				". That is no clear difference: with this much data it could well be chance. Most of these days were also days after stress above your usual; the figure already allows for that. Even a clear pattern in your log would not prove a cause."},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			got := insights.SentenceOf(sc.a)
			if got != sc.want {
				t.Fatalf("got  %q\nwant %q", got, sc.want)
			}
			for _, bad := range []string{"causes", "because", "leads to", "2026-"} {
				if strings.Contains(got, bad) {
					t.Errorf("%q in %q", bad, got)
				}
			}
		})
	}
}

func TestFormatQ(t *testing.T) {
	t.Parallel()
	for q, want := range map[float64]string{0: "< 0.001", 0.000999: "< 0.001", 0.001: "0.001", 0.0456: "0.046", 1: "1.000"} {
		if got := insights.FormatQ(q); got != want {
			t.Errorf("FormatQ(%v) = %q, want %q", q, got, want)
		}
	}
}

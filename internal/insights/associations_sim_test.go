package insights_test

import (
	"testing"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
)

// simJournals is how many journals each scenario of issue 9 runs.
const simJournals = 1000

// simRates is what one scenario measured over its journals.
type simRates struct {
	journals, any, sleep, sleepRight, mood int
}

func (r simRates) pct(n int) float64 { return 100 * float64(n) / float64(r.journals) }

// runScenario builds journals from c (days 60–180 when c.days is 0) and
// counts journals with any significant association, a significant sleep
// association (and one with a positive effect) and a significant mood one.
func runScenario(seed0 uint64, c realConfig) simRates {
	var r simRates
	fixed := c.days
	for seed := range uint64(simJournals) {
		if fixed == 0 {
			c.days = 60 + int(seed%121)
		}
		j := realistic(seed0+seed, c).j
		as := insights.FindAssociations(j, simStart, simStart+journal.Day(c.days-1))
		r.journals++
		hit, sleep, right, mood := false, false, false, false
		for _, a := range as {
			if !a.Significant {
				continue
			}
			hit = true
			switch a.Factor {
			case "sleep_hours":
				sleep, right = true, right || a.Effect > 0
			case "mood":
				mood = true
			}
		}
		r.any += b2i(hit)
		r.sleep += b2i(sleep)
		r.sleepRight += b2i(right)
		r.mood += b2i(mood)
	}
	return r
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestRealisticScenarios is the table of issue 9, each row over 1,000
// journals built like real ones (realistic_test.go). The rates are printed
// (go test -v) so a change to the method shows what it costs.
func TestRealisticScenarios(t *testing.T) {
	t.Parallel()
	t.Run("no structure, independent days", func(t *testing.T) {
		t.Parallel()
		r := runScenario(1_000_000, realConfig{})
		t.Logf("any significant %.1f %% (≤ 6.5), sleep %.1f %%", r.pct(r.any), r.pct(r.sleep))
		if r.pct(r.any) > 6.5 {
			t.Errorf("any significant in %.1f %% of journals, want ≤ 6.5 %%", r.pct(r.any))
		}
	})
	t.Run("trends and memory, no day-level effect", func(t *testing.T) {
		t.Parallel()
		r := runScenario(2_000_000, realConfig{trend: true, memory: true})
		t.Logf("any significant %.1f %% (≤ 6.5), sleep %.1f %% (≤ 5)", r.pct(r.any), r.pct(r.sleep))
		if r.pct(r.any) > 6.5 || r.pct(r.sleep) > 5 {
			t.Errorf("any %.1f %% (want ≤ 6.5), sleep %.1f %% (want ≤ 5)", r.pct(r.any), r.pct(r.sleep))
		}
	})
	t.Run("a short night raises next-day peak pain by 2", func(t *testing.T) {
		t.Parallel()
		r := runScenario(3_000_000, realConfig{days: 120, trend: true, memory: true, sleepEffect: 2})
		t.Logf("sleep found with the right sign in %.1f %% of 120-day journals (≥ 80)", r.pct(r.sleepRight))
		if r.pct(r.sleepRight) < 80 {
			t.Errorf("sleep effect found in %.1f %%, want ≥ 80 %%", r.pct(r.sleepRight))
		}
	})
	t.Run("low mood follows short nights, no effect of its own", func(t *testing.T) {
		t.Parallel()
		r := runScenario(4_000_000, realConfig{days: 120, trend: true, memory: true, sleepEffect: 2, moodFollows: true})
		t.Logf("mood reported as a pattern in %.1f %% (≤ 10); sleep found in %.1f %%", r.pct(r.mood), r.pct(r.sleepRight))
		if r.pct(r.mood) > 10 {
			t.Errorf("mood significant in %.1f %%, want ≤ 10 %%", r.pct(r.mood))
		}
	})
}

// TestRealisticFlareups: flare-ups planted on a recovering baseline (short
// nights add 3 points to a peak that eases from about 6 to 2.5, the existing
// planted scenario on a realistic journal) are found with recall ≥ 0.8 and
// precision ≥ 0.7 over 1,000 journals, judged from day 21 on (the baseline
// needs logged days before it).
func TestRealisticFlareups(t *testing.T) {
	t.Parallel()
	truePos, planted, flagged := 0, 0, 0
	for seed := range uint64(simJournals) {
		c := realConfig{days: 60 + int(seed%121), trend: true, memory: true, flareRise: 3}
		rj := realistic(5_000_000+seed, c)
		judged := simStart + 21
		flareDay := map[journal.Day]bool{}
		for _, f := range insights.DetectFlareups(rj.j, judged, simStart+journal.Day(c.days-1)) {
			for d := max(f.StartDay, judged); d <= f.EndDay; d++ {
				flareDay[d] = true
			}
		}
		flagged += len(flareDay)
		for d := range rj.short {
			if d < judged {
				continue
			}
			planted++
			truePos += b2i(flareDay[d])
		}
	}
	recall, precision := float64(truePos)/float64(planted), float64(truePos)/float64(flagged)
	t.Logf("recall %.2f (%d/%d), precision %.2f (%d/%d)", recall, truePos, planted, precision, truePos, flagged)
	if recall < 0.8 || precision < 0.7 {
		t.Errorf("recall %.2f (want ≥ 0.8), precision %.2f (want ≥ 0.7)", recall, precision)
	}
}

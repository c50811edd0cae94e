package insights

import (
	"math"

	"github.com/mend-app/mend/internal/journal"
)

// Association settings from DESIGN.md and issue 9.
const (
	// MinPairedDays is the fewest days with both the factor and peak pain
	// logged before a factor is tested at all.
	MinPairedDays = 14
	// MinGroupDays is the fewest days each group (exposed, not exposed) needs.
	MinGroupDays = 5
	// Alpha is the false discovery rate: significant means q ≤ Alpha.
	Alpha = 0.05
	// OutcomePainPeak is the only outcome: the day's peak pain, because the
	// worst moment is what a parent remembers and what limits her day.
	OutcomePainPeak = "pain_peak"
	// MethodUsualAR1 names how every association is estimated (see model.go
	// for why this method was chosen over the alternatives).
	MethodUsualAR1 = "difference from your usual at that stage of recovery " +
		"(robust local-linear curve over " + "±21 days), adjusted for overlapping factors, " +
		"regression with AR(1) day-to-day memory; chosen because in simulated recovering " +
		"journals it kept false patterns near 5 % where whole-period comparisons flagged most journals"
	// ShortNightHours is how much shorter than usual a night must be to count
	// as short: an hour is a difference a tired parent notices.
	ShortNightHours = 1
	// HighStressPoints is how far above her usual stress a day must be.
	HighStressPoints = 2
	// overlapPhi is the correlation between two exposures (over the days both
	// were logged) from which each is adjusted for the other.
	overlapPhi = 0.2
	// mostShare is the share of a factor's exposed days that another factor
	// must also cover before the sentence names the overlap.
	mostShare = 0.5
)

// factor is one candidate influence on pain. measure reads its daily value;
// exposed decides from the value and the usual value at that stage of
// recovery (NaN for measures without a usual curve) whether a day counts.
type factor struct {
	name    string
	lag     int
	label   string // Association.Exposed
	phrase  string // completes "On the N days …"
	noun    string // completes "Most of these days were also …"
	measure int    // index into the measures
	exposed func(v, usual float64) bool
}

// measures are the daily series factors read, in this order.
const (
	mSleep = iota
	mQuality
	mWakings
	mStress
	mMood
	mExercise
	nMeasures
)

// factors are DESIGN.md's factors. Each exposure is relative to what is
// usual for the parent at that stage (the usual curve of that measure), not a
// fixed line such as "under 6 hours": early weeks bring both short nights and
// high pain, so a fixed line would mostly mark the early weeks. Stress is
// also tested a day later because tension often shows the next day;
// exercise only a day later, since exercise done after a bad moment would
// otherwise look like it went with the pain.
var factors = []factor{
	{"sleep_hours", 0, "sleep ≥ 1 h under usual", "after a night at least an hour shorter than usual for you at the time",
		"nights at least an hour shorter than usual", mSleep, func(v, u float64) bool { return v <= u-ShortNightHours }},
	{"sleep_quality", 0, "sleep quality ≥ 1 under usual", "after a night you rated at least 1 point lower for sleep quality than usual at the time",
		"nights rated lower than usual for sleep quality", mQuality, func(v, u float64) bool { return v <= u-1 }},
	{"night_wakings", 0, "night wakings ≥ 2 over usual", "after a night with at least 2 more wakings than usual at the time",
		"nights with more wakings than usual", mWakings, func(v, u float64) bool { return v >= u+2 }},
	{"stress", 0, "stress ≥ 2 over usual", "when your stress was at least 2 points above your usual at the time",
		"days with stress above your usual", mStress, func(v, u float64) bool { return v >= u+HighStressPoints }},
	{"stress", 1, "stress ≥ 2 over usual the day before", "after a day your stress was at least 2 points above your usual at the time",
		"days after stress above your usual", mStress, func(v, u float64) bool { return v >= u+HighStressPoints }},
	{"mood", 0, "mood ≥ 1 under usual", "when your mood was at least 1 point below your usual at the time",
		"days with mood below your usual", mMood, func(v, u float64) bool { return v <= u-1 }},
	{"exercises_done", 1, "exercise the day before", "after a day you did at least one exercise",
		"days after exercise", mExercise, func(v, _ float64) bool { return v > 0 }},
}

// FindAssociations tests every factor against peak pain on the days in
// [from, to]; a lag-1 factor may read the day before from. Factors without
// MinPairedDays paired days or MinGroupDays in each group are omitted rather
// than listed without a p-value: a row that cannot be judged would still
// invite a reader to judge it. q-values are Benjamini–Hochberg over the
// factors that were tested. Never nil.
func FindAssociations(j journal.Journal, from, to journal.Day) []Association {
	return newIndex(&j, from-1, to).associations(from, to)
}

func (x *index) associations(from, to journal.Day) []Association {
	return x.curves(from, to).associations()
}

// exposure is one factor's exposure on each day of the period: 1, 0, or NaN
// when the factor (or pain) was not logged.
type exposure struct {
	f      factor
	e      []float64
	dev    []float64    // the factor's value minus its usual (for rho)
	near   [2][]float64 // exposure with the threshold half a unit either side
	n, exp int
}

// associations tests every factor that passes the gates, each adjusted for
// the stronger factors it overlaps with, and applies Benjamini–Hochberg
// across all of them.
func (c *curves) associations() []Association {
	var all []exposure
	for _, f := range factors {
		if ex := c.exposure(f); ex.n >= MinPairedDays {
			all = append(all, ex)
		}
	}
	// First each factor on its own: how strongly it goes with pain decides
	// which factors it is then adjusted for (see associate). Only the order
	// matters here, so a plain t statistic of pain above usual on exposed
	// against other days serves; the full model is fitted once per factor.
	strength := make([]float64, len(all))
	for k := range all {
		strength[k] = c.strength(all[k])
	}
	out := []Association{}
	var ps []float64
	for k := range all {
		if !all[k].testable() {
			continue
		}
		a, p, ok := c.associate(all, k, strength)
		if ok {
			out = append(out, a)
			ps = append(ps, p)
		}
	}
	for i, q := range benjaminiHochberg(ps) {
		a := &out[i]
		a.Q, a.Significant = roundSig(q), q <= Alpha
		a.Sentence = sentence(factorOf(a), a)
	}
	return out
}

// strength is |t| of the difference in mean pain above usual between ex's
// exposed and other days (0 when either group has fewer than two days or no
// spread): a cheap measure of how strongly a factor goes with pain alone.
func (c *curves) strength(ex exposure) float64 {
	var n, sum, ss [2]float64
	for i, e := range ex.e {
		if math.IsNaN(e) {
			continue
		}
		g, y := int(e), c.pain[i]
		n[g]++
		sum[g] += y
		ss[g] += y * y
	}
	if n[0] < 2 || n[1] < 2 {
		return 0
	}
	var se2 float64
	for g := range 2 {
		m := sum[g] / n[g]
		se2 += (ss[g]/n[g] - m*m) * n[g] / (n[g] - 1) / n[g]
	}
	if !(se2 > 0) {
		return 0
	}
	return math.Abs(sum[1]/n[1]-sum[0]/n[0]) / math.Sqrt(se2)
}

// testable applies the gates of DESIGN.md. A factor that fails them is not
// tested, but the others are still adjusted for it.
func (ex exposure) testable() bool {
	return ex.n >= MinPairedDays && ex.exp >= MinGroupDays && ex.n-ex.exp >= MinGroupDays
}

// exposure builds f's exposure over the period.
func (c *curves) exposure(f factor) exposure {
	ex := exposure{f: f, e: make([]float64, c.n), dev: make([]float64, c.n)}
	ex.near = [2][]float64{make([]float64, c.n), make([]float64, c.n)}
	for i := range c.n {
		ex.e[i], ex.dev[i] = math.NaN(), math.NaN()
		k := i + 1 - f.lag // measures start the day before the period
		v, u := c.vals[f.measure][k], c.usual[f.measure][k]
		if math.IsNaN(c.pain[i]) || math.IsNaN(v) {
			continue
		}
		if f.measure != mExercise && math.IsNaN(u) {
			continue
		}
		ex.n++
		ex.e[i], ex.dev[i] = 0, v-u
		for h, shift := range []float64{-0.5, 0.5} {
			if f.exposed(v, u+shift) {
				ex.near[h][i] = 1
			}
		}
		if f.exposed(v, u) {
			ex.e[i] = 1
			ex.exp++
		}
	}
	return ex
}

// factorOf finds the factor an association was made from.
func factorOf(a *Association) factor {
	for _, f := range factors {
		if f.name == a.Factor && f.lag == a.LagDays {
			return f
		}
	}
	return factor{phrase: "when " + a.Exposed}
}

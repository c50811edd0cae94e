package insights

import (
	"hash/fnv"

	"github.com/mend-app/mend/internal/journal"
)

// Association settings from DESIGN.md and issue 3.
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
	// MethodMeanDifference names the effect: mean peak pain on exposed days
	// minus mean peak pain on the other days.
	MethodMeanDifference = "mean_difference"
)

// factor is one candidate influence on pain. value reads it for the outcome
// day d (already shifted by lag); exposed splits the days into two groups at
// a threshold a person can recognise in her own life.
type factor struct {
	name    string
	lag     int
	label   string // Association.Exposed
	phrase  string // completes "On the N days …"
	value   func(x *index, d journal.Day) (float64, bool)
	exposed func(v float64) bool
}

func asFloat(f func(*index, journal.Day) (int, bool)) func(*index, journal.Day) (float64, bool) {
	return func(x *index, d journal.Day) (float64, bool) {
		v, ok := f(x, d)
		return float64(v), ok
	}
}

// factors are DESIGN.md's factors with their thresholds: under 6 hours of
// sleep is the common definition of a short night; quality and mood at 2 or
// lower on their 1–5 scales are "poor" and "low"; 3 or more wakings is a
// broken night beyond ordinary feeds; stress at 7 or more on 0–10 is high.
// Stress is also tested a day later because tension often shows in the back
// the next day; exercise only a day later, since exercise done after a bad
// moment would otherwise look like it caused the pain.
var factors = []factor{
	{"sleep_hours", 0, "sleep < 6 h", "after less than 6 hours of sleep",
		(*index).sleepHours, func(v float64) bool { return v < 6 }},
	{"sleep_quality", 0, "sleep quality ≤ 2", "after a night you rated 2 or lower for sleep quality",
		asFloat((*index).sleepQuality), func(v float64) bool { return v <= 2 }},
	{"night_wakings", 0, "night wakings ≥ 3", "after a night with 3 or more wakings",
		asFloat((*index).wakings), func(v float64) bool { return v >= 3 }},
	{"stress", 0, "stress ≥ 7", "when you rated your stress 7 or higher",
		(*index).stress, func(v float64) bool { return v >= 7 }},
	{"stress", 1, "stress ≥ 7 the day before", "after a day you rated your stress 7 or higher",
		(*index).stress, func(v float64) bool { return v >= 7 }},
	{"mood", 0, "mood ≤ 2", "when you rated your mood 2 or lower",
		(*index).mood, func(v float64) bool { return v <= 2 }},
	{"exercises_done", 1, "exercise the day before", "after a day you did at least one exercise",
		asFloat((*index).exercises), func(v float64) bool { return v > 0 }},
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
	out := []Association{}
	var ps []float64
	for _, f := range factors {
		a, p, ok := x.associate(f, from, to)
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

// associate returns the association for f and its unrounded p-value.
func (x *index) associate(f factor, from, to journal.Day) (Association, float64, bool) {
	var exp, other, xs, ys []float64
	for d := from; d <= to; d++ {
		peak, ok := x.peak(d)
		if !ok {
			continue
		}
		v, ok := f.value(x, d-journal.Day(f.lag))
		if !ok {
			continue
		}
		xs, ys = append(xs, v), append(ys, float64(peak))
		if f.exposed(v) {
			exp = append(exp, float64(peak))
		} else {
			other = append(other, float64(peak))
		}
	}
	if len(xs) < MinPairedDays || len(exp) < MinGroupDays || len(other) < MinGroupDays {
		return Association{}, 0, false
	}
	t := meanDifference(exp, other, factorSeed(f))
	a := Association{
		Factor: f.name, Outcome: OutcomePainPeak, LagDays: f.lag,
		Method: MethodMeanDifference, Exposed: f.label,
		Effect: round1(t.effect), CILow: round1(t.low), CIHigh: round1(t.high),
		N: len(xs), NExposed: len(exp), P: roundSig(t.p),
	}
	if rho, ok := spearman(xs, ys); ok {
		r := round2(rho)
		a.Rho = &r
	}
	return a, t.p, true
}

// factorSeed gives each factor its own fixed random stream, so one factor's
// result does not depend on which others were tested before it.
func factorSeed(f factor) uint64 {
	h := fnv.New64a()
	h.Write([]byte(f.name))
	return h.Sum64() + uint64(f.lag)
}

func factorOf(a *Association) factor {
	for _, f := range factors {
		if f.name == a.Factor && f.lag == a.LagDays {
			return f
		}
	}
	return factor{phrase: "when " + a.Exposed}
}

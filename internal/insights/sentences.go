package insights

import (
	"fmt"
	"math"
	"slices"

	"github.com/mend-app/mend/internal/journal"
)

// notCause closes every sentence about a clear difference. DESIGN.md: the app
// informs and never diagnoses; an insight is an association in the user's
// own data, never a cause.
const notCause = "This is a pattern in your log, not proof of a cause."

// neverCause closes a sentence about no clear difference, so that it, too,
// says what a pattern could and could not mean.
const neverCause = "Even a clear pattern in your log would not prove a cause."

// sentence states an association in plain words with its numbers and counts.
// It uses the rounded effect shown in the document, so the words and the
// figures never disagree. Each day's pain is compared with what is usual for
// her at that point in her recovery, and the sentence says so, because "3
// points higher" alone would read as a comparison of raw scores.
func sentence(f factor, a *Association) string {
	others := a.N - a.NExposed
	lead := fmt.Sprintf("On the %s %s, your peak pain averaged", days(a.NExposed), f.phrase)
	var diff string
	switch {
	case a.Effect > 0:
		diff = fmt.Sprintf("%s higher than on the other %s", points(a.Effect), days(others))
	case a.Effect < 0:
		diff = fmt.Sprintf("%s lower than on the other %s", points(-a.Effect), days(others))
	default:
		diff = fmt.Sprintf("the same as on the other %s", days(others))
	}
	diff += ", each day measured against what is usual for you at that point in your recovery"
	if !a.Significant {
		return fmt.Sprintf("%s %s. That is no clear difference: with this much data it could well be chance.%s %s",
			lead, diff, overlapNote(a), neverCause)
	}
	return fmt.Sprintf("%s %s%s.%s %s", lead, diff, interval(a), overlapNote(a), notCause)
}

// overlapNote names the factor that shares most of the exposed days, so one
// real pattern is not read as several: the effect shown is already adjusted
// for it (when it is the stronger of the two), it is the weaker of the two,
// or the days coincide too closely for the log to separate them.
func overlapNote(a *Association) string {
	if a.Overlap == "" {
		return ""
	}
	noun := a.Overlap
	for _, f := range factors {
		if key(f) == a.Overlap {
			noun = f.noun
		}
	}
	switch {
	case a.Inseparable:
		return fmt.Sprintf(" Most of these days were also %s, and your log cannot tell the two apart.", noun)
	case slices.Contains(a.AdjustedFor, a.Overlap):
		return fmt.Sprintf(" Most of these days were also %s; the figure already allows for that.", noun)
	}
	// Only stronger factors are adjusted for: this one is the stronger.
	return fmt.Sprintf(" Most of these days were also %s, which go with your pain less clearly.", noun)
}

// interval words the 95 % interval in the direction of the effect ("2 points
// lower, likely between 1.4 and 2.6"), and says nothing when the interval
// would only confuse: a single point, or one that reaches past zero.
func interval(a *Association) string {
	lo, hi := a.CILow, a.CIHigh
	if a.Effect < 0 {
		lo, hi = -hi, -lo
	}
	if lo <= 0 || lo >= hi {
		return ""
	}
	return fmt.Sprintf(" (likely between %s and %s points)", num(lo), num(hi))
}

func days(n int) string {
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}

func points(v float64) string {
	if v == 1 {
		return "1 point"
	}
	return num(v) + " points"
}

// num prints one decimal, dropping ".0" ("3 points", "2.5 points").
func num(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.1f", v)
}

// longDate writes a day as people read it ("25 November"), with the year
// only when it differs from ref's (the end of the period), never as ISO.
func longDate(d, ref journal.Day) string {
	t := d.Time()
	if t.Year() != ref.Time().Year() {
		return t.Format("2 January 2006")
	}
	return t.Format("2 January")
}

// FormatQ writes a q-value (or p-value) for people: "< 0.001" below a
// thousandth rather than a "0.000" that reads as impossible, otherwise three
// decimals. The charts and the report use it, so both print the same.
func FormatQ(q float64) string {
	if q < 0.001 {
		return "< 0.001"
	}
	return fmt.Sprintf("%.3f", q)
}

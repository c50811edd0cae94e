package insights

import (
	"fmt"
	"math"
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
// figures never disagree.
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
	if !a.Significant {
		return fmt.Sprintf("%s %s. That is no clear difference: with this much data it could well be chance. %s",
			lead, diff, neverCause)
	}
	return fmt.Sprintf("%s %s%s. %s", lead, diff, interval(a), notCause)
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

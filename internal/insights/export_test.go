package insights

// Internal statistics exposed to the black-box tests in insights_test, so the
// numerical helpers are checked against known values directly.
var (
	BenjaminiHochberg = benjaminiHochberg
	Spearman          = spearman
	Median            = median
)

// MeanDifference exposes meanDifference as plain values.
func MeanDifference(a, b []float64, seed uint64) (effect, low, high, p float64) {
	t := meanDifference(a, b, seed)
	return t.effect, t.low, t.high, t.p
}

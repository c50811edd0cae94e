package insights

// Internal statistics exposed to the black-box tests in insights_test, so the
// numerical helpers are checked against known values directly.
var (
	BenjaminiHochberg = benjaminiHochberg
	Spearman          = spearman
	SpearmanTenths    = spearmanTenths
	QuickMedian       = quickMedian
	Median            = median
	LongDate          = longDate
	UsualCurve        = usualCurve
)

// SentenceOf is the sentence FindAssociations would write for a.
func SentenceOf(a Association) string { return sentence(factorOf(&a), &a) }

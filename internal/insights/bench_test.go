package insights_test

import (
	"testing"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
)

// threeYears is about 1,100 days at roughly five records a day (an entry,
// two pain readings, a mood and a stress reading), the size the issue's
// benchmark names.
func threeYears() (journal.Journal, journal.Profile, journal.Day, journal.Day) {
	j := simJournal(42, simConfig{days: 1100, skip: 0.05, shortRate: 0.15, effect: 3})
	dd := simStart - 30
	return j, journal.Profile{DeliveryDate: &dd}, simStart, simStart + 1099
}

// BenchmarkBuildSeries3Years is the baseline the other benchmarks are read
// against: one pass over the rows and the days, no statistics.
func BenchmarkBuildSeries3Years(b *testing.B) {
	j, _, from, to := threeYears()
	b.ReportAllocs()
	for b.Loop() {
		insights.BuildSeries(j, from, to)
	}
}

func BenchmarkDetectFlareups3Years(b *testing.B) {
	j, _, from, to := threeYears()
	b.ReportAllocs()
	for b.Loop() {
		insights.DetectFlareups(j, from, to)
	}
}

func BenchmarkFindAssociations3Years(b *testing.B) {
	j, _, from, to := threeYears()
	b.ReportAllocs()
	for b.Loop() {
		insights.FindAssociations(j, from, to)
	}
}

func BenchmarkCompute3Years(b *testing.B) {
	j, p, from, to := threeYears()
	b.ReportAllocs()
	for b.Loop() {
		insights.Compute(j, p, from, to)
	}
}

// BenchmarkCompute90Days is the route's default period (last 90 days, with
// the baseline lookback loaded before it).
func BenchmarkCompute90Days(b *testing.B) {
	j, p, _, to := threeYears()
	from := to - 89
	j = slice(j, insights.DataStart(from), to)
	b.ReportAllocs()
	for b.Loop() {
		insights.Compute(j, p, from, to)
	}
}

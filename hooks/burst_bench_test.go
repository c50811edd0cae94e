package hooks_test

import (
	"fmt"
	"testing"

	"github.com/mend-app/mend/hooks"
	"github.com/mend-app/mend/internal/journal"
	"github.com/mend-app/mend/internal/testapp"
)

// BenchmarkBulkSync measures a burst of readings on distinct days (an
// offline queue or an import arriving at once) up to the moment the
// flare-ups are current again. The ns/reading metric must stay flat as the
// burst grows: the worker coalesces the burst into one recompute per user
// over the burst's span, so the cost is linear, not quadratic, in its size.
func BenchmarkBulkSync(b *testing.B) {
	for _, n := range []int{100, 400, 1600} {
		b.Run(fmt.Sprintf("readings=%d", n), func(b *testing.B) {
			for range b.N {
				b.StopTimer()
				app := testapp.NewWorld(b)
				first := journal.MustDay("2022-01-01")
				b.StartTimer()
				for i := range n {
					score := 2
					if i%17 == 0 {
						score = 8
					}
					testapp.Record(b, app, "pain_scores", map[string]any{"user": testapp.AliceID,
						"day": first.AddDays(i).String(), "score": score})
				}
				hooks.FlushFlareups(app)
				b.StopTimer()
				app.Cleanup()
				b.StartTimer()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/reading")
		})
	}
}

package hooks_test

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/mend-app/mend/hooks"
	"github.com/mend-app/mend/internal/benchdata"
	"github.com/mend-app/mend/internal/journal"
	"github.com/mend-app/mend/internal/pdf"
	"github.com/mend-app/mend/internal/testapp"
)

// BenchmarkReportYear times the report routes over one year of a realistic
// journal (internal/benchdata) against GET /api/mend/insights for the same
// year in the same process, and logs the ratios; those, not the absolute
// times, are what compare across machines.
//
//	go test ./hooks/ -run '^$' -bench BenchmarkReportYear -benchtime 20x
//
// pdf-warm is skipped without Chromium; its first print (browser start) is
// excluded, and it reports p50 and p90 of the warm prints.
func BenchmarkReportYear(b *testing.B) {
	mux, token, from, to := reportBenchApp(b)
	period := "?from=" + from.String() + "&to=" + to.String()
	perOp := map[string]time.Duration{}
	run := func(name, url string) {
		b.Run(name, func(b *testing.B) {
			reportBenchGet(b, mux, url, token) // warm caches (and the browser)
			times := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for range b.N {
				start := time.Now()
				reportBenchGet(b, mux, url, token)
				times = append(times, time.Since(start))
			}
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(times[len(times)*9/10].Microseconds())/1000, "p90-ms")
			perOp[name] = b.Elapsed() / time.Duration(b.N)
		})
	}
	run("insights", "/api/mend/insights"+period)
	run("csv", "/api/mend/report"+period+"&format=csv")
	run("json", "/api/mend/report"+period+"&format=json")
	run("html", "/api/mend/report"+period+"&format=html")
	if _, err := pdf.FindChromium(""); err == nil {
		run("pdf-warm", "/api/mend/report"+period+"&format=pdf")
	} else {
		b.Logf("pdf-warm skipped: %v", err)
	}
	base := perOp["insights"]
	for _, name := range []string{"csv", "json", "html", "pdf-warm"} {
		if d, ok := perOp[name]; ok && base > 0 {
			b.Logf("%s / insights = %.1f× (%v vs %v per request)", name, float64(d)/float64(base), d.Round(time.Microsecond), base.Round(time.Microsecond))
		}
	}
}

// reportBenchApp is a world app with a bench user holding 365 days of
// journal ending yesterday, and a router and token for them.
func reportBenchApp(b *testing.B) (http.Handler, string, journal.Day, journal.Day) {
	b.Helper()
	app := testapp.NewWith(b, testapp.Options{Seed: "world"})
	to := journal.Today(time.Now(), time.UTC).AddDays(-1)
	from := to.AddDays(-364)
	u, token := testapp.User(b, app, "bench-report@example.com", map[string]any{
		"timezone": "UTC", "delivery_date": from.AddDays(-20).String(), "delivery_type": "vaginal",
	})
	err := app.RunInTransaction(func(tx core.App) error {
		for _, row := range benchdata.Journal(to, 365, 7) {
			c, err := tx.FindCachedCollectionByNameOrId(row.Collection)
			if err != nil {
				return err
			}
			r := core.NewRecord(c)
			r.Load(row.Fields)
			r.Set("user", u.Id)
			if err := tx.Save(r); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	hooks.FlushFlareups(app)
	return router(b, app), token, from, to
}

func reportBenchGet(b *testing.B, mux http.Handler, url, token string) {
	req := httptest.NewRequest(http.MethodGet, url, nil)
	req.Header.Set("Authorization", token)
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		b.Fatalf("GET %s: status %d: %.300s", url, rec.Code, rec.Body.String())
	}
}

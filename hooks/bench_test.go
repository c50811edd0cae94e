package hooks_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/mend-app/mend/hooks"
	"github.com/mend-app/mend/internal/benchdata"
	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
	"github.com/mend-app/mend/internal/store"
	"github.com/mend-app/mend/internal/testapp"
)

// The benchmarks here come in pairs read as ratios (cmd/mendbench prints
// them from `make bench`): a Mend route or hook against the cheapest thing
// that does the same I/O in the same process on the same database.
//
//   - BenchmarkPainCreateWithHooks / BenchmarkPainCreateTwin: a pain-score
//     create through the router, with every Mend hook, against the same
//     create on pain_scores_twin, a copy of the collection that no hook is
//     bound to (hooks bind by collection name).
//   - BenchmarkInsightsRoute3Years / BenchmarkLoadJournal3Years: GET
//     /api/mend/insights over three years through the router (auth, load,
//     compute, JSON) against store.LoadJournal of exactly the same rows.

const (
	benchUserID = "benchuser000001"
	twinName    = "pain_scores_twin"
)

// benchLastDay is the last seeded day: yesterday in UTC (the bench user's
// zone), so no seeded day is in the future and creates go on today.
var benchLastDay = journal.Today(time.Now(), time.UTC).AddDays(-1)

var benchFixture struct {
	once sync.Once
	dir  string
	err  error
}

// TestMain removes the benchmark fixture (built only when a benchmark runs)
// when the test binary ends, so repeated `make bench` runs leave nothing in
// the temp dir.
func TestMain(m *testing.M) {
	code := m.Run()
	if benchFixture.dir != "" {
		os.RemoveAll(benchFixture.dir)
	}
	os.Exit(code)
}

// seededApp returns a fresh clone of a data dir holding the bench user with
// three years of journal and the twin collection; the dir is seeded once per
// test binary because 5,500 saves take seconds.
func seededApp(b *testing.B) *tests.TestApp {
	b.Helper()
	benchFixture.once.Do(func() { benchFixture.dir, benchFixture.err = seedFixture() })
	if benchFixture.err != nil {
		b.Fatal(benchFixture.err)
	}
	app, err := tests.NewTestApp(benchFixture.dir)
	if err != nil {
		b.Fatal(err)
	}
	if err := hooks.Register(app, hooks.Config{}); err != nil {
		b.Fatal(err)
	}
	app.Settings().RateLimits.Enabled = false
	b.Cleanup(app.Cleanup)
	return app
}

// seedFixture builds the template dir: a migrated Mend app, the twin
// collection, the user and the journal (saved through app.Save in one
// transaction, so every Mend hook validates the rows), then a clean
// shutdown so a clone does not reconcile flare-ups in the background.
func seedFixture() (string, error) {
	dir, err := os.MkdirTemp("", "mend-bench-")
	if err != nil {
		return "", err
	}
	base := core.NewBaseApp(core.BaseAppConfig{DataDir: dir, EncryptionEnv: "pb_test_env"})
	if err := base.Bootstrap(); err != nil {
		return "", err
	}
	defer base.ResetBootstrapState()
	if err := base.RunAllMigrations(); err != nil {
		return "", err
	}
	if err := hooks.Register(base, hooks.Config{}); err != nil {
		return "", err
	}
	if err := createTwin(base, store.PainScores, twinName); err != nil {
		return "", err
	}
	users, err := base.FindCollectionByNameOrId(store.Users)
	if err != nil {
		return "", err
	}
	u := core.NewRecord(users)
	u.Id = benchUserID
	u.SetEmail("bench@example.com")
	u.SetPassword(testapp.Password)
	u.SetVerified(true)
	u.Set("timezone", "UTC")
	u.Set("delivery_date", benchLastDay.AddDays(-benchdata.ThreeYears-20).String())
	if err := base.Save(u); err != nil {
		return "", err
	}
	err = base.RunInTransaction(func(tx core.App) error {
		for _, row := range benchdata.Journal(benchLastDay, benchdata.ThreeYears, 1) {
			c, err := tx.FindCachedCollectionByNameOrId(row.Collection)
			if err != nil {
				return err
			}
			r := core.NewRecord(c)
			r.Load(row.Fields)
			r.Set("user", benchUserID)
			if err := tx.Save(r); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	hooks.FlushFlareups(base)
	return dir, base.OnTerminate().Trigger(&core.TerminateEvent{App: base})
}

// createTwin saves a copy of collection src named name: same fields, rules
// and indexes (renamed), and therefore none of the hooks bound to src.
func createTwin(app core.App, src, name string) error {
	c, err := app.FindCollectionByNameOrId(src)
	if err != nil {
		return err
	}
	raw, err := json.Marshal(c)
	if err != nil {
		return err
	}
	twin := &core.Collection{}
	if err := json.Unmarshal(raw, twin); err != nil {
		return err
	}
	twin.Id, twin.Name = "", name
	for i, idx := range twin.Indexes {
		twin.Indexes[i] = strings.ReplaceAll(idx, src, name)
	}
	return app.Save(twin)
}

// benchRouter builds the app's router with every OnServe binding, as
// tests.ApiScenario does, but once per benchmark rather than per request.
func benchRouter(b *testing.B, app *tests.TestApp) http.Handler {
	b.Helper()
	r, err := apis.NewRouter(app)
	if err != nil {
		b.Fatal(err)
	}
	var mux http.Handler
	err = app.OnServe().Trigger(&core.ServeEvent{App: app, Router: r}, func(e *core.ServeEvent) error {
		var err error
		mux, err = e.Router.BuildMux()
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return mux
}

func benchToken(b *testing.B, app core.App) string {
	b.Helper()
	u, err := app.FindRecordById(store.Users, benchUserID)
	if err != nil {
		b.Fatal(err)
	}
	token, err := u.NewAuthToken()
	if err != nil {
		b.Fatal(err)
	}
	return token
}

// serve sends one request through mux and fails b unless it gets want.
func serve(b *testing.B, mux http.Handler, method, url, token string, body []byte, want int) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", token)
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, req)
	if rec.Code != want {
		b.Fatalf("%s %s: status %d, want %d: %s", method, url, rec.Code, want, rec.Body.String())
	}
	return rec
}

func benchCreate(b *testing.B, collection string) {
	app := seededApp(b)
	mux, token := benchRouter(b, app), benchToken(b, app)
	body, err := json.Marshal(map[string]any{"user": benchUserID, "day": benchLastDay.AddDays(1).String(),
		"score": 4, "areas": []string{"lower_back"}, "activity": "lifting"})
	if err != nil {
		b.Fatal(err)
	}
	url := "/api/collections/" + collection + "/records"
	b.ReportAllocs()
	for b.Loop() {
		serve(b, mux, http.MethodPost, url, token, body, http.StatusOK)
	}
	b.StopTimer()
	hooks.FlushFlareups(app) // finish background work before the app closes
}

// BenchmarkPainCreateWithHooks is a pain-score create through the router
// with Mend's validation, defaults, request check and flare-up marking.
func BenchmarkPainCreateWithHooks(b *testing.B) { benchCreate(b, store.PainScores) }

// BenchmarkPainCreateTwin is the same create on a collection with no hooks.
func BenchmarkPainCreateTwin(b *testing.B) { benchCreate(b, twinName) }

func benchPeriod() (from, to journal.Day) {
	return benchLastDay.AddDays(-(benchdata.ThreeYears - 1)), benchLastDay
}

// BenchmarkInsightsRoute3Years is GET /api/mend/insights over three years.
func BenchmarkInsightsRoute3Years(b *testing.B) {
	app := seededApp(b)
	mux, token := benchRouter(b, app), benchToken(b, app)
	from, to := benchPeriod()
	url := "/api/mend/insights?from=" + from.String() + "&to=" + to.String()
	b.ReportAllocs()
	for b.Loop() {
		serve(b, mux, http.MethodGet, url, token, nil, http.StatusOK)
	}
}

// BenchmarkLoadJournal3Years reads the rows the insights route reads (the
// period plus its baseline lookback) and computes nothing: the baseline.
func BenchmarkLoadJournal3Years(b *testing.B) {
	app := seededApp(b)
	from, to := benchPeriod()
	b.ReportAllocs()
	for b.Loop() {
		j, err := store.LoadJournal(app, benchUserID, insights.DataStart(from), to)
		if err != nil {
			b.Fatal(err)
		}
		if len(j.Pain) == 0 {
			b.Fatal("no rows: the fixture was not seeded")
		}
	}
}

// BenchmarkInsightsVsRead3Years alternates one insights request and one
// LoadJournal of the same rows, so noise from other work on a shared machine
// falls on both, and reports the ratio of their medians (the figure
// cmd/mendbench prints as insights_vs_read_ratio).
func BenchmarkInsightsVsRead3Years(b *testing.B) {
	app := seededApp(b)
	mux, token := benchRouter(b, app), benchToken(b, app)
	from, to := benchPeriod()
	url := "/api/mend/insights?from=" + from.String() + "&to=" + to.String()
	var route, load []float64
	for b.Loop() {
		start := time.Now()
		serve(b, mux, http.MethodGet, url, token, nil, http.StatusOK)
		mid := time.Now()
		if _, err := store.LoadJournal(app, benchUserID, insights.DataStart(from), to); err != nil {
			b.Fatal(err)
		}
		route, load = append(route, float64(mid.Sub(start))), append(load, float64(time.Since(mid)))
	}
	b.ReportMetric(medianOf(route)/1e6, "route-ms")
	b.ReportMetric(medianOf(load)/1e6, "load-ms")
	b.ReportMetric(medianOf(route)/medianOf(load), "ratio")
}

func medianOf(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

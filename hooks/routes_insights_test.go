package hooks_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/mend-app/mend/hooks"
	"github.com/mend-app/mend/internal/charts"
	"github.com/mend-app/mend/internal/journal"
	"github.com/mend-app/mend/internal/testapp"
)

// fixedNow is 2026-11-24 10:00 UTC: the 24th for Alice (Berlin) and Bob
// (New York) alike.
func fixedNow() time.Time { return time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC) }

const flareNote = "up four times, maybe 3 hours of sleep"

// seedFlare gives Alice 20 calm days (peak 2) ending 2026-11-22 and a flare
// on 2026-11-23 (peak 8) after a short night with a sleep note.
func seedFlare(t testing.TB, app core.App) {
	t.Helper()
	last := journal.MustDay("2026-11-23")
	for d := last.AddDays(-20); d < last; d++ {
		testapp.Record(t, app, "pain_scores", map[string]any{"user": testapp.AliceID, "day": d.String(), "score": 2})
		if d.String() != "2026-11-20" { // the seeded world has an entry that day
			testapp.Record(t, app, "entries", map[string]any{"user": testapp.AliceID, "day": d.String(), "sleep_hours": 7})
		}
	}
	testapp.Record(t, app, "pain_scores", map[string]any{"user": testapp.AliceID, "day": last.String(), "score": 8, "note": "lifting the car seat"})
	testapp.Record(t, app, "entries", map[string]any{"user": testapp.AliceID, "day": last.String(), "sleep_hours": 3, "sleep_notes": flareNote})
	hooks.FlushFlareups(app)
}

func flareFactory(t testing.TB) *tests.TestApp {
	app := testapp.NewWith(t, testapp.Options{Seed: "world", Now: fixedNow})
	seedFlare(t, app)
	return app
}

func TestInsightsRoute(t *testing.T) {
	t.Parallel()
	aliceToken, bobToken := testapp.Tokens(t)
	alice := map[string]string{"Authorization": aliceToken}
	bob := map[string]string{"Authorization": bobToken}
	scenarios := []tests.ApiScenario{
		{Name: "owner sees her flare-up linked to the sleep note", Method: http.MethodGet, URL: "/api/mend/insights", Headers: alice,
			ExpectedStatus: 200, ExpectedContent: []string{`"from":"2026-08-27"`, `"to":"2026-11-24"`, `"timezone":"Europe/Berlin"`,
				`"start_day":"2026-11-23"`, flareNote, `"kind":"sleep"`, `"weeks_postpartum":16`, `"logged":false`},
			NotExpectedContent: []string{testapp.BobSecret}},
		{Name: "other user sees only his own", Method: http.MethodGet, URL: "/api/mend/insights", Headers: bob,
			ExpectedStatus: 200, ExpectedContent: []string{`"timezone":"America/New_York"`},
			NotExpectedContent: []string{testapp.AliceSecret, flareNote, "2026-11-23\",\"end_day"}},
		{Name: "guest", Method: http.MethodGet, URL: "/api/mend/insights", ExpectedStatus: 401,
			NotExpectedContent: []string{testapp.AliceSecret, flareNote}},
		{Name: "explicit period", Method: http.MethodGet, URL: "/api/mend/insights?from=2026-11-01&to=2026-11-23", Headers: alice,
			ExpectedStatus: 200, ExpectedContent: []string{`"from":"2026-11-01"`, `"to":"2026-11-23"`, flareNote}},
		{Name: "from after to", Method: http.MethodGet, URL: "/api/mend/insights?from=2026-11-23&to=2026-11-01", Headers: alice,
			ExpectedStatus: 400, ExpectedContent: []string{"validation_from_after_to"}},
		{Name: "over five years", Method: http.MethodGet, URL: "/api/mend/insights?from=2020-01-01&to=2026-11-01", Headers: alice,
			ExpectedStatus: 400, ExpectedContent: []string{"validation_period_too_long"}},
		{Name: "impossible day", Method: http.MethodGet, URL: "/api/mend/insights?from=2026-02-30", Headers: alice,
			ExpectedStatus: 400, ExpectedContent: []string{`"from":{`, "validation_invalid_day"}},
		{Name: "garbage to", Method: http.MethodGet, URL: "/api/mend/insights?to=%00%ff", Headers: alice,
			ExpectedStatus: 400, ExpectedContent: []string{`"to":{`}},
		{Name: "unknown chart", Method: http.MethodGet, URL: "/api/mend/charts/pie", Headers: alice,
			ExpectedStatus: 404, ExpectedContent: []string{"no chart"}},
		{Name: "chart as guest", Method: http.MethodGet, URL: "/api/mend/charts/pain-trend", ExpectedStatus: 401,
			NotExpectedContent: []string{flareNote}},
		{Name: "chart bad period", Method: http.MethodGet, URL: "/api/mend/charts/pain-trend?from=x", Headers: alice,
			ExpectedStatus: 400, ExpectedContent: []string{`"from":{`}},
	}
	for _, name := range charts.Names {
		scenarios = append(scenarios,
			tests.ApiScenario{Name: "chart " + name + " owner", Method: http.MethodGet, URL: "/api/mend/charts/" + name, Headers: alice,
				ExpectedStatus: 200, ExpectedContent: []string{`"series"`}, NotExpectedContent: []string{"__f__", "function", testapp.BobSecret}},
			tests.ApiScenario{Name: "chart " + name + " other user", Method: http.MethodGet, URL: "/api/mend/charts/" + name, Headers: bob,
				ExpectedStatus: 200, ExpectedContent: []string{`"series"`}, NotExpectedContent: []string{flareNote, testapp.AliceSecret}},
		)
	}
	scenarios = append(scenarios, tests.ApiScenario{Name: "pain-trend carries the linked note", Method: http.MethodGet,
		URL: "/api/mend/charts/pain-trend", Headers: alice, ExpectedStatus: 200,
		ExpectedContent: []string{flareNote, `"2026-11-23"`}})
	for _, s := range scenarios {
		s.TestAppFactory = flareFactory
		s.Test(t)
	}
}

func TestParsePeriodDefaultsFollowTheUsersZone(t *testing.T) {
	t.Parallel()
	// 02:00 UTC on the 24th is still the 23rd in New York.
	late := func() time.Time { return time.Date(2026, 11, 24, 2, 0, 0, 0, time.UTC) }
	_, bobToken := testapp.Tokens(t)
	s := tests.ApiScenario{Method: http.MethodGet, URL: "/api/mend/insights", Headers: map[string]string{"Authorization": bobToken},
		ExpectedStatus: 200, ExpectedContent: []string{`"to":"2026-11-23"`, `"from":"2026-08-26"`},
		TestAppFactory: func(t testing.TB) *tests.TestApp {
			return testapp.NewWith(t, testapp.Options{Seed: "world", Now: late})
		}}
	s.Test(t)
}

func ExampleFlushFlareups() {
	fmt.Println("hooks.FlushFlareups(app) finishes pending flare-up work now")
	// Output: hooks.FlushFlareups(app) finishes pending flare-up work now
}

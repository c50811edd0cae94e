package hooks_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/mend-app/mend/hooks"
	"github.com/mend-app/mend/internal/limits"
	"github.com/mend-app/mend/internal/testapp"
)

// hold takes n slots of key on g for the whole test, as n long jobs of that
// user still running would.
func hold(t testing.TB, g *limits.Gate, key string, n int) {
	t.Helper()
	for range n {
		release, err := g.Acquire(context.Background(), key)
		if err != nil {
			t.Fatalf("hold %s: %v", key, err)
		}
		t.Cleanup(release)
	}
}

// busyWorld is the seeded world with gates sized like production, where
// busy runs first (e.g. to hold Alice's slots).
func busyWorld(busy func(testing.TB, *hooks.Gates)) func(testing.TB) *tests.TestApp {
	return func(t testing.TB) *tests.TestApp {
		g := &hooks.Gates{
			PDF:   limits.NewGate(limits.Options{Global: 2, PerKey: 1, Wait: 20 * time.Millisecond, Retry: 5 * time.Second}),
			Heavy: limits.NewGate(limits.Options{PerKey: 2, PerKeyQueue: 1, Wait: 20 * time.Millisecond}),
		}
		busy(t, g)
		return testapp.NewWith(t, testapp.Options{Seed: "world", Now: reportNow, Gates: g})
	}
}

func retryAfter(min int) func(testing.TB, *tests.TestApp, *http.Response) {
	return func(t testing.TB, _ *tests.TestApp, res *http.Response) {
		t.Helper()
		n, err := strconv.Atoi(res.Header.Get("Retry-After"))
		if err != nil || n < min || n > 60 {
			t.Errorf("Retry-After = %q, want %d–60 seconds", res.Header.Get("Retry-After"), min)
		}
	}
}

// Alice's heavy share is taken: her heavy reads get 429 with Retry-After
// and a plain message, while Bob and Alice's light routes are served.
func TestFairShareHeavyRoutes(t *testing.T) {
	t.Parallel()
	aliceToken, bobToken := testapp.Tokens(t)
	alice := map[string]string{"Authorization": aliceToken}
	bob := map[string]string{"Authorization": bobToken}
	aliceBusy := busyWorld(func(t testing.TB, g *hooks.Gates) { hold(t, g.Heavy, testapp.AliceID, 2) })
	busy := []string{"Mend is still working on your earlier requests"}
	scenarios := []tests.ApiScenario{
		{Name: "insights", Method: http.MethodGet, URL: "/api/mend/insights", Headers: alice, ExpectedStatus: 429, ExpectedContent: busy, AfterTestFunc: retryAfter(1)},
		{Name: "insights by HEAD", Method: http.MethodHead, URL: "/api/mend/insights", Headers: alice, ExpectedStatus: 429, AfterTestFunc: retryAfter(1)},
		{Name: "chart", Method: http.MethodGet, URL: "/api/mend/charts/pain-trend", Headers: alice, ExpectedStatus: 429, ExpectedContent: busy, AfterTestFunc: retryAfter(1)},
		{Name: "report", Method: http.MethodGet, URL: "/api/mend/report?format=csv", Headers: alice, ExpectedStatus: 429, ExpectedContent: busy, AfterTestFunc: retryAfter(1)},
		{Name: "stored report", Method: http.MethodPost, URL: "/api/mend/reports", Body: strings.NewReader(`{"format":"csv"}`), Headers: alice, ExpectedStatus: 429, ExpectedContent: busy},
		{Name: "export", Method: http.MethodGet, URL: "/api/mend/export", Headers: alice, ExpectedStatus: 429, ExpectedContent: busy, NotExpectedContent: []string{testapp.AliceSecret}},
		{Name: "another user is served", Method: http.MethodGet, URL: "/api/mend/insights", Headers: bob, ExpectedStatus: 200, ExpectedContent: []string{`"days"`}},
		{Name: "another user's report is served", Method: http.MethodGet, URL: "/api/mend/report?format=csv", Headers: bob, ExpectedStatus: 200, ExpectedContent: []string{testapp.BobSecret}},
		{Name: "her searches share it", Method: http.MethodGet, URL: "/api/collections/entries/records?filter=" + url.QueryEscape(`notes ~ "car"`), Headers: alice,
			ExpectedStatus: 429, ExpectedContent: []string{"earlier searches"}, AfterTestFunc: retryAfter(1)},
		{Name: "another user's search is served", Method: http.MethodGet, URL: "/api/collections/entries/records?filter=" + url.QueryEscape(`notes ~ "secret"`), Headers: bob,
			ExpectedStatus: 200, ExpectedContent: []string{testapp.BobSecret}},
		{Name: "light routes stay open", Method: http.MethodGet, URL: "/api/collections/pain_scores/records", Headers: alice, ExpectedStatus: 200, ExpectedContent: []string{`"items"`}},
		{Name: "guest still gets 401 first", Method: http.MethodGet, URL: "/api/mend/insights", ExpectedStatus: 401, ExpectedContent: []string{"authorization"}},
	}
	for _, s := range scenarios {
		s.TestAppFactory = aliceBusy
		s.Test(t)
	}
}

// One print per user; a full printer answers 503 to everyone else. The
// format of a stored report is read from the body, which the handler still
// gets whole.
func TestFairSharePrinter(t *testing.T) {
	t.Parallel()
	aliceToken, bobToken := testapp.Tokens(t)
	alice := map[string]string{"Authorization": aliceToken}
	bob := map[string]string{"Authorization": bobToken}
	alicePrinting := busyWorld(func(t testing.TB, g *hooks.Gates) { hold(t, g.PDF, testapp.AliceID, 1) })
	printerFull := busyWorld(func(t testing.TB, g *hooks.Gates) {
		hold(t, g.PDF, "someone", 1)
		hold(t, g.PDF, "someone-else", 1)
	})
	own := []string{"Your previous PDF report is still being prepared"}
	scenarios := []tests.ApiScenario{
		{Name: "second pdf of a user", Method: http.MethodGet, URL: "/api/mend/report?format=pdf", Headers: alice,
			ExpectedStatus: 429, ExpectedContent: own, AfterTestFunc: retryAfter(5), TestAppFactory: alicePrinting},
		{Name: "second stored pdf of a user", Method: http.MethodPost, URL: "/api/mend/reports", Body: strings.NewReader(`{"format":"pdf","from":"2026-11-01"}`),
			Headers: alice, ExpectedStatus: 429, ExpectedContent: own, AfterTestFunc: retryAfter(5), TestAppFactory: alicePrinting},
		{Name: "html while her pdf prints, body intact", Method: http.MethodPost, URL: "/api/mend/reports", Body: strings.NewReader(`{"format":"html","from":"2026-11-01","to":"2026-11-23"}`),
			Headers: alice, ExpectedStatus: 200, ExpectedContent: []string{`"file_url":"/api/files/reports/`, "2026_11_01_to_2026_11_23"}, TestAppFactory: alicePrinting},
		{Name: "printer full for everyone", Method: http.MethodGet, URL: "/api/mend/report?format=pdf", Headers: bob,
			ExpectedStatus: 503, ExpectedContent: []string{"printing other PDF reports", "HTML report"}, AfterTestFunc: retryAfter(5), TestAppFactory: printerFull},
		{Name: "other formats while the printer is full", Method: http.MethodGet, URL: "/api/mend/report?format=json", Headers: bob,
			ExpectedStatus: 200, ExpectedContent: []string{testapp.BobSecret}, TestAppFactory: printerFull},
	}
	for _, s := range scenarios {
		s.Test(t)
	}
}

// Over loopback HTTP: a burst of one user whose share is taken is refused
// promptly, every answer with Retry-After, while another user's requests
// in the middle of it are served.
func TestFairShareBurstOverLoopback(t *testing.T) {
	t.Parallel()
	app := busyWorld(func(t testing.TB, g *hooks.Gates) {
		hold(t, g.Heavy, testapp.AliceID, 2) // two long jobs running
		hold(t, g.PDF, "someone", 1)
	})(t)
	srv := httptest.NewServer(router(t, app))
	defer srv.Close()
	aliceToken, bobToken := testapp.Tokens(t)
	get := func(path, auth string) (int, string, time.Duration) {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
		req.Header.Set("Authorization", auth)
		start := time.Now()
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Error(err)
			return 0, "", 0
		}
		defer res.Body.Close()
		_, _ = io.Copy(io.Discard, res.Body)
		return res.StatusCode, res.Header.Get("Retry-After"), time.Since(start)
	}
	var wg sync.WaitGroup
	paths := []string{"/api/mend/insights?from=2021-12-01&to=2026-11-23", "/api/mend/report?format=pdf&from=2021-12-01&to=2026-11-23"}
	for i := range 16 {
		wg.Go(func() {
			code, ra, took := get(paths[i%2], aliceToken)
			if code != 429 || ra == "" || took > 2*time.Second {
				t.Errorf("Alice's burst request %d: %d, Retry-After %q, after %s", i, code, ra, took)
			}
		})
	}
	wg.Go(func() { // Bob, one request after another, within his own share
		for range 4 {
			if code, _, _ := get("/api/mend/insights", bobToken); code != 200 {
				t.Errorf("Bob's insights during Alice's burst: %d", code)
			}
		}
	})
	wg.Wait()
}

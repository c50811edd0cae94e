package hooks_test

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/mend-app/mend/internal/pdf"
	"github.com/mend-app/mend/internal/report/reporttest"
	"github.com/mend-app/mend/internal/testapp"
)

// reportNow is 2026-11-24 10:00 UTC: the seeded records (2026-11-20) fall
// in the default 90-day period of both users.
func reportNow() time.Time { return time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC) }

// reportWorld is the seeded world on reportNow's clock.
func reportWorld(t testing.TB) *tests.TestApp {
	return testapp.NewWith(t, testapp.Options{Seed: "world", Now: reportNow})
}

// noChromiumWorld is reportWorld with a printer that can find no browser.
func noChromiumWorld(t testing.TB) *tests.TestApp {
	return testapp.NewWith(t, testapp.Options{Seed: "world", Now: reportNow,
		Printer: pdf.New(pdf.Options{ExecPath: "/nonexistent/mend-no-chromium"})})
}

// wantHeaders checks response headers after an ApiScenario.
func wantHeaders(want map[string]string) func(testing.TB, *tests.TestApp, *http.Response) {
	return func(t testing.TB, _ *tests.TestApp, res *http.Response) {
		t.Helper()
		for k, v := range want {
			if got := res.Header.Get(k); !strings.Contains(got, v) {
				t.Errorf("%s = %q, want it to contain %q", k, got, v)
			}
		}
	}
}

var reportTypes = map[string]string{
	"html": "text/html; charset=utf-8",
	"csv":  "text/csv; charset=utf-8; header=present",
	"json": "application/json",
	"fhir": "application/fhir+json",
}

var reportExt = map[string]string{"html": "html", "csv": "csv", "json": "json", "fhir": "fhir.json"}

func TestReportRoute(t *testing.T) {
	t.Parallel()
	aliceToken, bobToken := testapp.Tokens(t)
	alice := map[string]string{"Authorization": aliceToken}
	bob := map[string]string{"Authorization": bobToken}
	const base = "/api/mend/report?from=2026-11-01&to=2026-11-23"
	var scenarios []tests.ApiScenario
	for format, ctype := range reportTypes {
		headers := map[string]string{
			"Content-Type":        ctype,
			"Content-Disposition": `attachment; filename="mend-report-2026-11-01-to-2026-11-23.` + reportExt[format] + `"`,
			"Cache-Control":       "no-store",
		}
		if format == "html" {
			// The report's own policy, so its inline scripts run.
			headers["Content-Security-Policy"] = "script-src 'sha256-"
		}
		scenarios = append(scenarios,
			tests.ApiScenario{Name: format + " owner", Method: http.MethodGet, URL: base + "&format=" + format, Headers: alice,
				ExpectedStatus: 200, ExpectedContent: []string{testapp.AliceSecret}, NotExpectedContent: []string{testapp.BobSecret},
				AfterTestFunc: wantHeaders(headers)},
			tests.ApiScenario{Name: format + " owner notes=0", Method: http.MethodGet, URL: base + "&notes=0&format=" + format, Headers: alice,
				ExpectedStatus: 200, NotExpectedContent: []string{testapp.AliceSecret, testapp.BobSecret}, AfterTestFunc: wantHeaders(headers)},
			tests.ApiScenario{Name: format + " other user", Method: http.MethodGet, URL: base + "&format=" + format, Headers: bob,
				ExpectedStatus: 200, ExpectedContent: []string{testapp.BobSecret}, NotExpectedContent: []string{testapp.AliceSecret}},
			tests.ApiScenario{Name: format + " guest", Method: http.MethodGet, URL: base + "&format=" + format,
				ExpectedStatus: 401, NotExpectedContent: []string{testapp.AliceSecret, testapp.BobSecret}},
		)
	}
	scenarios = append(scenarios,
		tests.ApiScenario{Name: "default period", Method: http.MethodGet, URL: "/api/mend/report?format=csv", Headers: alice,
			ExpectedStatus: 200, ExpectedContent: []string{testapp.AliceSecret},
			AfterTestFunc: wantHeaders(map[string]string{"Content-Disposition": "mend-report-2026-08-27-to-2026-11-24.csv"})},
		tests.ApiScenario{Name: "period leaves out days before from", Method: http.MethodGet, URL: "/api/mend/report?format=csv&from=2026-11-21&to=2026-11-23",
			Headers: alice, ExpectedStatus: 200, ExpectedContent: []string{"kind,day"}, NotExpectedContent: []string{testapp.AliceSecret, "2026-11-20"}},
		tests.ApiScenario{Name: "unknown format", Method: http.MethodGet, URL: base + "&format=docx", Headers: alice,
			ExpectedStatus: 400, ExpectedContent: []string{`"format":{`, "validation_invalid_format"}, NotExpectedContent: []string{testapp.AliceSecret}},
		tests.ApiScenario{Name: "missing format", Method: http.MethodGet, URL: base, Headers: alice,
			ExpectedStatus: 400, ExpectedContent: []string{"validation_invalid_format"}},
		tests.ApiScenario{Name: "bad notes", Method: http.MethodGet, URL: base + "&format=csv&notes=yes", Headers: alice,
			ExpectedStatus: 400, ExpectedContent: []string{`"notes":{`, "validation_invalid_notes"}},
		tests.ApiScenario{Name: "from after to", Method: http.MethodGet, URL: "/api/mend/report?format=csv&from=2026-11-23&to=2026-11-01", Headers: alice,
			ExpectedStatus: 400, ExpectedContent: []string{"validation_from_after_to"}},
		tests.ApiScenario{Name: "bad day", Method: http.MethodGet, URL: "/api/mend/report?format=csv&to=2026-13-01", Headers: alice,
			ExpectedStatus: 400, ExpectedContent: []string{`"to":{`}},
		tests.ApiScenario{Name: "pdf without chromium", Method: http.MethodGet, URL: base + "&format=pdf", Headers: alice,
			TestAppFactory: noChromiumWorld, ExpectedStatus: 503, ExpectedContent: []string{"chromium", "apt-get install chromium"},
			NotExpectedContent: []string{testapp.AliceSecret}},
		tests.ApiScenario{Name: "html without chromium still works", Method: http.MethodGet, URL: base + "&format=html", Headers: alice,
			TestAppFactory: noChromiumWorld, ExpectedStatus: 200, ExpectedContent: []string{testapp.AliceSecret}},
		tests.ApiScenario{Name: "pdf guest", Method: http.MethodGet, URL: base + "&format=pdf",
			TestAppFactory: noChromiumWorld, ExpectedStatus: 401, NotExpectedContent: []string{testapp.AliceSecret}},
	)
	for _, s := range scenarios {
		if s.TestAppFactory == nil {
			s.TestAppFactory = reportWorld
		}
		s.Test(t)
	}
}

// The HTML report carries real ECharts and the seeded exercise's name.
func TestReportHTMLContent(t *testing.T) {
	t.Parallel()
	app := reportWorld(t)
	ex := testapp.Record(t, app, "exercises", map[string]any{"name": "Pelvic tilt on the floor", "slug": "pelvic-tilt-test", "status": "published", "published_at": "2026-01-01 00:00:00.000Z"})
	testapp.Record(t, app, "entries", map[string]any{"user": testapp.AliceID, "day": "2026-11-21", "exercises": []string{ex.Id}})
	body, res := getURL(t, router(t, app), "/api/mend/report?format=html&from=2026-11-01&to=2026-11-23", aliceAuth(t))
	if res.StatusCode != 200 {
		t.Fatalf("status %d: %s", res.StatusCode, body)
	}
	for _, want := range []string{"Pelvic tilt on the floor", "echarts", `http-equiv="Content-Security-Policy"`} {
		if !bytes.Contains(body, []byte(want)) {
			t.Errorf("report lacks %q", want)
		}
	}
	if len(body) < 1_000_000 {
		t.Errorf("report is %d bytes: ECharts (1 MB) is not inlined", len(body))
	}
}

// With Chromium present the PDF route prints a real PDF; notes=0 keeps the
// secret out of its text too.
func TestReportPDF(t *testing.T) {
	t.Parallel()
	requireChromium(t)
	mux := router(t, reportWorld(t))
	for _, notes := range []string{"1", "0"} {
		body, res := getURL(t, mux, "/api/mend/report?format=pdf&from=2026-11-01&to=2026-11-23&notes="+notes, aliceAuth(t))
		if res.StatusCode != 200 {
			t.Fatalf("notes=%s: status %d: %.300s", notes, res.StatusCode, body)
		}
		if ct := res.Header.Get("Content-Type"); ct != "application/pdf" {
			t.Errorf("Content-Type = %q", ct)
		}
		if !bytes.HasPrefix(body, []byte("%PDF")) {
			t.Fatalf("body is not a PDF: %.40q", body)
		}
		if pages := pdfPages(t, body); pages < 1 {
			t.Errorf("pdfinfo says %d pages", pages)
		}
		text := pdfText(t, body)
		if has := strings.Contains(text, testapp.AliceSecret); has != (notes == "1") {
			t.Errorf("notes=%s: PDF text contains the secret note = %v", notes, has)
		}
		if strings.Contains(text, testapp.BobSecret) {
			t.Error("Alice's PDF holds Bob's note")
		}
	}
}

func requireChromium(t testing.TB) {
	t.Helper()
	if _, err := pdf.FindChromium(""); err != nil {
		reporttest.SkipOrFail(t, "no Chromium: %v", err)
	}
	for _, tool := range []string{"pdfinfo", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			reporttest.SkipOrFail(t, "no %s (poppler-utils): %v", tool, err)
		}
	}
}

func aliceAuth(t testing.TB) string {
	t.Helper()
	a, _ := testapp.Tokens(t)
	return a
}

// getURL sends a GET through mux, a router built once per app (see router).
func getURL(t testing.TB, mux http.Handler, url, auth string) ([]byte, *http.Response) {
	t.Helper()
	return request(t, mux, http.MethodGet, url, auth, "")
}

func request(t testing.TB, mux http.Handler, method, url, auth, body string) ([]byte, *http.Response) {
	t.Helper()
	req := httptest.NewRequest(method, url, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, req)
	res := rec.Result()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return b, res
}

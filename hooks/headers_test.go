package hooks_test

import (
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/mend-app/mend/hooks"
	"github.com/mend-app/mend/internal/testapp"
)

// securityHeaders are the headers every response of Mend must carry, apart
// from the dashboard's CSP (it ships inline bootstrapping of its own).
var securityHeaders = map[string]string{
	"X-Content-Type-Options":  "nosniff",
	"Referrer-Policy":         "no-referrer",
	"X-Frame-Options":         "DENY",
	"Content-Security-Policy": hooks.WebAppCSP,
}

// The web app's CSP is strict: scripts only from this origin, never inline
// or eval, and no framing. A later edit that loosens it fails here.
func TestWebAppCSPIsStrict(t *testing.T) {
	t.Parallel()
	csp := hooks.WebAppCSP
	for _, want := range []string{"script-src 'self';", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP lacks %q: %s", want, csp)
		}
	}
	for _, bad := range []string{"unsafe-inline", "unsafe-eval", "*", "http:", "https:"} {
		if strings.Contains(csp, bad) {
			t.Errorf("CSP allows %q: %s", bad, csp)
		}
	}
}

// Every kind of response carries the security headers: the real web app
// files (served from ../pb_public as the binary embeds them), the SPA
// fallback, API answers and API errors, and Mend's routes, signed in or not.
func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	t.Parallel()
	app, err := tests.NewTestApp(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(app.Cleanup)
	if err := hooks.Register(app, hooks.Config{Public: os.DirFS("../pb_public")}); err != nil {
		t.Fatal(err)
	}
	testapp.SeedUsers(t, app)
	testapp.SeedRecords(t, app)
	alice, _ := testapp.Tokens(t)
	mux := router(t, app)

	scenarios := []struct {
		name, method, url, token string
		status                   int
		contentType              string // prefix; "" = any
	}{
		{"root", "GET", "/", "", 200, "text/html"},
		{"index.html redirect", "GET", "/index.html", "", 301, ""},
		{"module script", "GET", "/js/app.js", "", 200, "text/javascript"},
		{"vendored SDK", "GET", "/vendor/pocketbase@0.28.1/pocketbase.es.mjs", "", 200, "text/javascript"},
		{"vendored ECharts", "GET", "/vendor/echarts@5.6.0/echarts.esm.min.js", "", 200, "text/javascript"},
		{"stylesheet", "GET", "/app.css", "", 200, "text/css"},
		{"manifest", "GET", "/manifest.webmanifest", "", 200, ""},
		{"SPA fallback", "GET", "/some/deep/link", "", 200, "text/html"},
		{"health", "GET", "/api/health", "", 200, "application/json"},
		{"record list", "GET", "/api/collections/entries/records", alice, 200, "application/json"},
		{"record not found", "GET", "/api/collections/entries/records/nope", alice, 404, "application/json"},
		{"bad create", "POST", "/api/collections/pain_scores/records", alice, 400, "application/json"},
		{"insights guest", "GET", "/api/mend/insights", "", 401, "application/json"},
		{"insights owner", "GET", "/api/mend/insights?from=2026-11-01&to=2026-11-21", alice, 200, "application/json"},
		{"chart owner", "GET", "/api/mend/charts/pain-trend?from=2026-11-01&to=2026-11-21", alice, 200, "application/json"},
		{"unknown chart", "GET", "/api/mend/charts/nope", alice, 404, "application/json"},
		{"unknown API route", "POST", "/api/nope", "", 404, ""},
		{"wrong method", "DELETE", "/api/mend/insights", alice, 404, ""},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			req := httptest.NewRequest(s.method, s.url, strings.NewReader("{}"))
			req.Header.Set("Content-Type", "application/json")
			if s.token != "" {
				req.Header.Set("Authorization", s.token)
			}
			rec := httptest.NewRecorder()
			mux.ServeHTTP(rec, req)
			if rec.Code != s.status {
				t.Fatalf("status %d, want %d: %.300s", rec.Code, s.status, rec.Body.String())
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, s.contentType) {
				t.Errorf("Content-Type %q, want %q…", ct, s.contentType)
			}
			for name, want := range securityHeaders {
				if got := rec.Header().Get(name); got != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
		})
	}
}

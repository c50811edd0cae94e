package hooks_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mend-app/mend/internal/testapp"
)

// A link that no longer opens a report is a small page a clinician can read,
// with the same 404 for every reason and nothing of the report in it.
func TestShareLinkGoneIsReadablePage(t *testing.T) {
	t.Parallel()
	clk := &clock{now: reportNow()}
	app := testapp.NewWith(t, testapp.Options{Seed: "world", Now: clk.Now})
	mux := router(t, app)
	aliceToken, _ := testapp.Tokens(t)
	revoked := storeReport(t, mux, aliceToken, `{"format":"html","share_days":7}`)
	if b, res := request(t, mux, http.MethodDelete, "/api/mend/reports/"+revoked.ID+"/share", aliceToken, ""); res.StatusCode != 204 {
		t.Fatalf("revoke = %d %s", res.StatusCode, b)
	}
	expired := storeReport(t, mux, aliceToken, `{"format":"json","share_days":1}`)
	clk.Add(25 * time.Hour)

	scenarios := []struct{ name, url string }{
		{"revoked", revoked.ShareURL},
		{"expired", expired.ShareURL},
		{"unknown", "/r/" + strings.Repeat("B", 43)},
		{"junk", "/r/%3Cscript%3E"},
	}
	var first string
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			b, res := getURL(t, mux, s.url, "")
			body := string(b)
			if res.StatusCode != http.StatusNotFound {
				t.Fatalf("status = %d, want 404", res.StatusCode)
			}
			if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
				t.Errorf("Content-Type = %q, want text/html", ct)
			}
			wantShareHeaders(t, res)
			if strings.HasPrefix(strings.TrimSpace(body), "{") || strings.Contains(body, `"message"`) {
				t.Errorf("body is JSON, want a page: %s", body)
			}
			if !strings.Contains(body, "<h1>This report link is not valid</h1>") || !strings.Contains(body, "expired or been revoked") {
				t.Errorf("page does not say what happened: %s", body)
			}
			for _, leak := range []string{testapp.AliceSecret, "Alice", "alice@", "<script", revoked.ID, expired.ID} {
				if strings.Contains(body, leak) {
					t.Errorf("gone page reveals %q", leak)
				}
			}
			if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "script-src") {
				t.Errorf("CSP = %q, want no script and no requests", csp)
			}
			if first == "" {
				first = body
			} else if body != first {
				t.Errorf("%s answers differently from %s: a guess could tell them apart", s.name, scenarios[0].name)
			}
		})
	}
}

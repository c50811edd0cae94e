package e2e

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/mend-app/mend/hooks"
)

// TestSecurityHeadersFromBinary asks the real binary, as curl would, for the
// web app, a vendored script (served from the embedded copy) and the API,
// and checks every answer carries the security headers.
func TestSecurityHeadersFromBinary(t *testing.T) {
	s := startServer(t, "")
	for _, c := range []struct {
		path        string
		status      int
		contentType string
	}{
		{"/", 200, "text/html"},
		{"/vendor/echarts@5.6.0/echarts.esm.min.js", 200, "text/javascript"},
		{"/vendor/pocketbase@0.28.1/pocketbase.es.mjs", 200, "text/javascript"},
		{"/js/app.js", 200, "text/javascript"},
		{"/no/such/page", 200, "text/html"}, // the SPA fallback
		{"/api/health", 200, "application/json"},
		{"/api/mend/insights", 401, "application/json"},
	} {
		t.Run(c.path, func(t *testing.T) {
			res, err := http.Get(s.URL + c.path)
			if err != nil {
				t.Fatal(err)
			}
			_, _ = io.Copy(io.Discard, res.Body) // drained so the connection is reused
			res.Body.Close()
			if res.StatusCode != c.status || !strings.HasPrefix(res.Header.Get("Content-Type"), c.contentType) {
				t.Fatalf("%d %q, want %d %q", res.StatusCode, res.Header.Get("Content-Type"), c.status, c.contentType)
			}
			for name, want := range map[string]string{
				"Content-Security-Policy": hooks.WebAppCSP,
				"X-Content-Type-Options":  "nosniff",
				"Referrer-Policy":         "no-referrer",
				"X-Frame-Options":         "DENY",
			} {
				if got := res.Header.Get(name); got != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
		})
	}
}

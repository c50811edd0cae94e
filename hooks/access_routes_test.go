package hooks_test

import (
	"strings"
	"testing"

	"github.com/mend-app/mend/internal/testapp"
)

// Placeholders filled by routeWorld.
const (
	liveShare = "{liveShare}" // Alice's live share link
	deadShare = "{deadShare}" // a well-formed token that opens nothing
)

// routeMatrix is who may call each Mend route. Every route but the share
// link needs a signed-in user from users; a superuser is not one (the
// dashboard has its own tools) and the share link is open to anyone
// holding it. Bob calling a route gets his own data, never Alice's.
var routeMatrix = []struct {
	method, path, body             string
	owner, other, guest, superuser int
}{
	{"GET", "/api/mend/insights", "", 200, 200, 401, 403},
	{"GET", "/api/mend/charts/pain-trend", "", 200, 200, 401, 403},
	{"GET", "/api/mend/report?format=csv", "", 200, 200, 401, 403},
	{"GET", "/api/mend/report?format=html&notes=0", "", 200, 200, 401, 403},
	{"POST", "/api/mend/reports", `{"format":"csv"}`, 200, 200, 401, 403},
	{"GET", "/api/mend/export", "", 200, 200, 401, 403},
	{"DELETE", "/api/mend/reports/" + aliceReport + "/share", "", 204, 404, 401, 403},
	{"GET", "/r/" + liveShare, "", 200, 200, 200, 200},
	{"GET", "/r/" + deadShare, "", 404, 404, 404, 404},
}

// TestRouteMatrix calls every Mend route as every actor, checks the status,
// that nobody sees the other user's notes, and that every answer, reports
// and share links included, carries the security headers.
func TestRouteMatrix(t *testing.T) {
	t.Parallel()
	// One world serves every row: the only writes store another report and
	// revoke the seeded report's (absent) link, which no other row reads.
	w, vars := routeWorld(t)
	for _, row := range routeMatrix {
		for _, a := range []struct {
			actor string
			want  int
		}{{"owner", row.owner}, {"other", row.other}, {"guest", row.guest}, {"superuser", row.superuser}} {
			t.Run(row.method+" "+row.path+"/"+a.actor, func(t *testing.T) {
				res := w.do(row.method, vars.Replace(row.path), a.actor, row.body)
				if res.code != a.want {
					t.Fatalf("status %d, want %d: %.300s", res.code, a.want, res.body)
				}
				// Anyone holding Alice's live link may read it; nothing
				// else shows one user's notes to anyone but their owner.
				leak := testapp.AliceSecret
				if a.actor == "owner" {
					leak = testapp.BobSecret
				}
				if row.path != "/r/"+liveShare && strings.Contains(res.body, leak) {
					t.Errorf("answer leaks %q", leak)
				}
				checkHeaders(t, res)
			})
		}
	}
}

// checkHeaders holds every answer to the header rules. Reports set their
// own CSP (the HTML report runs its chart script by hash), so the policy
// is checked for what matters rather than for equality.
func checkHeaders(t *testing.T, res response) {
	t.Helper()
	for name, want := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"} {
		if got := res.hdr.Get(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	csp := res.hdr.Get("Content-Security-Policy")
	if !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe-eval") {
		t.Errorf("CSP %q", csp)
	}
	for _, d := range strings.Split(csp, ";") {
		if d = strings.TrimSpace(d); strings.HasPrefix(d, "script-src") && strings.Contains(d, "unsafe-inline") {
			t.Errorf("CSP allows inline script: %q", csp)
		}
	}
}

// routeWorld is a world in which Alice has stored a CSV report with a live
// share link, plus a revoked one.
func routeWorld(t *testing.T) (*world, *strings.Replacer) {
	t.Helper()
	w := newWorld(t)
	share := func() (token, id string) {
		res := w.do("POST", "/api/mend/reports", "owner", `{"format":"csv","share_days":7,"notes":true}`)
		if res.code != 200 {
			t.Fatalf("storing a shared report = %d %s", res.code, res.body)
		}
		url := between(res.body, `"share_url":"`, `"`)
		if !strings.HasPrefix(url, "/r/") {
			t.Fatalf("no share url in %s", res.body)
		}
		return strings.TrimPrefix(url, "/r/"), between(res.body, `"id":"`, `"`)
	}
	live, _ := share()
	revoked, id := share()
	if res := w.do("DELETE", "/api/mend/reports/"+id+"/share", "owner", ""); res.code != 204 {
		t.Fatalf("revoking = %d", res.code)
	}
	if res := w.do("GET", "/r/"+revoked, "guest", ""); res.code != 404 {
		t.Fatalf("the revoked link still answers %d", res.code)
	}
	return w, strings.NewReplacer(aliceReport, testapp.RecordID("alice", "reports"), liveShare, live, deadShare, revoked)
}

package hooks_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/mend-app/mend/internal/testapp"
)

// clock is a settable clock for a test app.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

func (c *clock) Add(d time.Duration) { c.mu.Lock(); defer c.mu.Unlock(); c.now = c.now.Add(d) }

type storedAnswer struct {
	ID           string `json:"id"`
	FileURL      string `json:"file_url"`
	ShareURL     string `json:"share_url"`
	ShareExpires string `json:"share_expires"`
}

// storeReport posts a report as auth and decodes the answer.
func storeReport(t testing.TB, mux http.Handler, auth, body string) storedAnswer {
	t.Helper()
	b, res := request(t, mux, http.MethodPost, "/api/mend/reports", auth, body)
	if res.StatusCode != 200 {
		t.Fatalf("POST /api/mend/reports %s = %d: %s", body, res.StatusCode, b)
	}
	var a storedAnswer
	if err := json.Unmarshal(b, &a); err != nil {
		t.Fatal(err)
	}
	return a
}

// A share link lives from creation to expiry or revocation, needs no
// sign-in, and answers every failure with the same 404.
func TestShareLinkLifecycle(t *testing.T) {
	t.Parallel()
	clk := &clock{now: reportNow()}
	app := testapp.NewWith(t, testapp.Options{Seed: "world", Now: clk.Now})
	mux := router(t, app)
	aliceToken, bobToken := testapp.Tokens(t)

	a := storeReport(t, mux, aliceToken, `{"from":"2026-11-01","to":"2026-11-23","format":"html","share_days":7}`)
	if !strings.HasPrefix(a.ShareURL, "/r/") || len(a.ShareURL) < len("/r/")+22 {
		t.Fatalf("share_url %q is not a /r/ link with a ≥128-bit token", a.ShareURL)
	}
	if !strings.HasPrefix(a.ShareExpires, "2026-12-01 10:00:00") {
		t.Errorf("share_expires = %q, want 7 days from now", a.ShareExpires)
	}
	token := strings.TrimPrefix(a.ShareURL, "/r/")
	assertTokenHashedOnly(t, app, a.ID, token)

	body, res := getURL(t, mux, a.ShareURL, "")
	if res.StatusCode != 200 || !strings.Contains(string(body), testapp.AliceSecret) {
		t.Fatalf("GET share link = %d, want 200 with the report", res.StatusCode)
	}
	wantShareHeaders(t, res)
	if ct := res.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("Content-Type = %q", ct)
	}
	if cd := res.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "inline;") {
		t.Errorf("Content-Disposition = %q, want inline", cd)
	}
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "'sha256-") || !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("CSP %q does not allow the report's scripts by hash", csp)
	}

	gone, res := getURL(t, mux, "/r/"+strings.Repeat("A", len(token)), "")
	if res.StatusCode != 404 {
		t.Fatalf("wrong token = %d, want 404", res.StatusCode)
	}
	wantShareHeaders(t, res)
	sameGone := func(what, url string) {
		t.Helper()
		b, res := getURL(t, mux, url, "")
		if res.StatusCode != 404 || string(b) != string(gone) {
			t.Errorf("%s = %d %s, want the same 404 as a wrong token (%s)", what, res.StatusCode, b, gone)
		}
	}
	sameGone("junk token", "/r/not-a-token")
	sameGone("hash as token", "/r/"+hashOf(token))

	if b, res := request(t, mux, http.MethodDelete, "/api/mend/reports/"+a.ID+"/share", bobToken, ""); res.StatusCode != 404 {
		t.Errorf("Bob revoking Alice's link = %d %s, want 404", res.StatusCode, b)
	}
	if _, res := request(t, mux, http.MethodDelete, "/api/mend/reports/"+a.ID+"/share", "", ""); res.StatusCode != 401 {
		t.Errorf("guest revoking = %d, want 401", res.StatusCode)
	}
	if _, res := getURL(t, mux, a.ShareURL, ""); res.StatusCode != 200 {
		t.Fatalf("link stopped working after failed revocations: %d", res.StatusCode)
	}
	if b, res := request(t, mux, http.MethodDelete, "/api/mend/reports/"+a.ID+"/share", aliceToken, ""); res.StatusCode != 204 || len(b) != 0 {
		t.Fatalf("owner revoking = %d %s, want 204", res.StatusCode, b)
	}
	sameGone("revoked link", a.ShareURL)
	if rec, err := app.FindRecordById("reports", a.ID); err != nil || rec.GetString("share_token") != "" || !rec.GetDateTime("share_expires").IsZero() {
		t.Errorf("revoked report still holds share data (err %v)", err)
	}

	b := storeReport(t, mux, aliceToken, `{"format":"csv","share_days":1}`)
	if _, res := getURL(t, mux, b.ShareURL, ""); res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Disposition"), "attachment;") {
		t.Fatalf("csv link = %d %q, want 200 as an attachment", res.StatusCode, res.Header.Get("Content-Disposition"))
	}
	clk.Add(24*time.Hour + time.Second)
	sameGone("expired link", b.ShareURL)
}

// A link whose expiry was moved into the past in the database is gone too.
func TestShareLinkExpiredInDatabase(t *testing.T) {
	t.Parallel()
	app := reportWorld(t)
	mux := router(t, app)
	aliceToken, _ := testapp.Tokens(t)
	a := storeReport(t, mux, aliceToken, `{"format":"json","notes":false,"share_days":30}`)
	if _, res := getURL(t, mux, a.ShareURL, ""); res.StatusCode != 200 {
		t.Fatalf("fresh link = %d", res.StatusCode)
	}
	rec, err := app.FindRecordById("reports", a.ID)
	if err != nil {
		t.Fatal(err)
	}
	rec.Set("share_expires", reportNow().Add(-time.Minute))
	if err := app.Save(rec); err != nil {
		t.Fatal(err)
	}
	if _, res := getURL(t, mux, a.ShareURL, ""); res.StatusCode != 404 {
		t.Fatalf("expired link = %d, want 404", res.StatusCode)
	}
}

func wantShareHeaders(t testing.TB, res *http.Response) {
	t.Helper()
	for k, v := range map[string]string{"Referrer-Policy": "no-referrer", "Cache-Control": "no-store", "X-Robots-Tag": "noindex"} {
		if !strings.Contains(res.Header.Get(k), v) {
			t.Errorf("%s = %q, want %q", k, res.Header.Get(k), v)
		}
	}
}

func hashOf(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// assertTokenHashedOnly checks that the reports row holds the token's hash
// and that no column of any report holds the token itself.
func assertTokenHashedOnly(t testing.TB, app core.App, id, token string) {
	t.Helper()
	rec, err := app.FindRecordById("reports", id)
	if err != nil {
		t.Fatal(err)
	}
	if got := rec.GetString("share_token"); got != hashOf(token) {
		t.Errorf("share_token = %q, want the SHA-256 of the token", got)
	}
	var rows []dbx.NullStringMap
	if err := app.DB().NewQuery("SELECT * FROM reports").All(&rows); err != nil {
		t.Fatal(err)
	}
	for _, row := range rows {
		for col, v := range row {
			if strings.Contains(v.String, token) {
				t.Errorf("reports.%s holds the raw share token", col)
			}
		}
	}
}

func TestStoreReportValidation(t *testing.T) {
	t.Parallel()
	aliceToken, bobToken := testapp.Tokens(t)
	alice := map[string]string{"Authorization": aliceToken}
	post := func(name string, headers map[string]string, body string, status int, want ...string) tests.ApiScenario {
		return tests.ApiScenario{Name: name, Method: http.MethodPost, URL: "/api/mend/reports", Headers: headers,
			Body: strings.NewReader(body), ExpectedStatus: status, ExpectedContent: want,
			NotExpectedContent: []string{testapp.AliceSecret, testapp.BobSecret, "/r/"}, TestAppFactory: reportWorld}
	}
	scenarios := []tests.ApiScenario{
		post("owner without link", alice, `{"format":"csv"}`, 200, `"file_url":"/api/files/reports/`),
		post("other user stores his own", map[string]string{"Authorization": bobToken}, `{"format":"csv","notes":0}`, 200, `"id":"`),
		post("guest", nil, `{"format":"csv","share_days":7}`, 401),
		post("share_days 0 is no link", alice, `{"format":"csv","share_days":0}`, 200, `"id":"`),
		post("share_days 31", alice, `{"format":"csv","share_days":31}`, 400, "validation_invalid_share_days"),
		post("share_days negative", alice, `{"format":"csv","share_days":-1}`, 400, "validation_invalid_share_days"),
		post("share_days fraction", alice, `{"format":"csv","share_days":1.5}`, 400, "validation_invalid_share_days"),
		post("share_days string", alice, `{"format":"csv","share_days":"7"}`, 400, "validation_invalid_share_days"),
		post("bad format", alice, `{"format":"exe"}`, 400, `"format":{`, "validation_invalid_format"),
		post("missing format", alice, `{"share_days":3}`, 400, "validation_invalid_format"),
		post("bad notes", alice, `{"format":"csv","notes":"yes"}`, 400, "validation_invalid_notes"),
		post("unknown field", alice, `{"format":"csv","share_day":7}`, 400, `"share_day":{`, "validation_unknown_field"),
		post("from after to", alice, `{"format":"csv","from":"2026-11-23","to":"2026-11-01"}`, 400, "validation_from_after_to"),
		post("from not a string", alice, `{"format":"csv","from":20261101}`, 400, `"from":{`),
		post("not JSON", alice, `format=csv`, 400, "validation_invalid_json"),
		post("JSON array", alice, `["csv"]`, 400, "validation_invalid_json"),
		post("huge body", alice, `{"format":"csv","from":"`+strings.Repeat("x", 5000)+`"}`, 400, "validation_invalid_json"),
		post("pdf without chromium", alice, `{"format":"pdf"}`, 503, "chromium"),
	}
	scenarios[len(scenarios)-1].TestAppFactory = noChromiumWorld
	for _, s := range scenarios {
		s.Test(t)
	}
}

func TestRevokeShareScenarios(t *testing.T) {
	t.Parallel()
	aliceToken, bobToken := testapp.Tokens(t)
	url := "/api/mend/reports/" + testapp.RecordID("alice", "reports") + "/share"
	scenarios := []tests.ApiScenario{
		{Name: "owner", Method: http.MethodDelete, URL: url, Headers: map[string]string{"Authorization": aliceToken}, ExpectedStatus: 204},
		{Name: "other user", Method: http.MethodDelete, URL: url, Headers: map[string]string{"Authorization": bobToken},
			ExpectedStatus: 404, NotExpectedContent: []string{testapp.AliceSecret}},
		{Name: "guest", Method: http.MethodDelete, URL: url, ExpectedStatus: 401, NotExpectedContent: []string{testapp.AliceSecret}},
		{Name: "unknown id", Method: http.MethodDelete, URL: "/api/mend/reports/nosuchreport000/share",
			Headers: map[string]string{"Authorization": aliceToken}, ExpectedStatus: 404, ExpectedContent: []string{"no such report"}},
	}
	for _, s := range scenarios {
		s.TestAppFactory = reportWorld
		s.Test(t)
	}
}

// Guessing share links from one address is throttled (migration
// 1764000003: 30 a minute).
func TestShareLinkRateLimited(t *testing.T) {
	t.Parallel()
	mux := router(t, testapp.NewWith(t, testapp.Options{Seed: "world", Now: reportNow, RateLimits: true}))
	for i := range 40 {
		_, res := getURL(t, mux, "/r/"+strings.Repeat("x", 43), "")
		if res.StatusCode == http.StatusTooManyRequests {
			if i < 30 {
				t.Fatalf("limited after %d guesses, want 30 allowed", i)
			}
			return
		}
		if res.StatusCode != 404 {
			t.Fatalf("guess %d = %d, want 404", i, res.StatusCode)
		}
	}
	t.Fatal("40 guesses in a row were never rate limited")
}

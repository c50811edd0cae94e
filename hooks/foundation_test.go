package hooks_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"github.com/mend-app/mend/internal/testapp"
)

// Deleting an account removes every record and file of that user, and
// nothing of anyone else's.
func TestUserDeleteCascades(t *testing.T) {
	t.Parallel()
	app := testapp.NewWorld(t)
	report, err := app.FindRecordById("reports", testapp.RecordID("alice", "reports"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := filesystem.NewFileFromBytes([]byte("kind,day\n"), "report.csv")
	if err != nil {
		t.Fatal(err)
	}
	report.Set("file", f)
	if err := app.Save(report); err != nil {
		t.Fatal(err)
	}
	filePath := filepath.Join(app.DataDir(), "storage", report.BaseFilesPath(), report.GetString("file"))
	if _, err := os.Stat(filePath); err != nil {
		t.Fatalf("report file was not stored: %v", err)
	}
	alice, err := app.FindRecordById("users", testapp.AliceID)
	if err != nil {
		t.Fatal(err)
	}
	if err := app.Delete(alice); err != nil {
		t.Fatal(err)
	}
	for _, c := range perUser {
		n, err := app.CountRecords(c.name, nil)
		if err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("%s holds %d records after deleting Alice, want Bob's 1", c.name, n)
		}
		if _, err := app.FindRecordById(c.name, testapp.RecordID("bob", c.name)); err != nil {
			t.Errorf("Bob's %s record is gone: %v", c.name, err)
		}
	}
	// PocketBase removes files in the background after the delete commits.
	deadline := time.Now().Add(5 * time.Second)
	for {
		_, err := os.Stat(filePath)
		if os.IsNotExist(err) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("Alice's report file still exists 5 s after the delete (%v)", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestContentVisibility(t *testing.T) {
	t.Parallel()
	future := time.Now().Add(48 * time.Hour).UTC().Format("2006-01-02 15:04:05.000Z")
	past := time.Now().Add(-48 * time.Hour).UTC().Format("2006-01-02 15:04:05.000Z")
	seed := func(t testing.TB, app *tests.TestApp) {
		for _, p := range []struct{ slug, status, at string }{
			{"visible-piece", "published", past},
			{"draft-piece", "draft", past},
			{"archived-piece", "archived", past},
			{"scheduled-piece", "published", future},
			{"undated-piece", "published", ""},
		} {
			testapp.Record(t, app, "articles", map[string]any{"title": p.slug, "slug": p.slug, "status": p.status,
				"published_at": p.at, "category": "relief", "body": "<p>x</p>"})
			testapp.Record(t, app, "exercises", map[string]any{"name": p.slug, "slug": p.slug, "status": p.status,
				"published_at": p.at, "steps": "<p>x</p>"})
		}
	}
	// An undated piece saved as published is published at the save
	// (publishNow), so it shows; see TestPublishWithoutDatePublishesNow.
	hidden := []string{"draft-piece", "archived-piece", "scheduled-piece"}
	for _, c := range []string{"articles", "exercises"} {
		scenarios := []tests.ApiScenario{
			{Name: c + " guest list", Method: http.MethodGet, URL: "/api/collections/" + c + "/records?perPage=200",
				ExpectedStatus: 200, ExpectedContent: []string{"visible-piece", "undated-piece"}, NotExpectedContent: hidden},
			{Name: c + " guest view draft", Method: http.MethodGet, URL: "/api/collections/" + c + "/records?filter=slug='draft-piece'",
				ExpectedStatus: 200, ExpectedContent: []string{`"totalItems":0`}},
			{Name: c + " guest create", Method: http.MethodPost, URL: "/api/collections/" + c + "/records",
				Body: strings.NewReader(`{"slug":"mine","status":"published"}`), ExpectedStatus: 403,
				ExpectedContent: []string{"Only superusers"}},
		}
		for _, s := range scenarios {
			s.TestAppFactory = testapp.Factory(seed)
			s.Test(t)
		}
	}
}

func TestShippedLibraryIsPublished(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	for c, min := range map[string]int{"articles": 8, "exercises": 10} {
		n, err := app.CountRecords(c, nil)
		if err != nil {
			t.Fatal(err)
		}
		if int(n) < min {
			t.Errorf("%s: %d shipped, want at least %d", c, n, min)
		}
	}
	if _, err := app.FindFirstRecordByData("articles", "slug", "when-to-seek-care"); err != nil {
		t.Errorf("when-to-seek-care article missing: %v", err)
	}
}

func TestRichTextIsSanitizedOnSave(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	hostile := `<p onclick="x()">Hi</p><script>alert(1)</script><a href="javascript:alert(2)">l</a><img src=x onerror=alert(3)>`
	a := testapp.Record(t, app, "articles", map[string]any{"title": "t", "slug": "t", "status": "draft", "category": "relief", "body": hostile})
	x := testapp.Record(t, app, "exercises", map[string]any{"name": "n", "slug": "n", "status": "draft", "steps": hostile})
	a.Set("body", hostile) // an update is cleaned too
	if err := app.Save(a); err != nil {
		t.Fatal(err)
	}
	for _, got := range []string{a.GetString("body"), x.GetString("steps")} {
		for _, bad := range []string{"<script", "onclick", "onerror", "javascript:"} {
			if strings.Contains(strings.ToLower(got), bad) {
				t.Errorf("saved rich text still has %q: %s", bad, got)
			}
		}
		if !strings.Contains(got, "Hi") {
			t.Errorf("sanitizing lost the text: %s", got)
		}
	}
}

// Repeated failed sign-ins from one address get 429; a normal sign-in and
// a burst of readings (an offline sync) do not.
func TestRateLimits(t *testing.T) {
	t.Parallel()
	app := testapp.NewWith(t, testapp.Options{Seed: "world", RateLimits: true})
	mux := router(t, app)
	send := func(method, url, body, token string) int {
		req := httptest.NewRequest(method, url, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", token)
		}
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, req)
		return rec.Code
	}
	if code := send("POST", "/api/collections/users/auth-with-password",
		`{"identity":"`+testapp.AliceEmail+`","password":"`+testapp.Password+`"}`, ""); code != 200 {
		t.Fatalf("first sign-in = %d, want 200", code)
	}
	alice, _ := testapp.Tokens(t)
	for i := range 60 {
		body := `{"user":"` + testapp.AliceID + `","day":"2026-11-2` + string(rune('0'+i%4)) + `","score":3}`
		if code := send("POST", "/api/collections/pain_scores/records", body, alice); code != 200 {
			t.Fatalf("reading %d of a sync = %d, want 200", i, code)
		}
	}
	limited := false
	for range 15 {
		code := send("POST", "/api/collections/users/auth-with-password",
			`{"identity":"`+testapp.AliceEmail+`","password":"wrong"}`, "")
		if code == 429 {
			limited = true
			break
		}
		if code != 400 {
			t.Fatalf("failed sign-in = %d, want 400 or 429", code)
		}
	}
	if !limited {
		t.Fatal("15 failed sign-ins in a row were never rate limited")
	}
}

// router builds the app's HTTP handler the way ApiScenario does, for tests
// that need several requests against one app.
func router(t testing.TB, app core.App) http.Handler {
	t.Helper()
	r, err := apis.NewRouter(app)
	if err != nil {
		t.Fatal(err)
	}
	se := &core.ServeEvent{App: app, Router: r}
	if err := app.OnServe().Trigger(se, func(e *core.ServeEvent) error { return nil }); err != nil {
		t.Fatal(err)
	}
	mux, err := r.BuildMux()
	if err != nil {
		t.Fatal(err)
	}
	return mux
}

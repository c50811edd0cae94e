package hooks_test

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/mend-app/mend/internal/reminders"
	"github.com/mend-app/mend/internal/testapp"
)

func TestPushRemindersThroughStub(t *testing.T) {
	t.Parallel()
	stub := newPushStub(t)
	c := &clock{}
	c.set("2026-01-10T19:30:00Z")
	app := testapp.NewWith(t, testapp.Options{Now: c.Now, PushClient: stub.Client()})
	due, _ := testapp.User(t, app, "due@example.com", map[string]any{"timezone": "America/Los_Angeles", "reminder_time": "11:00", "reminder_channels": []string{"push"}})
	later, _ := testapp.User(t, app, "later@example.com", map[string]any{"timezone": "Europe/Berlin", "reminder_time": "22:00", "reminder_channels": []string{"push"}})
	testapp.Record(t, app, "pain_scores", map[string]any{"user": due.Id, "day": "2026-01-09", "score": 7, "note": reminderSecret})
	stub.subscribe(t, app, due.Id, "/live/phone")
	gone := stub.subscribe(t, app, due.Id, "/gone/old-laptop")
	missing := stub.subscribe(t, app, due.Id, "/missing/old-tablet")
	stub.subscribe(t, app, later.Id, "/live/later")

	run(t, app, c.Now())
	run(t, app, c.Now()) // a rerun sends nothing more

	got := stub.payloads()
	want := string(reminders.PushPayload())
	if len(got["/live/phone"]) != 1 || got["/live/phone"][0] != want || len(got["/gone/old-laptop"]) != 1 || len(got["/missing/old-tablet"]) != 1 {
		t.Fatalf("pushes %v, want one %s to each of the due user's devices", got, want)
	}
	if len(got["/live/later"]) != 0 {
		t.Errorf("a user not yet due got %v", got["/live/later"])
	}
	if strings.Contains(got["/live/phone"][0], reminderSecret) {
		t.Error("push payload carries journal content")
	}
	for _, r := range []*core.Record{gone, missing} {
		if _, err := app.FindRecordById("push_subscriptions", r.Id); err == nil {
			t.Errorf("a subscription answered 404/410 is still stored: %s", r.GetString("endpoint"))
		}
	}
	if n, _ := app.CountRecords("push_subscriptions"); n != 2 {
		t.Errorf("%d subscriptions left, want 2", n)
	}
	// The key the service saw is the one the route hands to browsers, and it
	// is kept in the data dir (never in the repository), private to the owner.
	b, err := os.ReadFile(filepath.Join(app.DataDir(), "vapid_keys.json"))
	if err != nil {
		t.Fatal(err)
	}
	var keys struct{ Public string }
	if err := json.Unmarshal(b, &keys); err != nil || keys.Public != stub.vapidK {
		t.Errorf("stored public key %q, pushed with %q (%v)", keys.Public, stub.vapidK, err)
	}
	if fi, err := os.Stat(filepath.Join(app.DataDir(), "vapid_keys.json")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %v, %v", fi.Mode().Perm(), err)
	}
}

func TestPushKeyAndSubscriptionRules(t *testing.T) {
	t.Parallel()
	d := newDevice(t)
	sub := func(user, endpoint string) string {
		b, _ := json.Marshal(map[string]string{"user": user, "endpoint": endpoint, "p256dh": d.p256dh(), "auth": d.authB64()})
		return string(b)
	}
	alice, bob := testapp.Tokens(t)
	h := func(tok string) map[string]string { return map[string]string{"Authorization": tok} }
	const ep = "https://push.example/send/abc"
	withSub := func(t testing.TB) *tests.TestApp {
		app := testapp.NewWorld(t)
		testapp.Record(t, app, "push_subscriptions", map[string]any{"user": testapp.AliceID, "endpoint": ep, "p256dh": d.p256dh(), "auth": d.authB64()})
		return app
	}
	scenarios := []tests.ApiScenario{
		{Name: "key for a signed-in user", Method: http.MethodGet, URL: "/api/mend/push/key", Headers: h(alice), ExpectedStatus: 200, ExpectedContent: []string{`"public_key":"B`}},
		{Name: "key needs sign-in", Method: http.MethodGet, URL: "/api/mend/push/key", ExpectedStatus: 401, NotExpectedContent: []string{"public_key"}},
		{Name: "owner subscribes", Method: http.MethodPost, URL: "/api/collections/push_subscriptions/records", Headers: h(alice),
			Body: strings.NewReader(sub(testapp.AliceID, ep)), ExpectedStatus: 200, ExpectedContent: []string{`"endpoint":"` + ep}},
		{Name: "no subscribing someone else", Method: http.MethodPost, URL: "/api/collections/push_subscriptions/records", Headers: h(bob),
			Body: strings.NewReader(sub(testapp.AliceID, ep)), ExpectedStatus: 400, ExpectedContent: []string{"Failed to create record."}},
		{Name: "guest cannot subscribe", Method: http.MethodPost, URL: "/api/collections/push_subscriptions/records",
			Body: strings.NewReader(sub(testapp.AliceID, ep)), ExpectedStatus: 400, ExpectedContent: []string{"Failed to create record."}},
		{Name: "http endpoint refused", Method: http.MethodPost, URL: "/api/collections/push_subscriptions/records", Headers: h(alice),
			Body: strings.NewReader(sub(testapp.AliceID, "http://10.0.0.1/x")), ExpectedStatus: 400, ExpectedContent: []string{`"validation_invalid_endpoint"`}},
		{Name: "same device twice refused", Method: http.MethodPost, URL: "/api/collections/push_subscriptions/records", Headers: h(alice),
			Body: strings.NewReader(sub(testapp.AliceID, ep)), ExpectedStatus: 400, ExpectedContent: []string{"validation_not_unique"}, TestAppFactory: withSub},
		{Name: "owner lists hers", Method: http.MethodGet, URL: "/api/collections/push_subscriptions/records", Headers: h(alice),
			ExpectedStatus: 200, ExpectedContent: []string{`"totalItems":1`, ep}, TestAppFactory: withSub},
		{Name: "other user sees none", Method: http.MethodGet, URL: "/api/collections/push_subscriptions/records", Headers: h(bob),
			ExpectedStatus: 200, ExpectedContent: []string{`"totalItems":0`}, NotExpectedContent: []string{ep}, TestAppFactory: withSub},
		{Name: "guest sees none", Method: http.MethodGet, URL: "/api/collections/push_subscriptions/records",
			ExpectedStatus: 200, ExpectedContent: []string{`"totalItems":0`}, NotExpectedContent: []string{ep}, TestAppFactory: withSub},
		{Name: "deleting the user deletes her devices", Method: http.MethodDelete, URL: "/api/collections/users/records/" + testapp.AliceID, Headers: h(alice),
			ExpectedStatus: 204, TestAppFactory: withSub,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, _ *http.Response) {
				if n, _ := app.CountRecords("push_subscriptions"); n != 0 {
					t.Errorf("%d subscriptions outlived their user", n)
				}
			}},
	}
	for _, s := range scenarios {
		if s.TestAppFactory == nil {
			s.TestAppFactory = testapp.WorldFactory
		}
		s.Test(t)
	}
}

package hooks_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/mend-app/mend/internal/testapp"
)

// shareBoth gives alice's and bob's seeded reports a live share link.
func shareBoth(t testing.TB, app *tests.TestApp) {
	t.Helper()
	for _, who := range []string{"alice", "bob"} {
		rec, err := app.FindRecordById("reports", testapp.RecordID(who, "reports"))
		if err != nil {
			t.Fatal(err)
		}
		rec.Set("share_token", who+"-hash")
		rec.Set("share_expires", reportNow().Add(72*time.Hour))
		if err := app.Save(rec); err != nil {
			t.Fatal(err)
		}
	}
}

// shared reports whether who's seeded report still has a share link.
func shared(t testing.TB, app core.App, who string) bool {
	t.Helper()
	rec, err := app.FindRecordById("reports", testapp.RecordID(who, "reports"))
	if err != nil {
		t.Fatal(err)
	}
	return rec.GetString("share_token") != ""
}

// DELETE /api/mend/reports/shares revokes every link of the signed-in user
// and only hers; a guest gets 401 and nothing changes.
func TestRevokeAllSharesScenarios(t *testing.T) {
	t.Parallel()
	aliceToken, bobToken := testapp.Tokens(t)
	const url = "/api/mend/reports/shares"
	after := func(aliceShared, bobShared bool) func(testing.TB, *tests.TestApp, *http.Response) {
		return func(t testing.TB, app *tests.TestApp, _ *http.Response) {
			if got := shared(t, app, "alice"); got != aliceShared {
				t.Errorf("alice's link live = %v, want %v", got, aliceShared)
			}
			if got := shared(t, app, "bob"); got != bobShared {
				t.Errorf("bob's link live = %v, want %v", got, bobShared)
			}
		}
	}
	scenarios := []tests.ApiScenario{
		{Name: "owner", Headers: map[string]string{"Authorization": aliceToken},
			ExpectedStatus: 200, ExpectedContent: []string{`"revoked":1`}, AfterTestFunc: after(false, true)},
		{Name: "other user revokes only their own", Headers: map[string]string{"Authorization": bobToken},
			ExpectedStatus: 200, ExpectedContent: []string{`"revoked":1`}, NotExpectedContent: []string{testapp.AliceSecret}, AfterTestFunc: after(true, false)},
		{Name: "guest", ExpectedStatus: 401, NotExpectedContent: []string{testapp.AliceSecret}, AfterTestFunc: after(true, true)},
	}
	for _, s := range scenarios {
		s.Method = http.MethodDelete
		s.URL = url
		s.TestAppFactory = reportWorld
		s.BeforeTestFunc = func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) { shareBoth(t, app) }
		s.Test(t)
	}

	// Nothing shared: nothing to revoke, still a clear answer.
	s := tests.ApiScenario{Name: "none shared", Method: http.MethodDelete, URL: url, Headers: map[string]string{"Authorization": aliceToken},
		ExpectedStatus: 200, ExpectedContent: []string{`"revoked":0`}, TestAppFactory: reportWorld}
	s.Test(t)
}

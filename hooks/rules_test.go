package hooks_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/mend-app/mend/internal/testapp"
)

// perUser lists every per-user collection and a valid create body (without
// user) so the rules, not validation, decide each scenario.
var perUser = []struct {
	name     string
	body     string
	writable bool // false: only hooks or Mend routes write it
}{
	{"entries", `"day":"2026-11-21"`, true},
	{"pain_scores", `"day":"2026-11-21","score":3`, true},
	{"mood_scores", `"day":"2026-11-21","score":3`, true},
	{"stress_scores", `"day":"2026-11-21","score":3`, true},
	{"flareups", `"start_day":"2026-11-21","end_day":"2026-11-21","peak":7,"baseline":3`, false},
	{"reports", `"from_day":"2026-11-01","to_day":"2026-11-21","format":"csv"`, false},
}

func worldFactory() func(testing.TB) *tests.TestApp { return testapp.WorldFactory }

func TestPerUserRules(t *testing.T) {
	t.Parallel()
	aliceToken, bobToken := testapp.Tokens(t)
	alice := map[string]string{"Authorization": aliceToken}
	bob := map[string]string{"Authorization": bobToken}
	var scenarios []tests.ApiScenario
	for _, c := range perUser {
		base := "/api/collections/" + c.name + "/records"
		aliceRec := testapp.RecordID("alice", c.name)
		bobRec := testapp.RecordID("bob", c.name)
		hideBob := []string{testapp.BobSecret, bobRec}
		hideAlice := []string{testapp.AliceSecret, aliceRec}
		otherFilter := "?filter=" + url.QueryEscape("user='"+testapp.BobID+"'")
		scenarios = append(scenarios,
			tests.ApiScenario{Name: c.name + " list owner", Method: http.MethodGet, URL: base, Headers: alice,
				ExpectedStatus: 200, ExpectedContent: []string{aliceRec, `"totalItems":1`}, NotExpectedContent: hideBob},
			tests.ApiScenario{Name: c.name + " list other user", Method: http.MethodGet, URL: base, Headers: bob,
				ExpectedStatus: 200, ExpectedContent: []string{bobRec}, NotExpectedContent: hideAlice},
			tests.ApiScenario{Name: c.name + " list guest", Method: http.MethodGet, URL: base,
				ExpectedStatus: 200, ExpectedContent: []string{`"totalItems":0`}, NotExpectedContent: append(hideAlice, hideBob...)},
			tests.ApiScenario{Name: c.name + " list filtered on another user", Method: http.MethodGet, URL: base + otherFilter, Headers: alice,
				ExpectedStatus: 200, ExpectedContent: []string{`"totalItems":0`}, NotExpectedContent: hideBob},
			tests.ApiScenario{Name: c.name + " list expand user", Method: http.MethodGet, URL: base + "?expand=user", Headers: alice,
				ExpectedStatus: 200, ExpectedContent: []string{aliceRec, testapp.AliceID}, NotExpectedContent: append(hideBob, testapp.BobID)},
			tests.ApiScenario{Name: c.name + " view owner", Method: http.MethodGet, URL: base + "/" + aliceRec, Headers: alice,
				ExpectedStatus: 200, ExpectedContent: []string{aliceRec}},
			tests.ApiScenario{Name: c.name + " view other user", Method: http.MethodGet, URL: base + "/" + aliceRec, Headers: bob,
				ExpectedStatus: 404, NotExpectedContent: hideAlice},
			tests.ApiScenario{Name: c.name + " view guest", Method: http.MethodGet, URL: base + "/" + aliceRec,
				ExpectedStatus: 404, NotExpectedContent: hideAlice},
			tests.ApiScenario{Name: c.name + " create for another user", Method: http.MethodPost, URL: base, Headers: alice,
				Body: strings.NewReader(`{"user":"` + testapp.BobID + `",` + c.body + `}`), ExpectedStatus: statusIf(c.writable, 400, 403),
				NotExpectedContent: hideBob, TestAppFactory: worldFactory()},
			tests.ApiScenario{Name: c.name + " create guest", Method: http.MethodPost, URL: base,
				Body: strings.NewReader(`{"user":"` + testapp.AliceID + `",` + c.body + `}`), ExpectedStatus: statusIf(c.writable, 400, 403),
				NotExpectedContent: hideAlice, TestAppFactory: worldFactory()},
			tests.ApiScenario{Name: c.name + " update other user", Method: http.MethodPatch, URL: base + "/" + aliceRec, Headers: bob,
				Body: strings.NewReader(`{}`), ExpectedStatus: statusIf(c.writable, 404, 403), NotExpectedContent: hideAlice, TestAppFactory: worldFactory()},
			tests.ApiScenario{Name: c.name + " move record to another user", Method: http.MethodPatch, URL: base + "/" + aliceRec, Headers: alice,
				Body: strings.NewReader(`{"user":"` + testapp.BobID + `"}`), ExpectedStatus: statusIf(c.writable, 404, 403),
				NotExpectedContent: hideBob, TestAppFactory: worldFactory()},
			tests.ApiScenario{Name: c.name + " delete other user", Method: http.MethodDelete, URL: base + "/" + aliceRec, Headers: bob,
				ExpectedStatus: statusIf(c.name != "flareups", 404, 403), NotExpectedContent: hideAlice, TestAppFactory: worldFactory()},
			tests.ApiScenario{Name: c.name + " delete guest", Method: http.MethodDelete, URL: base + "/" + aliceRec,
				ExpectedStatus: statusIf(c.name != "flareups", 404, 403), NotExpectedContent: hideAlice, TestAppFactory: worldFactory()},
		)
		if c.writable {
			scenarios = append(scenarios,
				tests.ApiScenario{Name: c.name + " create owner", Method: http.MethodPost, URL: base, Headers: alice,
					Body: strings.NewReader(`{"user":"` + testapp.AliceID + `",` + c.body + `}`), ExpectedStatus: 200,
					ExpectedContent: []string{testapp.AliceID}, TestAppFactory: worldFactory()},
				tests.ApiScenario{Name: c.name + " update owner keeping user", Method: http.MethodPatch, URL: base + "/" + aliceRec, Headers: alice,
					Body: strings.NewReader(`{"user":"` + testapp.AliceID + `"}`), ExpectedStatus: 200,
					ExpectedContent: []string{aliceRec}, TestAppFactory: worldFactory()},
				tests.ApiScenario{Name: c.name + " delete owner", Method: http.MethodDelete, URL: base + "/" + aliceRec, Headers: alice,
					ExpectedStatus: 204, TestAppFactory: worldFactory()},
			)
		} else {
			scenarios = append(scenarios, tests.ApiScenario{Name: c.name + " delete owner", Method: http.MethodDelete,
				URL: base + "/" + aliceRec, Headers: alice, ExpectedStatus: statusIf(c.name == "reports", 204, 403), NotExpectedContent: hideBob,
				TestAppFactory: worldFactory()})
		}
	}
	scenarios = append(scenarios,
		tests.ApiScenario{Name: "users view other user", Method: http.MethodGet, URL: "/api/collections/users/records/" + testapp.AliceID,
			Headers: bob, ExpectedStatus: 404, NotExpectedContent: []string{testapp.AliceEmail}},
		tests.ApiScenario{Name: "users list as other user", Method: http.MethodGet, URL: "/api/collections/users/records",
			Headers: bob, ExpectedStatus: 200, ExpectedContent: []string{testapp.BobID}, NotExpectedContent: []string{testapp.AliceID}},
		tests.ApiScenario{Name: "users expand back-relation of another user", Method: http.MethodGet,
			URL: "/api/collections/users/records/" + testapp.AliceID + "?expand=pain_scores_via_user", Headers: bob,
			ExpectedStatus: 404, NotExpectedContent: []string{testapp.AliceSecret}},
		tests.ApiScenario{Name: "users own back-relation expand shows only own", Method: http.MethodGet,
			URL: "/api/collections/users/records/" + testapp.BobID + "?expand=pain_scores_via_user", Headers: bob,
			ExpectedStatus: 200, ExpectedContent: []string{testapp.BobSecret}, NotExpectedContent: []string{testapp.AliceSecret}},
		tests.ApiScenario{Name: "users update other user", Method: http.MethodPatch, URL: "/api/collections/users/records/" + testapp.AliceID,
			Headers: bob, Body: strings.NewReader(`{"name":"x"}`), ExpectedStatus: 404, NotExpectedContent: []string{testapp.AliceEmail},
			TestAppFactory: worldFactory()},
		tests.ApiScenario{Name: "filter probing another user's notes through @collection", Method: http.MethodGet,
			URL:     "/api/collections/articles/records?filter=" + url.QueryEscape(`@collection.pain_scores.note ?~ "`+testapp.AliceSecret+`"`),
			Headers: bob, ExpectedStatus: 403, NotExpectedContent: []string{testapp.AliceSecret}},
		tests.ApiScenario{Name: "filter probing another user's notes through @collection as guest", Method: http.MethodGet,
			URL:            "/api/collections/exercises/records?filter=" + url.QueryEscape(`@collection.entries.notes ?~ "`+testapp.AliceSecret+`"`),
			ExpectedStatus: 403, NotExpectedContent: []string{testapp.AliceSecret}},
	)
	for _, s := range scenarios {
		if s.TestAppFactory == nil {
			s.TestAppFactory = worldFactory()
		}
		s.Test(t)
	}
}

func statusIf(cond bool, yes, no int) int {
	if cond {
		return yes
	}
	return no
}

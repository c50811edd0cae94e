package hooks_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/mend-app/mend/internal/testapp"
)

func TestExportRoute(t *testing.T) {
	t.Parallel()
	aliceToken, bobToken := testapp.Tokens(t)
	var aliceIDs []string
	for _, c := range []string{"entries", "pain_scores", "mood_scores", "stress_scores", "flareups", "reports"} {
		aliceIDs = append(aliceIDs, testapp.RecordID("alice", c))
	}
	// Hidden fields never leave: the password hash, the token key and a
	// report's share-token hash.
	hidden := []string{`"password"`, `"tokenKey"`, `"share_token"`, "fixed-token-key"}
	scenarios := []tests.ApiScenario{
		{Name: "owner", Method: http.MethodGet, URL: "/api/mend/export", Headers: map[string]string{"Authorization": aliceToken},
			ExpectedStatus: 200, ExpectedContent: append([]string{testapp.AliceSecret, testapp.AliceEmail, `"kind":"mend-export"`, `"timezone":"Europe/Berlin"`}, aliceIDs...),
			NotExpectedContent: append([]string{testapp.BobSecret, testapp.BobID}, hidden...),
			AfterTestFunc:      wantHeaders(map[string]string{"Content-Disposition": `attachment; filename="mend-export-2026-11-24.json"`, "Cache-Control": "no-store"})},
		{Name: "other user", Method: http.MethodGet, URL: "/api/mend/export", Headers: map[string]string{"Authorization": bobToken},
			ExpectedStatus: 200, ExpectedContent: []string{testapp.BobSecret, testapp.BobEmail},
			NotExpectedContent: append(append([]string{testapp.AliceSecret, testapp.AliceID, testapp.AliceEmail}, aliceIDs...), hidden...)},
		{Name: "guest", Method: http.MethodGet, URL: "/api/mend/export", ExpectedStatus: 401,
			NotExpectedContent: []string{testapp.AliceSecret, testapp.BobSecret}},
	}
	for _, s := range scenarios {
		s.TestAppFactory = reportWorld
		s.Test(t)
	}
}

// The export is one JSON object with a list per collection, at top level.
func TestExportShape(t *testing.T) {
	t.Parallel()
	aliceToken, _ := testapp.Tokens(t)
	body, res := getURL(t, router(t, reportWorld(t)), "/api/mend/export", aliceToken)
	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"entries", "pain_scores", "mood_scores", "stress_scores", "flareups", "reports"} {
		var list []map[string]any
		if err := json.Unmarshal(doc[key], &list); err != nil || len(list) != 1 {
			t.Errorf("%s = %s, want a list of Alice's one record", key, doc[key])
		}
	}
	var user map[string]any
	if err := json.Unmarshal(doc["user"], &user); err != nil || user["id"] != testapp.AliceID {
		t.Errorf("user = %s", doc["user"])
	}
	if !strings.Contains(string(doc["exported"]), "2026-11-24T10:00:00Z") {
		t.Errorf("exported = %s", doc["exported"])
	}
}

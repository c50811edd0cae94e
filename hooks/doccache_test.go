package hooks_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/mend-app/mend/internal/charts"
	"github.com/mend-app/mend/internal/testapp"
)

// serveOne sends one request through mux (see router) and returns status
// and body; unlike an ApiScenario, the app and its cache live on between
// calls.
func serveOne(t *testing.T, mux http.Handler, method, url, token, body string) (int, string) {
	t.Helper()
	b, res := request(t, mux, method, url, token, body)
	return res.StatusCode, string(b)
}

// painOn returns the pain_peak of day in an insights document.
func painOn(t *testing.T, body, day string) any {
	t.Helper()
	var doc struct {
		Days []struct {
			Day      string `json:"day"`
			PainPeak any    `json:"pain_peak"`
		} `json:"days"`
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatalf("insights: %v\n%s", err, body)
	}
	for _, d := range doc.Days {
		if d.Day == day {
			return d.PainPeak
		}
	}
	t.Fatalf("no %s in the document", day)
	return nil
}

// The insights screen's requests share one computed document, yet every
// committed write shows at once: a create, an update, a delete, a batch
// and a profile change each change the next answer. Charts built from the
// shared document leave it as it was, and one user's document never
// reaches another.
func TestInsightsDocumentCacheFollowsWrites(t *testing.T) {
	t.Parallel()
	app := testapp.NewWith(t, testapp.Options{Seed: "world", Now: fixedNow})
	mux := router(t, app)
	aliceToken, bobToken := testapp.Tokens(t)
	const url = "/api/mend/insights?from=2026-11-01&to=2026-11-24"
	get := func(token string) string {
		t.Helper()
		code, body := serveOne(t, mux, http.MethodGet, url, token, "")
		if code != http.StatusOK {
			t.Fatalf("GET insights: %d %s", code, body)
		}
		return body
	}

	first := get(aliceToken)
	if painOn(t, first, "2026-11-22") != nil {
		t.Fatal("the seeded world already has pain on 2026-11-22")
	}
	for _, name := range charts.Names {
		if code, body := serveOne(t, mux, http.MethodGet, "/api/mend/charts/"+name+"?from=2026-11-01&to=2026-11-24", aliceToken, ""); code != http.StatusOK {
			t.Fatalf("chart %s: %d %s", name, code, body)
		}
	}
	if again := get(aliceToken); again != first {
		t.Error("the document changed after the charts were built from it")
	}
	if bob := get(bobToken); strings.Contains(bob, testapp.AliceSecret) || bob == first {
		t.Error("Bob was served Alice's document")
	}

	code, body := serveOne(t, mux, http.MethodPost, "/api/collections/pain_scores/records", aliceToken,
		`{"user":"`+testapp.AliceID+`","day":"2026-11-22","score":9}`)
	if code != http.StatusOK {
		t.Fatalf("create: %d %s", code, body)
	}
	if got := painOn(t, get(aliceToken), "2026-11-22"); got != 9.0 {
		t.Fatalf("after a create, pain on 2026-11-22 = %v, want 9", got)
	}
	var rec struct{ ID string }
	json.Unmarshal([]byte(body), &rec)

	if code, body := serveOne(t, mux, http.MethodPatch, "/api/collections/pain_scores/records/"+rec.ID, aliceToken, `{"score":4}`); code != http.StatusOK {
		t.Fatalf("update: %d %s", code, body)
	}
	if got := painOn(t, get(aliceToken), "2026-11-22"); got != 4.0 {
		t.Fatalf("after an update, pain on 2026-11-22 = %v, want 4", got)
	}

	batch := `{"requests":[{"method":"POST","url":"/api/collections/pain_scores/records","body":{"user":"` + testapp.AliceID + `","day":"2026-11-22","score":7}}]}`
	if code, body := serveOne(t, mux, http.MethodPost, "/api/batch", aliceToken, batch); code != http.StatusOK {
		t.Fatalf("batch: %d %s", code, body)
	}
	if got := painOn(t, get(aliceToken), "2026-11-22"); got != 7.0 {
		t.Fatalf("after a batch create, pain on 2026-11-22 = %v, want 7", got)
	}

	if code, body := serveOne(t, mux, http.MethodDelete, "/api/collections/pain_scores/records/"+rec.ID, aliceToken, ""); code != http.StatusNoContent {
		t.Fatalf("delete: %d %s", code, body)
	}
	if got := painOn(t, get(aliceToken), "2026-11-22"); got != 7.0 {
		t.Fatalf("after deleting the 4, pain on 2026-11-22 = %v, want the batch's 7", got)
	}

	before := get(aliceToken)
	if code, body := serveOne(t, mux, http.MethodPatch, "/api/collections/users/records/"+testapp.AliceID, aliceToken, `{"delivery_date":"2026-06-01"}`); code != http.StatusOK {
		t.Fatalf("profile: %d %s", code, body)
	}
	if after := get(aliceToken); after == before || !strings.Contains(after, `"weeks_postpartum":25`) {
		t.Errorf("after a new delivery date the document still says %s", before[strings.Index(before, `"weeks_postpartum"`):][:24])
	}
}

package hooks_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/mend-app/mend/internal/testapp"
)

func TestValidationThroughAPI(t *testing.T) {
	t.Parallel()
	aliceToken, _ := testapp.Tokens(t)
	alice := map[string]string{"Authorization": aliceToken}
	// Alice lives in Berlin; this clock is 23:30 UTC on the 24th, already the
	// 25th for her, so "2026-11-25" is today for her and not in the future.
	now := func() time.Time { return time.Date(2026, 11, 24, 23, 30, 0, 0, time.UTC) }
	factory := func(t testing.TB) *tests.TestApp {
		return testapp.NewWith(t, testapp.Options{Seed: "world", Now: now})
	}
	u := `"user":"` + testapp.AliceID + `",`
	scenarios := []struct {
		name, collection, body, field, code string
	}{
		{"pain missing score", "pain_scores", `{` + u + `"day":"2026-11-24"}`, "score", "validation_required"},
		{"pain null score", "pain_scores", `{` + u + `"day":"2026-11-24","score":null}`, "score", "validation_required"},
		{"pain 11", "pain_scores", `{` + u + `"day":"2026-11-24","score":11}`, "score", "validation_out_of_range"},
		{"pain 2.5", "pain_scores", `{` + u + `"day":"2026-11-24","score":2.5}`, "score", ""},
		{"pain string score", "pain_scores", `{` + u + `"day":"2026-11-24","score":"lots"}`, "score", ""},
		{"pain impossible day", "pain_scores", `{` + u + `"day":"2026-02-30","score":3}`, "day", "validation_invalid_day"},
		{"pain day after her today", "pain_scores", `{` + u + `"day":"2026-11-26","score":3}`, "day", "validation_day_in_future"},
		{"pain unknown area", "pain_scores", `{` + u + `"day":"2026-11-24","score":3,"areas":["knee"]}`, "areas", ""},
		{"pain unknown activity", "pain_scores", `{` + u + `"day":"2026-11-24","score":3,"activity":"running"}`, "activity", ""},
		{"pain long note", "pain_scores", `{` + u + `"day":"2026-11-24","score":3,"note":"` + strings.Repeat("a", 2001) + `"}`, "note", ""},
		{"mood 0", "mood_scores", `{` + u + `"day":"2026-11-24","score":0}`, "score", "validation_out_of_range"},
		{"mood missing", "mood_scores", `{` + u + `"day":"2026-11-24"}`, "score", "validation_required"},
		{"stress 11", "stress_scores", `{` + u + `"day":"2026-11-24","score":11}`, "score", "validation_out_of_range"},
		{"entry sleep 25", "entries", `{` + u + `"day":"2026-11-24","sleep_hours":25}`, "sleep_hours", ""},
		{"entry sleep 6.1", "entries", `{` + u + `"day":"2026-11-24","sleep_hours":6.1}`, "sleep_hours", "validation_sleep_hours_step"},
		{"entry quality 9", "entries", `{` + u + `"day":"2026-11-24","sleep_quality":9}`, "sleep_quality", ""},
		{"entry wakings -1", "entries", `{` + u + `"day":"2026-11-24","night_wakings":-1}`, "night_wakings", ""},
		{"entry unknown relief", "entries", `{` + u + `"day":"2026-11-24","relief":["wine"]}`, "relief", ""},
		{"entry unknown red flag", "entries", `{` + u + `"day":"2026-11-24","red_flags":["headache"]}`, "red_flags", ""},
		{"entry long notes", "entries", `{` + u + `"day":"2026-11-24","notes":"` + strings.Repeat("b", 5001) + `"}`, "notes", ""},
		{"entry duplicate day", "entries", `{` + u + `"day":"2026-11-20"}`, "day", ""},
		{"entry bad day form", "entries", `{` + u + `"day":"24/11/2026"}`, "day", ""},
	}
	var all []tests.ApiScenario
	for _, s := range scenarios {
		want := []string{`"` + s.field + `":{`}
		if s.code != "" {
			want = append(want, `"code":"`+s.code+`"`)
		}
		all = append(all, tests.ApiScenario{
			Name: s.name, Method: http.MethodPost, URL: "/api/collections/" + s.collection + "/records",
			Headers: alice, Body: strings.NewReader(s.body), ExpectedStatus: 400, ExpectedContent: want,
			TestAppFactory: factory,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				n, err := app.CountRecords(s.collection)
				if err != nil || n != 2 {
					t.Errorf("%s holds %d records (err %v), want the 2 seeded: nothing invalid is stored", s.collection, n, err)
				}
			},
		})
	}
	all = append(all,
		tests.ApiScenario{Name: "pain 0 is stored", Method: http.MethodPost, URL: "/api/collections/pain_scores/records",
			Headers: alice, Body: strings.NewReader(`{` + u + `"day":"2026-11-25","score":0}`), ExpectedStatus: 200,
			ExpectedContent: []string{`"score":0`}, TestAppFactory: factory},
		// 00:30 in Berlin is still the night of the 24th.
		tests.ApiScenario{Name: "pain without day is filed under the logical day", Method: http.MethodPost,
			URL: "/api/collections/pain_scores/records", Headers: alice, Body: strings.NewReader(`{` + u + `"score":4}`),
			ExpectedStatus: 200, ExpectedContent: []string{`"day":"2026-11-24"`, `"at":"2026-11-24 23:30:00.000Z"`}, TestAppFactory: factory},
		tests.ApiScenario{Name: "user with a bad time zone", Method: http.MethodPatch, URL: "/api/collections/users/records/" + testapp.AliceID,
			Headers: alice, Body: strings.NewReader(`{"timezone":"Mars/Olympus"}`), ExpectedStatus: 400,
			ExpectedContent: []string{`"timezone":{`, `"validation_invalid_timezone"`}, TestAppFactory: factory},
		tests.ApiScenario{Name: "user with a future delivery date", Method: http.MethodPatch, URL: "/api/collections/users/records/" + testapp.AliceID,
			Headers: alice, Body: strings.NewReader(`{"delivery_date":"2026-12-01"}`), ExpectedStatus: 400,
			ExpectedContent: []string{`"delivery_date":{`, `"validation_day_in_future"`}, TestAppFactory: factory},
		tests.ApiScenario{Name: "user with a bad delivery type", Method: http.MethodPatch, URL: "/api/collections/users/records/" + testapp.AliceID,
			Headers: alice, Body: strings.NewReader(`{"delivery_type":"forceps"}`), ExpectedStatus: 400,
			ExpectedContent: []string{`"delivery_type":{`}, TestAppFactory: factory},
		tests.ApiScenario{Name: "sign-up without a zone gets UTC", Method: http.MethodPost, URL: "/api/collections/users/records",
			Body:           strings.NewReader(`{"email":"new@example.com","password":"long enough pw","passwordConfirm":"long enough pw"}`),
			ExpectedStatus: 200, ExpectedContent: []string{`"timezone":"UTC"`}, TestAppFactory: factory},
		tests.ApiScenario{Name: "malformed JSON", Method: http.MethodPost, URL: "/api/collections/pain_scores/records",
			Headers: alice, Body: strings.NewReader(`{"user":`), ExpectedStatus: 400, NotExpectedContent: []string{"panic", "goroutine"}, TestAppFactory: factory},
	)
	for _, s := range all {
		s.Test(t)
	}
}

// Go saves (imports, tools, migrations) pass the same rules as the API.
func TestValidationOnGoSave(t *testing.T) {
	t.Parallel()
	app := testapp.NewWorld(t)
	scenarios := []struct {
		collection string
		fields     map[string]any
	}{
		{"pain_scores", map[string]any{"day": "2026-02-30", "score": 3}},
		{"pain_scores", map[string]any{"day": "2099-01-01", "score": 3}},
		{"mood_scores", map[string]any{"day": "2026-11-01", "score": 7}},
		{"entries", map[string]any{"day": "2026-11-02", "sleep_hours": 7.3}},
	}
	for _, s := range scenarios {
		c, err := app.FindCollectionByNameOrId(s.collection)
		if err != nil {
			t.Fatal(err)
		}
		r := core.NewRecord(c)
		r.Load(s.fields)
		r.Set("user", testapp.AliceID)
		if err := app.Save(r); err == nil {
			t.Errorf("%s %v was saved, want a validation error", s.collection, s.fields)
		}
	}
}

// An update may leave the score out, but never replace it with nothing:
// null, "" or text would otherwise be stored as 0 ("no pain").
func TestScoreUpdates(t *testing.T) {
	t.Parallel()
	aliceToken, _ := testapp.Tokens(t)
	alice := map[string]string{"Authorization": aliceToken}
	url := "/api/collections/pain_scores/records/" + testapp.RecordID("alice", "pain_scores")
	scenarios := []struct {
		name, body string
		status     int
		want       string
	}{
		{"note only keeps the score", `{"note":"later"}`, 200, `"score":6`},
		{"new score", `{"score":2}`, 200, `"score":2`},
		{"zero is a real answer", `{"score":0}`, 200, `"score":0`},
		{"null", `{"score":null}`, 400, `"score":{`},
		{"empty string", `{"score":""}`, 400, `"score":{`},
		{"text", `{"score":"abc"}`, 400, `"score":{`},
	}
	for _, s := range scenarios {
		(&tests.ApiScenario{Name: s.name, Method: http.MethodPatch, URL: url, Headers: alice,
			Body: strings.NewReader(s.body), ExpectedStatus: s.status, ExpectedContent: []string{s.want},
			TestAppFactory: testapp.WorldFactory,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				r, err := app.FindRecordById("pain_scores", testapp.RecordID("alice", "pain_scores"))
				if err != nil {
					t.Fatal(err)
				}
				if s.status != 200 && r.GetInt("score") != 6 {
					t.Errorf("a refused update changed the score to %d", r.GetInt("score"))
				}
			}}).Test(t)
	}
}

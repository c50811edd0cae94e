package hooks_test

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/mend-app/mend/internal/testapp"
)

// A reading back-filled for an earlier day without a time keeps no time
// and is exported with its day only; today's reading gets now; a time that
// lies outside its logical day (4:00 to 4:00 in the user's zone) is refused.
// Alice lives in Europe/Berlin; reportNow is 2026-11-24 11:00 there.
func TestBackfilledReadingsKeepTheirDay(t *testing.T) {
	t.Parallel()
	app := testapp.NewWith(t, testapp.Options{Seed: "world", Now: reportNow})
	mux := router(t, app)
	alice, _ := testapp.Tokens(t)
	create := func(collection, body string) (map[string]any, int, string) {
		b, res := request(t, mux, http.MethodPost, "/api/collections/"+collection+"/records", alice,
			`{"user":"`+testapp.AliceID+`",`+body+`}`)
		var rec map[string]any
		_ = json.Unmarshal(b, &rec)
		return rec, res.StatusCode, string(b)
	}

	for _, c := range []string{"pain_scores", "mood_scores", "stress_scores"} {
		rec, code, body := create(c, `"day":"2026-11-18","score":3,"note":"backfilled"`)
		if code != 200 || rec["at"] != "" {
			t.Errorf("%s back-filled without a time = %d, at %q, want no time: %s", c, code, rec["at"], body)
		}
	}
	rec, code, body := create("pain_scores", `"day":"2026-11-24","score":4`)
	if code != 200 || !strings.HasPrefix(rec["at"].(string), "2026-11-24 10:00:00") {
		t.Errorf("today's reading without a time = %d %s, want now", code, body)
	}
	rec, code, body = create("pain_scores", `"score":5`)
	if code != 200 || rec["day"] != "2026-11-24" || rec["at"] == "" {
		t.Errorf("a reading with neither day nor time = %d %s, want today and now", code, body)
	}
	// 03:30 in Berlin on the 19th is still the night of the 18th.
	if _, code, body := create("pain_scores", `"day":"2026-11-18","at":"2026-11-19 02:30:00.000Z","score":6`); code != 200 {
		t.Errorf("a night-feed time on its logical day = %d %s", code, body)
	}
	for _, at := range []string{"2026-11-24 10:00:00.000Z", "2026-11-19 03:00:00.000Z", "2026-11-18 02:59:00.000Z"} {
		_, code, body := create("pain_scores", `"day":"2026-11-18","at":"`+at+`","score":6`)
		if code != 400 || !strings.Contains(body, `"at":{"code":"validation_at_outside_day"`) {
			t.Errorf("at %s for 2026-11-18 = %d %s, want 400 validation_at_outside_day", at, code, body)
		}
	}
	b, res := request(t, mux, http.MethodPatch, "/api/collections/pain_scores/records/"+testapp.RecordID("alice", "pain_scores"), alice,
		`{"at":"2026-11-24 10:00:00.000Z"}`)
	if res.StatusCode != 400 || !strings.Contains(string(b), "validation_at_outside_day") {
		t.Errorf("moving a reading's time off its day = %d %s", res.StatusCode, b)
	}

	// Exports: the CSV row has no time, FHIR dates it by its day only.
	csvOut, _ := request(t, mux, http.MethodGet, "/api/mend/report?from=2026-11-18&to=2026-11-18&format=csv", alice, "")
	if !strings.Contains(string(csvOut), "pain,2026-11-18,,3,") || strings.Contains(string(csvOut), "2026-11-24") {
		t.Errorf("CSV dates the back-filled reading wrongly:\n%s", csvOut)
	}
	fhir, _ := request(t, mux, http.MethodGet, "/api/mend/report?from=2026-11-18&to=2026-11-18&format=fhir", alice, "")
	if !regexp.MustCompile(`"effectiveDateTime":\s*"2026-11-18"`).Match(fhir) ||
		regexp.MustCompile(`"effectiveDateTime":\s*"2026-11-24`).Match(fhir) {
		t.Errorf("FHIR dates the back-filled reading wrongly:\n%.3000s", fhir)
	}
}

// A reading's time is checked against its day in the zone the user has when
// the time or day is set, not on every later edit: after a move from Los
// Angeles to Berlin, her 21:00 pain of 2026-03-10 (06:00 on the 11th in
// Berlin) still takes a new note, while a new time is checked in Berlin.
func TestReadingEditAfterZoneChange(t *testing.T) {
	t.Parallel()
	app := testapp.NewWith(t, testapp.Options{Seed: "world", Now: reportNow})
	mux := router(t, app)
	alice, _ := testapp.Tokens(t)
	setZone := func(zone string) {
		t.Helper()
		b, res := request(t, mux, http.MethodPatch, "/api/collections/users/records/"+testapp.AliceID, alice, `{"timezone":"`+zone+`"}`)
		if res.StatusCode != 200 {
			t.Fatalf("zone %s = %d %s", zone, res.StatusCode, b)
		}
	}
	setZone("America/Los_Angeles")
	b, res := request(t, mux, http.MethodPost, "/api/collections/pain_scores/records", alice,
		`{"user":"`+testapp.AliceID+`","day":"2026-03-10","at":"2026-03-11 05:00:00.000Z","score":6}`)
	var rec map[string]any
	if err := json.Unmarshal(b, &rec); err != nil || res.StatusCode != 200 {
		t.Fatalf("21:00 in Los Angeles on 2026-03-10 = %d %s", res.StatusCode, b)
	}
	setZone("Europe/Berlin")
	url := "/api/collections/pain_scores/records/" + rec["id"].(string)
	for _, s := range []struct{ name, body, want string }{
		{"a new note", `{"note":"after the move"}`, ""},
		{"a new score and the same time", `{"score":4,"at":"2026-03-11 05:00:00.000Z","day":"2026-03-10"}`, ""},
		{"a new time", `{"at":"2026-03-11 05:30:00.000Z"}`, "validation_at_outside_day"},
		{"a new day", `{"day":"2026-03-09"}`, "validation_at_outside_day"},
	} {
		b, res := request(t, mux, http.MethodPatch, url, alice, s.body)
		switch {
		case s.want == "" && res.StatusCode != 200:
			t.Errorf("%s = %d %s, want 200", s.name, res.StatusCode, b)
		case s.want != "" && (res.StatusCode != 400 || !strings.Contains(string(b), s.want)):
			t.Errorf("%s = %d %s, want 400 %s", s.name, res.StatusCode, b, s.want)
		}
	}
}

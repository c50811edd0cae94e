package hooks_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/mend-app/mend/internal/testapp"
)

// A night without sleep (0 h) is logged, stored, filtered, analysed and
// exported as 0; "not logged" stays null; anything but null or a number of
// quarter hours from 0 to 24 is refused with a field code.
func TestSleepZeroIsNotNotLogged(t *testing.T) {
	t.Parallel()
	app := testapp.NewWith(t, testapp.Options{Seed: "world", Now: reportNow})
	mux := router(t, app)
	alice, _ := testapp.Tokens(t)
	post := func(day, sleep string) ([]byte, *http.Response) {
		return request(t, mux, http.MethodPost, "/api/collections/entries/records", alice,
			`{"user":"`+testapp.AliceID+`","day":"`+day+`","sleep_hours":`+sleep+`,"sleep_quality":1}`)
	}
	for _, c := range []struct{ day, sleep, want string }{
		{"2026-11-21", "0", `"sleep_hours":0`},
		{"2026-11-22", "null", `"sleep_hours":null`},
		{"2026-11-23", "7.25", `"sleep_hours":7.25`},
	} {
		b, res := post(c.day, c.sleep)
		if res.StatusCode != 200 || !strings.Contains(string(b), c.want) {
			t.Fatalf("sleep %s = %d %s, want %s", c.sleep, res.StatusCode, b, c.want)
		}
	}
	for sleep, code := range map[string]string{`"six"`: "validation_sleep_hours_type", `[1]`: "validation_sleep_hours_type",
		`24.5`: "validation_sleep_hours_range", `-0.25`: "validation_sleep_hours_range", `6.1`: "validation_sleep_hours_step"} {
		b, res := post("2026-11-19", sleep)
		if res.StatusCode != 400 || !strings.Contains(string(b), `"sleep_hours":{"code":"`+code+`"`) {
			t.Errorf("sleep %s = %d %s, want 400 %s", sleep, res.StatusCode, b, code)
		}
	}

	// Filters on sleep_hours still work from the API.
	for filter, want := range map[string][]string{
		"sleep_hours = 0":    {"2026-11-21"},
		"sleep_hours > 5":    {"2026-11-20", "2026-11-23"},
		"sleep_hours = null": {"2026-11-22"},
		"sleep_hours < 1":    {"2026-11-21"},
	} {
		b, res := request(t, mux, http.MethodGet, "/api/collections/entries/records?sort=day&filter="+url.QueryEscape(filter), alice, "")
		var list struct {
			Items []struct{ Day string } `json:"items"`
		}
		if err := json.Unmarshal(b, &list); err != nil || res.StatusCode != 200 {
			t.Fatalf("filter %q = %d %s", filter, res.StatusCode, b)
		}
		var got []string
		for _, it := range list.Items {
			got = append(got, it.Day)
		}
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("filter %q = %v, want %v", filter, got, want)
		}
	}

	// Insights read 0 as a night without sleep, null as not logged.
	b, _ := request(t, mux, http.MethodGet, "/api/mend/insights?from=2026-11-21&to=2026-11-22", alice, "")
	var doc struct {
		Days []struct {
			Day        string   `json:"day"`
			SleepHours *float64 `json:"sleep_hours"`
		} `json:"days"`
	}
	if err := json.Unmarshal(b, &doc); err != nil || len(doc.Days) != 2 {
		t.Fatalf("insights: %v %s", err, b)
	}
	if h := doc.Days[0].SleepHours; h == nil || *h != 0 {
		t.Errorf("insights sleep on the sleepless night = %v, want 0", h)
	}
	if doc.Days[1].SleepHours != nil {
		t.Errorf("insights sleep when not logged = %v, want null", *doc.Days[1].SleepHours)
	}

	// Exports carry the 0 and leave the unlogged night out.
	csvOut, _ := request(t, mux, http.MethodGet, "/api/mend/report?from=2026-11-21&to=2026-11-22&format=csv", alice, "")
	if !strings.Contains(string(csvOut), "sleep_hours,2026-11-21,,0,") {
		t.Errorf("CSV lacks the 0 h night:\n%s", csvOut)
	}
	if strings.Contains(string(csvOut), "sleep_hours,2026-11-22") {
		t.Errorf("CSV has sleep for a night not logged:\n%s", csvOut)
	}
	fhir, _ := request(t, mux, http.MethodGet, "/api/mend/report?from=2026-11-21&to=2026-11-21&format=fhir", alice, "")
	if !regexp.MustCompile(`"valueQuantity":\s*\{\s*"value":\s*0,`).Match(fhir) {
		t.Errorf("FHIR lacks the 0 h night:\n%.2000s", fhir)
	}
}

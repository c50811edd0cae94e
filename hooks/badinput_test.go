package hooks_test

import (
	"bytes"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"github.com/mend-app/mend/hooks"
	"github.com/mend-app/mend/internal/testapp"
)

// probe is one malformed request.
type probe struct {
	method, path, contentType string
	body                      []byte
}

// Malformed bodies for creates and updates: broken JSON, JSON that is not
// an object, wrong types, impossible values, unknown and system fields.
var badBodies = []string{
	`{`, `[]`, `"text"`, `null`, `123`, `{"user":`, "{\"score\":3}\x00",
	`{"user":"` + testapp.AliceID + `","day":123,"score":"high"}`,
	`{"user":"` + testapp.AliceID + `","day":"2026-11-21","score":[1,2]}`,
	`{"user":{"$ne":""},"day":"2026-11-21","score":{"$gt":1}}`,
	`{"user":"` + testapp.AliceID + `","day":"2026-02-30","score":3}`,
	`{"user":"` + testapp.AliceID + `","day":"9999-12-31","score":3}`,
	`{"user":"` + testapp.AliceID + `","day":"2026-11-21","score":1e309}`,
	`{"user":"` + testapp.AliceID + `","day":"2026-11-21","score":-0.5,"sleep_hours":-1,"peak":11}`,
	`{"user":"` + testapp.AliceID + `","day":"2026-11-21","score":3,"evil":"x","id":"../../etc/passwd","collectionId":"x"}`,
	`{"user":["` + testapp.AliceID + `","` + testapp.BobID + `"],"day":"2026-11-21","score":3}`,
	`{"user":"` + testapp.AliceID + `","day":"2026-11-21","score":3,"note":"\ud800"}`,
	`{"user":"` + testapp.AliceID + `","day":"2026-11-21","areas":"lower_back,wine","relief":["x"],"red_flags":7,"exercises":["nope"]}`,
	`{"email":"not-an-email","password":"x","passwordConfirm":"y","timezone":"../../etc/passwd","delivery_date":"2026-11-31","reminder_time":"25:99"}`,
	`{"start_day":"x","end_day":[],"links":"not json","file":"../../data.db","share_token":"mine","status":"live","published_at":"soon"}`,
}

// Ids that are not ids: path traversal, SQL and filter syntax, huge, unicode.
var badIDs = []string{
	url.PathEscape("../../etc/passwd"), url.PathEscape("..\\..\\data.db"), url.PathEscape("a' OR '1'='1"),
	url.PathEscape(`") || 1=1 || ("`), strings.Repeat("x", 5000), url.PathEscape("∂ƒ©"), "%00", "*",
}

// Query strings a list must turn away or ignore: filter syntax errors,
// hidden and unknown fields, missing relations, absurd paging.
var badQueries = []string{
	"filter=" + url.QueryEscape("("), "filter=" + url.QueryEscape("user = "), "filter=" + url.QueryEscape("score >>> 1"),
	"filter=" + url.QueryEscape("'unterminated"), "filter=" + url.QueryEscape("nope.deep.field = 1"),
	"filter=" + url.QueryEscape(strings.Repeat("(", 2000)), "filter=" + url.QueryEscape(strings.Repeat("id != '' && ", 500)+"1=1"),
	"sort=-share_token", "sort=password", "sort=nope", "sort=" + url.QueryEscape("@random,@rowid,,,-"),
	"expand=nope", "expand=user.nope.deep", "expand=" + url.QueryEscape(strings.Repeat("user.", 20)+"user"),
	"perPage=-1", "perPage=1000000000", "perPage=abc", "page=abc", "page=-5", "page=1000000000",
	"fields=" + url.QueryEscape("*,,,:excerpt(-1,x)"), "skipTotal=maybe",
}

// Mend's routes with malformed parameters.
func routeProbes(reportID string) []probe {
	var ps []probe
	get := func(path string) { ps = append(ps, probe{method: "GET", path: path}) }
	for _, q := range []string{"from=2026-13-01", "to=x", "from=" + strings.Repeat("9", 10000), "from=2026-11-20&to=2026-11-01",
		"from=1900-01-01&to=2026-11-24", "from=0000-00-00", "from=2026-11-01&from=2026-11-02", "to=" + url.QueryEscape("2026-11-24\x00")} {
		get("/api/mend/insights?" + q)
		get("/api/mend/charts/pain-trend?" + q)
		get("/api/mend/report?format=csv&" + q)
	}
	for _, name := range append(badIDs, "PAIN-TREND", "pain-trend.json") {
		get("/api/mend/charts/" + name)
		get("/r/" + name)
		ps = append(ps, probe{method: "DELETE", path: "/api/mend/reports/" + name + "/share"})
	}
	for _, q := range []string{"", "format=exe", "format=csv&notes=2", "format=" + strings.Repeat("h", 5000), "format[]=csv"} {
		get("/api/mend/report?" + q)
	}
	get("/api/mend/export?format=xml")
	get("/r/" + strings.Repeat("A", 43))
	ps = append(ps, probe{method: "DELETE", path: "/api/mend/reports/" + reportID + "/share"})
	for _, b := range append(badBodies, `{"format":"csv","share_days":31}`, `{"format":"csv","share_days":1.5}`,
		`{"format":"csv","share_days":"7"}`, `{"format":"csv","notes":"yes"}`, `{"format":"csv","from":"2026-11-20","to":"2026-11-01"}`,
		`{"format":"csv","share_day":7}`, `{"format":"csv","from":["x"]}`, `{"format":"csv","padding":"`+strings.Repeat("x", 8000)+`"}`) {
		ps = append(ps, probe{method: "POST", path: "/api/mend/reports", contentType: "application/json", body: []byte(b)})
	}
	return ps
}

// collectionProbes throws every malformed body, id and query at one
// collection's list, view, create, update and delete.
func collectionProbes(c, target string) []probe {
	base := "/api/collections/" + c + "/records"
	var ps []probe
	for _, b := range badBodies {
		ps = append(ps, probe{method: "POST", path: base, contentType: "application/json", body: []byte(b)},
			probe{method: "PATCH", path: base + "/" + target, contentType: "application/json", body: []byte(b)})
	}
	ps = append(ps,
		probe{method: "POST", path: base, contentType: "multipart/form-data", body: []byte("--x\r\n")},
		probe{method: "POST", path: base, contentType: "application/x-www-form-urlencoded", body: []byte("score=%zz&day=;;")},
		probe{method: "POST", path: base, contentType: "text/plain", body: []byte("score=3")})
	for _, id := range badIDs {
		for _, m := range []string{"GET", "PATCH", "DELETE"} {
			ps = append(ps, probe{method: m, path: base + "/" + id, contentType: "application/json", body: []byte(`{}`)})
		}
	}
	for _, q := range badQueries {
		ps = append(ps, probe{method: "GET", path: base + "?" + q})
	}
	return ps
}

// hugeBody is just over PocketBase's request body limit.
var hugeBody = []byte(`{"note":"` + strings.Repeat("a", int(apis.DefaultMaxBodySize)) + `"}`)

// TestBadInputNeverFails sends every probe as owner, other user and guest
// and requires a 4xx or a harmless 2xx, never a 5xx; a refused create
// stores nothing, and whatever a write did store passes validation.
func TestBadInputNeverFails(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	var ps []probe
	for c, fx := range fixtures {
		target := fx.target(t, w.app)
		ps = append(ps, collectionProbes(c, target)...)
		ps = append(ps, probe{method: "POST", path: "/api/collections/" + c + "/records", contentType: "application/json", body: hugeBody},
			probe{method: "PATCH", path: "/api/collections/" + c + "/records/" + target, contentType: "application/json", body: hugeBody})
	}
	ps = append(ps, routeProbes(testapp.RecordID("alice", "reports"))...)
	ps = append(ps, probe{method: "POST", path: "/api/mend/reports", contentType: "application/json", body: hugeBody})
	statuses := map[int]int{}
	for _, actor := range []string{"owner", "other", "guest"} {
		for _, p := range ps {
			statuses[checkProbe(t, w, actor, p)]++
		}
	}
	t.Logf("%d probes × 3 actors; answers by status: %v", len(ps), statuses)
}

func checkProbe(t *testing.T, w *world, actor string, p probe) int {
	t.Helper()
	name := actor + " " + p.method + " " + p.path
	if len(name) > 160 {
		name = name[:160] + "…"
	}
	before := countAll(t, w.app)
	req := httptest.NewRequest(p.method, p.path, bytes.NewReader(p.body))
	if p.contentType != "" {
		req.Header.Set("Content-Type", p.contentType)
	}
	if tok := w.tokens[actor]; tok != "" {
		req.Header.Set("Authorization", tok)
	}
	rec := httptest.NewRecorder()
	w.mux.ServeHTTP(rec, req)
	body := rec.Body.String()
	if rec.Code >= 500 {
		t.Errorf("%s (body %.80q): %d %.300s", name, p.body, rec.Code, body)
	}
	if strings.Contains(body, "goroutine ") || strings.Contains(body, "runtime error") {
		t.Errorf("%s: the answer shows a stack trace: %.300s", name, body)
	}
	after := countAll(t, w.app)
	if rec.Code/100 != 2 && p.method != "DELETE" {
		for c, n := range after {
			if n != before[c] {
				t.Errorf("%s was refused (%d) but %s went %d → %d", name, rec.Code, c, before[c], n)
			}
		}
	}
	if rec.Code/100 == 2 && (p.method == "POST" || p.method == "PATCH") && strings.HasPrefix(p.path, "/api/collections/") {
		revalidate(t, w.app, name, p.path, body)
	}
	return rec.Code
}

// revalidate reloads what a write stored and runs every validator on it,
// Mend's hooks included.
func revalidate(t *testing.T, app core.App, name, path, body string) {
	t.Helper()
	collection := strings.Split(path, "/")[3]
	id := between(body, `"id":"`, `"`)
	r, err := app.FindRecordById(collection, id)
	if err != nil {
		t.Errorf("%s: answered 2xx but record %q is not stored: %v", name, id, err)
		return
	}
	if err := app.Validate(r); err != nil {
		t.Errorf("%s: stored an invalid record %s: %v", name, id, err)
	}
}

// countAll counts every collection once the flare-up worker has settled:
// flare-ups follow accepted writes in the background.
func countAll(t *testing.T, app core.App) map[string]int64 {
	t.Helper()
	hooks.FlushFlareups(app)
	out := map[string]int64{}
	for c := range fixtures {
		n, err := app.CountRecords(c)
		if err != nil {
			t.Fatal(err)
		}
		out[c] = n
	}
	return out
}

func between(s, from, to string) string {
	_, rest, ok := strings.Cut(s, from)
	if !ok {
		return ""
	}
	v, _, _ := strings.Cut(rest, to)
	return v
}

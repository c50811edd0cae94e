package hooks_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"github.com/mend-app/mend/internal/testapp"
)

// Outcomes in the matrix. Every verb acts on one target record: Alice's own
// record in per-user collections, Alice herself in users, a published piece
// in articles and exercises. "owner" is Alice, "other" is Bob.
const (
	ok     = "ok"     // 2xx, and the target was read, created, changed or deleted
	hidden = "hidden" // 200 list that leaves the target out
	s400   = "400"    // PocketBase's answer to a create its rule refuses
	s403   = "403"    // superusers only
	s404   = "404"    // a view, update or delete rule refused: the record "does not exist"
)

// collectionMatrix is who may do what to each collection. Creates are for
// Alice's account (body user = Alice), so only Alice or a superuser may make
// them; flare-ups and reports are written by the server, never through the
// record API; the library is public to read and superuser-only to write.
var collectionMatrix = []struct {
	collection, verb               string
	owner, other, guest, superuser string
}{
	{"users", "list", ok, hidden, hidden, ok},
	{"users", "view", ok, s404, s404, ok},
	{"users", "create", ok, ok, ok, ok}, // sign-up is open to anyone
	{"users", "update", ok, s404, s404, ok},
	{"users", "delete", ok, s404, s404, ok},

	{"entries", "list", ok, hidden, hidden, ok},
	{"entries", "view", ok, s404, s404, ok},
	{"entries", "create", ok, s400, s400, ok},
	{"entries", "update", ok, s404, s404, ok},
	{"entries", "delete", ok, s404, s404, ok},

	{"pain_scores", "list", ok, hidden, hidden, ok},
	{"pain_scores", "view", ok, s404, s404, ok},
	{"pain_scores", "create", ok, s400, s400, ok},
	{"pain_scores", "update", ok, s404, s404, ok},
	{"pain_scores", "delete", ok, s404, s404, ok},

	{"mood_scores", "list", ok, hidden, hidden, ok},
	{"mood_scores", "view", ok, s404, s404, ok},
	{"mood_scores", "create", ok, s400, s400, ok},
	{"mood_scores", "update", ok, s404, s404, ok},
	{"mood_scores", "delete", ok, s404, s404, ok},

	{"stress_scores", "list", ok, hidden, hidden, ok},
	{"stress_scores", "view", ok, s404, s404, ok},
	{"stress_scores", "create", ok, s400, s400, ok},
	{"stress_scores", "update", ok, s404, s404, ok},
	{"stress_scores", "delete", ok, s404, s404, ok},

	{"flareups", "list", ok, hidden, hidden, ok},
	{"flareups", "view", ok, s404, s404, ok},
	{"flareups", "create", s403, s403, s403, ok},
	{"flareups", "update", s403, s403, s403, ok},
	{"flareups", "delete", s403, s403, s403, ok},

	{"reports", "list", ok, hidden, hidden, ok},
	{"reports", "view", ok, s404, s404, ok},
	{"reports", "create", s403, s403, s403, ok},
	{"reports", "update", s403, s403, s403, ok},
	{"reports", "delete", ok, s404, s404, ok}, // deleting your own stored report is allowed

	{"articles", "list", ok, ok, ok, ok},
	{"articles", "view", ok, ok, ok, ok},
	{"articles", "create", s403, s403, s403, ok},
	{"articles", "update", s403, s403, s403, ok},
	{"articles", "delete", s403, s403, s403, ok},

	{"exercises", "list", ok, ok, ok, ok},
	{"exercises", "view", ok, ok, ok, ok},
	{"exercises", "create", s403, s403, s403, ok},
	{"exercises", "update", s403, s403, s403, ok},
	{"exercises", "delete", s403, s403, s403, ok},
}

// fixture says how each verb reaches a collection: the target record, a
// valid create body (for Alice's account) and an update that sets field.
type fixture struct {
	target       func(t testing.TB, app core.App) string
	create       string
	update       string
	field, value string
}

func ownRecord(c string) func(testing.TB, core.App) string {
	return func(testing.TB, core.App) string { return testapp.RecordID("alice", c) }
}

func publishedPiece(c string) func(testing.TB, core.App) string {
	return func(t testing.TB, app core.App) string {
		r, err := app.FindFirstRecordByFilter(c, "status = 'published' && published_at != ''")
		if err != nil {
			t.Fatalf("no published %s: %v", c, err)
		}
		return r.Id
	}
}

const alice = `"user":"` + testapp.AliceID + `",`

var fixtures = map[string]fixture{
	"users": {func(testing.TB, core.App) string { return testapp.AliceID },
		`{"email":"carol@example.com","password":"a long password 1","passwordConfirm":"a long password 1"}`,
		`{"name":"Changed"}`, "name", "Changed"},
	"entries":       {ownRecord("entries"), `{` + alice + `"day":"2026-11-21"}`, `{"notes":"changed"}`, "notes", "changed"},
	"pain_scores":   {ownRecord("pain_scores"), `{` + alice + `"day":"2026-11-21","score":3}`, `{"note":"changed"}`, "note", "changed"},
	"mood_scores":   {ownRecord("mood_scores"), `{` + alice + `"day":"2026-11-21","score":3}`, `{"note":"changed"}`, "note", "changed"},
	"stress_scores": {ownRecord("stress_scores"), `{` + alice + `"day":"2026-11-21","score":3}`, `{"note":"changed"}`, "note", "changed"},
	"flareups": {ownRecord("flareups"), `{` + alice + `"start_day":"2026-11-21","end_day":"2026-11-21","peak":7,"baseline":3}`,
		`{"peak":9}`, "peak", "9"},
	"reports": {ownRecord("reports"), `{` + alice + `"from_day":"2026-11-01","to_day":"2026-11-21","format":"csv"}`,
		`{"to_day":"2026-11-19"}`, "to_day", "2026-11-19"},
	"articles": {publishedPiece("articles"), `{"title":"t","slug":"new-piece","status":"draft","category":"relief","body":"<p>x</p>"}`,
		`{"title":"Changed"}`, "title", "Changed"},
	"exercises": {publishedPiece("exercises"), `{"name":"n","slug":"new-piece","status":"draft","steps":"<p>x</p>"}`,
		`{"name":"Changed"}`, "name", "Changed"},
}

// TestAccessMatrix checks every collection × verb × actor against the
// matrix, by status and by what the database holds afterwards: a refused
// write must change nothing, an allowed one must take effect.
func TestAccessMatrix(t *testing.T) {
	t.Parallel()
	reads := newWorld(t) // list and view share one app: they change nothing
	for _, row := range collectionMatrix {
		fx, found := fixtures[row.collection]
		if !found {
			t.Fatalf("no fixture for %s", row.collection)
		}
		for _, a := range []struct{ actor, want string }{
			{"owner", row.owner}, {"other", row.other}, {"guest", row.guest}, {"superuser", row.superuser},
		} {
			t.Run(row.collection+"/"+row.verb+"/"+a.actor, func(t *testing.T) {
				w := reads
				if row.verb != "list" && row.verb != "view" {
					t.Parallel()
					w = newWorld(t)
				}
				checkCell(t, w, row.collection, row.verb, a.actor, a.want, fx)
			})
		}
	}
}

func checkCell(t *testing.T, w *world, collection, verb, actor, want string, fx fixture) {
	target := fx.target(t, w.app)
	base := "/api/collections/" + collection + "/records"
	before, err := w.app.CountRecords(collection)
	if err != nil {
		t.Fatal(err)
	}
	var res response
	switch verb {
	case "list":
		res = w.do("GET", base+"?perPage=500", actor, "")
	case "view":
		res = w.do("GET", base+"/"+target, actor, "")
	case "create":
		res = w.do("POST", base, actor, fx.create)
	case "update":
		res = w.do("PATCH", base+"/"+target, actor, fx.update)
	case "delete":
		res = w.do("DELETE", base+"/"+target, actor, "")
	}
	got := outcome(verb, res, target)
	if got != want {
		t.Fatalf("%s %s as %s: got %s, want %s (%d %.300s)", verb, collection, actor, got, want, res.code, res.body)
	}
	if got != ok && actor != "owner" && strings.Contains(res.body, testapp.AliceSecret) {
		t.Errorf("a refused %s leaked Alice's note: %.300s", verb, res.body)
	}
	// The database agrees with the answer.
	after, err := w.app.CountRecords(collection)
	if err != nil {
		t.Fatal(err)
	}
	rec, findErr := w.app.FindRecordById(collection, target)
	switch verb {
	case "create":
		if (after == before+1) != (got == ok) {
			t.Errorf("create answered %s but the count went %d → %d", got, before, after)
		}
	case "update":
		if findErr != nil {
			t.Fatal(findErr)
		}
		if changed := rec.GetString(fx.field) == fx.value; changed != (got == ok) {
			t.Errorf("update answered %s but %s changed = %v", got, fx.field, changed)
		}
	case "delete":
		if gone := findErr != nil; gone != (got == ok) {
			t.Errorf("delete answered %s but the record gone = %v", got, gone)
		}
	default:
		if after != before {
			t.Errorf("a %s changed the count %d → %d", verb, before, after)
		}
	}
}

// outcome names an answer in the matrix's terms.
func outcome(verb string, res response, target string) string {
	if res.code/100 != 2 {
		return strconv.Itoa(res.code)
	}
	if verb == "list" && !strings.Contains(res.body, `"id":"`+target+`"`) {
		return hidden
	}
	if verb == "view" && !strings.Contains(res.body, `"id":"`+target+`"`) {
		return fmt.Sprintf("200 without the target: %.200s", res.body)
	}
	return ok
}

// world is a seeded app with its router and a token for every actor.
type world struct {
	app    core.App
	mux    http.Handler
	tokens map[string]string
}

type response struct {
	code int
	body string
	hdr  http.Header
}

// newWorld clones the seeded world (Alice, Bob, one record each) with the
// clock fixed on 2026-11-24, and adds a superuser.
func newWorld(t testing.TB) *world {
	t.Helper()
	app := testapp.NewWith(t, testapp.Options{Seed: "world", Now: fixedNow})
	aliceToken, bobToken := testapp.Tokens(t)
	return &world{app: app, mux: router(t, app), tokens: map[string]string{
		"owner": aliceToken, "other": bobToken, "guest": "", "superuser": superuserToken(t, app),
	}}
}

func superuserToken(t testing.TB, app core.App) string {
	t.Helper()
	c, err := app.FindCollectionByNameOrId(core.CollectionNameSuperusers)
	if err != nil {
		t.Fatal(err)
	}
	su := core.NewRecord(c)
	su.SetEmail("root@example.com")
	su.SetPassword("a long superuser password")
	if err := app.Save(su); err != nil {
		t.Fatal(err)
	}
	token, err := su.NewAuthToken()
	if err != nil {
		t.Fatal(err)
	}
	return token
}

// do sends one request as actor.
func (w *world) do(method, url, actor, body string) response {
	req := httptest.NewRequest(method, url, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if tok := w.tokens[actor]; tok != "" {
		req.Header.Set("Authorization", tok)
	}
	rec := httptest.NewRecorder()
	w.mux.ServeHTTP(rec, req)
	return response{code: rec.Code, body: rec.Body.String(), hdr: rec.Header()}
}

package hooks_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/mend-app/mend/internal/testapp"
)

// Placeholders in the query and route tables, filled from the test world.
const (
	aliceEntry  = "{aliceEntry}"
	aliceReport = "{aliceReport}"
	published   = "{published}" // a published exercise both users did
	draft       = "{draft}"     // a draft exercise Alice's entry points to
	bobEntry    = "{bobEntry}"
	shareToken  = "alice-share-token-0123456789abcdef"
	// draftSlug shows the draft's content was expanded; its bare id in
	// Alice's own relation list is not a leak.
	draftSlug = `"slug":"draft-only"`
)

// queryMatrix covers what the record API's query options can reach: filters
// through relations and hidden fields, expand forwards and backwards across
// users, and the public library. want and never are substrings of the body.
var queryMatrix = []struct {
	name, actor, url string
	status           int
	want, never      []string
}{
	{"filter through the user relation", "owner", "/api/collections/entries/records?filter=" + q(`user.email = "bob@example.com"`),
		200, []string{`"totalItems":0`}, []string{bobEntry}},
	{"filter on another user's notes", "owner", "/api/collections/entries/records?filter=" + q(`notes ~ "bob-secret"`),
		200, []string{`"totalItems":0`}, []string{bobEntry}},
	{"filter on flare-up links", "owner", "/api/collections/flareups/records?filter=" + q(`links ~ "bob-secret"`),
		200, []string{`"totalItems":0`}, []string{testapp.BobSecret}},
	{"@collection oracle on another user's scores", "owner", "/api/collections/pain_scores/records?filter=" + q(`@collection.pain_scores.note ?~ "bob-secret"`),
		403, nil, []string{testapp.BobSecret}},
	{"filter on a hidden field", "owner", "/api/collections/reports/records?filter=" + q(`share_token = "`+shareToken+`"`),
		400, nil, []string{shareToken}},
	{"sort on a hidden field", "owner", "/api/collections/reports/records?sort=share_token",
		400, nil, []string{shareToken}},
	{"fields asks for a hidden field", "owner", "/api/collections/reports/records?fields=id,share_token",
		200, []string{aliceReport}, []string{shareToken}},
	{"superuser sees the hidden field", "superuser", "/api/collections/reports/records/" + aliceReport,
		200, []string{shareToken}, nil},
	{"expand skips a draft exercise", "owner", "/api/collections/entries/records/" + aliceEntry + "?expand=exercises",
		200, []string{`"id":"` + published}, []string{draftSlug}},
	{"superuser expands the draft", "superuser", "/api/collections/entries/records/" + aliceEntry + "?expand=exercises",
		200, []string{`"id":"` + published, draftSlug}, nil},
	{"list expand user and exercises", "owner", "/api/collections/entries/records?expand=user,exercises",
		200, []string{aliceEntry, testapp.AliceID}, []string{bobEntry, testapp.BobID, draftSlug}},
	{"guest list expand", "guest", "/api/collections/entries/records?expand=user,exercises",
		200, []string{`"totalItems":0`}, []string{testapp.AliceID, testapp.BobID}},
	{"back-relation from a public exercise, owner", "owner", "/api/collections/exercises/records/" + published + "?expand=entries_via_exercises",
		200, []string{testapp.AliceSecret}, []string{testapp.BobSecret}},
	{"back-relation from a public exercise, other", "other", "/api/collections/exercises/records/" + published + "?expand=entries_via_exercises",
		200, []string{testapp.BobSecret}, []string{testapp.AliceSecret}},
	{"back-relation from a public exercise, guest", "guest", "/api/collections/exercises/records/" + published + "?expand=entries_via_exercises",
		200, []string{published}, []string{testapp.AliceSecret, testapp.BobSecret}},
	{"back-relations of another user", "other", "/api/collections/users/records/" + testapp.AliceID + "?expand=entries_via_user,reports_via_user",
		404, nil, []string{testapp.AliceSecret, aliceReport}},
	{"own back-relations", "owner", "/api/collections/users/records/" + testapp.AliceID + "?expand=entries_via_user,flareups_via_user",
		200, []string{testapp.AliceSecret}, []string{testapp.BobSecret}},
	{"users filter on another email", "owner", "/api/collections/users/records?filter=" + q(`email ~ "bob"`),
		200, []string{`"totalItems":0`}, []string{testapp.BobID}},
	{"superuser lists every user", "superuser", "/api/collections/users/records",
		200, []string{testapp.AliceID, testapp.BobID}, nil},
	{"draft exercise by id", "guest", "/api/collections/exercises/records?filter=" + q(`id = "`+draft+`"`),
		200, []string{`"totalItems":0`}, []string{draft}},
	{"draft exercise view", "owner", "/api/collections/exercises/records/" + draft,
		404, nil, []string{draft}},
}

func q(filter string) string { return url.QueryEscape(filter) }

// TestQueryMatrix runs the query table against one world where Alice's entry
// points at a published and a draft exercise, Bob's at the published one,
// and Alice's stored report has a share token.
func TestQueryMatrix(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	vars := queryWorld(t, w)
	for _, row := range queryMatrix {
		t.Run(row.name, func(t *testing.T) {
			res := w.do("GET", vars.Replace(row.url), row.actor, "")
			if res.code != row.status {
				t.Fatalf("status %d, want %d: %.300s", res.code, row.status, res.body)
			}
			for _, s := range row.want {
				if s = vars.Replace(s); !strings.Contains(res.body, s) {
					t.Errorf("answer lacks %q: %.400s", s, res.body)
				}
			}
			for _, s := range row.never {
				if s = vars.Replace(s); strings.Contains(res.body, s) {
					t.Errorf("answer leaks %q: %.400s", s, res.body)
				}
			}
		})
	}
}

// queryWorld adds the exercises and share token the query table relies on
// and returns the placeholder replacer.
func queryWorld(t *testing.T, w *world) *strings.Replacer {
	t.Helper()
	pub, err := w.app.FindFirstRecordByFilter("exercises", "status = 'published' && published_at != ''")
	if err != nil {
		t.Fatal(err)
	}
	// Linked while published, then taken back to draft: an entry may no
	// longer link a draft directly, but one can still point at one.
	dr := testapp.Record(t, w.app, "exercises", map[string]any{"name": "Draft", "slug": "draft-only", "status": "published",
		"published_at": "2026-01-01 00:00:00.000Z", "steps": "<p>x</p>"})
	for who, ids := range map[string][]string{"alice": {pub.Id, dr.Id}, "bob": {pub.Id}} {
		e, err := w.app.FindRecordById("entries", testapp.RecordID(who, "entries"))
		if err != nil {
			t.Fatal(err)
		}
		e.Set("exercises", ids)
		if err := w.app.Save(e); err != nil {
			t.Fatal(err)
		}
	}
	dr.Set("status", "draft")
	if err := w.app.Save(dr); err != nil {
		t.Fatal(err)
	}
	rep, err := w.app.FindRecordById("reports", testapp.RecordID("alice", "reports"))
	if err != nil {
		t.Fatal(err)
	}
	rep.Set("share_token", shareToken)
	if err := w.app.Save(rep); err != nil {
		t.Fatal(err)
	}
	return strings.NewReplacer(aliceEntry, testapp.RecordID("alice", "entries"), bobEntry, testapp.RecordID("bob", "entries"),
		aliceReport, rep.Id, published, pub.Id, draft, dr.Id)
}

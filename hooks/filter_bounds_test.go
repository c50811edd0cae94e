package hooks_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/mend-app/mend/internal/testapp"
)

// manyNotes gives Alice 3,000 pain readings with long notes (2,000
// characters each, the worst case for a LIKE scan), one of which mentions
// the car seat.
func manyNotes(t testing.TB) *tests.TestApp {
	app := reportWorld(t)
	long := strings.Repeat("a", 2000)
	err := app.RunInTransaction(func(tx core.App) error {
		col, err := tx.FindCollectionByNameOrId("pain_scores")
		if err != nil {
			return err
		}
		for i := range 3000 {
			r := core.NewRecord(col)
			note := long
			if i == 1234 {
				note = "Carried the car seat on one hip."
			}
			r.Load(map[string]any{"user": testapp.AliceID, "day": "2026-10-01", "score": 3, "note": note})
			if err := tx.SaveNoValidate(r); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return app
}

// A search pattern that could hold the database for seconds is refused up
// front with a 400 naming the filter; a normal search of her notes works.
func TestListFilterBounds(t *testing.T) {
	t.Parallel()
	aliceToken, _ := testapp.Tokens(t)
	alice := aliceToken
	list := func(collection, filter string) string {
		return "/api/collections/" + collection + "/records?perPage=5&filter=" + url.QueryEscape(filter)
	}
	huge := "%" + strings.Repeat("a", 1000) + "b%"
	mux := router(t, manyNotes(t)) // one app: seeding 3,000 notes per scenario is slow
	scenarios := []struct {
		Name, URL       string
		ExpectedStatus  int
		ExpectedContent []string
	}{
		{Name: "1,000-character pattern", URL: list("pain_scores", `note ~ "`+huge+`"`),
			ExpectedStatus: 400, ExpectedContent: []string{`"filter":{"code":"filter_search_too_long"`, "at most 32 characters"}},
		{Name: "by collection id too", URL: "/api/collections/pbc_pain_scores/records?filter=" + url.QueryEscape(`note ~ "`+huge+`"`),
			ExpectedStatus: 400, ExpectedContent: []string{"filter_search_too_long"}},
		{Name: "entries", URL: list("entries", `notes !~ "`+huge+`"`), ExpectedStatus: 400, ExpectedContent: []string{"filter_search_too_long"}},
		{Name: "back-relation from users", URL: list("users", `pain_scores_via_user.note ?~ "`+huge+`"`),
			ExpectedStatus: 400, ExpectedContent: []string{"filter_search_too_long"}},
		{Name: "many wildcards", URL: list("mood_scores", `note ~ "%a%a%a%a%a%b%"`), ExpectedStatus: 400, ExpectedContent: []string{"filter_search_too_many_wildcards"}},
		{Name: "note as pattern", URL: list("stress_scores", `note ~ note`), ExpectedStatus: 400, ExpectedContent: []string{"filter_search_not_text"}},
		{Name: "short search finds her note", URL: list("pain_scores", `note ~ "car seat"`),
			ExpectedStatus: 200, ExpectedContent: []string{`"totalItems":1`, "Carried the car seat"}},
		{Name: "no search", URL: list("pain_scores", `day = "2026-10-01"`), ExpectedStatus: 200, ExpectedContent: []string{`"totalItems":3000`}},
	}
	// Go's router answers HEAD with the GET handler, which runs the query.
	if _, res := request(t, mux, http.MethodHead, list("pain_scores", `note ~ "`+huge+`"`), alice, ""); res.StatusCode != 400 {
		t.Errorf("HEAD with a 1,000-character pattern: status %d, want 400", res.StatusCode)
	}
	for _, s := range scenarios {
		b, res := getURL(t, mux, s.URL, alice)
		if res.StatusCode != s.ExpectedStatus {
			t.Errorf("%s: status %d, want %d: %.300s", s.Name, res.StatusCode, s.ExpectedStatus, b)
		}
		for _, want := range s.ExpectedContent {
			if !strings.Contains(string(b), want) {
				t.Errorf("%s: body lacks %q: %.300s", s.Name, want, b)
			}
		}
	}
}

package hooks_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"github.com/mend-app/mend/internal/testapp"
)

// Saving a piece as published without a date publishes it now, from the
// dashboard's API and from Go; a draft keeps no date; a future date is kept
// (scheduled) and hides the piece until then.
func TestPublishWithoutDatePublishesNow(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	now := fixedNow().UTC().Format("2006-01-02 15:04:05")
	scenarios := []struct {
		name, collection, body string
		wantDate               string // prefix of published_at; "" = stays empty
		guestSees              bool
	}{
		{"article published, no date", "articles", `{"title":"t","slug":"p1","status":"published","category":"relief","body":"<p>x</p>"}`, now, true},
		{"exercise published, empty date", "exercises", `{"name":"n","slug":"p2","status":"published","published_at":"","steps":"<p>x</p>"}`, now, true},
		{"draft keeps no date", "articles", `{"title":"t","slug":"p3","status":"draft","category":"relief","body":"<p>x</p>"}`, "", false},
		{"future date is kept (scheduled)", "exercises", `{"name":"n","slug":"p4","status":"published","published_at":"2099-01-01 08:00:00.000Z","steps":"<p>x</p>"}`, "2099-01-01 08:00:00", false},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			res := w.do(http.MethodPost, "/api/collections/"+s.collection+"/records", "superuser", s.body)
			if res.code != 200 {
				t.Fatalf("create = %d %s", res.code, res.body)
			}
			slug := s.body[strings.Index(s.body, `"slug":"`)+8:]
			slug = slug[:strings.Index(slug, `"`)]
			rec, err := w.app.FindFirstRecordByData(s.collection, "slug", slug)
			if err != nil {
				t.Fatal(err)
			}
			got := rec.GetDateTime("published_at").String()
			if !strings.HasPrefix(got, s.wantDate) || (s.wantDate == "" && got != "") {
				t.Errorf("published_at = %q, want %q", got, s.wantDate)
			}
			list := w.do(http.MethodGet, "/api/collections/"+s.collection+"/records?filter="+url.QueryEscape(`slug="`+slug+`"`), "guest", "")
			if seen := strings.Contains(list.body, `"slug":"`+slug+`"`); seen != s.guestSees {
				t.Errorf("guest sees it = %v, want %v (%s)", seen, s.guestSees, list.body)
			}
		})
	}

	t.Run("update from draft to published in Go", func(t *testing.T) {
		rec, err := w.app.FindFirstRecordByData("articles", "slug", "p3")
		if err != nil {
			t.Fatal(err)
		}
		rec.Set("status", "published")
		if err := w.app.Save(rec); err != nil {
			t.Fatal(err)
		}
		if got := rec.GetDateTime("published_at").String(); !strings.HasPrefix(got, now) {
			t.Errorf("published_at = %q, want %q", got, now)
		}
	})
}

// The dashboard shows the admin what an empty and a future date do.
func TestPublishingHelpInDashboard(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	for _, name := range []string{"articles", "exercises"} {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			t.Fatal(err)
		}
		f, ok := c.Fields.GetByName("published_at").(*core.DateField)
		if !ok || !strings.Contains(f.Help, "empty to publish now") || !strings.Contains(f.Help, "schedules") {
			t.Errorf("%s.published_at help = %q, want it to explain empty and future dates", name, f.Help)
		}
	}
}

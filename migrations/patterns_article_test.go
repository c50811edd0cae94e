package migrations_test

import (
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"github.com/mend-app/mend/internal/testapp"
)

// TestPatternsArticle: migration 1765000100 publishes "How Mend finds
// patterns in your log" (linked from Insights and the report), with a
// working link to the safety article, and its down step removes it.
func TestPatternsArticle(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	r, err := app.FindFirstRecordByData("articles", "slug", "how-mend-finds-patterns")
	if err != nil {
		t.Fatalf("article not seeded: %v", err)
	}
	body := r.GetString("body")
	if r.GetString("title") != "How Mend finds patterns in your log" || r.GetString("status") != "published" || r.GetDateTime("published_at").IsZero() {
		t.Fatalf("article %v", r.FieldsData())
	}
	for _, want := range []string{"what is usual for you", "not proof of a cause", "14 days", `href="#/library/article/when-to-seek-care"`} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q", want)
		}
	}
	runner := core.NewMigrationsRunner(app, core.AppMigrations)
	var down []string
	for { // revert down to and including the article's migration
		reverted, err := runner.Down(1)
		if err != nil {
			t.Fatalf("revert failed: %v", err)
		}
		down = append(down, reverted...)
		if len(reverted) == 0 || reverted[0] == "1765000100_seed_patterns_article.go" {
			break
		}
	}
	if _, err := app.FindFirstRecordByData("articles", "slug", "how-mend-finds-patterns"); err == nil {
		t.Fatalf("article still there after reverting %v", down)
	}
	if _, err := runner.Up(); err != nil {
		t.Fatalf("re-applying failed: %v", err)
	}
	if _, err := app.FindFirstRecordByData("articles", "slug", "how-mend-finds-patterns"); err != nil {
		t.Fatalf("article missing after re-applying: %v", err)
	}
}

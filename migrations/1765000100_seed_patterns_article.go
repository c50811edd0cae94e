package migrations

import (
	"fmt"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/mend-app/mend/internal/content"
	seedcontent "github.com/mend-app/mend/migrations/content"
)

// patternsSlug is the article Insights and the report link to.
const patternsSlug = "how-mend-finds-patterns"

func init() {
	m.Register(seedPatternsArticle, unseedPatternsArticle, "1765000100_seed_patterns_article.go")
}

// seedPatternsArticle publishes the library article that explains how
// insights find patterns (issue 9). An admin who already wrote a piece with
// this slug keeps it: the migration then leaves the library as it is.
func seedPatternsArticle(app core.App) error {
	a, err := content.ParseArticle("patterns/how-mend-finds-patterns.md", seedcontent.PatternsArticle)
	if err != nil {
		return fmt.Errorf("migrations: unable to load the patterns article: %w", err)
	}
	if _, err := app.FindFirstRecordByData("articles", "slug", a.Slug); err == nil {
		return nil
	}
	return saveSeed(app, "articles", a.Slug, types.NowDateTime(), map[string]any{
		"title": a.Title, "summary": a.Summary, "body": a.Body, "category": a.Category,
		"topics": a.Topics, "weeks_from": a.WeeksFrom, "weeks_to": a.WeeksTo,
	})
}

// unseedPatternsArticle removes the article by its slug.
func unseedPatternsArticle(app core.App) error {
	records, err := app.FindAllRecords("articles", dbx.HashExp{"slug": patternsSlug})
	if err != nil {
		return fmt.Errorf("migrations: unable to find the patterns article: %w", err)
	}
	for _, r := range records {
		if err := app.Delete(r); err != nil {
			return fmt.Errorf("migrations: unable to remove the patterns article: %w", err)
		}
	}
	return nil
}

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

func init() {
	m.Register(seedContent, unseedContent, "1764000002_seed_content.go")
}

// seedContent loads the shipped articles and exercises (Markdown files in
// migrations/content) as published pieces. A broken file fails the
// migration: shipping half a library silently would be worse.
func seedContent(app core.App) error {
	articles, exercises, err := content.Load(seedcontent.FS)
	if err != nil {
		return fmt.Errorf("migrations: unable to load seed content: %w", err)
	}
	now := types.NowDateTime()
	for _, a := range articles {
		err := saveSeed(app, "articles", a.Slug, now, map[string]any{
			"title": a.Title, "summary": a.Summary, "body": a.Body, "category": a.Category,
			"topics": a.Topics, "weeks_from": a.WeeksFrom, "weeks_to": a.WeeksTo,
		})
		if err != nil {
			return err
		}
	}
	for _, x := range exercises {
		err := saveSeed(app, "exercises", x.Slug, now, map[string]any{
			"name": x.Name, "steps": x.Steps, "targets": x.Targets, "earliest_week": x.EarliestWeek,
			"earliest_week_cesarean": x.EarliestWeekCesarean, "reps": x.Reps, "cautions": x.Cautions,
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func saveSeed(app core.App, collection, slug string, now types.DateTime, fields map[string]any) error {
	c, err := app.FindCachedCollectionByNameOrId(collection)
	if err != nil {
		return fmt.Errorf("migrations: unable to find %s: %w", collection, err)
	}
	r := core.NewRecord(c)
	r.Load(fields)
	r.Set("slug", slug)
	r.Set("status", "published")
	r.Set("published_at", now)
	if err := app.Save(r); err != nil {
		return fmt.Errorf("migrations: unable to seed %s %q: %w", collection, slug, err)
	}
	return nil
}

// unseedContent removes only the shipped pieces, by slug; an admin's own
// articles stay.
func unseedContent(app core.App) error {
	articles, exercises, err := content.Load(seedcontent.FS)
	if err != nil {
		return fmt.Errorf("migrations: unable to load seed content: %w", err)
	}
	slugs := map[string][]any{}
	for _, a := range articles {
		slugs["articles"] = append(slugs["articles"], a.Slug)
	}
	for _, x := range exercises {
		slugs["exercises"] = append(slugs["exercises"], x.Slug)
	}
	for collection, list := range slugs {
		records, err := app.FindAllRecords(collection, dbx.In("slug", list...))
		if err != nil {
			return fmt.Errorf("migrations: unable to find seeded %s: %w", collection, err)
		}
		for _, r := range records {
			if err := app.Delete(r); err != nil {
				return fmt.Errorf("migrations: unable to remove seeded %s: %w", collection, err)
			}
		}
	}
	return nil
}

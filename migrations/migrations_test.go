package migrations_test

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"github.com/mend-app/mend/internal/testapp"
)

var mendCollections = []string{"entries", "pain_scores", "mood_scores", "stress_scores", "flareups", "articles", "exercises", "reports"}

// Every migration applies on an empty data dir and rolls back cleanly.
func TestMigrationsApplyAndRevert(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	for _, name := range mendCollections {
		if _, err := app.FindCollectionByNameOrId(name); err != nil {
			t.Fatalf("collection %s missing after migrations: %v", name, err)
		}
	}
	if !app.Settings().RateLimits.Enabled && app.Settings().Meta.AppName != "Mend" {
		t.Fatal("settings migration did not run")
	}
	if app.Settings().Logs.LogIP || !app.Settings().Batch.Enabled {
		t.Fatal("safety settings not applied")
	}
	runner := core.NewMigrationsRunner(app, core.AppMigrations)
	// Every app migration is Mend's (PocketBase's own are system migrations).
	count := len(core.AppMigrations.Items())
	reverted, err := runner.Down(count)
	if err != nil {
		t.Fatalf("revert failed: %v", err)
	}
	if len(reverted) != count {
		t.Fatalf("reverted %v, want Mend's %d migrations", reverted, count)
	}
	for _, name := range mendCollections {
		if _, err := app.FindCollectionByNameOrId(name); err == nil {
			t.Errorf("collection %s still exists after revert", name)
		}
	}
	users, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		t.Fatal(err)
	}
	if users.Fields.GetByName("timezone") != nil {
		t.Error("users.timezone still exists after revert")
	}
	if _, err := runner.Up(); err != nil {
		t.Fatalf("re-applying after revert failed: %v", err)
	}
}

func TestSchemaContract(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	want := map[string][]string{
		"users":         {"name", "delivery_date", "delivery_type", "timezone", "reminder_time"},
		"entries":       {"user", "day", "sleep_hours", "sleep_quality", "night_wakings", "notes", "sleep_notes", "stress_notes", "exercises", "relief", "red_flags"},
		"pain_scores":   {"user", "day", "at", "score", "areas", "activity", "note"},
		"mood_scores":   {"user", "day", "at", "score", "note"},
		"stress_scores": {"user", "day", "at", "score", "note"},
		"flareups":      {"user", "start_day", "end_day", "peak", "baseline", "prior_sleep_hours", "typical_sleep_hours", "stress_level", "typical_stress", "links"},
		"articles":      {"title", "slug", "summary", "body", "category", "topics", "weeks_from", "weeks_to", "cover", "status", "published_at"},
		"exercises":     {"name", "slug", "steps", "targets", "earliest_week", "earliest_week_cesarean", "reps", "cautions", "image", "status", "published_at"},
		"reports":       {"user", "from_day", "to_day", "format", "file", "share_token", "share_expires"},
	}
	for name, fields := range want {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fields {
			if c.Fields.GetByName(f) == nil {
				t.Errorf("%s.%s missing", name, f)
			}
		}
	}
	reports, _ := app.FindCollectionByNameOrId("reports")
	if f, ok := reports.Fields.GetByName("file").(*core.FileField); !ok || !f.Protected {
		t.Error("reports.file must be protected")
	}
	if !reports.Fields.GetByName("share_token").GetHidden() {
		t.Error("reports.share_token must be hidden")
	}
}

// Package migrations holds Mend's schema, settings and seed content as Go
// migrations. Applied migrations are never edited: a change is a new file.
package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/mend-app/mend/internal/journal"
)

// Ownership rules, shared by every per-user collection. API rules run before
// request hooks, so these are the real guard; hooks only add defence in depth.
const (
	ownerRule  = `@request.auth.id != "" && user = @request.auth.id`
	createRule = `@request.auth.id != "" && @request.body.user = @request.auth.id`
	// An update may not move a record to another user: user either stays
	// out of the body or names the owner.
	updateRule = ownerRule + ` && (@request.body.user:isset = false || @request.body.user = @request.auth.id)`
	// Published pieces whose time has come are public; drafts, archived and
	// scheduled pieces stay with the superusers who write them.
	publishedRule = `status = "published" && published_at != "" && published_at <= @now`
	dayPattern    = `^\d{4}-\d{2}-\d{2}$`
	slugPattern   = `^[a-z0-9]+(-[a-z0-9]+)*$`
)

func init() {
	m.Register(createCollections, dropCollections, "1764000000_create_collections.go")
}

var mendCollections = []string{"reports", "flareups", "stress_scores", "mood_scores", "pain_scores", "entries", "exercises", "articles"}

func createCollections(app core.App) error {
	if err := extendUsers(app); err != nil {
		return err
	}
	exercises := contentCollection("exercises",
		&core.TextField{Name: "name", Required: true, Max: 200},
		&core.EditorField{Name: "steps"},
		multiSelect("targets", journal.Targets),
		&core.NumberField{Name: "earliest_week", OnlyInt: true, Min: types.Pointer(0.0), Max: types.Pointer(104.0)},
		&core.NumberField{Name: "earliest_week_cesarean", OnlyInt: true, Min: types.Pointer(0.0), Max: types.Pointer(104.0)},
		&core.TextField{Name: "reps", Max: 500},
		&core.TextField{Name: "cautions", Max: 2000},
		imageField("image"),
	)
	articles := contentCollection("articles",
		&core.TextField{Name: "title", Required: true, Max: 200},
		&core.TextField{Name: "summary", Max: 500},
		&core.EditorField{Name: "body"},
		&core.SelectField{Name: "category", Required: true, MaxSelect: 1, Values: journal.Categories},
		multiSelect("topics", journal.Topics),
		&core.NumberField{Name: "weeks_from", OnlyInt: true, Min: types.Pointer(0.0), Max: types.Pointer(520.0)},
		&core.NumberField{Name: "weeks_to", OnlyInt: true, Min: types.Pointer(0.0), Max: types.Pointer(520.0)},
		imageField("cover"),
	)
	for _, c := range []*core.Collection{articles, exercises} {
		if err := app.Save(c); err != nil {
			return fmt.Errorf("migrations: unable to create %s: %w", c.Name, err)
		}
	}

	entries := userCollection(app, "entries", true,
		&core.NumberField{Name: "sleep_hours", Min: types.Pointer(0.0), Max: types.Pointer(float64(journal.SleepHoursMax))},
		&core.NumberField{Name: "sleep_quality", OnlyInt: true, Min: types.Pointer(0.0), Max: types.Pointer(float64(journal.SleepQualityMax))},
		&core.NumberField{Name: "night_wakings", OnlyInt: true, Min: types.Pointer(0.0), Max: types.Pointer(float64(journal.NightWakingsMax))},
		&core.TextField{Name: "notes", Max: journal.MaxNoteChars},
		&core.TextField{Name: "sleep_notes", Max: journal.MaxNoteChars},
		&core.TextField{Name: "stress_notes", Max: journal.MaxNoteChars},
		&core.RelationField{Name: "exercises", CollectionId: exercises.Id, MaxSelect: 50},
		multiSelect("relief", journal.Reliefs),
		multiSelect("red_flags", journal.RedFlags),
	)
	pain := scoreCollection(app, "pain_scores", journal.PainMin, journal.PainMax,
		multiSelect("areas", journal.PainAreas),
		&core.SelectField{Name: "activity", MaxSelect: 1, Values: journal.Activities},
	)
	mood := scoreCollection(app, "mood_scores", journal.MoodMin, journal.MoodMax)
	stress := scoreCollection(app, "stress_scores", journal.StressMin, journal.StressMax)

	flareups := userCollection(app, "flareups", false,
		&core.TextField{Name: "start_day", Required: true, Pattern: dayPattern},
		&core.TextField{Name: "end_day", Required: true, Pattern: dayPattern},
		&core.NumberField{Name: "peak", OnlyInt: true, Min: types.Pointer(0.0), Max: types.Pointer(10.0)},
		&core.NumberField{Name: "baseline", Min: types.Pointer(0.0), Max: types.Pointer(10.0)},
		// JSON rather than number so that "not logged" stays null, never 0.
		&core.JSONField{Name: "prior_sleep_hours", MaxSize: 64},
		&core.JSONField{Name: "typical_sleep_hours", MaxSize: 64},
		&core.JSONField{Name: "stress_level", MaxSize: 64},
		&core.JSONField{Name: "typical_stress", MaxSize: 64},
		&core.JSONField{Name: "links", MaxSize: 2 << 20},
	)
	// Flare-ups are derived data: owners read them, only hooks write them.
	flareups.CreateRule, flareups.UpdateRule, flareups.DeleteRule = nil, nil, nil
	flareups.AddIndex("idx_flareups_user_start", false, "user, start_day", "")

	reports := userCollection(app, "reports", false,
		&core.TextField{Name: "from_day", Required: true, Pattern: dayPattern},
		&core.TextField{Name: "to_day", Required: true, Pattern: dayPattern},
		&core.SelectField{Name: "format", Required: true, MaxSelect: 1, Values: journal.Formats},
		&core.BoolField{Name: "notes"},
		&core.FileField{Name: "file", MaxSelect: 1, MaxSize: 64 << 20, Protected: true},
		&core.TextField{Name: "share_token", Hidden: true, Max: 128},
		&core.DateField{Name: "share_expires"},
	)
	// Reports are rendered by POST /api/mend/reports; the file must come from
	// the server, so nobody creates or edits one through the record API.
	reports.CreateRule, reports.UpdateRule = nil, nil
	reports.AddIndex("idx_reports_user", false, "user", "")
	reports.AddIndex("idx_reports_share_token", true, "share_token", "share_token != ''")

	for _, c := range []*core.Collection{entries, pain, mood, stress, flareups, reports} {
		if err := app.Save(c); err != nil {
			return fmt.Errorf("migrations: unable to create %s: %w", c.Name, err)
		}
	}
	return nil
}

func dropCollections(app core.App) error {
	for _, name := range mendCollections {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			continue // never created: nothing to undo
		}
		if err := app.Delete(c); err != nil {
			return fmt.Errorf("migrations: unable to drop %s: %w", name, err)
		}
	}
	users, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		return fmt.Errorf("migrations: unable to find users: %w", err)
	}
	for _, f := range []string{"delivery_date", "delivery_type", "timezone", "reminder_time"} {
		users.Fields.RemoveByName(f)
	}
	return app.Save(users)
}

func extendUsers(app core.App) error {
	users, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		return fmt.Errorf("migrations: unable to find users: %w", err)
	}
	users.Fields.Add(
		&core.TextField{Name: "delivery_date", Pattern: dayPattern},
		&core.SelectField{Name: "delivery_type", MaxSelect: 1, Values: journal.DeliveryTypes},
		&core.TextField{Name: "timezone", Max: 64},
		&core.TextField{Name: "reminder_time", Pattern: `^([01]\d|2[0-3]):[0-5]\d$`},
	)
	if err := app.Save(users); err != nil {
		return fmt.Errorf("migrations: unable to extend users: %w", err)
	}
	return nil
}

// userCollection builds a per-user collection: a required owner relation
// that cascades on user delete, the (user, day) index and owner-only rules.
func userCollection(app core.App, name string, withDay bool, fields ...core.Field) *core.Collection {
	c := core.NewBaseCollection(name)
	c.ListRule = types.Pointer(ownerRule)
	c.ViewRule = types.Pointer(ownerRule)
	c.CreateRule = types.Pointer(createRule)
	c.UpdateRule = types.Pointer(updateRule)
	c.DeleteRule = types.Pointer(ownerRule)
	users, _ := app.FindCollectionByNameOrId("users") // existence checked by extendUsers
	c.Fields.Add(&core.RelationField{Name: "user", Required: true, MaxSelect: 1, CollectionId: users.Id, CascadeDelete: true})
	if withDay {
		c.Fields.Add(&core.TextField{Name: "day", Required: true, Pattern: dayPattern})
		// One index on (user, day) serves both "this user" and "this user in
		// this range"; a second index on user alone would only slow writes.
		c.AddIndex("idx_"+name+"_user_day", name == "entries", "user, day", "")
	}
	c.Fields.Add(fields...)
	c.Fields.Add(
		&core.AutodateField{Name: "created", OnCreate: true},
		&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
	)
	return c
}

// scoreCollection is a per-user collection of readings on one scale.
// score is not Required: PocketBase's Required means non-zero, and 0 is a
// real pain or stress answer. Presence is checked by Mend's hooks.
func scoreCollection(app core.App, name string, lo, hi int, fields ...core.Field) *core.Collection {
	all := []core.Field{
		&core.DateField{Name: "at"},
		&core.NumberField{Name: "score", OnlyInt: true, Min: types.Pointer(float64(lo)), Max: types.Pointer(float64(hi))},
		&core.TextField{Name: "note", Max: journal.MaxScoreNoteChars},
	}
	return userCollection(app, name, true, append(all, fields...)...)
}

// contentCollection is a CMS collection written by superusers in the dashboard.
func contentCollection(name string, fields ...core.Field) *core.Collection {
	c := core.NewBaseCollection(name)
	c.ListRule = types.Pointer(publishedRule)
	c.ViewRule = types.Pointer(publishedRule)
	c.Fields.Add(&core.TextField{Name: "slug", Required: true, Max: 120, Pattern: slugPattern})
	c.Fields.Add(fields...)
	c.Fields.Add(
		&core.SelectField{Name: "status", Required: true, MaxSelect: 1, Values: journal.Statuses},
		&core.DateField{Name: "published_at"},
		&core.AutodateField{Name: "created", OnCreate: true},
		&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
	)
	c.AddIndex("idx_"+name+"_slug", true, "slug", "")
	c.AddIndex("idx_"+name+"_status_published", false, "status, published_at", "")
	return c
}

func multiSelect(name string, values []string) *core.SelectField {
	return &core.SelectField{Name: name, MaxSelect: len(values), Values: values}
}

func imageField(name string) *core.FileField {
	return &core.FileField{
		Name: name, MaxSelect: 1, MaxSize: 5 << 20,
		MimeTypes: []string{"image/jpeg", "image/png", "image/webp", "image/gif"},
		Thumbs:    []string{"640x0"},
	}
}

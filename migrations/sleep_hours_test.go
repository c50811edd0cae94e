package migrations

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/types"
)

// Moving sleep_hours to JSON keeps what the data meant: a stored 0 was
// "not logged" and becomes null; other hours are kept as numbers.
func TestSleepHoursMigrationKeepsMeaning(t *testing.T) {
	t.Parallel()
	app, u := appWithUser(t, "UTC")
	if err := sleepHoursToNumber(app); err != nil { // back to the old schema
		t.Fatal(err)
	}
	entries, err := app.FindCollectionByNameOrId("entries")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := entries.Fields.GetByName("sleep_hours").(*core.NumberField); !ok {
		t.Fatal("the down migration did not restore a number field")
	}
	old := map[string]float64{"2026-11-01": 0, "2026-11-02": 5.5, "2026-11-03": 0.25, "2026-11-04": 24}
	for day, h := range old {
		r := core.NewRecord(entries)
		r.Set("user", u.Id)
		r.Set("day", day)
		r.Set("sleep_hours", h)
		r.Set("sleep_quality", 3)
		if err := app.Save(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := sleepHoursToJSON(app); err != nil {
		t.Fatal(err)
	}
	entries, _ = app.FindCollectionByNameOrId("entries")
	if _, ok := entries.Fields.GetByName("sleep_hours").(*core.JSONField); !ok || entries.Fields.GetByName("sleep_hours_new") != nil {
		t.Fatalf("fields after the migration: %v", entries.Fields.FieldNames())
	}
	want := map[string]string{"2026-11-01": "null", "2026-11-02": "5.5", "2026-11-03": "0.25", "2026-11-04": "24"}
	rows, err := app.FindAllRecords(entries)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(want) {
		t.Fatalf("%d entries after the migration, want %d", len(rows), len(want))
	}
	for _, r := range rows {
		stored, _ := r.GetRaw("sleep_hours").(types.JSONRaw)
		raw := stored.String()
		if raw == "" {
			raw = "null"
		}
		if raw != want[r.GetString("day")] {
			t.Errorf("%s: sleep_hours %s, want %s", r.GetString("day"), raw, want[r.GetString("day")])
		}
		if r.GetInt("sleep_quality") != 3 {
			t.Errorf("%s: sleep_quality lost", r.GetString("day"))
		}
	}
}

// appWithUser is a migrated app (no hooks: migrations see raw saves) with
// one user in the time zone tz.
func appWithUser(t *testing.T, tz string) (*tests.TestApp, *core.Record) {
	t.Helper()
	app, err := tests.NewTestApp(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(app.Cleanup)
	users, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		t.Fatal(err)
	}
	u := core.NewRecord(users)
	u.SetEmail("m@example.com")
	u.SetPassword("a long passphrase")
	u.Set("timezone", tz)
	if err := app.Save(u); err != nil {
		t.Fatal(err)
	}
	return app, u
}

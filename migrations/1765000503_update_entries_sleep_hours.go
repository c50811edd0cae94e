package migrations

import (
	"fmt"
	"slices"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/mend-app/mend/internal/journal"
)

func init() {
	m.Register(sleepHoursToJSON, sleepHoursToNumber, "1765000503_update_entries_sleep_hours.go")
}

// sleepHoursToJSON turns entries.sleep_hours from a number field (which
// cannot be null, so 0 had to mean "not logged" and a night without sleep
// could not be recorded) into a JSON field holding null or the hours. Data
// keeps its meaning: every stored 0 was "not logged" and becomes null;
// every other value is kept. Mend's validation keeps the JSON to null or a
// number 0–24 in quarter hours.
func sleepHoursToJSON(app core.App) error {
	return swapSleepField(app, &core.JSONField{Name: "sleep_hours_new", MaxSize: 64},
		"CASE WHEN sleep_hours > 0 THEN sleep_hours ELSE NULL END")
}

// sleepHoursToNumber undoes it; a night without sleep (0) and "not logged"
// (null) both become 0 again, which is all a number field can hold.
func sleepHoursToNumber(app core.App) error {
	return swapSleepField(app, &core.NumberField{Name: "sleep_hours_new", Min: types.Pointer(0.0), Max: types.Pointer(float64(journal.SleepHoursMax))},
		"CASE WHEN json_valid(sleep_hours) AND json_type(sleep_hours) IN ('integer','real') THEN json_extract(sleep_hours, '$') ELSE 0 END")
}

// swapSleepField adds field beside sleep_hours, copies the values through
// expr (SQL over the old column), drops the old field and renames the new
// one to sleep_hours: PocketBase cannot change a field's type in place.
func swapSleepField(app core.App, field core.Field, expr string) error {
	return app.RunInTransaction(func(tx core.App) error {
		entries, err := tx.FindCollectionByNameOrId("entries")
		if err != nil {
			return fmt.Errorf("migrations: unable to find entries: %w", err)
		}
		old := entries.Fields.GetByName("sleep_hours")
		if old == nil {
			return fmt.Errorf("migrations: entries has no sleep_hours field")
		}
		entries.Fields.AddAt(slices.Index(entries.Fields.FieldNames(), "sleep_hours")+1, field)
		if err := tx.Save(entries); err != nil {
			return fmt.Errorf("migrations: unable to add the new sleep field: %w", err)
		}
		if _, err := tx.DB().NewQuery("UPDATE entries SET sleep_hours_new = " + expr).Execute(); err != nil {
			return fmt.Errorf("migrations: unable to copy sleep hours: %w", err)
		}
		entries.Fields.RemoveById(old.GetId())
		field.SetName("sleep_hours")
		if err := tx.Save(entries); err != nil {
			return fmt.Errorf("migrations: unable to replace sleep_hours: %w", err)
		}
		return nil
	})
}

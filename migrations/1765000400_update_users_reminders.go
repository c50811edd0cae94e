package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/mend-app/mend/internal/reminders"
)

func init() {
	m.Register(addReminders, removeReminders, "1765000400_update_users_reminders.go")
}

// reminderFields are what the mend_reminders job needs on users. The two
// hidden ones are the job's own bookkeeping: the API never shows them and
// only superusers could set them through it.
//   - reminder_channels: how she wants to be reminded (none = no reminder).
//   - reminded_day: the last logical day settled (reminded, or found logged),
//     so a reminder goes out at most once a day across restarts and reruns.
//   - reminder_next: the UTC instant of her next reminder, kept current by a
//     hook on every profile save, so the users due are ONE range query on an
//     index instead of a zone calculation for every user or a journal scan.
var reminderFields = []string{"reminder_channels", "reminded_day", "reminder_next"}

func addReminders(app core.App) error {
	users, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		return fmt.Errorf("migrations: unable to find users: %w", err)
	}
	users.Fields.Add(
		multiSelect("reminder_channels", reminders.Channels),
		&core.TextField{Name: "reminded_day", Hidden: true, Pattern: dayPattern},
		&core.DateField{Name: "reminder_next", Hidden: true},
	)
	users.AddIndex("idx_users_reminder_next", false, "reminder_next", "")
	if err := app.Save(users); err != nil {
		return fmt.Errorf("migrations: unable to add reminder fields: %w", err)
	}

	subs := core.NewBaseCollection("push_subscriptions")
	subs.ListRule = types.Pointer(ownerRule)
	subs.ViewRule = types.Pointer(ownerRule)
	subs.CreateRule = types.Pointer(createRule)
	subs.UpdateRule = types.Pointer(updateRule)
	subs.DeleteRule = types.Pointer(ownerRule)
	subs.Fields.Add(
		&core.RelationField{Name: "user", Required: true, MaxSelect: 1, CollectionId: users.Id, CascadeDelete: true},
		// Push service URLs are a few hundred characters; keys are base64url.
		&core.URLField{Name: "endpoint", Required: true},
		&core.TextField{Name: "p256dh", Required: true, Max: 200},
		&core.TextField{Name: "auth", Required: true, Max: 100},
		&core.TextField{Name: "user_agent", Max: 300},
		&core.AutodateField{Name: "created", OnCreate: true},
		&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
	)
	// One row per device and account; the job reads a user's devices by
	// this index's leading column.
	subs.AddIndex("idx_push_subscriptions_user_endpoint", true, "user, endpoint", "")
	if err := app.Save(subs); err != nil {
		return fmt.Errorf("migrations: unable to create push_subscriptions: %w", err)
	}
	return nil
}

func removeReminders(app core.App) error {
	if subs, err := app.FindCollectionByNameOrId("push_subscriptions"); err == nil {
		if err := app.Delete(subs); err != nil {
			return fmt.Errorf("migrations: unable to drop push_subscriptions: %w", err)
		}
	}
	users, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		return fmt.Errorf("migrations: unable to find users: %w", err)
	}
	users.RemoveIndex("idx_users_reminder_next")
	for _, f := range reminderFields {
		users.Fields.RemoveByName(f)
	}
	return app.Save(users)
}

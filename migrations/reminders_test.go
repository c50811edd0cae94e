package migrations_test

import (
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"github.com/mend-app/mend/internal/testapp"
)

// Issue 11's schema: the reminder fields on users (bookkeeping hidden), the
// index behind the due-user query, and push_subscriptions with owner-only
// rules, one row per device and account, deleted with the user.
func TestRemindersSchema(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	users, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		t.Fatal(err)
	}
	ch, ok := users.Fields.GetByName("reminder_channels").(*core.SelectField)
	if !ok || ch.MaxSelect != 2 || strings.Join(ch.Values, ",") != "email,push" || ch.Hidden {
		t.Errorf("users.reminder_channels = %+v", users.Fields.GetByName("reminder_channels"))
	}
	for _, f := range []string{"reminded_day", "reminder_next"} {
		if field := users.Fields.GetByName(f); field == nil || !field.GetHidden() {
			t.Errorf("users.%s must exist and be hidden from the API", f)
		}
	}
	if !strings.Contains(strings.Join(users.Indexes, "\n"), "idx_users_reminder_next") {
		t.Errorf("users indexes %v lack idx_users_reminder_next", users.Indexes)
	}
	subs, err := app.FindCollectionByNameOrId("push_subscriptions")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"user", "endpoint", "p256dh", "auth", "user_agent"} {
		if subs.Fields.GetByName(f) == nil {
			t.Errorf("push_subscriptions.%s missing", f)
		}
	}
	if rel, ok := subs.Fields.GetByName("user").(*core.RelationField); !ok || !rel.CascadeDelete || !rel.Required {
		t.Error("push_subscriptions.user must be a required relation with cascade delete")
	}
	for name, rule := range map[string]*string{"list": subs.ListRule, "view": subs.ViewRule, "create": subs.CreateRule, "update": subs.UpdateRule, "delete": subs.DeleteRule} {
		if rule == nil || !strings.Contains(*rule, "@request.auth.id") {
			t.Errorf("push_subscriptions %s rule %v is not owner-only", name, rule)
		}
	}
	if idx := strings.Join(subs.Indexes, "\n"); !strings.Contains(idx, "UNIQUE") || !strings.Contains(idx, "(user, endpoint)") {
		t.Errorf("push_subscriptions indexes %v lack unique (user, endpoint)", subs.Indexes)
	}

	// Revert down to and including this migration (later issues' ones first).
	n := 0
	for _, m := range core.AppMigrations.Items() {
		if m.File >= "1765000400_update_users_reminders.go" {
			n++
		}
	}
	runner := core.NewMigrationsRunner(app, core.AppMigrations)
	if _, err := runner.Down(n); err != nil {
		t.Fatalf("revert: %v", err)
	}
	if _, err := app.FindCollectionByNameOrId("push_subscriptions"); err == nil {
		t.Error("push_subscriptions survived the revert")
	}
	users, _ = app.FindCollectionByNameOrId("users")
	if users.Fields.GetByName("reminder_channels") != nil || users.Fields.GetByName("timezone") == nil {
		t.Error("the revert must remove only the reminder fields")
	}
	if _, err := runner.Up(); err != nil {
		t.Fatalf("re-apply: %v", err)
	}
}

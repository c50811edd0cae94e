package hooks_test

import (
	"slices"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/tests"
)

// settled is the user's reminded_day and reminder_next.
func settled(t *testing.T, app *tests.TestApp, email string) (string, time.Time) {
	t.Helper()
	u, err := app.FindAuthRecordByEmail("users", email)
	if err != nil {
		t.Fatal(err)
	}
	return u.GetString("reminded_day"), u.GetDateTime("reminder_next").Time()
}

// A reminder that no chosen channel can carry yet (address not verified,
// SMTP off, no push device) leaves the day open: it goes out once the
// channel works, the same day, and still only once. reminderApp's clock is
// 20:30 in Berlin; these parents' reminders were due at 20:00.
func TestRemindersWaitForADeliverableChannel(t *testing.T) {
	t.Parallel()
	t.Run("address verified later", func(t *testing.T) {
		t.Parallel()
		app, c := reminderApp(t)
		run(t, app, c.Now())
		if slices.Contains(recipients(app), "unverified@example.com") {
			t.Fatal("mailed an unverified address")
		}
		day, next := settled(t, app, "unverified@example.com")
		if want := c.Now().Add(10 * time.Minute); day != "" || !next.Equal(want) {
			t.Fatalf("undeliverable reminder: reminded_day %q, reminder_next %s; want none and %s", day, next, want)
		}
		u, err := app.FindAuthRecordByEmail("users", "unverified@example.com")
		if err != nil {
			t.Fatal(err)
		}
		u.SetVerified(true)
		if err := app.Save(u); err != nil {
			t.Fatal(err)
		}
		run(t, app, c.set("2026-01-10T19:31:00Z"))
		run(t, app, c.set("2026-01-10T19:45:00Z"))
		if n := countOf(recipients(app), "unverified@example.com"); n != 1 {
			t.Fatalf("after verifying, reminded %d times, want once", n)
		}
		if day, _ := settled(t, app, "unverified@example.com"); day != "2026-01-10" {
			t.Errorf("reminded_day = %q after sending, want 2026-01-10", day)
		}
	})
	t.Run("SMTP set up later", func(t *testing.T) {
		t.Parallel()
		app, c := reminderApp(t)
		app.Settings().SMTP.Enabled = false
		run(t, app, c.Now())
		if day, _ := settled(t, app, "due-east@example.com"); day != "" {
			t.Fatalf("with SMTP off the day was settled (%q)", day)
		}
		app.Settings().SMTP.Enabled = true
		run(t, app, c.set("2026-01-10T19:35:00Z")) // before the retry: nothing yet
		if n := countOf(recipients(app), "due-east@example.com"); n != 0 {
			t.Fatalf("retried before its time: %d mails", n)
		}
		run(t, app, c.set("2026-01-10T19:40:00Z"))
		run(t, app, c.set("2026-01-10T19:50:00Z"))
		if n := countOf(recipients(app), "due-east@example.com"); n != 1 {
			t.Fatalf("once SMTP works, reminded %d times, want once", n)
		}
	})
	t.Run("push without a device", func(t *testing.T) {
		t.Parallel()
		app, c := reminderApp(t)
		run(t, app, c.Now())
		if day, _ := settled(t, app, "push-only@example.com"); day != "" {
			t.Errorf("push reminder without a device settled the day (%q)", day)
		}
		// The next morning the open day has passed: tomorrow's reminder is
		// scheduled, not a late one for today.
		run(t, app, c.set("2026-01-11T08:00:00Z"))
		if day, next := settled(t, app, "push-only@example.com"); day != "" || !next.Equal(time.Date(2026, 1, 11, 19, 0, 0, 0, time.UTC)) {
			t.Errorf("next morning: reminded_day %q, reminder_next %s; want none and 20:00 Berlin", day, next)
		}
	})
}

func countOf(list []string, s string) int {
	n := 0
	for _, v := range list {
		if v == s {
			n++
		}
	}
	return n
}

package store

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/mend-app/mend/internal/journal"
	"github.com/mend-app/mend/internal/reminders"
)

// PushSubscriptions is the collection of Web Push devices (DESIGN.md).
const PushSubscriptions = "push_subscriptions"

// ReminderUser is what the reminder job needs to know about one parent.
type ReminderUser struct {
	ID       string
	Email    string
	Verified bool
	Channels []string
	Schedule reminders.Schedule
	// Next is reminder_next as stored, the guard of a conditional reschedule.
	Next string
}

type reminderRow struct {
	ID       string `db:"id"`
	Email    string `db:"email"`
	Verified bool   `db:"verified"`
	Zone     string `db:"timezone"`
	Clock    string `db:"reminder_time"`
	Channels string `db:"reminder_channels"`
	Settled  string `db:"reminded_day"`
	Next     string `db:"reminder_next"`
}

// ScheduleFromRecord reads the reminder setting of a users record (in a save
// hook, before the row is written).
func ScheduleFromRecord(r *core.Record) (reminders.Schedule, []string) {
	return schedule(r.GetString("timezone"), r.GetString("reminder_time"), r.GetString("reminded_day")), r.GetStringSlice("reminder_channels")
}

func schedule(zone, clock, settled string) reminders.Schedule {
	s := reminders.Schedule{Clock: clock, Location: time.UTC}
	if loc, err := journal.LoadZone(zone); err == nil {
		s.Location = loc
	}
	if d, err := journal.ParseDay(settled); err == nil {
		s.Settled = &d
	}
	return s
}

// DueReminders lists up to limit users whose next reminder instant has come,
// earliest first: one range scan of idx_users_reminder_next, whatever the
// number of users or journal rows. Users without reminders hold an empty
// reminder_next and are outside the range.
func DueReminders(app core.App, now time.Time, limit int) ([]ReminderUser, error) {
	var rows []reminderRow
	err := app.DB().Select("id", "email", "verified", "timezone", "reminder_time", "reminder_channels", "reminded_day", "reminder_next").
		From(Users).
		Where(dbx.NewExp("reminder_next > '' AND reminder_next <= {:now}", dbx.Params{"now": dateTime(now)})).
		OrderBy("reminder_next").
		Limit(int64(limit)).
		All(&rows)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list due reminders: %w", err)
	}
	out := make([]ReminderUser, 0, len(rows))
	for _, r := range rows {
		var channels []string
		if r.Channels != "" {
			if err := json.Unmarshal([]byte(r.Channels), &channels); err != nil {
				return nil, fmt.Errorf("store: unable to read reminder channels: %w", err)
			}
		}
		out = append(out, ReminderUser{ID: r.ID, Email: r.Email, Verified: r.Verified, Channels: channels,
			Schedule: schedule(r.Zone, r.Clock, r.Settled), Next: r.Next})
	}
	return out, nil
}

// LoggedOn reports whether userID logged anything (an entry or any score)
// for day: at most four lookups on the (user, day) indexes.
func LoggedOn(app core.App, userID string, day journal.Day) (bool, error) {
	for _, c := range JournalCollections {
		var n int
		err := app.DB().Select("COUNT(*)").From(c).
			Where(dbx.HashExp{"user": userID, "day": day.String()}).Limit(1).Row(&n)
		if err != nil {
			return false, fmt.Errorf("store: unable to check %s: %w", c, err)
		}
		if n > 0 {
			return true, nil
		}
	}
	return false, nil
}

// ClaimReminderDay settles day for userID and moves her next reminder to
// next, only if no run has settled that day (or a later one) yet. It is one
// conditional UPDATE, so of two runs racing for the same day exactly one
// gets true; the day survives restarts because it is in the row.
func ClaimReminderDay(app core.App, userID string, day journal.Day, next time.Time) (bool, error) {
	res, err := app.DB().NewQuery("UPDATE " + Users + " SET reminded_day = {:day}, reminder_next = {:next} " +
		"WHERE id = {:id} AND (reminded_day = '' OR reminded_day IS NULL OR reminded_day < {:day})").
		Bind(dbx.Params{"id": userID, "day": day.String(), "next": dateTime(next)}).Execute()
	if err != nil {
		return false, fmt.Errorf("store: unable to claim reminder day: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("store: unable to claim reminder day: %w", err)
	}
	return n == 1, nil
}

// RescheduleReminder moves userID's next reminder to next (none when next
// is zero) if it is still old: a profile save in between has set a fresh one.
func RescheduleReminder(app core.App, userID, old string, next time.Time) error {
	v := ""
	if !next.IsZero() {
		v = dateTime(next)
	}
	_, err := app.DB().NewQuery("UPDATE " + Users + " SET reminder_next = {:next} WHERE id = {:id} AND reminder_next = {:old}").
		Bind(dbx.Params{"id": userID, "old": old, "next": v}).Execute()
	if err != nil {
		return fmt.Errorf("store: unable to reschedule reminder: %w", err)
	}
	return nil
}

// PushSubscriptionsOf lists userID's devices.
func PushSubscriptionsOf(app core.App, userID string) ([]*core.Record, error) {
	recs, err := app.FindAllRecords(PushSubscriptions, dbx.HashExp{"user": userID})
	if err != nil {
		return nil, fmt.Errorf("store: unable to list push subscriptions: %w", err)
	}
	return recs, nil
}

// dateTime formats t as PocketBase stores DateField values, so text
// comparison in SQL orders instants correctly.
func dateTime(t time.Time) string {
	dt, err := types.ParseDateTime(t.UTC())
	if err != nil {
		return ""
	}
	return dt.String()
}

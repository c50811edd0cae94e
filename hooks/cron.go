package hooks

import (
	"context"
	"net/mail"
	"slices"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/mailer"

	"github.com/mend-app/mend/internal/reminders"
	"github.com/mend-app/mend/internal/store"
)

// ReminderJobID is the cron job's id (DESIGN.md); a superuser can run it at
// once with POST /api/crons/mend_reminders.
const ReminderJobID = "mend_reminders"

// reminderBatch bounds one run; a run every minute drains a backlog after
// downtime in a few minutes without holding the job for long.
const reminderBatch = 500

// reminderRetry is how long a due reminder that no channel can carry yet
// waits before the job looks again (a device may be added meanwhile); it
// also keeps such users from filling every run's batch.
const reminderRetry = 10 * time.Minute

// bindReminders registers the job. PocketBase runs it every minute while
// the server is up; the decisions live in internal/reminders and the claim
// in store.ClaimReminderDay, so a run that is repeated, late or concurrent
// with another never reminds anyone twice on one day.
func (h *handlers) bindReminders(app core.App) {
	app.Cron().MustAdd(ReminderJobID, "* * * * *", func() {
		if err := h.runReminders(app, h.now()); err != nil {
			app.Logger().Error("reminders: run failed", "error", err)
		}
	})
}

// RunReminders runs the reminder job once at now, as the cron does; tests
// and tools call it to avoid waiting for the minute.
func RunReminders(app core.App, now time.Time) error {
	h, ok := app.Store().Get(handlersKey).(*handlers)
	if !ok {
		return errNotRegistered
	}
	return h.runReminders(app, now)
}

func (h *handlers) runReminders(app core.App, now time.Time) error {
	due, err := store.DueReminders(app, now, reminderBatch)
	if err != nil {
		return err
	}
	for _, u := range due {
		if err := h.remindOne(app, u, now); err != nil {
			// One user's failure (a bad address, a push service down) must
			// not stop the others; the log names the user, never content.
			app.Logger().Warn("reminders: unable to remind", "user", u.ID, "error", err)
		}
	}
	return nil
}

func (h *handlers) remindOne(app core.App, u store.ReminderUser, now time.Time) error {
	day, due := u.Schedule.Due(now)
	if !due {
		// Stale schedule (e.g. a missed day): move on to the next one.
		if !u.Schedule.Active() || len(u.Channels) == 0 {
			return store.RescheduleReminder(app, u.ID, u.Next, time.Time{})
		}
		_, at := u.Schedule.Next(now)
		return store.RescheduleReminder(app, u.ID, u.Next, at)
	}
	after := u.Schedule
	after.Settled = &day
	_, next := after.Next(now)
	logged, err := store.LoggedOn(app, u.ID, day)
	if err != nil {
		return err
	}
	if logged {
		// A logged day is settled too, so the check is not repeated
		// every minute until midnight.
		_, err := store.ClaimReminderDay(app, u.ID, day, next)
		return err
	}
	var subs []*core.Record
	if slices.Contains(u.Channels, reminders.Push) {
		if subs, err = store.PushSubscriptionsOf(app, u.ID); err != nil {
			return err
		}
	}
	ready := reminders.Deliverable(u.Channels, reminders.Reach{Mail: app.Settings().SMTP.Enabled && u.Verified, Devices: len(subs)})
	if len(ready) == 0 {
		// Nothing can carry it yet (address not verified, SMTP off, no
		// device): the day stays open and is looked at again later, behind
		// everyone due now. Verifying her address saves the profile, which
		// makes her due again at once.
		return store.RescheduleReminder(app, u.ID, u.Next, now.Add(reminderRetry))
	}
	// Claim the day before sending, so two runs never both send.
	claimed, err := store.ClaimReminderDay(app, u.ID, day, next)
	if err != nil || !claimed {
		return err
	}
	if slices.Contains(ready, reminders.Email) {
		if err := sendReminderMail(app, u); err != nil {
			return err
		}
	}
	if slices.Contains(ready, reminders.Push) {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		return h.pushTo(ctx, app, subs)
	}
	return nil
}

// sendReminderMail sends the reminder email. remindOne calls it only when
// SMTP is configured (PocketBase would otherwise try the local sendmail) and
// the address is verified, so nobody can sign a stranger up for daily mail.
func sendReminderMail(app core.App, u store.ReminderUser) error {
	s := app.Settings()
	msg, err := reminders.EmailMessage(s.Meta.AppName, s.Meta.AppURL)
	if err != nil {
		return err
	}
	return app.NewMailClient().Send(&mailer.Message{
		From:    mail.Address{Name: s.Meta.SenderName, Address: s.Meta.SenderAddress},
		To:      []mail.Address{{Address: u.Email}},
		Subject: msg.Subject,
		HTML:    msg.HTML,
		Text:    msg.Text,
	})
}

// scheduleReminder keeps users.reminder_next current on every save of a
// users record (time, zone or channels changed), so the job's query stays
// one indexed range; no channel or no time means no reminder at all.
func (h *handlers) scheduleReminder(e *core.RecordEvent) error {
	s, channels := store.ScheduleFromRecord(e.Record)
	if !s.Active() || len(channels) == 0 {
		e.Record.Set("reminder_next", "")
		return e.Next()
	}
	_, at := s.Next(h.now())
	e.Record.Set("reminder_next", at.UTC())
	return e.Next()
}

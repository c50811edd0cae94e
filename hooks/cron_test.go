package hooks_test

import (
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/mend-app/mend/hooks"
	"github.com/mend-app/mend/internal/testapp"
)

// set moves the test clock (share_test.go) to an RFC 3339 instant.
func (c *clock) set(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
	return t
}

const reminderSecret = "SECRET-NOTE-NEVER-IN-A-REMINDER"

// reminderApp holds parents in zones east and west of UTC at 2026-01-10
// 19:30 UTC (20:30 in Berlin, 11:30 in Los Angeles); who is due is in the
// email address. SMTP is on and the Application URL set.
func reminderApp(t *testing.T) (*tests.TestApp, *clock) {
	t.Helper()
	c := &clock{}
	c.set("2026-01-10T19:30:00Z")
	app := testapp.NewWith(t, testapp.Options{Now: c.Now})
	app.Settings().SMTP.Enabled = true
	app.Settings().Meta.AppURL = "https://mend.example"
	users := []struct {
		email    string
		zone     string
		at       string
		channels []string
		verified bool
	}{
		{"due-east@example.com", "Europe/Berlin", "20:00", []string{"email"}, true},
		{"due-west@example.com", "America/Los_Angeles", "11:00", []string{"email", "push"}, true},
		{"logged@example.com", "Europe/Berlin", "20:00", []string{"email"}, true},
		{"later@example.com", "Europe/Berlin", "21:00", []string{"email"}, true},
		{"off@example.com", "Europe/Berlin", "20:00", nil, true},
		{"unverified@example.com", "Europe/Berlin", "20:00", []string{"email"}, false},
		{"push-only@example.com", "Europe/Berlin", "20:00", []string{"push"}, true},
		{"no-time@example.com", "Europe/Berlin", "", []string{"email"}, true},
	}
	for _, u := range users {
		rec, _ := testapp.User(t, app, u.email, map[string]any{"timezone": u.zone, "reminder_time": u.at, "reminder_channels": u.channels})
		if !u.verified {
			rec.SetVerified(false)
			if err := app.Save(rec); err != nil {
				t.Fatal(err)
			}
		}
		// Yesterday's note must never reach a reminder.
		testapp.Record(t, app, "pain_scores", map[string]any{"user": rec.Id, "day": "2026-01-09", "score": 6, "note": reminderSecret})
		if u.email == "logged@example.com" {
			testapp.Record(t, app, "pain_scores", map[string]any{"user": rec.Id, "day": "2026-01-10", "score": 2})
		}
	}
	return app, c
}

func recipients(app *tests.TestApp) []string {
	var out []string
	for _, m := range app.TestMailer.Messages() {
		for _, to := range m.To {
			out = append(out, to.Address)
		}
	}
	slices.Sort(out)
	return out
}

func run(t *testing.T, app core.App, now time.Time) {
	t.Helper()
	if err := hooks.RunReminders(app, now); err != nil {
		t.Fatal(err)
	}
}

func TestRemindersEmailOncePerDay(t *testing.T) {
	t.Parallel()
	app, c := reminderApp(t)
	run(t, app, c.Now())
	want := []string{"due-east@example.com", "due-west@example.com"}
	if got := recipients(app); !slices.Equal(got, want) {
		t.Fatalf("first run mailed %v, want %v", got, want)
	}
	for _, m := range app.TestMailer.Messages() {
		for _, part := range []string{m.Subject, m.Text, m.HTML} {
			if strings.Contains(part, reminderSecret) || strings.Contains(part, "2026-01-09") {
				t.Errorf("reminder carries journal content: %q", part)
			}
		}
		if !strings.Contains(m.Text, "https://mend.example/#/today") || !strings.Contains(m.HTML, "https://mend.example/#/settings") {
			t.Errorf("reminder lacks the app or settings link:\n%s", m.Text)
		}
	}
	// Repeated and late runs on the same day send nothing more.
	run(t, app, c.Now())
	run(t, app, c.set("2026-01-10T19:45:00Z"))
	if got := recipients(app); !slices.Equal(got, want) {
		t.Fatalf("repeated runs mailed %v, want only %v", got, want)
	}
	// 21:00 in Berlin: the later parent's turn, once.
	run(t, app, c.set("2026-01-10T20:00:00Z"))
	run(t, app, c.set("2026-01-10T20:01:00Z"))
	want = append(want, "later@example.com")
	slices.Sort(want)
	if got := recipients(app); !slices.Equal(got, want) {
		t.Fatalf("at 21:00 Berlin mailed %v, want %v", got, want)
	}
	// The next day everyone due is reminded again, once.
	app.TestMailer.Reset()
	run(t, app, c.set("2026-01-11T20:30:00Z"))
	run(t, app, c.Now())
	want = []string{"due-east@example.com", "due-west@example.com", "later@example.com", "logged@example.com"}
	if got := recipients(app); !slices.Equal(got, want) {
		t.Fatalf("next day mailed %v, want %v", got, want)
	}
}

// Two jobs racing (a slow run overlapping the next minute's) remind each
// parent once: the day is claimed by one conditional UPDATE before sending.
func TestRemindersConcurrentRuns(t *testing.T) {
	t.Parallel()
	app, c := reminderApp(t)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() { run(t, app, c.Now()) })
	}
	wg.Wait()
	if got := recipients(app); !slices.Equal(got, []string{"due-east@example.com", "due-west@example.com"}) {
		t.Fatalf("concurrent runs mailed %v", got)
	}
}

// A restart loses nothing: the settled day is in the database, so a new
// process (a new app on the same data) sends nothing more that day.
func TestRemindersSurviveRestart(t *testing.T) {
	t.Parallel()
	app, c := reminderApp(t)
	run(t, app, c.Now())
	u, err := app.FindAuthRecordByEmail("users", "due-east@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if got := u.GetString("reminded_day"); got != "2026-01-10" {
		t.Errorf("reminded_day = %q, want 2026-01-10", got)
	}
	if got := u.GetDateTime("reminder_next").Time(); !got.Equal(time.Date(2026, 1, 11, 19, 0, 0, 0, time.UTC)) {
		t.Errorf("reminder_next = %s, want tomorrow 20:00 Berlin", got)
	}
}

func TestRemindersWithoutSMTPSendNothing(t *testing.T) {
	t.Parallel()
	app, c := reminderApp(t)
	app.Settings().SMTP.Enabled = false
	run(t, app, c.Now())
	if n := app.TestMailer.TotalSend(); n != 0 {
		t.Fatalf("sent %d mails with SMTP off", n)
	}
}

// The schedule follows profile saves: turning reminders off empties it,
// and the job's bookkeeping is neither shown nor writable through the API.
func TestReminderFieldsThroughAPI(t *testing.T) {
	t.Parallel()
	noBookkeeping := func(t testing.TB, app *tests.TestApp, id string) {
		r, err := app.FindRecordById("users", id)
		if err != nil {
			t.Fatal(err)
		}
		if r.GetString("reminded_day") == "2099-01-01" || strings.HasPrefix(r.GetString("reminder_next"), "2099") {
			t.Errorf("a user wrote the job's bookkeeping: %q %q", r.GetString("reminded_day"), r.GetString("reminder_next"))
		}
	}
	scenarios := []struct {
		name, method, body string
		status             int
		want, notWant      []string
		after              func(t testing.TB, app *tests.TestApp, c *clock, id string)
	}{
		{name: "owner sees channels, not bookkeeping", method: http.MethodGet, status: 200,
			want: []string{`"reminder_channels":["email"]`, `"reminder_time":"20:00"`}, notWant: []string{"reminded_day", "reminder_next"}},
		{name: "owner cannot set bookkeeping", method: http.MethodPatch, status: 200, want: []string{`"reminder_time":"20:00"`},
			body:  `{"reminded_day":"2099-01-01","reminder_next":"2099-01-01 00:00:00.000Z"}`,
			after: func(t testing.TB, app *tests.TestApp, _ *clock, id string) { noBookkeeping(t, app, id) }},
		{name: "bad channel refused", method: http.MethodPatch, status: 400, body: `{"reminder_channels":["sms"]}`,
			want: []string{`"reminder_channels"`}},
		{name: "turn reminders off", method: http.MethodPatch, status: 200, body: `{"reminder_channels":[]}`, want: []string{`"reminder_channels":[]`},
			after: func(t testing.TB, app *tests.TestApp, c *clock, id string) {
				r, err := app.FindRecordById("users", id)
				if err != nil {
					t.Fatal(err)
				}
				if r.GetString("reminder_next") != "" {
					t.Errorf("reminders off but reminder_next = %q", r.GetString("reminder_next"))
				}
				if err := hooks.RunReminders(app, c.Now()); err != nil {
					t.Fatal(err)
				}
				if slices.Contains(recipients(app), "due-east@example.com") {
					t.Error("reminded after turning reminders off")
				}
			}},
	}
	for _, sc := range scenarios {
		app, c := reminderApp(t)
		u, err := app.FindAuthRecordByEmail("users", "due-east@example.com")
		if err != nil {
			t.Fatal(err)
		}
		token, err := u.NewAuthToken()
		if err != nil {
			t.Fatal(err)
		}
		s := tests.ApiScenario{Name: sc.name, Method: sc.method, URL: "/api/collections/users/records/" + u.Id,
			Headers: map[string]string{"Authorization": token}, ExpectedStatus: sc.status,
			ExpectedContent: sc.want, NotExpectedContent: sc.notWant,
			TestAppFactory: func(testing.TB) *tests.TestApp { return app }}
		if sc.body != "" {
			s.Body = strings.NewReader(sc.body)
		}
		if sc.after != nil {
			s.AfterTestFunc = func(t testing.TB, app *tests.TestApp, _ *http.Response) { sc.after(t, app, c, u.Id) }
		}
		s.Test(t)
	}
}

// The users due are one range scan of idx_users_reminder_next.
func TestDueQueryUsesIndex(t *testing.T) {
	t.Parallel()
	app, _ := reminderApp(t)
	var plan []struct {
		Detail string `db:"detail"`
	}
	err := app.DB().NewQuery("EXPLAIN QUERY PLAN SELECT id FROM users WHERE reminder_next > '' AND reminder_next <= {:now} ORDER BY reminder_next LIMIT 500").
		Bind(map[string]any{"now": "2026-01-10 19:30:00.000Z"}).All(&plan)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan) != 1 || !strings.Contains(plan[0].Detail, "USING INDEX idx_users_reminder_next") {
		t.Errorf("due query plan %+v, want one search using idx_users_reminder_next", plan)
	}
}

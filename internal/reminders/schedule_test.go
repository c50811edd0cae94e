package reminders_test

import (
	"testing"
	"time"

	"github.com/mend-app/mend/internal/journal"
	"github.com/mend-app/mend/internal/reminders"
)

func zone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func settled(s string) *journal.Day {
	d := journal.MustDay(s)
	return &d
}

func TestDue(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		name    string
		zone    string
		clock   string
		settled *journal.Day
		now     string // UTC
		due     bool
		day     string // the logical day reminded (when due) or next to remind
		at      string // UTC instant of that day's reminder
	}{
		{"east of UTC, a minute early", "Europe/Berlin", "20:00", nil, "2026-01-10T18:59:00Z", false, "2026-01-10", "2026-01-10T19:00:00Z"},
		{"east of UTC, on time", "Europe/Berlin", "20:00", nil, "2026-01-10T19:00:00Z", true, "2026-01-10", "2026-01-10T19:00:00Z"},
		{"far east: local day ahead of UTC", "Asia/Tokyo", "08:00", nil, "2026-01-09T23:00:00Z", true, "2026-01-10", "2026-01-09T23:00:00Z"},
		{"west of UTC, a minute early", "America/Los_Angeles", "20:00", nil, "2026-01-11T03:59:00Z", false, "2026-01-10", "2026-01-11T04:00:00Z"},
		{"west of UTC: UTC is already tomorrow", "America/Los_Angeles", "20:00", nil, "2026-01-11T04:00:00Z", true, "2026-01-10", "2026-01-11T04:00:00Z"},
		{"half-hour zone", "Asia/Kolkata", "21:30", nil, "2026-01-10T16:00:00Z", true, "2026-01-10", "2026-01-10T16:00:00Z"},
		{"already reminded today", "Europe/Berlin", "20:00", settled("2026-01-10"), "2026-01-10T21:00:00Z", false, "2026-01-11", "2026-01-11T19:00:00Z"},
		{"reminded yesterday, due again", "Europe/Berlin", "20:00", settled("2026-01-09"), "2026-01-10T19:30:00Z", true, "2026-01-10", "2026-01-10T19:00:00Z"},
		{"4 a.m. rule: 02:30 still belongs to yesterday, late job sends", "Europe/Berlin", "20:00", settled("2026-01-09"), "2026-01-11T01:30:00Z", true, "2026-01-10", "2026-01-10T19:00:00Z"},
		{"4 a.m. rule: after 4 a.m. a missed day is not sent late", "Europe/Berlin", "20:00", settled("2026-01-09"), "2026-01-11T03:30:00Z", false, "2026-01-11", "2026-01-11T19:00:00Z"},
		{"reminder before 4 a.m. asks about the day ending", "Europe/Berlin", "02:00", settled("2026-01-09"), "2026-01-11T00:59:00Z", false, "2026-01-10", "2026-01-11T01:00:00Z"},
		{"reminder before 4 a.m., due", "Europe/Berlin", "02:00", settled("2026-01-09"), "2026-01-11T01:00:00Z", true, "2026-01-10", "2026-01-11T01:00:00Z"},
		{"spring forward: the offset changes that day", "Europe/Berlin", "20:00", nil, "2026-03-29T18:00:00Z", true, "2026-03-29", "2026-03-29T18:00:00Z"},
		{"spring forward: a time in the gap moves forward", "Europe/Berlin", "02:30", settled("2026-03-27"), "2026-03-29T01:30:00Z", true, "2026-03-28", "2026-03-29T01:30:00Z"},
		{"spring forward past 4 a.m. (Kyiv) keeps the day", "Europe/Kyiv", "03:30", settled("2026-03-27"), "2026-03-29T00:59:00Z", true, "2026-03-28", "2026-03-29T00:59:00Z"},
		{"fall back west of UTC", "America/New_York", "20:00", nil, "2026-11-02T00:59:00Z", false, "2026-11-01", "2026-11-02T01:00:00Z"},
		{"southern hemisphere DST", "Australia/Sydney", "19:00", nil, "2026-04-05T09:00:00Z", true, "2026-04-05", "2026-04-05T09:00:00Z"},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			s := reminders.Schedule{Clock: sc.clock, Location: zone(t, sc.zone), Settled: sc.settled}
			now := utc(sc.now)
			day, due := s.Due(now)
			if due != sc.due {
				t.Fatalf("due = %v, want %v", due, sc.due)
			}
			nextDay, at := s.Next(now)
			if nextDay.String() != sc.day {
				t.Errorf("day = %s, want %s", nextDay, sc.day)
			}
			if due && day != nextDay {
				t.Errorf("Due day %s differs from Next day %s", day, nextDay)
			}
			if !at.Equal(utc(sc.at)) {
				t.Errorf("at = %s, want %s", at.UTC().Format(time.RFC3339), sc.at)
			}
		})
	}
}

func TestInactiveNeverDue(t *testing.T) {
	t.Parallel()
	for _, clock := range []string{"", "24:00", "7:30", "07:60", "ab:cd", "07-30"} {
		s := reminders.Schedule{Clock: clock, Location: time.UTC}
		if _, due := s.Due(utc("2026-01-10T23:59:00Z")); due {
			t.Errorf("clock %q is due", clock)
		}
	}
	if _, due := (reminders.Schedule{Clock: "07:00"}).Due(utc("2026-01-10T23:59:00Z")); due {
		t.Error("a schedule without a zone is due")
	}
}

// TestOncePerDayEveryMinute runs the job's decision every minute for four
// days around a DST change in zones east and west of UTC, settling the day
// whenever a reminder goes out: each logical day gets exactly one reminder,
// at or after its time, and never earlier.
func TestOncePerDayEveryMinute(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"Europe/Berlin", "America/Los_Angeles", "Asia/Tokyo", "Europe/Kyiv", "Australia/Sydney", "UTC"} {
		for _, clock := range []string{"00:00", "02:30", "03:30", "04:00", "20:00", "23:59"} {
			t.Run(name+" "+clock, func(t *testing.T) {
				t.Parallel()
				loc := zone(t, name)
				s := reminders.Schedule{Clock: clock, Location: loc}
				sent := map[journal.Day]int{}
				start := utc("2026-03-27T00:00:00Z")
				for now := start; now.Before(start.Add(96 * time.Hour)); now = now.Add(time.Minute) {
					day, due := s.Due(now)
					if !due {
						continue
					}
					if journal.LogicalDay(now, loc) != day {
						t.Fatalf("%s: reminder for %s sent on logical day %s", now, day, journal.LogicalDay(now, loc))
					}
					sent[day]++
					s.Settled = &day
				}
				first, last := journal.LogicalDay(start, loc)+1, journal.LogicalDay(start.Add(96*time.Hour), loc)-1
				for d := first; d <= last; d++ {
					if sent[d] != 1 {
						t.Errorf("day %s got %d reminders, want 1", d, sent[d])
					}
				}
			})
		}
	}
}

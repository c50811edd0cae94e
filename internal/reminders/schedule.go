// Package reminders decides when a parent is due for her daily reminder and
// what the reminder says. It is pure: the clock, her zone and what the
// database holds are passed in, so the rules are table-tested across zones,
// DST days and the 4 a.m. rule without a server. hooks/cron.go adapts it.
package reminders

import (
	"time"

	"github.com/mend-app/mend/internal/journal"
)

// The channels a reminder can go out on (users.reminder_channels).
const (
	Email = "email"
	Push  = "push"
)

// Channels lists every reminder channel, in the order Settings shows them.
var Channels = []string{Email, Push}

// Schedule is one parent's reminder setting as the job sees it.
type Schedule struct {
	// Clock is reminder_time, "HH:MM" on her own wall clock; "" = none.
	Clock string
	// Location is her time zone.
	Location *time.Location
	// Settled is the last logical day already dealt with (reminded, or found
	// logged); nil when there was none yet.
	Settled *journal.Day
}

// ParseClock reads a 24-hour "HH:MM"; ok is false for anything else.
func ParseClock(s string) (hour, minute int, ok bool) {
	if len(s) != 5 || s[2] != ':' {
		return 0, 0, false
	}
	digit := func(b byte) (int, bool) { return int(b - '0'), b >= '0' && b <= '9' }
	h1, ok1 := digit(s[0])
	h2, ok2 := digit(s[1])
	m1, ok3 := digit(s[3])
	m2, ok4 := digit(s[4])
	hour, minute = h1*10+h2, m1*10+m2
	if !ok1 || !ok2 || !ok3 || !ok4 || hour > 23 || minute > 59 {
		return 0, 0, false
	}
	return hour, minute, true
}

// Active reports whether s can ever fire: a valid time and a zone.
func (s Schedule) Active() bool {
	_, _, ok := ParseClock(s.Clock)
	return ok && s.Location != nil
}

// At is the instant the reminder for logical day d fires. A time before
// 4 a.m. belongs to the night after d's calendar day, as a log made then
// does (journal.LogicalDay), so a 02:00 reminder asks about the day that is
// ending rather than one that has not begun. On a DST day a wall time that
// does not exist moves forward by the gap (Go's time.Date); if that pushes it
// past 4 a.m. (zones that spring forward at 03:00) it is kept one minute
// before 4 a.m. so the day still gets its reminder. s must be Active.
func (s Schedule) At(d journal.Day) time.Time {
	hour, minute, _ := ParseClock(s.Clock)
	cal := d
	if hour < journal.LogicalDayCutoffHour {
		cal = d + 1
	}
	y, m, dd := cal.Time().Date()
	at := time.Date(y, m, dd, hour, minute, 0, 0, s.Location)
	if journal.LogicalDay(at, s.Location) != d {
		y, m, dd = (d + 1).Time().Date()
		at = time.Date(y, m, dd, journal.LogicalDayCutoffHour, 0, 0, 0, s.Location).Add(-time.Minute)
	}
	return at
}

// Next is the logical day and instant of the next reminder not yet settled,
// as seen at now: today's (by the 4 a.m. rule) while it is unsettled, even if
// its time has passed (a late or restarted job still sends it that day),
// else the day after the last one settled. A missed day is never sent late
// on the next one. s must be Active.
func (s Schedule) Next(now time.Time) (journal.Day, time.Time) {
	d := journal.LogicalDay(now, s.Location)
	if s.Settled != nil && *s.Settled >= d {
		d = *s.Settled + 1
	}
	return d, s.At(d)
}

// Due reports whether a reminder is due at now and for which logical day.
// The caller still checks that nothing is logged for that day and claims
// the day before sending, so two runs never both send.
func (s Schedule) Due(now time.Time) (journal.Day, bool) {
	if !s.Active() {
		return 0, false
	}
	d, at := s.Next(now)
	return d, !at.After(now)
}

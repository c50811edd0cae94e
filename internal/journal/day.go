// Package journal holds Mend's domain types (days, entries, scores) and the
// pure validation rules every save must pass. It never imports PocketBase, so
// the rules are tested with plain values and shared by hooks, routes and tools.
package journal

import (
	"encoding/json"
	"fmt"
	"time"
)

// DayLayout is the text form of a Day in every collection and route.
const DayLayout = "2006-01-02"

// Day is a calendar day in the user's own time zone, counted in days since
// 1970-01-01. Keeping it an integer makes the gap and window arithmetic of the
// insights code exact and immune to DST: a day is never 23 or 25 hours.
type Day int32

// ParseDay reads a strict YYYY-MM-DD day and rejects impossible dates such as
// 2026-02-30, which time.Parse would also reject, and forms such as "2026-2-3".
func ParseDay(s string) (Day, error) {
	if len(s) != len(DayLayout) {
		return 0, fmt.Errorf("journal: day %q is not in the form YYYY-MM-DD", s)
	}
	t, err := time.Parse(DayLayout, s)
	if err != nil {
		return 0, fmt.Errorf("journal: day %q is not a real calendar date", s)
	}
	return DayOf(t), nil
}

// MustDay is ParseDay for literals in tests and seed data; it panics on a bad day.
func MustDay(s string) Day {
	d, err := ParseDay(s)
	if err != nil {
		panic(err)
	}
	return d
}

// DayOf returns the calendar day of t as read on t's own wall clock.
func DayOf(t time.Time) Day {
	y, m, d := t.Date()
	u := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return Day(u.Unix() / 86400)
}

// Today is the user's current calendar day in loc.
func Today(now time.Time, loc *time.Location) Day {
	return DayOf(now.In(loc))
}

// LogicalDayCutoffHour is the hour before which a log belongs to the day
// before: a 3 a.m. night feed is still "last night" to a tired parent.
const LogicalDayCutoffHour = 4

// LogicalDay is the journal day a log made at now belongs to by default.
func LogicalDay(now time.Time, loc *time.Location) Day {
	local := now.In(loc)
	d := DayOf(local)
	if local.Hour() < LogicalDayCutoffHour {
		d--
	}
	return d
}

// Time returns midnight UTC of d, for formatting and calendar maths only.
func (d Day) Time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// String formats d as YYYY-MM-DD.
func (d Day) String() string { return d.Time().Format(DayLayout) }

// AddDays returns the day n days after d (before it when n < 0).
func (d Day) AddDays(n int) Day { return d + Day(n) }

// DaysSince returns how many days d is after o (negative when before).
func (d Day) DaysSince(o Day) int { return int(d - o) }

// MarshalJSON writes d as "YYYY-MM-DD", the contract's day form.
func (d Day) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads "YYYY-MM-DD".
func (d *Day) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("journal: day must be a string: %w", err)
	}
	v, err := ParseDay(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

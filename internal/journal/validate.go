package journal

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	// Time zones must resolve on any machine, including minimal containers
	// without /usr/share/zoneinfo.
	_ "time/tzdata"
)

// Problem is why one field was refused: a stable code clients can match on
// and a message a tired person can act on.
type Problem struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Problems maps field names to their problem; empty means valid.
type Problems map[string]Problem

// Error lists the problems in field order so messages are stable.
func (p Problems) Error() string {
	keys := make([]string, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + ": " + p[k].Message
	}
	return strings.Join(parts, "; ")
}

// Err returns p as an error, or nil when there is no problem.
func (p Problems) Err() error {
	if len(p) == 0 {
		return nil
	}
	return p
}

func (p Problems) add(field, code, format string, args ...any) {
	if _, seen := p[field]; !seen {
		p[field] = Problem{Code: code, Message: fmt.Sprintf(format, args...)}
	}
}

// RawEntry is an entry as submitted, before any field is trusted.
type RawEntry struct {
	Day string
	// SleepHours is the stored JSON: null (or empty) when not logged, else
	// a number of hours.
	SleepHours                     []byte
	SleepQuality, NightWakings     float64
	Notes, SleepNotes, StressNotes string
	Relief, RedFlags               []string
}

// RawScore is a pain, mood or stress reading as submitted.
type RawScore struct {
	Kind     Kind
	Day      string
	Score    float64
	Areas    []string
	Activity string
	Note     string
	// At is when the reading was taken (zero when only its day is known);
	// Location is the user's zone, which decides the logical day of At.
	At       time.Time
	Location *time.Location
	// Settled is true for an update that leaves At and Day as they were.
	// Their agreement was checked when they were set, in the zone the user
	// had then; re-checking in today's zone would lock a reading logged
	// before a move (or a trip) against any edit of its note or score.
	Settled bool
}

// RawUser is the journal-related part of a user profile as submitted.
type RawUser struct {
	DeliveryDate, DeliveryType, Timezone, ReminderTime string
}

// CheckDay validates a journal day against today in the user's zone.
func CheckDay(p Problems, field, s string, today Day) {
	d, err := ParseDay(s)
	switch {
	case s == "":
		p.add(field, "validation_required", "Choose a day.")
	case err != nil:
		p.add(field, "validation_invalid_day", "%q is not a real date; use YYYY-MM-DD, for example 2026-03-14.", s)
	case d > today:
		p.add(field, "validation_day_in_future", "%s is in the future; you can log today (%s) or an earlier day.", s, today)
	case d < MustDay("1900-01-01"):
		p.add(field, "validation_invalid_day", "%s is too long ago to be a journal day.", s)
	}
}

// ParseSleepHours reads stored sleep: nil when not logged (absent, JSON null
// or an empty string, which a blank form field becomes), the hours when a
// JSON number; ok is false for anything else (text, lists, objects).
func ParseSleepHours(raw []byte) (hours *float64, ok bool) {
	s := strings.TrimSpace(string(raw))
	if s == "" || s == "null" || s == `""` {
		return nil, true
	}
	var v float64
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return nil, false
	}
	return &v, true
}

// CheckEntry validates a daily entry.
func CheckEntry(e RawEntry, today Day) Problems {
	p := Problems{}
	CheckDay(p, "day", e.Day, today)
	sleep, ok := ParseSleepHours(e.SleepHours)
	switch {
	case !ok:
		p.add("sleep_hours", "validation_sleep_hours_type", "Sleep is a number of hours (0 for a night without sleep), or empty when not logged.")
	case sleep == nil:
	case invalidNumber(*sleep) || *sleep < 0 || *sleep > SleepHoursMax:
		p.add("sleep_hours", "validation_sleep_hours_range", "Sleep must be between 0 and %d hours.", SleepHoursMax)
	case *sleep*4 != math.Trunc(*sleep*4):
		p.add("sleep_hours", "validation_sleep_hours_step", "Sleep is logged in quarter hours (for example 5.25 or 6.5).")
	}
	// 0 means "not given" for quality (see Entry), so 0 and 1–5 are accepted.
	checkInt(p, "sleep_quality", e.SleepQuality, 0, SleepQualityMax, "Sleep quality is 1 (poor) to 5 (very good).")
	checkInt(p, "night_wakings", e.NightWakings, 0, NightWakingsMax, fmt.Sprintf("Night wakings are a whole number from 0 to %d.", NightWakingsMax))
	checkText(p, "notes", e.Notes, MaxNoteChars)
	checkText(p, "sleep_notes", e.SleepNotes, MaxNoteChars)
	checkText(p, "stress_notes", e.StressNotes, MaxNoteChars)
	checkSelect(p, "relief", e.Relief, Reliefs)
	checkSelect(p, "red_flags", e.RedFlags, RedFlags)
	return p
}

// CheckScore validates one reading on its scale.
func CheckScore(s RawScore, today Day) Problems {
	p := Problems{}
	CheckDay(p, "day", s.Day, today)
	lo, hi, words := ScoreRange(s.Kind)
	checkInt(p, "score", s.Score, lo, hi, fmt.Sprintf("%s is a whole number from %d to %d%s.", titleKind(s.Kind), lo, hi, words))
	checkText(p, "note", s.Note, MaxScoreNoteChars)
	if day, err := ParseDay(s.Day); err == nil && !s.Settled && !s.At.IsZero() && !AtInDay(s.At, day, s.Location) {
		p.add("at", "validation_at_outside_day", "The time %s is not on %s: a reading's time falls between 4:00 that day and 4:00 the next morning, your time.",
			s.At.In(zoneOr(s.Location)).Format("2006-01-02 15:04"), s.Day)
	}
	if s.Kind == KindPain {
		checkSelect(p, "areas", s.Areas, PainAreas)
		if s.Activity != "" {
			checkSelect(p, "activity", []string{s.Activity}, Activities)
		}
	}
	return p
}

// AtInDay reports whether a reading taken at at belongs to the logical day
// day in loc (from 4:00 that day to 4:00 the next, see LogicalDay).
func AtInDay(at time.Time, day Day, loc *time.Location) bool {
	return LogicalDay(at, zoneOr(loc)) == day
}

func zoneOr(loc *time.Location) *time.Location {
	if loc == nil {
		return time.UTC
	}
	return loc
}

// ScoreRange returns the bounds of a scale and words that explain its ends.
func ScoreRange(k Kind) (lo, hi int, words string) {
	switch k {
	case KindMood:
		return MoodMin, MoodMax, " (1 very low, 5 very good)"
	case KindStress:
		return StressMin, StressMax, " (0 calm, 10 the most stressed)"
	default:
		return PainMin, PainMax, " (0 no pain, 10 the worst imaginable)"
	}
}

// CheckUser validates the profile fields; now is the current instant.
func CheckUser(u RawUser, now time.Time) Problems {
	p := Problems{}
	loc, err := LoadZone(u.Timezone)
	if err != nil {
		p.add("timezone", "validation_invalid_timezone", "%q is not a time zone name; use one like Europe/Berlin or America/New_York.", u.Timezone)
		loc = time.UTC
	}
	if u.DeliveryDate != "" {
		CheckDay(p, "delivery_date", u.DeliveryDate, Today(now, loc))
	}
	if u.DeliveryType != "" {
		checkSelect(p, "delivery_type", []string{u.DeliveryType}, DeliveryTypes)
	}
	if u.ReminderTime != "" {
		if _, err := time.Parse("15:04", u.ReminderTime); err != nil || len(u.ReminderTime) != 5 {
			p.add("reminder_time", "validation_invalid_time", "Use a 24-hour time such as 20:30.")
		}
	}
	return p
}

// errZone is returned for names that are not real IANA zones.
var errZone = errors.New("journal: not an IANA time zone")

// LoadZone resolves an IANA zone name. "UTC" is accepted; the empty name and
// "Local" are not, since the server's zone says nothing about the user's.
func LoadZone(name string) (*time.Location, error) {
	if name == "" || name == "Local" || len(name) > 64 || strings.ContainsAny(name, "\\\x00") || strings.Contains(name, "..") {
		return nil, errZone
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("%w: %q", errZone, name)
	}
	return loc, nil
}

func invalidNumber(v float64) bool { return math.IsNaN(v) || math.IsInf(v, 0) }

func checkInt(p Problems, field string, v float64, lo, hi int, msg string) {
	if invalidNumber(v) || v != math.Trunc(v) || v < float64(lo) || v > float64(hi) {
		p.add(field, "validation_out_of_range", "%s", msg)
	}
}

func checkText(p Problems, field, s string, max int) {
	if !utf8.ValidString(s) {
		p.add(field, "validation_invalid_text", "This text has characters that could not be read; please retype it.")
		return
	}
	if n := utf8.RuneCountInString(s); n > max {
		p.add(field, "validation_too_long", "Keep this under %d characters (it has %d).", max, n)
	}
}

func checkSelect(p Problems, field string, got, allowed []string) {
	for _, v := range got {
		if !slices.Contains(allowed, v) {
			p.add(field, "validation_invalid_value", "%q is not one of the choices: %s.", v, strings.Join(allowed, ", "))
			return
		}
	}
}

func titleKind(k Kind) string {
	switch k {
	case KindMood:
		return "Mood"
	case KindStress:
		return "Stress"
	default:
		return "Pain"
	}
}

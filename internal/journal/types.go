package journal

import "time"

// Entry is one daily journal entry. Sleep describes the night before Day.
// SleepHours nil means not logged and 0 a night without sleep (the field is
// JSON, so it can be null). PocketBase number fields cannot be null, so
// SleepQuality 0 means not logged (quality is 1–5); NightWakings only counts
// when the sleep section was filled in (see HasSleep).
type Entry struct {
	ID           string    `json:"id"`
	Day          Day       `json:"day"`
	SleepHours   *float64  `json:"sleep_hours"`
	SleepQuality int       `json:"sleep_quality"`
	NightWakings int       `json:"night_wakings"`
	Notes        string    `json:"notes"`
	SleepNotes   string    `json:"sleep_notes"`
	StressNotes  string    `json:"stress_notes"`
	Exercises    []string  `json:"exercises"`
	Relief       []string  `json:"relief"`
	RedFlags     []string  `json:"red_flags"`
	Created      time.Time `json:"created"`
	Updated      time.Time `json:"updated"`
}

// HasSleep reports whether the entry's sleep section was filled in, which is
// when NightWakings (where 0 is a real answer) can be trusted.
func (e Entry) HasSleep() bool { return e.SleepHours != nil || e.SleepQuality > 0 }

// Score is one reading on a scale: pain (0–10), mood (1–5) or stress (0–10).
// Areas and Activity are set for pain only.
type Score struct {
	ID       string    `json:"id"`
	Day      Day       `json:"day"`
	At       time.Time `json:"at"`
	Score    int       `json:"score"`
	Areas    []string  `json:"areas,omitempty"`
	Activity string    `json:"activity,omitempty"`
	Note     string    `json:"note"`
}

// Kind names a scale, as used in CSV exports and validation messages.
type Kind string

// The scales a Score can be on.
const (
	KindPain   Kind = "pain"
	KindMood   Kind = "mood"
	KindStress Kind = "stress"
)

// Journal is everything one user logged in a period, already filtered to them.
type Journal struct {
	Entries []Entry `json:"entries"`
	Pain    []Score `json:"pain_scores"`
	Mood    []Score `json:"mood_scores"`
	Stress  []Score `json:"stress_scores"`
}

// Profile is what the insights and reports need to know about the user.
type Profile struct {
	Name         string         `json:"name"`
	DeliveryDate *Day           `json:"delivery_date,omitempty"`
	DeliveryType string         `json:"delivery_type"`
	Location     *time.Location `json:"-"`
}

// ExercisesDone counts the exercises ticked in an entry.
func (e Entry) ExercisesDone() int { return len(e.Exercises) }

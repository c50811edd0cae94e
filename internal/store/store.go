// Package store is the only place that maps PocketBase records and rows to
// Mend's domain types. Reads go straight to SQL through dbx with queries
// bounded by (user, day) so they use the per-user index and skip the cost of
// building full Record models for thousands of rows.
package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/mend-app/mend/internal/journal"
)

// Collection names from DESIGN.md; they are part of the HTTP contract.
const (
	Users        = "users"
	Entries      = "entries"
	PainScores   = "pain_scores"
	MoodScores   = "mood_scores"
	StressScores = "stress_scores"
	Flareups     = "flareups"
	Articles     = "articles"
	Exercises    = "exercises"
	Reports      = "reports"
)

// JournalCollections are the per-user collections a parent writes to; a
// change to any of them can move that user's flare-ups.
var JournalCollections = []string{Entries, PainScores, MoodScores, StressScores}

// ScoreKind maps a score collection to its scale.
func ScoreKind(collection string) (journal.Kind, bool) {
	switch collection {
	case PainScores:
		return journal.KindPain, true
	case MoodScores:
		return journal.KindMood, true
	case StressScores:
		return journal.KindStress, true
	}
	return "", false
}

type scoreRow struct {
	ID       string  `db:"id"`
	Day      string  `db:"day"`
	At       string  `db:"at"`
	Score    float64 `db:"score"`
	Areas    string  `db:"areas"`
	Activity string  `db:"activity"`
	Note     string  `db:"note"`
}

type entryRow struct {
	ID           string         `db:"id"`
	Day          string         `db:"day"`
	SleepHours   sql.NullString `db:"sleep_hours"` // JSON: null or hours
	SleepQuality float64        `db:"sleep_quality"`
	NightWakings float64        `db:"night_wakings"`
	Notes        string         `db:"notes"`
	SleepNotes   string         `db:"sleep_notes"`
	StressNotes  string         `db:"stress_notes"`
	Exercises    string         `db:"exercises"`
	Relief       string         `db:"relief"`
	RedFlags     string         `db:"red_flags"`
	Created      string         `db:"created"`
	Updated      string         `db:"updated"`
}

// LoadJournal reads everything userID logged on days in [from, to].
//
// The four reads are independent, so outside a transaction they run at once
// on PocketBase's read pool: on three years (about 5,700 rows) that cut the
// insights route's latency by about a third on 2 cores, SQLite row stepping
// being most of its cost (see `make bench`). Inside a transaction app.DB()
// is the one transaction connection, so they run in turn there.
func LoadJournal(app core.App, userID string, from, to journal.Day) (journal.Journal, error) {
	var j journal.Journal
	loads := []func() error{
		func() (err error) { j.Entries, err = loadEntries(app, userID, from, to); return err },
		func() (err error) { j.Pain, err = loadScores(app, PainScores, userID, from, to); return err },
		func() (err error) { j.Mood, err = loadScores(app, MoodScores, userID, from, to); return err },
		func() (err error) { j.Stress, err = loadScores(app, StressScores, userID, from, to); return err },
	}
	if app.IsTransactional() {
		for _, load := range loads {
			if err := load(); err != nil {
				return j, err
			}
		}
		return j, nil
	}
	errs := make([]error, len(loads))
	var wg sync.WaitGroup
	for i, load := range loads {
		wg.Go(func() { errs[i] = load() })
	}
	wg.Wait()
	return j, errors.Join(errs...)
}

func rangeWhere(userID string, from, to journal.Day) dbx.Expression {
	return dbx.NewExp("user = {:user} AND day >= {:from} AND day <= {:to}",
		dbx.Params{"user": userID, "from": from.String(), "to": to.String()})
}

func loadEntries(app core.App, userID string, from, to journal.Day) ([]journal.Entry, error) {
	var rows []entryRow
	err := app.DB().Select("id", "day", "sleep_hours", "sleep_quality", "night_wakings", "notes", "sleep_notes",
		"stress_notes", "exercises", "relief", "red_flags", "created", "updated").
		From(Entries).Where(rangeWhere(userID, from, to)).OrderBy("day ASC").All(&rows)
	if err != nil {
		return nil, fmt.Errorf("store: unable to load entries: %w", err)
	}
	out := make([]journal.Entry, 0, len(rows))
	for _, r := range rows {
		day, err := journal.ParseDay(r.Day)
		if err != nil {
			continue // validation keeps bad days out; a hand-edited row is skipped, not fatal
		}
		out = append(out, journal.Entry{
			ID: r.ID, Day: day, SleepHours: jsonFloat(r.SleepHours.String), SleepQuality: int(r.SleepQuality),
			NightWakings: int(r.NightWakings), Notes: r.Notes, SleepNotes: r.SleepNotes, StressNotes: r.StressNotes,
			Exercises: jsonList(r.Exercises), Relief: jsonList(r.Relief), RedFlags: jsonList(r.RedFlags),
			Created: parseTime(r.Created), Updated: parseTime(r.Updated),
		})
	}
	return out, nil
}

func loadScores(app core.App, collection, userID string, from, to journal.Day) ([]journal.Score, error) {
	cols := []string{"id", "day", "at", "score", "note"}
	if collection == PainScores {
		cols = append(cols, "areas", "activity")
	}
	var rows []scoreRow
	err := app.DB().Select(cols...).From(collection).Where(rangeWhere(userID, from, to)).
		OrderBy("day ASC", "at ASC").All(&rows)
	if err != nil {
		return nil, fmt.Errorf("store: unable to load %s: %w", collection, err)
	}
	out := make([]journal.Score, 0, len(rows))
	for _, r := range rows {
		day, err := journal.ParseDay(r.Day)
		if err != nil {
			continue
		}
		out = append(out, journal.Score{ID: r.ID, Day: day, At: parseTime(r.At), Score: int(r.Score),
			Areas: jsonList(r.Areas), Activity: r.Activity, Note: r.Note})
	}
	return out, nil
}

// jsonList reads a multi-select or multi-relation column, stored as a JSON
// array (or a bare value when a field once held one).
func jsonList(s string) []string {
	if s == "" || s == "[]" {
		return nil
	}
	var out []string
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		return []string{s}
	}
	return out
}

func parseTime(s string) time.Time {
	dt, err := types.ParseDateTime(s)
	if err != nil {
		return time.Time{}
	}
	return dt.Time()
}

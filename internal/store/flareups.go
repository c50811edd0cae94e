package store

import (
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
)

type flareRow struct {
	ID                string         `db:"id"`
	StartDay          string         `db:"start_day"`
	EndDay            string         `db:"end_day"`
	Peak              float64        `db:"peak"`
	Baseline          float64        `db:"baseline"`
	PriorSleepHours   sql.NullString `db:"prior_sleep_hours"`
	TypicalSleepHours sql.NullString `db:"typical_sleep_hours"`
	StressLevel       sql.NullString `db:"stress_level"`
	TypicalStress     sql.NullString `db:"typical_stress"`
	Links             sql.NullString `db:"links"`
}

// StoredFlareup is a flare-up as stored, with its record id.
type StoredFlareup struct {
	ID string
	insights.Flareup
}

// LoadFlareups reads userID's stored flare-ups that end on or after
// `since`, in start order.
func LoadFlareups(app core.App, userID string, since journal.Day) ([]StoredFlareup, error) {
	var rows []flareRow
	err := app.DB().Select("id", "start_day", "end_day", "peak", "baseline", "prior_sleep_hours",
		"typical_sleep_hours", "stress_level", "typical_stress", "links").
		From(Flareups).
		Where(dbx.NewExp("user = {:user} AND end_day >= {:since}", dbx.Params{"user": userID, "since": since.String()})).
		OrderBy("start_day ASC").All(&rows)
	if err != nil {
		return nil, fmt.Errorf("store: unable to load flare-ups: %w", err)
	}
	out := make([]StoredFlareup, 0, len(rows))
	for _, r := range rows {
		start, err1 := journal.ParseDay(r.StartDay)
		end, err2 := journal.ParseDay(r.EndDay)
		if err1 != nil || err2 != nil {
			continue
		}
		f := insights.Flareup{StartDay: start, EndDay: end, Peak: int(r.Peak), Baseline: r.Baseline,
			PriorSleepHours: jsonFloat(r.PriorSleepHours.String), TypicalSleepHours: jsonFloat(r.TypicalSleepHours.String),
			StressLevel: jsonFloat(r.StressLevel.String), TypicalStress: jsonFloat(r.TypicalStress.String), Links: []insights.Link{}}
		if r.Links.String != "" && r.Links.String != "null" {
			if err := json.Unmarshal([]byte(r.Links.String), &f.Links); err != nil {
				return nil, fmt.Errorf("store: flare-up %s has unreadable links: %w", r.ID, err)
			}
		}
		out = append(out, StoredFlareup{ID: r.ID, Flareup: f})
	}
	return out, nil
}

// ReplaceFlareups deletes userID's stored flare-ups that intersect
// [from, to] and saves fresh in their place, in one transaction, so a reader
// never sees a half-replaced window.
func ReplaceFlareups(app core.App, userID string, from, to journal.Day, fresh []insights.Flareup) error {
	collection, err := app.FindCachedCollectionByNameOrId(Flareups)
	if err != nil {
		return fmt.Errorf("store: unable to find flareups: %w", err)
	}
	return app.RunInTransaction(func(tx core.App) error {
		old, err := tx.FindAllRecords(Flareups, dbx.NewExp(
			"user = {:user} AND start_day <= {:to} AND end_day >= {:from}",
			dbx.Params{"user": userID, "from": from.String(), "to": to.String()}))
		if err != nil {
			return fmt.Errorf("store: unable to find old flare-ups: %w", err)
		}
		for _, r := range old {
			if err := tx.Delete(r); err != nil {
				return fmt.Errorf("store: unable to delete flare-up: %w", err)
			}
		}
		for _, f := range fresh {
			r := core.NewRecord(collection)
			r.Set("user", userID)
			r.Set("start_day", f.StartDay.String())
			r.Set("end_day", f.EndDay.String())
			r.Set("peak", f.Peak)
			r.Set("baseline", f.Baseline)
			r.Set("prior_sleep_hours", f.PriorSleepHours)
			r.Set("typical_sleep_hours", f.TypicalSleepHours)
			r.Set("stress_level", f.StressLevel)
			r.Set("typical_stress", f.TypicalStress)
			r.Set("links", f.Links)
			if err := tx.Save(r); err != nil {
				return fmt.Errorf("store: unable to save flare-up: %w", err)
			}
		}
		return nil
	})
}

// UsersWithJournal lists every user who has logged anything, for a full
// reconcile of flare-ups after an unclean shutdown.
func UsersWithJournal(app core.App) ([]string, error) {
	var ids []string
	q := "SELECT DISTINCT user FROM " + PainScores + " UNION SELECT user FROM " + Flareups
	if err := app.DB().NewQuery(q).Column(&ids); err != nil {
		return nil, fmt.Errorf("store: unable to list users with a journal: %w", err)
	}
	return ids, nil
}

func jsonFloat(s string) *float64 {
	if s == "" || s == "null" {
		return nil
	}
	var v float64
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return nil
	}
	return &v
}

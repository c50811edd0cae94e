package store

import (
	"fmt"
	"slices"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"github.com/mend-app/mend/internal/journal"
)

// ExerciseIDs lists, once each and sorted, the exercises ticked in entries.
func ExerciseIDs(entries []journal.Entry) []string {
	var ids []string
	for _, e := range entries {
		ids = append(ids, e.Exercises...)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// publicNow is the content collections' public read rule in SQL: published
// and its time has come. PocketBase stores dates as "YYYY-MM-DD
// HH:MM:SS.sssZ" in UTC, so the text comparison orders them like times;
// like the API rule's @now, it reads the real clock.
const publicNow = "status = 'published' AND published_at != '' AND published_at <= strftime('%Y-%m-%d %H:%M:%fZ', 'now')"

// ExerciseNames maps exercise ids to their names. Only public pieces are
// named (published, and their time has come): a draft, archived or
// scheduled piece is one the user cannot read, and an id sent through the
// API must not reveal its title in an export. Ids left out (gone or not
// public) show as the bare id.
func ExerciseNames(app core.App, ids []string) (map[string]string, error) {
	names := make(map[string]string, len(ids))
	rows, err := publicExercises(app, ids)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		names[r.ID] = r.Name
	}
	return names, nil
}

// NotPublicExercises returns those of ids that are not public exercises now
// (draft, archived, scheduled or missing), in the order given.
func NotPublicExercises(app core.App, ids []string) ([]string, error) {
	rows, err := publicExercises(app, ids)
	if err != nil {
		return nil, err
	}
	public := make(map[string]bool, len(rows))
	for _, r := range rows {
		public[r.ID] = true
	}
	var out []string
	for _, id := range ids {
		if !public[id] {
			out = append(out, id)
		}
	}
	return out, nil
}

type exerciseRow struct {
	ID   string `db:"id"`
	Name string `db:"name"`
}

func publicExercises(app core.App, ids []string) ([]exerciseRow, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in := make([]any, len(ids))
	for i, id := range ids {
		in[i] = id
	}
	var rows []exerciseRow
	err := app.DB().Select("id", "name").From(Exercises).Where(dbx.In("id", in...)).AndWhere(dbx.NewExp(publicNow)).All(&rows)
	if err != nil {
		return nil, fmt.Errorf("store: unable to load exercises: %w", err)
	}
	return rows, nil
}

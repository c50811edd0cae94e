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

// ExerciseNames maps exercise ids to their names. Ids of exercises that no
// longer exist are left out; the report then shows the bare id. Archived
// pieces are named: the user ticked them while they were published, so
// their names are part of the user's own record. Drafts are not: a user
// never sees one, and an id sent through the API must not reveal its title.
func ExerciseNames(app core.App, ids []string) (map[string]string, error) {
	names := make(map[string]string, len(ids))
	if len(ids) == 0 {
		return names, nil
	}
	in := make([]any, len(ids))
	for i, id := range ids {
		in[i] = id
	}
	var rows []struct {
		ID   string `db:"id"`
		Name string `db:"name"`
	}
	err := app.DB().Select("id", "name").From(Exercises).Where(dbx.In("id", in...)).AndWhere(dbx.NewExp("status != 'draft'")).All(&rows)
	if err != nil {
		return nil, fmt.Errorf("store: unable to load exercise names: %w", err)
	}
	for _, r := range rows {
		names[r.ID] = r.Name
	}
	return names, nil
}

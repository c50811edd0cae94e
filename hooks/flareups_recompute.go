package hooks

import (
	"reflect"

	"github.com/pocketbase/pocketbase/core"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
	"github.com/mend-app/mend/internal/store"
)

// recomputeFlareups replaces userID's flare-ups around the changed days.
// Most writes (a calm day, a note) leave the flare-ups as they were; then
// nothing is written, so a bulk sync does not compete with itself for
// SQLite's single writer.
func recomputeFlareups(app core.App, userID string, changedFrom, changedTo journal.Day) error {
	if changedFrom == allFrom {
		j, err := store.LoadJournal(app, userID, allFrom, allTo)
		if err != nil {
			return err
		}
		fresh := insights.DetectFlareups(j, allFrom, allTo)
		// After a crash most users' flare-ups are already right: compare
		// first, so a repair of thousands of users writes only what changed.
		stored, err := store.LoadFlareups(app, userID, allFrom)
		if err != nil {
			return err
		}
		if reflect.DeepEqual(fresh, intersecting(plainFlareups(stored), allFrom, allTo)) {
			return nil
		}
		return store.ReplaceFlareups(app, userID, allFrom, allTo, fresh)
	}
	stored, err := store.LoadFlareups(app, userID, changedFrom-1)
	if err != nil {
		return err
	}
	plain := plainFlareups(stored)
	from, to := insights.RecomputeSpan(changedFrom, changedTo, plain)
	j, err := store.LoadJournal(app, userID, insights.DataStart(from), to)
	if err != nil {
		return err
	}
	fresh := insights.DetectFlareups(j, from, to)
	if reflect.DeepEqual(fresh, intersecting(plain, from, to)) {
		return nil
	}
	return store.ReplaceFlareups(app, userID, from, to, fresh)
}

func plainFlareups(stored []store.StoredFlareup) []insights.Flareup {
	plain := make([]insights.Flareup, len(stored))
	for i, s := range stored {
		plain[i] = s.Flareup
	}
	return plain
}

// intersecting returns the flare-ups of all (in start order) that share a
// day with [from, to], never nil, to compare with DetectFlareups' result.
func intersecting(all []insights.Flareup, from, to journal.Day) []insights.Flareup {
	out := []insights.Flareup{}
	for _, f := range all {
		if f.StartDay <= to && f.EndDay >= from {
			out = append(out, f)
		}
	}
	return out
}

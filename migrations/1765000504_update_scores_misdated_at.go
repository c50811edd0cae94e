package migrations

import (
	"fmt"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/mend-app/mend/internal/journal"
)

func init() {
	m.Register(clearMisdatedAt, nil, "1765000504_update_scores_misdated_at.go")
}

// typingWindow is how close to its save a reading's time must be to count as
// the moment it was typed: the old hook stamped the time a few milliseconds
// before PocketBase set created.
const typingWindow = 5 * time.Second

// clearMisdatedAt removes the time of readings that were stamped with the
// moment they were typed and whose time lies after their logical day in the
// user's zone. Until this release a reading back-filled for an earlier day
// was stamped with the moment it was typed, so exports showed the past day
// beside today's time; that moment says nothing about when the pain, mood
// or stress was felt, so the reading keeps its day alone, as Mend now stores
// a back-filled reading. A time further from created was chosen by the user
// (or queued offline) and is kept even when it looks off its day because
// she has since changed zone; so is a time before its day, which no
// back-fill stamp can be. One case stays ambiguous: a reading typed live and
// now seen from a zone further east looks like a next-day back-fill, and
// nothing stored tells them apart; it keeps its day. There is no down step:
// the typing time was never a reading time.
func clearMisdatedAt(app core.App) error {
	for _, c := range []string{"pain_scores", "mood_scores", "stress_scores"} {
		var rows []struct {
			ID       string `db:"id"`
			Day      string `db:"day"`
			At       string `db:"at"`
			Created  string `db:"created"`
			Timezone string `db:"timezone"`
		}
		err := app.DB().NewQuery("SELECT s.id, s.day, s.at, s.created, COALESCE(u.timezone, '') AS timezone FROM " + c +
			" s LEFT JOIN users u ON u.id = s.user WHERE s.at != ''").All(&rows)
		if err != nil {
			return fmt.Errorf("migrations: unable to read %s times: %w", c, err)
		}
		for _, r := range rows {
			day, dayErr := journal.ParseDay(r.Day)
			at, atErr := types.ParseDateTime(r.At)
			created, createdErr := types.ParseDateTime(r.Created)
			if dayErr != nil || atErr != nil {
				continue // not a reading validation would have let in; leave it be
			}
			if gap := at.Time().Sub(created.Time()).Abs(); createdErr != nil || created.IsZero() || gap > typingWindow {
				continue // a time the user chose, not the moment she typed
			}
			loc, err := time.LoadLocation(r.Timezone)
			if err != nil || r.Timezone == "" {
				loc = time.UTC
			}
			if journal.LogicalDay(at.Time(), loc) <= day {
				continue // on its day, or before it: a back-fill is typed after its day
			}
			if _, err := app.DB().Update(c, dbx.Params{"at": ""}, dbx.HashExp{"id": r.ID}).Execute(); err != nil {
				return fmt.Errorf("migrations: unable to clear a %s time: %w", c, err)
			}
		}
	}
	return nil
}

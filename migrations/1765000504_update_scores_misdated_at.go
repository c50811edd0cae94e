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

// clearMisdatedAt removes the time of readings whose time lies outside
// their logical day in the user's zone. Until this release a reading
// back-filled for an earlier day was stamped with the moment it was typed,
// so exports showed the past day beside today's time; that moment says
// nothing about when the pain, mood or stress was felt, so the reading
// keeps its day alone, as Mend now stores a back-filled reading. There is no
// down step: the typing time was never a reading time.
func clearMisdatedAt(app core.App) error {
	for _, c := range []string{"pain_scores", "mood_scores", "stress_scores"} {
		var rows []struct {
			ID       string `db:"id"`
			Day      string `db:"day"`
			At       string `db:"at"`
			Timezone string `db:"timezone"`
		}
		err := app.DB().NewQuery("SELECT s.id, s.day, s.at, COALESCE(u.timezone, '') AS timezone FROM " + c +
			" s LEFT JOIN users u ON u.id = s.user WHERE s.at != ''").All(&rows)
		if err != nil {
			return fmt.Errorf("migrations: unable to read %s times: %w", c, err)
		}
		for _, r := range rows {
			day, dayErr := journal.ParseDay(r.Day)
			at, atErr := types.ParseDateTime(r.At)
			if dayErr != nil || atErr != nil {
				continue // not a reading validation would have let in; leave it be
			}
			loc, err := time.LoadLocation(r.Timezone)
			if err != nil || r.Timezone == "" {
				loc = time.UTC
			}
			if journal.AtInDay(at.Time(), day, loc) {
				continue
			}
			if _, err := app.DB().Update(c, dbx.Params{"at": ""}, dbx.HashExp{"id": r.ID}).Execute(); err != nil {
				return fmt.Errorf("migrations: unable to clear a %s time: %w", c, err)
			}
		}
	}
	return nil
}

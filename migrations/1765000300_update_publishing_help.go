package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(addPublishingHelp, removePublishingHelp, "1765000300_update_publishing_help.go")
}

// Dashboard help under the publishing fields of articles and exercises, the
// only place an admin looks while publishing: what an empty date does and
// that a future date means "scheduled", not "live".
const (
	statusHelp      = "Draft: only admins see it. Published: readers see it from the publication date. Archived: hidden again."
	publishedAtHelp = "Leave empty to publish now: saving as Published fills in the current time. " +
		"A date in the future schedules it: readers see it from that date, not before."
)

func addPublishingHelp(app core.App) error {
	return setPublishingHelp(app, statusHelp, publishedAtHelp)
}

func removePublishingHelp(app core.App) error {
	return setPublishingHelp(app, "", "")
}

func setPublishingHelp(app core.App, status, publishedAt string) error {
	for _, name := range []string{"articles", "exercises"} {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			return fmt.Errorf("migrations: unable to find %s: %w", name, err)
		}
		if f, ok := c.Fields.GetByName("status").(*core.SelectField); ok {
			f.Help = status
		}
		if f, ok := c.Fields.GetByName("published_at").(*core.DateField); ok {
			f.Help = publishedAt
		}
		if err := app.Save(c); err != nil {
			return fmt.Errorf("migrations: unable to save help on %s: %w", name, err)
		}
	}
	return nil
}

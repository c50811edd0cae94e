package hooks

import (
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// publishNow gives an article or exercise saved as published without a
// publication date the date of the save. The read rules show only published
// records whose published_at has passed, so an empty date used to hide a
// "published" record for ever with nothing saying why. It runs on every
// save (dashboard, API, Go), before validation; a date the admin set,
// past or future, is kept: a future one schedules the record (the field's
// dashboard help says so).
func (h *handlers) publishNow(e *core.RecordEvent) error {
	if e.Record.GetString("status") == "published" && e.Record.GetDateTime("published_at").IsZero() {
		now, err := types.ParseDateTime(h.now())
		if err != nil {
			return err
		}
		e.Record.Set("published_at", now)
	}
	return e.Next()
}

package store

import (
	"fmt"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/mend-app/mend/internal/journal"
)

// DefaultZone is used when a user has not chosen a time zone yet.
const DefaultZone = "UTC"

// ProfileFromRecord maps a users record to a journal.Profile. An unknown zone
// falls back to UTC: validation keeps bad names out, this only guards old rows.
func ProfileFromRecord(r *core.Record) journal.Profile {
	p := journal.Profile{
		Name:         r.GetString("name"),
		DeliveryType: r.GetString("delivery_type"),
		Location:     time.UTC,
	}
	if loc, err := journal.LoadZone(r.GetString("timezone")); err == nil {
		p.Location = loc
	}
	if d, err := journal.ParseDay(r.GetString("delivery_date")); err == nil {
		p.DeliveryDate = &d
	}
	return p
}

// LoadProfile reads the profile of userID.
func LoadProfile(app core.App, userID string) (journal.Profile, error) {
	r, err := app.FindRecordById(Users, userID)
	if err != nil {
		return journal.Profile{}, fmt.Errorf("store: unable to load user: %w", err)
	}
	return ProfileFromRecord(r), nil
}

// UserLocation returns the time zone of userID, or UTC when the user is
// unknown (a save for a missing user fails its relation check anyway).
func UserLocation(app core.App, userID string) *time.Location {
	var tz string
	err := app.DB().Select("timezone").From(Users).AndWhere(dbxID(userID)).Row(&tz)
	if err != nil {
		return time.UTC
	}
	loc, err := journal.LoadZone(tz)
	if err != nil {
		return time.UTC
	}
	return loc
}

package store

import (
	"fmt"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// Export is every record of one user, as PocketBase's record API would show
// them to their owner: hidden fields (the password hash, the token key, a
// report's share token) are left out, everything the user wrote is in.
type Export struct {
	User         *core.Record   `json:"user"`
	Entries      []*core.Record `json:"entries"`
	PainScores   []*core.Record `json:"pain_scores"`
	MoodScores   []*core.Record `json:"mood_scores"`
	StressScores []*core.Record `json:"stress_scores"`
	Flareups     []*core.Record `json:"flareups"`
	Reports      []*core.Record `json:"reports"`
}

// ExportUser reads every record of userID.
func ExportUser(app core.App, userID string) (*Export, error) {
	user, err := app.FindRecordById(Users, userID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to load user: %w", err)
	}
	// The owner sees their own address whatever its visibility to others.
	user.IgnoreEmailVisibility(true)
	x := &Export{User: user}
	for _, c := range []struct {
		collection string
		order      []string
		into       *[]*core.Record
	}{
		{Entries, []string{"day ASC", "created ASC"}, &x.Entries},
		{PainScores, []string{"day ASC", "at ASC"}, &x.PainScores},
		{MoodScores, []string{"day ASC", "at ASC"}, &x.MoodScores},
		{StressScores, []string{"day ASC", "at ASC"}, &x.StressScores},
		{Flareups, []string{"start_day ASC"}, &x.Flareups},
		{Reports, []string{"created ASC"}, &x.Reports},
	} {
		err := app.RecordQuery(c.collection).AndWhere(dbx.HashExp{"user": userID}).OrderBy(c.order...).All(c.into)
		if err != nil {
			return nil, fmt.Errorf("store: unable to export %s: %w", c.collection, err)
		}
	}
	return x, nil
}

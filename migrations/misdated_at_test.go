package migrations

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"
)

// Readings stamped with the moment they were back-filled lose that time;
// readings whose time lies on their logical day (night feeds included)
// keep it.
func TestMisdatedReadingTimesAreCleared(t *testing.T) {
	t.Parallel()
	app, u := appWithUser(t, "Europe/Berlin")
	pain, err := app.FindCollectionByNameOrId("pain_scores")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{ // at -> at after the migration
		"2026-11-24 10:00:00.000Z": "",                         // typed days later
		"2026-11-19 02:30:00.000Z": "2026-11-19 02:30:00.000Z", // 03:30 Berlin: the night of the 18th
		"2026-11-18 09:00:00.000Z": "2026-11-18 09:00:00.000Z",
		"2026-11-18 02:00:00.000Z": "", // 03:00 Berlin on the 18th: the night of the 17th
	}
	for at := range want {
		r := core.NewRecord(pain)
		r.Set("user", u.Id)
		r.Set("day", "2026-11-18")
		r.Set("at", at)
		r.Set("score", 3)
		r.Set("note", at) // to find it again
		if err := app.Save(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := clearMisdatedAt(app); err != nil {
		t.Fatal(err)
	}
	rows, err := app.FindAllRecords(pain)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if got := r.GetString("at"); got != want[r.GetString("note")] {
			t.Errorf("at %s became %q, want %q", r.GetString("note"), got, want[r.GetString("note")])
		}
	}
}

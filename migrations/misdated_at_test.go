package migrations

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// Readings stamped with the moment they were back-filled lose that time;
// readings whose time lies on their logical day (night feeds included),
// before it, or was not the moment of typing keep it. The user lives in
// Europe/Berlin now.
func TestMisdatedReadingTimesAreCleared(t *testing.T) {
	t.Parallel()
	app, u := appWithUser(t, "Europe/Berlin")
	pain, err := app.FindCollectionByNameOrId("pain_scores")
	if err != nil {
		t.Fatal(err)
	}
	scenarios := []struct {
		name, day, at, created string
		cleared                bool
	}{
		{"typed days later", "2026-11-18", "2026-11-24 10:00:00.000Z", "2026-11-24 10:00:00.120Z", true},
		{"typed the next morning", "2026-11-18", "2026-11-19 08:00:00.000Z", "2026-11-19 07:59:58.000Z", true},
		{"03:30 Berlin: the night of the 18th", "2026-11-18", "2026-11-19 02:30:00.000Z", "2026-11-19 02:30:00.100Z", false},
		{"on its day", "2026-11-18", "2026-11-18 09:00:00.000Z", "2026-11-18 09:00:00.100Z", false},
		{"03:00 Berlin on the 18th: before its day", "2026-11-18", "2026-11-18 02:00:00.000Z", "2026-11-18 02:00:00.100Z", false},
		{"a time chosen days later", "2026-11-18", "2026-11-24 10:00:00.000Z", "2026-11-24 10:01:00.000Z", false},
		// 21:00 in Los Angeles on 2026-03-10 (06:00 on the 11th in Berlin),
		// sent from the outbox twenty minutes later.
		{"a time kept from another zone", "2026-03-10", "2026-03-11 05:00:00.000Z", "2026-03-11 05:20:00.000Z", false},
	}
	for _, s := range scenarios {
		r := core.NewRecord(pain)
		r.Set("user", u.Id)
		r.Set("day", s.day)
		r.Set("at", s.at)
		created, err := types.ParseDateTime(s.created)
		if err != nil {
			t.Fatal(err)
		}
		r.SetRaw("created", created) // Set leaves autodate fields alone
		r.Set("score", 3)
		r.Set("note", s.name) // to find it again
		if err := app.Save(r); err != nil {
			t.Fatal(err)
		}
		if got := r.GetString("created"); got != s.created {
			t.Fatalf("%s: created saved as %q, want %q", s.name, got, s.created)
		}
	}
	if err := clearMisdatedAt(app); err != nil {
		t.Fatal(err)
	}
	for _, s := range scenarios {
		r, err := app.FindFirstRecordByData(pain, "note", s.name)
		if err != nil {
			t.Fatal(err)
		}
		want := s.at
		if s.cleared {
			want = ""
		}
		if got := r.GetString("at"); got != want {
			t.Errorf("%s: at %s became %q, want %q", s.name, s.at, got, want)
		}
	}
}

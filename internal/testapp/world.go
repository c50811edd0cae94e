package testapp

import (
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"github.com/mend-app/mend/hooks"
)

// Fixed identities so a token minted in one test app is valid in every
// other app seeded the same way: ApiScenario tables need their headers
// before the scenario's own app exists.
const (
	AliceID    = "alice0000000001"
	BobID      = "bob000000000001"
	AliceEmail = "alice@example.com"
	BobEmail   = "bob@example.com"
	// Password is every seeded user's password.
	Password    = "correct horse battery"
	tokenSecret = "mend-test-secret-that-is-long-enough-0123456789"
)

// World is two users, Alice and Bob, with auth tokens.
type World struct {
	Alice, Bob           *core.Record
	AliceToken, BobToken string
}

// SeedUsers creates Alice (Europe/Berlin, delivered 2026-08-01 by cesarean)
// and Bob (America/New_York, vaginal delivery) in app.
func SeedUsers(t testing.TB, app core.App) World {
	t.Helper()
	users, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		t.Fatal(err)
	}
	users.AuthToken.Secret = tokenSecret
	if err := app.Save(users); err != nil {
		t.Fatalf("testapp: unable to fix token secret: %v", err)
	}
	var w World
	w.Alice, w.AliceToken = saveUser(t, app, AliceID, AliceEmail, map[string]any{
		"name": "Alice", "timezone": "Europe/Berlin", "delivery_date": "2026-08-01", "delivery_type": "cesarean",
	})
	w.Bob, w.BobToken = saveUser(t, app, BobID, BobEmail, map[string]any{
		"name": "Bob", "timezone": "America/New_York", "delivery_date": "2026-06-15", "delivery_type": "vaginal",
	})
	return w
}

// Secret notes written into each user's records; a response that contains
// the other user's secret is a leak.
const (
	AliceSecret = "alice-secret-note"
	BobSecret   = "bob-secret-note"
)

// RecordID is the fixed id of a user's seeded record in collection, e.g.
// RecordID("alice", "entries").
func RecordID(who, collection string) string {
	id := who[:1] + strings.ReplaceAll(collection, "_", "")
	for len(id) < 15 {
		id += "0"
	}
	return id[:15]
}

// SeedRecords gives Alice and Bob one record in every per-user collection,
// with fixed ids and their secret note. The flare-up is a stored fixture for
// access tests, saved after the flare-up worker has settled: it is not what
// the seeded readings would produce, so a test that edits a user's journal
// sees it replaced.
func SeedRecords(t testing.TB, app core.App) {
	t.Helper()
	users := []struct{ who, id, secret string }{{"alice", AliceID, AliceSecret}, {"bob", BobID, BobSecret}}
	for _, u := range users {
		seedEach(t, app, u.who, u.id, []seedRow{
			{"entries", map[string]any{"day": "2026-11-20", "sleep_hours": 5.5, "notes": u.secret, "sleep_notes": u.secret}},
			{"pain_scores", map[string]any{"day": "2026-11-20", "score": 6, "areas": []string{"lower_back"}, "note": u.secret}},
			{"mood_scores", map[string]any{"day": "2026-11-20", "score": 2, "note": u.secret}},
			{"stress_scores", map[string]any{"day": "2026-11-20", "score": 8, "note": u.secret}},
			{"reports", map[string]any{"from_day": "2026-11-01", "to_day": "2026-11-20", "format": "csv"}},
		})
	}
	hooks.FlushFlareups(app)
	for _, u := range users {
		seedEach(t, app, u.who, u.id, []seedRow{{"flareups", map[string]any{"start_day": "2026-11-20", "end_day": "2026-11-20",
			"peak": 8, "baseline": 4, "links": []map[string]string{{"day": "2026-11-20", "kind": "note", "text": u.secret}}}}})
	}
}

type seedRow struct {
	collection string
	fields     map[string]any
}

func seedEach(t testing.TB, app core.App, who, userID string, rows []seedRow) {
	t.Helper()
	for _, row := range rows {
		c, err := app.FindCollectionByNameOrId(row.collection)
		if err != nil {
			t.Fatal(err)
		}
		r := core.NewRecord(c)
		r.Id = RecordID(who, row.collection)
		r.Load(row.fields)
		r.Set("user", userID)
		if err := app.Save(r); err != nil {
			t.Fatalf("testapp: unable to seed %s for %s: %v", row.collection, who, err)
		}
	}
}

// Tokens returns Alice's and Bob's tokens, valid in every NewWorld app.
func Tokens(t testing.TB) (alice, bob string) {
	t.Helper()
	app := NewWorld(t)
	a, err := app.FindRecordById("users", AliceID)
	if err != nil {
		t.Fatal(err)
	}
	b, err := app.FindRecordById("users", BobID)
	if err != nil {
		t.Fatal(err)
	}
	at, err := a.NewAuthToken()
	if err != nil {
		t.Fatal(err)
	}
	bt, err := b.NewAuthToken()
	if err != nil {
		t.Fatal(err)
	}
	return at, bt
}

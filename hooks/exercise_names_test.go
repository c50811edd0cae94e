package hooks_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mend-app/mend/internal/store"
	"github.com/mend-app/mend/internal/testapp"
)

// pbDate formats t as PocketBase stores dates.
func pbDate(t time.Time) string { return t.UTC().Format("2006-01-02 15:04:05.000Z") }

// A report names only public exercises: never a draft, an archived or a
// scheduled piece (whose id a user could only have guessed or been sent).
func TestExerciseNamesOnlyPublic(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	past, future := pbDate(time.Now().Add(-time.Hour)), pbDate(time.Now().Add(24*time.Hour))
	var ids []string
	for _, x := range []struct{ slug, status, at string }{
		{"shown", "published", past}, {"retired", "archived", past}, {"secret-draft", "draft", ""}, {"scheduled", "published", future},
	} {
		r := testapp.Record(t, app, "exercises", map[string]any{"name": x.slug + " name", "slug": x.slug, "status": x.status, "published_at": x.at})
		ids = append(ids, r.Id)
	}
	names, err := store.ExerciseNames(app, ids)
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != 1 || names[ids[0]] != "shown name" {
		t.Errorf("names = %v, want only the published one", names)
	}
}

// An exercise ticked while it was public and then rescheduled is named in
// no export format; the public one beside it still is where names show.
func TestScheduledExerciseNamedInNoExport(t *testing.T) {
	t.Parallel()
	app := testapp.NewWith(t, testapp.Options{Seed: "world", Now: reportNow})
	past := pbDate(time.Now().Add(-time.Hour))
	shown := testapp.Record(t, app, "exercises", map[string]any{"name": "Glute bridge", "slug": "glute-bridge-x", "status": "published", "published_at": past})
	later := testapp.Record(t, app, "exercises", map[string]any{"name": "Unreleased plank", "slug": "unreleased-plank", "status": "published", "published_at": past})
	entry, err := app.FindRecordById(store.Entries, testapp.RecordID("alice", "entries"))
	if err != nil {
		t.Fatal(err)
	}
	entry.Set("exercises", []string{shown.Id, later.Id})
	if err := app.Save(entry); err != nil {
		t.Fatal(err)
	}
	later.Set("published_at", pbDate(time.Now().Add(30*24*time.Hour))) // rescheduled
	if err := app.Save(later); err != nil {
		t.Fatal(err)
	}
	mux := router(t, app)
	alice, _ := testapp.Tokens(t)
	for _, format := range []string{"csv", "json", "fhir", "html"} {
		b, res := request(t, mux, http.MethodGet, "/api/mend/report?from=2026-11-01&to=2026-11-23&format="+format, alice, "")
		if res.StatusCode != 200 {
			t.Fatalf("%s: %d %s", format, res.StatusCode, b)
		}
		if strings.Contains(string(b), "Unreleased plank") {
			t.Errorf("%s names the scheduled exercise", format)
		}
		if (format == "csv" || format == "html") && !strings.Contains(string(b), "Glute bridge") {
			t.Errorf("%s does not name the public exercise, so the test proves nothing", format)
		}
	}
}

// An entry may link only exercises the user can read: a draft, archived or
// scheduled piece is refused with a field code; old links survive edits.
func TestEntryRefusesHiddenExercise(t *testing.T) {
	t.Parallel()
	app := testapp.NewWith(t, testapp.Options{Seed: "world", Now: reportNow})
	past, future := pbDate(time.Now().Add(-time.Hour)), pbDate(time.Now().Add(24*time.Hour))
	ex := map[string]string{}
	for _, x := range []struct{ slug, status, at string }{
		{"ok", "published", past}, {"draft", "draft", ""}, {"archived", "archived", past}, {"scheduled", "published", future},
	} {
		ex[x.slug] = testapp.Record(t, app, "exercises", map[string]any{"name": x.slug, "slug": x.slug + "-x", "status": x.status, "published_at": x.at}).Id
	}
	mux := router(t, app)
	alice, _ := testapp.Tokens(t)
	url := "/api/collections/entries/records/" + testapp.RecordID("alice", "entries")
	for _, slug := range []string{"draft", "archived", "scheduled"} {
		b, res := request(t, mux, http.MethodPatch, url, alice, `{"exercises":["`+ex["ok"]+`","`+ex[slug]+`"]}`)
		if res.StatusCode != 400 || !strings.Contains(string(b), `"exercises":{"code":"validation_exercise_not_available"`) {
			t.Errorf("linking a %s exercise = %d %s, want 400 validation_exercise_not_available", slug, res.StatusCode, b)
		}
		b, res = request(t, mux, http.MethodPost, "/api/collections/entries/records", alice,
			`{"user":"`+testapp.AliceID+`","day":"2026-11-19","exercises":["`+ex[slug]+`"]}`)
		if res.StatusCode != 400 || !strings.Contains(string(b), "validation_exercise_not_available") {
			t.Errorf("creating an entry with a %s exercise = %d %s", slug, res.StatusCode, b)
		}
	}
	if b, res := request(t, mux, http.MethodPatch, url, alice, `{"exercises":["`+ex["ok"]+`"]}`); res.StatusCode != 200 {
		t.Fatalf("linking a published exercise = %d %s", res.StatusCode, b)
	}
	// The piece is retired later: the entry still saves with its old link.
	r, err := app.FindRecordById(store.Exercises, ex["ok"])
	if err != nil {
		t.Fatal(err)
	}
	r.Set("status", "archived")
	if err := app.Save(r); err != nil {
		t.Fatal(err)
	}
	if b, res := request(t, mux, http.MethodPatch, url, alice, `{"notes":"edited"}`); res.StatusCode != 200 {
		t.Errorf("editing an entry that links a since-archived exercise = %d %s", res.StatusCode, b)
	}
}

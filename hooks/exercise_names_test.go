package hooks_test

import (
	"testing"

	"github.com/mend-app/mend/internal/store"
	"github.com/mend-app/mend/internal/testapp"
)

// A report names published and archived exercises the user ticked, never a
// draft (whose id a user could only have guessed or been sent).
func TestExerciseNamesHideDrafts(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	var ids []string
	for _, x := range []struct{ slug, status string }{{"shown", "published"}, {"retired", "archived"}, {"secret-draft", "draft"}} {
		r := testapp.Record(t, app, "exercises", map[string]any{"name": x.slug + " name", "slug": x.slug, "status": x.status})
		ids = append(ids, r.Id)
	}
	names, err := store.ExerciseNames(app, ids)
	if err != nil {
		t.Fatal(err)
	}
	if names[ids[0]] != "shown name" || names[ids[1]] != "retired name" {
		t.Errorf("names = %v, want the published and archived ones", names)
	}
	if _, ok := names[ids[2]]; ok {
		t.Errorf("a draft's name was given: %v", names)
	}
}

package scale_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pocketbase/pocketbase"

	"github.com/mend-app/mend/internal/benchdata/scale"
	"github.com/mend-app/mend/internal/journal"
)

// A small generated dir opens in PocketBase with every row, users who can
// sign in with Password, stored flare-ups and the clean-stop mark.
func TestGenerate(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	res, err := scale.Generate(scale.Options{Dir: dir, Users: 3, Days: 60, Last: journal.MustDay("2026-11-01"), Greedy: true})
	if err != nil {
		t.Fatal(err)
	}
	// 60 days × (entry, 3 pain, mood, stress) × 3 users + five years × 6.
	if want := 3*60*6 + scale.FiveYears*6; res.Rows != want || res.Users != 4 {
		t.Fatalf("rows %d users %d, want %d and 4", res.Rows, res.Users, want)
	}
	app := pocketbase.NewWithConfig(pocketbase.Config{DefaultDataDir: dir})
	if err := app.Bootstrap(); err != nil {
		t.Fatal(err)
	}
	defer app.ResetBootstrapState()
	total := 0
	for _, c := range []string{"entries", "pain_scores", "mood_scores", "stress_scores"} {
		n, err := app.CountRecords(c)
		if err != nil {
			t.Fatal(err)
		}
		total += int(n)
	}
	if total != res.Rows {
		t.Fatalf("database holds %d journal rows, Generate said %d", total, res.Rows)
	}
	u, err := app.FindAuthRecordByEmail("users", scale.Email(2))
	if err != nil || !u.ValidatePassword(scale.Password) || u.TokenKey() == "" {
		t.Fatalf("user 2: %v, password ok %v", err, u != nil && u.ValidatePassword(scale.Password))
	}
	g, err := app.FindAuthRecordByEmail("users", scale.GreedyEmail)
	if err != nil {
		t.Fatal(err)
	}
	if e, err := app.FindFirstRecordByData("entries", "user", g.Id); err != nil || len(e.GetString("notes")) != 2000 {
		t.Fatalf("greedy entry: %v", err)
	}
	if n, _ := app.CountRecords("flareups"); n == 0 {
		t.Error("no flare-ups stored")
	}
	if b, err := os.ReadFile(filepath.Join(dir, "mend_flareups.state")); err != nil || string(b) != "clean" {
		t.Errorf("state file: %q %v", b, err)
	}
}

package hooks_test

import (
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/mend-app/mend/hooks"
	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
	"github.com/mend-app/mend/internal/store"
	"github.com/mend-app/mend/internal/testapp"
)

var everything = [2]journal.Day{journal.MustDay("1900-01-01"), journal.MustDay("2999-12-31")}

// fromScratch is what the stored flare-ups must equal.
func fromScratch(t testing.TB, app core.App, userID string) []insights.Flareup {
	t.Helper()
	j, err := store.LoadJournal(app, userID, everything[0], everything[1])
	if err != nil {
		t.Fatal(err)
	}
	return insights.DetectFlareups(j, everything[0], everything[1])
}

func stored(t testing.TB, app core.App, userID string) []insights.Flareup {
	t.Helper()
	s, err := store.LoadFlareups(app, userID, everything[0])
	if err != nil {
		t.Fatal(err)
	}
	out := make([]insights.Flareup, len(s))
	for i := range s {
		out[i] = s[i].Flareup
	}
	return out
}

// waitEqual polls until the stored flare-ups equal a from-scratch
// computation. The design promises one second; this allows three, because
// go test runs packages in parallel on a 2-core machine and a loaded CI
// run is not what the promise is about. The SDK test in e2e holds the
// server to one second.
func waitEqual(t *testing.T, app core.App, userID string) {
	t.Helper()
	want := fromScratch(t, app, userID)
	deadline := time.Now().Add(3 * time.Second)
	for {
		got := stored(t, app, userID)
		if reflect.DeepEqual(got, want) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("stored flare-ups differ from a from-scratch computation 3 s after the last write:\n got  %+v\n want %+v", got, want)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Random creates, updates (including moving a reading to another day) and
// deletes keep flareups equal to a from-scratch computation.
func TestFlareupsFollowRandomEdits(t *testing.T) {
	t.Parallel()
	for seed := range uint64(4) {
		app := testapp.NewWith(t, testapp.Options{Seed: "world", Now: fixedNow})
		rng := rand.New(rand.NewPCG(seed, 7))
		first := journal.MustDay("2026-07-01")
		var pains []*core.Record
		for d := first; d <= journal.MustDay("2026-11-23"); d++ {
			if rng.IntN(6) == 0 {
				continue // a gap day
			}
			score := 2 + rng.IntN(2)
			if rng.IntN(8) == 0 {
				score = 6 + rng.IntN(4)
			}
			pains = append(pains, testapp.Record(t, app, "pain_scores", map[string]any{
				"user": testapp.AliceID, "day": d.String(), "score": score, "note": "n" + d.String()}))
		}
		waitEqual(t, app, testapp.AliceID)
		for i := range 40 {
			r := pains[rng.IntN(len(pains))]
			switch i % 3 {
			case 0:
				r.Set("score", rng.IntN(11))
			case 1:
				r.Set("day", first.AddDays(rng.IntN(140)).String())
			case 2:
				if err := app.Delete(r); err == nil {
					continue
				}
			}
			if err := app.Save(r); err != nil {
				t.Fatal(err)
			}
		}
		waitEqual(t, app, testapp.AliceID)
		if len(stored(t, app, testapp.AliceID)) == 0 {
			t.Fatalf("seed %d: the journal produced no flare-ups; the test would prove nothing", seed)
		}
		if got := stored(t, app, testapp.BobID); len(got) != 1 || got[0].Links[0].Text != testapp.BobSecret {
			t.Fatalf("Bob's flare-ups changed with Alice's edits: %+v", got)
		}
	}
}

// After an unclean stop (SIGKILL: pending work lost, no state written) the
// next start recomputes every user's flare-ups.
func TestFlareupsReconcileAfterUncleanStop(t *testing.T) {
	t.Parallel()
	app := testapp.NewWith(t, testapp.Options{Seed: "world", Now: fixedNow})
	// Rows written behind the hooks' back stand in for work lost in a crash.
	for d := journal.MustDay("2026-10-01"); d <= journal.MustDay("2026-10-20"); d++ {
		score := 2
		if d == journal.MustDay("2026-10-20") {
			score = 9
		}
		_, err := app.DB().Insert("pain_scores", map[string]any{"id": "p" + d.Time().Format("20060102") + "000000",
			"user": testapp.AliceID, "day": d.String(), "score": score, "at": d.String() + " 09:00:00.000Z"}).Execute()
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(app.DataDir(), "mend_flareups.state"), []byte("dirty"), 0o600); err != nil {
		t.Fatal(err)
	}
	router(t, app) // serving starts the reconcile
	waitEqual(t, app, testapp.AliceID)
	found := false
	for _, f := range stored(t, app, testapp.AliceID) {
		found = found || f.StartDay == journal.MustDay("2026-10-20")
	}
	if !found {
		t.Fatal("the flare-up written behind the hooks' back was not reconciled")
	}
}

// A graceful stop finishes pending work before the app closes.
func TestFlareupsFlushOnShutdown(t *testing.T) {
	t.Parallel()
	app := testapp.NewWith(t, testapp.Options{Seed: "world", Now: fixedNow})
	router(t, app) // this process serves
	seedFlareNoFlush(t, app)
	if err := app.OnTerminate().Trigger(&core.TerminateEvent{App: app}, func(e *core.TerminateEvent) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if got := stored(t, app, testapp.AliceID); !reflect.DeepEqual(got, fromScratch(t, app, testapp.AliceID)) || len(got) == 0 {
		t.Fatalf("shutdown did not finish the pending recompute: %+v", got)
	}
	state, _ := os.ReadFile(filepath.Join(app.DataDir(), "mend_flareups.state"))
	if string(state) != "clean" {
		t.Fatalf("state after a graceful stop = %q, want clean", state)
	}
}

func seedFlareNoFlush(t testing.TB, app core.App) {
	last := journal.MustDay("2026-11-19")
	for d := last.AddDays(-10); d < last; d++ {
		testapp.Record(t, app, "pain_scores", map[string]any{"user": testapp.AliceID, "day": d.String(), "score": 1})
	}
	testapp.Record(t, app, "pain_scores", map[string]any{"user": testapp.AliceID, "day": last.String(), "score": 9})
}

// A write that changes no flare-up writes nothing: the stored records keep
// their ids, so a bulk sync does not queue behind its own recomputes.
func TestFlareupsUnchangedWriteIsNotRewritten(t *testing.T) {
	t.Parallel()
	app := testapp.NewWith(t, testapp.Options{Seed: "world", Now: fixedNow})
	before := seededFlareups(t, app)
	testapp.Record(t, app, "mood_scores", map[string]any{"user": testapp.AliceID, "day": "2026-11-22", "score": 3})
	hooks.FlushFlareups(app)
	sameFlareups(t, app, before, "an unchanged recompute rewrote the flare-ups")
}

// seededFlareups seeds Alice's flare and returns her stored flare-ups.
func seededFlareups(t *testing.T, app core.App) []store.StoredFlareup {
	t.Helper()
	seedFlare(t, app)
	before, err := store.LoadFlareups(app, testapp.AliceID, everything[0])
	if err != nil || len(before) == 0 {
		t.Fatalf("no flare-ups to compare (%v)", err)
	}
	return before
}

// sameFlareups fails with msg unless Alice's stored flare-ups (ids
// included) are still before.
func sameFlareups(t *testing.T, app core.App, before []store.StoredFlareup, msg string) {
	t.Helper()
	after, err := store.LoadFlareups(app, testapp.AliceID, everything[0])
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, after) {
		t.Fatalf("%s:\n before %+v\n after  %+v", msg, before, after)
	}
}

// The state file only says "clean" after a process that served stopped
// gracefully: a CLI command run after a crash must not cancel the repair,
// and a restart (after a backup restore) asks for one.
func TestFlareupsStateAfterCommandsAndRestarts(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		name    string
		serve   bool
		restart bool
		want    string
	}{
		{"CLI command after a crash", false, false, "dirty"},
		{"graceful stop of a server", true, false, "clean"},
		{"restart after a restore", true, true, "dirty"},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			app := testapp.NewWith(t, testapp.Options{Seed: "world", Now: fixedNow})
			statePath := filepath.Join(app.DataDir(), "mend_flareups.state")
			if err := os.WriteFile(statePath, []byte("dirty"), 0o600); err != nil {
				t.Fatal(err)
			}
			if s.serve {
				router(t, app)
			}
			e := &core.TerminateEvent{App: app, IsRestart: s.restart}
			if err := app.OnTerminate().Trigger(e, func(e *core.TerminateEvent) error { return nil }); err != nil {
				t.Fatal(err)
			}
			if got, _ := os.ReadFile(statePath); string(got) != s.want {
				t.Fatalf("state = %q, want %q", got, s.want)
			}
		})
	}
}

// Moving a reading to another day, or (as a superuser may in the dashboard)
// to another user, recomputes both the old and the new place.
func TestFlareupsFollowMovedReadings(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		name string
		move func(r *core.Record)
	}{
		{"to another day", func(r *core.Record) { r.Set("day", "2026-10-01") }},
		{"to another user", func(r *core.Record) { r.Set("user", testapp.BobID) }},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			app := testapp.NewWith(t, testapp.Options{Seed: "world", Now: fixedNow})
			seedFlare(t, app)
			flare, err := app.FindFirstRecordByFilter("pain_scores", "user = {:u} && day = '2026-11-23'", map[string]any{"u": testapp.AliceID})
			if err != nil {
				t.Fatal(err)
			}
			s.move(flare)
			if err := app.Save(flare); err != nil {
				t.Fatal(err)
			}
			hooks.FlushFlareups(app)
			// Bob's stored fixture on 2026-11-20 is not derived from his
			// readings; compare from the day after it.
			since := journal.MustDay("2026-11-21")
			for _, u := range []string{testapp.AliceID, testapp.BobID} {
				want, got := after(fromScratch(t, app, u), since), after(stored(t, app, u), since)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s: stored %+v, want %+v", u, got, want)
				}
			}
		})
	}
}

func after(fs []insights.Flareup, since journal.Day) []insights.Flareup {
	out := []insights.Flareup{}
	for _, f := range fs {
		if f.EndDay >= since {
			out = append(out, f)
		}
	}
	return out
}

// A recompute that fails (a busy database, say) is retried on its own,
// without waiting for the next write, and a graceful stop while work is
// still failing leaves the state dirty so the next start repairs it.
func TestFlareupsRetryAfterFailure(t *testing.T) {
	t.Parallel()
	app := testapp.NewWith(t, testapp.Options{Seed: "world", Now: fixedNow})
	router(t, app)
	var failing atomic.Bool
	failing.Store(true)
	var failures atomic.Int32
	app.OnRecordCreate("flareups").BindFunc(func(e *core.RecordEvent) error {
		if failing.Load() {
			failures.Add(1)
			return errors.New("injected failure")
		}
		return e.Next()
	})
	seedFlareNoFlush(t, app)
	deadline := time.Now().Add(3 * time.Second)
	for failures.Load() < 2 {
		if time.Now().After(deadline) {
			t.Fatalf("the failed recompute was tried %d times in 3 s, want a retry", failures.Load())
		}
		time.Sleep(20 * time.Millisecond)
	}
	failing.Store(false)
	waitEqual(t, app, testapp.AliceID)

	// Now a failure that persists through shutdown.
	failing.Store(true)
	testapp.Record(t, app, "pain_scores", map[string]any{"user": testapp.AliceID, "day": "2026-11-21", "score": 10})
	if err := app.OnTerminate().Trigger(&core.TerminateEvent{App: app}, func(e *core.TerminateEvent) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(app.DataDir(), "mend_flareups.state")); string(got) != "dirty" {
		t.Fatalf("state after a stop with failed work = %q, want dirty", got)
	}
}

// A repair after an unclean stop recomputes every user but rewrites only
// what changed: a user whose flare-ups are already right keeps the same
// records (ids included), so a repair of thousands of users at start is
// mostly reads (make bench-scale times it).
func TestFlareupsRepairKeepsCorrectUsers(t *testing.T) {
	t.Parallel()
	app := testapp.NewWith(t, testapp.Options{Seed: "world", Now: fixedNow})
	before := seededFlareups(t, app)
	if err := os.WriteFile(filepath.Join(app.DataDir(), "mend_flareups.state"), []byte("dirty"), 0o600); err != nil {
		t.Fatal(err)
	}
	router(t, app) // serving starts the repair of every user
	hooks.FlushFlareups(app)
	sameFlareups(t, app, before, "the repair rewrote correct flare-ups")
}

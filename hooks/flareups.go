package hooks

import (
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/mend-app/mend/internal/journal"
	"github.com/mend-app/mend/internal/store"
)

// flareDebounce is how long the worker waits after a write before it
// recomputes, so a bulk sync of many readings costs one recompute per user
// rather than one per reading. Well inside the one-second promise.
const flareDebounce = 40 * time.Millisecond

// flareParallel is how many users one flush recomputes at once.
const flareParallel = 2

// stateFile records a clean shutdown. When it is missing or says "dirty" at
// start, pending work may have been lost (a crash, SIGKILL), so every
// user's flare-ups are recomputed in the background.
const stateFile = "mend_flareups.state"

var (
	allFrom = journal.MustDay("1900-01-01")
	allTo   = journal.MustDay("2999-12-31")
)

type span struct{ from, to journal.Day }

// flareWorker keeps the stored flare-ups equal to a from-scratch computation.
// Writes only mark a user's changed days (a map update under a lock); the
// recompute runs after the write commits and after the response, coalesced
// per user, so logging pain never waits for analytics.
type flareWorker struct {
	app     core.App
	mu      sync.Mutex // guards the fields below
	pending map[string]span
	started bool
	closed  bool          // shutdown has begun: no worker will run again
	served  bool          // this process served HTTP (see shutdown)
	retry   time.Duration // backoff after a failed recompute; 0 when healthy
	repair  time.Time     // start of the repair after an unclean stop; zero when none runs
	repairN int           // users that repair recomputes
	wake    chan struct{}
	stop    chan struct{}
	done    chan struct{}
	// flushMu serialises recomputes: the worker, FlushFlareups and shutdown
	// never recompute the same user at once (an older result saved last).
	flushMu sync.Mutex

	reconcileOnce, shutdownOnce sync.Once
}

// Retry backoff after a failed recompute: soon for a passing fault (a busy
// database), then slower so a persistent one does not flood the log.
const (
	flareRetryMin = 500 * time.Millisecond
	flareRetryMax = time.Minute
)

func newFlareWorker(app core.App) *flareWorker {
	return &flareWorker{app: app, pending: map[string]span{}, wake: make(chan struct{}, 1),
		stop: make(chan struct{}), done: make(chan struct{})}
}

// mark queues days from..to of userID for a recompute.
func (w *flareWorker) mark(userID string, from, to journal.Day) {
	if userID == "" {
		return
	}
	w.mu.Lock()
	if s, ok := w.pending[userID]; ok {
		from, to = min(from, s.from), max(to, s.to)
	}
	w.pending[userID] = span{from, to}
	closed := w.closed
	if !w.started && !closed {
		w.started = true
		go w.loop()
	}
	w.mu.Unlock()
	if closed {
		// A write that finished after the last flush (a request outliving
		// the graceful-shutdown timeout): let the next start repair it.
		writeState(w.app, "dirty")
		return
	}
	w.poke()
}

func (w *flareWorker) poke() {
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

func (w *flareWorker) loop() {
	defer close(w.done)
	for {
		select {
		case <-w.stop:
			return
		case <-w.wake:
		}
		select {
		case <-w.stop:
			return
		case <-time.After(flareDebounce):
		}
		if !w.flush() {
			w.mu.Lock()
			w.retry = min(max(2*w.retry, flareRetryMin), flareRetryMax)
			delay := w.retry
			w.mu.Unlock()
			time.AfterFunc(delay, w.poke)
		}
	}
}

// flush recomputes everything pending now, on the caller's goroutine, and
// reports whether every recompute succeeded. Failed work stays pending.
func (w *flareWorker) flush() bool {
	w.flushMu.Lock()
	defer w.flushMu.Unlock()
	if !w.app.IsBootstrapped() {
		return false // the app was closed under us; the next start repairs
	}
	w.mu.Lock()
	work := w.pending
	w.pending = map[string]span{}
	w.mu.Unlock()
	var failed atomic.Bool
	users := make(chan string)
	var wg sync.WaitGroup
	// Two users at a time: a repair after a crash recomputes every user, and
	// reading a journal is CPU-bound row stepping that one goroutine per
	// user leaves half idle on 2 cores; writes still serialize in SQLite.
	for range min(len(work), flareParallel) {
		wg.Go(func() {
			for userID := range users {
				s := work[userID]
				if err := recomputeFlareups(w.app, userID, s.from, s.to); err != nil {
					failed.Store(true)
					w.app.Logger().Error("flare-up recompute failed; will retry", "user", userID, "error", err)
					w.mu.Lock()
					if p, found := w.pending[userID]; found {
						s = span{min(s.from, p.from), max(s.to, p.to)}
					}
					w.pending[userID] = s
					w.mu.Unlock()
				}
			}
		})
	}
	for userID := range work {
		users <- userID
	}
	close(users)
	wg.Wait()
	ok := !failed.Load()
	if ok {
		w.mu.Lock()
		w.retry = 0
		if !w.repair.IsZero() && len(w.pending) == 0 {
			// Operators (and make bench-scale) read how long a repair took.
			w.app.Logger().Info("mend: flare-up repair done", "users", w.repairN, "ms", time.Since(w.repair).Milliseconds())
			w.repair = time.Time{}
		}
		w.mu.Unlock()
	}
	return ok
}

// shutdown stops the loop, then finishes every pending recompute so a
// graceful stop loses nothing. Only a process that served, and finished
// all its work, records the clean state: PocketBase also runs terminate
// hooks at the end of CLI commands (superuser upsert, migrate), which must
// not cancel the repair a crashed server still owes, and work that failed
// must be repaired on the next start. A restart (PocketBase restarts after
// restoring a backup) records "dirty", so restored data is reconciled.
func (w *flareWorker) shutdown(restart bool) {
	w.mu.Lock()
	started := w.started
	w.closed = true
	w.mu.Unlock()
	close(w.stop)
	if started {
		<-w.done
	}
	ok := w.flush()
	w.mu.Lock()
	served, left := w.served, len(w.pending)
	w.mu.Unlock()
	switch {
	case restart || !ok || left > 0:
		writeState(w.app, "dirty")
	case served:
		writeState(w.app, "clean")
	}
}

// onJournalChange marks the days a committed write touched: the record's
// day and, when an update moved it, the day it had before.
func (w *flareWorker) onJournalChange(e *core.RecordEvent) error {
	r := e.Record
	days := []string{r.GetString("day")}
	if orig := r.Original(); orig != nil && orig.GetString("day") != days[0] {
		days = append(days, orig.GetString("day"))
	}
	users := []string{r.GetString("user")}
	if orig := r.Original(); orig != nil && orig.GetString("user") != users[0] {
		users = append(users, orig.GetString("user")) // moved: the old owner's flares change too
	}
	for _, s := range days {
		if d, err := journal.ParseDay(s); err == nil {
			for _, u := range users {
				w.mark(u, d, d)
			}
		}
	}
	return e.Next()
}

// onServe starts serving: a repair is due if the last run did not stop
// cleanly. Tests trigger OnServe many times; the repair runs once.
func (w *flareWorker) onServe(se *core.ServeEvent) error {
	w.reconcileOnce.Do(w.reconcileIfUnclean)
	return se.Next()
}

// onTerminate finishes pending work before the app closes (see shutdown).
func (w *flareWorker) onTerminate(e *core.TerminateEvent) error {
	w.shutdownOnce.Do(func() { w.shutdown(e.IsRestart) })
	return e.Next()
}

// reconcileIfUnclean recomputes every user's flare-ups when the last run did
// not shut down cleanly, then marks the run as in progress ("dirty") until
// its own clean shutdown.
func (w *flareWorker) reconcileIfUnclean() {
	w.mu.Lock()
	w.served = true
	w.mu.Unlock()
	clean := readState(w.app) == "clean"
	writeState(w.app, "dirty")
	if clean {
		return
	}
	users, err := store.UsersWithJournal(w.app)
	if err != nil {
		w.app.Logger().Error("flare-up reconcile could not list users", "error", err)
		return
	}
	w.mu.Lock()
	w.repair, w.repairN = time.Now(), len(users)
	w.mu.Unlock()
	for _, u := range users {
		w.mark(u, allFrom, allTo)
	}
}

func readState(app core.App) string {
	b, err := os.ReadFile(filepath.Join(app.DataDir(), stateFile))
	if err != nil {
		return ""
	}
	return string(b)
}

func writeState(app core.App, state string) {
	if err := os.WriteFile(filepath.Join(app.DataDir(), stateFile), []byte(state), 0o600); err != nil {
		app.Logger().Error("unable to write the flare-up state file", "error", err)
	}
}

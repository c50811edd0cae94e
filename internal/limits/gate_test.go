package limits_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mend-app/mend/internal/limits"
)

// step is one Acquire in a scenario: key, and whether it should be refused
// (and why). Earlier successful steps keep their slot.
type step struct {
	key    string
	refuse limits.Reason
}

func TestGateAdmission(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		name  string
		opts  limits.Options
		steps []step
	}{
		{"one per user: the second job of a user is refused at once", limits.Options{Global: 4, PerKey: 1},
			[]step{{"ann", 0}, {"ann", limits.KeyBusy}, {"bea", 0}}},
		{"two per user", limits.Options{Global: 0, PerKey: 2},
			[]step{{"ann", 0}, {"ann", 0}, {"ann", limits.KeyBusy}, {"bea", 0}, {"bea", 0}}},
		{"global full after a bounded wait", limits.Options{Global: 2, PerKey: 1, Wait: 10 * time.Millisecond},
			[]step{{"ann", 0}, {"bea", 0}, {"cat", limits.Full}, {"ann", limits.KeyBusy}}},
		{"one user never holds every slot when PerKey < Global", limits.Options{Global: 2, PerKey: 1},
			[]step{{"ann", 0}, {"ann", limits.KeyBusy}, {"ann", limits.KeyBusy}, {"bea", 0}}},
		{"a queued job of a busy user is refused after the wait", limits.Options{PerKey: 1, PerKeyQueue: 1, Wait: 10 * time.Millisecond},
			[]step{{"ann", 0}, {"ann", limits.KeyBusy}, {"bea", 0}}},
		{"no wait at all", limits.Options{Global: 1, PerKey: 1},
			[]step{{"ann", 0}, {"bea", limits.Full}, {"bea", limits.Full}}},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			g := limits.NewGate(sc.opts)
			for i, st := range sc.steps {
				release, err := g.Acquire(context.Background(), st.key)
				var r *limits.Refusal
				switch {
				case st.refuse == 0 && err != nil:
					t.Fatalf("step %d (%s): refused: %v", i, st.key, err)
				case st.refuse == 0:
					defer release()
				case !errors.As(err, &r):
					t.Fatalf("step %d (%s): got %v, want a refusal", i, st.key, err)
				case r.Reason != st.refuse:
					t.Fatalf("step %d (%s): reason %d, want %d", i, st.key, r.Reason, st.refuse)
				case r.RetryAfter < time.Second:
					t.Fatalf("step %d: RetryAfter %s under a second", i, r.RetryAfter)
				}
			}
		})
	}
}

func TestGateWaiterTakesFreedSlot(t *testing.T) {
	t.Parallel()
	g := limits.NewGate(limits.Options{Global: 1, PerKey: 1, Wait: 5 * time.Second})
	release, err := g.Acquire(context.Background(), "ann")
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan error, 1)
	go func() {
		r, err := g.Acquire(context.Background(), "bea")
		if err == nil {
			r()
		}
		got <- err
	}()
	// Bea waits and already counts against her key: her second job is refused.
	waitFor(t, func() bool { _, n := g.Running("bea"); return n == 1 })
	if _, err := g.Acquire(context.Background(), "bea"); !isReason(err, limits.KeyBusy) {
		t.Fatalf("second job of a waiting user: %v, want KeyBusy", err)
	}
	release()
	release() // a second call must not free a slot twice
	if err := <-got; err != nil {
		t.Fatalf("waiter: %v", err)
	}
	if total, _ := g.Running(""); total != 0 {
		t.Fatalf("running after all released = %d", total)
	}
}

// TestGateQueueServesOwnLoad: a page's burst within PerKey+PerKeyQueue all
// runs, in turn; past it the extra job is refused at once, without waiting.
func TestGateQueueServesOwnLoad(t *testing.T) {
	t.Parallel()
	g := limits.NewGate(limits.Options{PerKey: 1, PerKeyQueue: 2, Wait: 5 * time.Second})
	release, err := g.Acquire(context.Background(), "ann")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	for range 2 {
		wg.Go(func() {
			r, err := g.Acquire(context.Background(), "ann")
			if err == nil {
				r()
			}
			errs <- err
		})
	}
	waitFor(t, func() bool { _, n := g.Running("ann"); return n == 3 })
	start := time.Now()
	if _, err := g.Acquire(context.Background(), "ann"); !isReason(err, limits.KeyBusy) {
		t.Fatalf("fourth job: %v, want KeyBusy", err)
	}
	if time.Since(start) > time.Second {
		t.Fatal("a job past the queue waited instead of being refused at once")
	}
	release()
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("queued job: %v", err)
		}
	}
}

func TestGateWaitEndsWithContext(t *testing.T) {
	t.Parallel()
	g := limits.NewGate(limits.Options{Global: 1, PerKey: 1, Wait: time.Minute})
	release, err := g.Acquire(context.Background(), "ann")
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	start := time.Now()
	if _, err := g.Acquire(ctx, "bea"); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, want the context's error", err)
	}
	if time.Since(start) > 10*time.Second {
		t.Fatal("the wait ignored the context")
	}
	if _, n := g.Running("bea"); n != 0 {
		t.Fatalf("a waiter that gave up still counts: %d", n)
	}
}

func TestGateRetryAfterFollowsJobDuration(t *testing.T) {
	t.Parallel()
	var now atomic.Int64
	clock := func() time.Time { return time.Unix(0, now.Load()) }
	g := limits.NewGate(limits.Options{PerKey: 1, Retry: 3 * time.Second, Now: clock})
	hint := func() time.Duration {
		release, err := g.Acquire(context.Background(), "ann")
		if err != nil {
			t.Fatal(err)
		}
		defer release()
		_, err = g.Acquire(context.Background(), "ann")
		var r *limits.Refusal
		if !errors.As(err, &r) {
			t.Fatalf("got %v", err)
		}
		return r.RetryAfter
	}
	if got := hint(); got != 3*time.Second {
		t.Fatalf("before any job: %s, want the configured 3s", got)
	}
	release, _ := g.Acquire(context.Background(), "ann")
	now.Add(int64(7 * time.Second))
	release()
	if got := hint(); got != 7*time.Second {
		t.Fatalf("after a 7 s job: %s, want 7s", got)
	}
	if got := limits.RetryAfterSeconds(1500 * time.Millisecond); got != 2 {
		t.Fatalf("RetryAfterSeconds(1.5s) = %d, want 2", got)
	}
}

// TestGateBurstRace runs many users' bursts at once (run with -race): the
// bounds hold at every moment and every slot is given back.
func TestGateBurstRace(t *testing.T) {
	t.Parallel()
	const global, perKey = 3, 1
	g := limits.NewGate(limits.Options{Global: global, PerKey: perKey, Wait: 5 * time.Millisecond})
	var inFlight, peak atomic.Int32
	perUser := make([]atomic.Int32, 5)
	var wg sync.WaitGroup
	for u := range perUser {
		for range 20 {
			wg.Go(func() {
				key := string(rune('a' + u))
				release, err := g.Acquire(context.Background(), key)
				if err != nil {
					return
				}
				n := inFlight.Add(1)
				for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
				}
				if perUser[u].Add(1) > perKey {
					t.Errorf("user %s over its bound", key)
				}
				time.Sleep(time.Millisecond)
				perUser[u].Add(-1)
				inFlight.Add(-1)
				release()
			})
		}
	}
	wg.Wait()
	if p := peak.Load(); p > global || p < 1 {
		t.Fatalf("peak concurrency %d, want 1..%d", p, global)
	}
	if total, _ := g.Running(""); total != 0 {
		t.Fatalf("slots leaked: %d", total)
	}
}

func isReason(err error, want limits.Reason) bool {
	var r *limits.Refusal
	return errors.As(err, &r) && r.Reason == want
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not reached in 5 s")
		}
		time.Sleep(time.Millisecond)
	}
}

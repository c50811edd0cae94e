// Package limits holds Mend's pure fairness rules: a Gate that bounds how
// many expensive jobs run at once, overall and per user, and refuses
// promptly rather than queueing (a queue holds connections and memory while
// the client has long given up); a stored-report quota; and the bounds on
// LIKE patterns in list filters. It imports nothing from PocketBase.
package limits

import (
	"context"
	"math"
	"sync"
	"time"
)

// Reason says why a Gate refused a job; routes map it to a status code.
type Reason int

const (
	// KeyBusy: this key (user) already runs as many jobs as it may. 429.
	KeyBusy Reason = iota + 1
	// Full: every global slot stayed taken for the whole bounded wait. 503.
	Full
)

// Refusal is the error Acquire returns when a job may not start now.
type Refusal struct {
	Reason Reason
	// RetryAfter is a hint for the Retry-After header: about one typical
	// job, at least a second.
	RetryAfter time.Duration
}

func (r *Refusal) Error() string {
	if r.Reason == KeyBusy {
		return "limits: this user already runs the most jobs allowed"
	}
	return "limits: every slot is taken"
}

// Options configure a Gate.
type Options struct {
	// Global bounds jobs at once over all keys; 0 means no global bound.
	Global int
	// PerKey bounds jobs at once of one key (at least 1).
	PerKey int
	// PerKeyQueue is how many more jobs of one key may wait for a slot (a
	// page that loads insights and six charts at once should not be refused
	// for its own normal load). A key with PerKey running and PerKeyQueue
	// waiting is refused at once.
	PerKeyQueue int
	// Wait is the longest Acquire waits for a slot before refusing: with
	// Full when the global bound held it back, KeyBusy when the key's own.
	Wait time.Duration
	// Retry is the Retry-After hint before any job has finished (default 1 s).
	Retry time.Duration
	// Now is the clock for job durations; nil means time.Now.
	Now func() time.Time
}

// Gate bounds concurrent jobs. It is safe for concurrent use.
type Gate struct {
	opts    Options
	mu      sync.Mutex
	running int            // jobs holding a slot
	byKey   map[string]int // jobs running or waiting, per key
	runKey  map[string]int // jobs running, per key
	freed   chan struct{}  // closed and replaced whenever a slot frees
	avg     time.Duration  // moving average of job durations
}

// NewGate returns a Gate with opts.
func NewGate(opts Options) *Gate {
	opts.PerKey = max(opts.PerKey, 1)
	opts.PerKeyQueue = max(opts.PerKeyQueue, 0)
	if opts.Retry <= 0 {
		opts.Retry = time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Gate{opts: opts, byKey: map[string]int{}, runKey: map[string]int{}, freed: make(chan struct{})}
}

// blocker says what keeps a job of key from starting now; g.mu is held.
func (g *Gate) blocker(key string) Reason {
	switch {
	case g.runKey[key] >= g.opts.PerKey:
		return KeyBusy
	case g.opts.Global > 0 && g.running >= g.opts.Global:
		return Full
	}
	return 0
}

// Acquire starts a job of key, or refuses with a *Refusal. A job waiting
// for a slot already counts against its key, so a burst of one user past
// PerKey+PerKeyQueue is refused at once. The returned release ends the job;
// calling it more than once is harmless. ctx ends the wait early (the
// client left), returning ctx.Err().
func (g *Gate) Acquire(ctx context.Context, key string) (release func(), err error) {
	g.mu.Lock()
	if g.byKey[key] >= g.opts.PerKey+g.opts.PerKeyQueue {
		r := g.refusal(KeyBusy)
		g.mu.Unlock()
		return nil, r
	}
	g.byKey[key]++
	var timeout <-chan time.Time
	for reason := g.blocker(key); reason != 0; reason = g.blocker(key) {
		if timeout == nil {
			t := time.NewTimer(g.opts.Wait)
			defer t.Stop()
			timeout = t.C
		}
		freed := g.freed
		g.mu.Unlock()
		select {
		case <-freed:
			g.mu.Lock()
			continue
		case <-timeout:
			err = g.refusal(reason)
		case <-ctx.Done():
			err = ctx.Err()
		}
		g.mu.Lock()
		if g.blocker(key) == 0 { // freed at the last moment: take it
			err = nil
			break
		}
		dropKey(g.byKey, key)
		g.mu.Unlock()
		return nil, err
	}
	g.running++
	g.runKey[key]++
	g.mu.Unlock()
	start := g.opts.Now()
	var once sync.Once
	return func() { once.Do(func() { g.release(key, g.opts.Now().Sub(start)) }) }, nil
}

func (g *Gate) release(key string, took time.Duration) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.running--
	dropKey(g.byKey, key)
	dropKey(g.runKey, key)
	// An exponential moving average: recent jobs say most about the next.
	if g.avg == 0 {
		g.avg = took
	} else {
		g.avg = (4*g.avg + took) / 5
	}
	close(g.freed)
	g.freed = make(chan struct{})
}

func dropKey(m map[string]int, key string) {
	if m[key] <= 1 {
		delete(m, key)
	} else {
		m[key]--
	}
}

// refusal builds a Refusal; g.mu is held.
func (g *Gate) refusal(reason Reason) *Refusal {
	hint := g.opts.Retry
	if g.avg > 0 {
		hint = g.avg
	}
	return &Refusal{Reason: reason, RetryAfter: min(max(hint, time.Second), time.Minute)}
}

// Running returns the jobs holding a global slot now, and those of key
// (running or waiting); for tests and metrics.
func (g *Gate) Running(key string) (total, ofKey int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.running, g.byKey[key]
}

// RetryAfterSeconds is d rounded up to whole seconds, at least 1, as the
// Retry-After header wants it.
func RetryAfterSeconds(d time.Duration) int {
	return max(1, int(math.Ceil(d.Seconds())))
}

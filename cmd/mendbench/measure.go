package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mend-app/mend/internal/benchdata"
	"github.com/mend-app/mend/internal/journal"
)

// painBody is one pain-score create for the user, on today (UTC).
func painBody(rng *rand.Rand, f *fixture) []byte {
	body := benchdata.PainScore(rng, f.last.AddDays(1))
	body["user"] = f.userID
	b, err := json.Marshal(body)
	if err != nil {
		panic(err) // a map of strings and ints always encodes
	}
	return b
}

// interleaved times sequential creates on pain_scores (with Mend's hooks)
// and on the twin (without), alternating A B A B so that noise from other
// work on the machine falls on both. At most pairs pairs or limit of time.
func interleaved(c *client, f *fixture, pairs int, limit time.Duration) (hooked, twin []float64, err error) {
	rng := rand.New(rand.NewPCG(2, 3))
	deadline := time.Now().Add(limit)
	for i := 0; i < pairs && time.Now().Before(deadline); i++ {
		body := painBody(rng, f)
		a, _, err := c.timed("POST", "/api/collections/pain_scores/records", f.userToken, body, http.StatusOK)
		if err != nil {
			return nil, nil, err
		}
		b, _, err := c.timed("POST", "/api/collections/"+twinName+"/records", f.userToken, body, http.StatusOK)
		if err != nil {
			return nil, nil, err
		}
		if i >= 20 { // the first pairs warm connections and caches
			hooked, twin = append(hooked, a), append(twin, b)
		}
	}
	return hooked, twin, nil
}

// loadResult is one concurrent create run.
type loadResult struct {
	perSecond float64
	ok, fail  int64
	firstErr  error
}

// createLoad sends at most total creates to collection from workers
// goroutines, stopping at limit, and counts answered creates per second.
func createLoad(c *client, f *fixture, collection string, total, workers int, limit time.Duration) loadResult {
	var (
		next, ok, fail atomic.Int64
		errOnce        sync.Once
		res            loadResult
		wg             sync.WaitGroup
	)
	path := "/api/collections/" + collection + "/records"
	start := time.Now()
	deadline := start.Add(limit)
	for w := range workers {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(w), 7))
			for next.Add(1) <= int64(total) && time.Now().Before(deadline) {
				if _, _, err := c.timed("POST", path, f.userToken, painBody(rng, f), http.StatusOK); err != nil {
					fail.Add(1)
					errOnce.Do(func() { res.firstErr = err })
					continue
				}
				ok.Add(1)
			}
		})
	}
	wg.Wait()
	res.ok, res.fail = ok.Load(), fail.Load()
	res.perSecond = float64(res.ok) / time.Since(start).Seconds()
	return res
}

// p50 times samples sequential GETs of path after warm unmeasured ones,
// stopping at limit, and returns the median in milliseconds with the last
// answer (so callers can check what came back).
func p50(c *client, path, token string, warm, samples int, limit time.Duration) (float64, response, error) {
	return p50Every(c, []string{path}, token, warm, samples, 0, limit)
}

// uncached gives two paths of prefix for periods ending on last, of days
// and days−1: the server keeps each user's last insights document for a
// minute, and requests that take turns between the two compute it every
// time, which is the cost these figures are about.
func uncached(prefix string, last journal.Day, days int) []string {
	return []string{prefix + period(last, days), prefix + period(last, days-1)}
}

// p50Every is p50 with a pause of every between requests, so that samples
// of a fast route spread over a window of seconds rather than a fraction of
// one: measured under someone else's bursty load, a 100 ms window sees one
// phase of it, and the median then says more about luck than about load.
// Request i goes to paths[i % len(paths)].
func p50Every(c *client, paths []string, token string, warm, samples int, every, limit time.Duration) (float64, response, error) {
	var (
		ms   []float64
		last response
	)
	deadline := time.Now().Add(limit)
	for i := 0; i < warm+samples && time.Now().Before(deadline); i++ {
		t, res, err := c.timed("GET", paths[i%len(paths)], token, nil, http.StatusOK)
		if err != nil {
			return 0, res, err
		}
		last = res
		if i >= warm {
			ms = append(ms, t)
		}
		time.Sleep(every)
	}
	if len(ms) == 0 {
		return 0, last, fmt.Errorf("GET %s: no sample within %s", paths[0], limit)
	}
	return median(ms), last, nil
}

// period renders a from/to query for days ending on last.
func period(last journal.Day, days int) string {
	return "from=" + last.AddDays(-(days - 1)).String() + "&to=" + last.String()
}

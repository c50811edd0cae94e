package e2e

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Bounds of the write load: enough writers to keep SQLite's single writer
// queue full, killed while they are still sending.
const (
	crashWriters     = 20
	crashMaxRequests = 2000
	crashKillAt      = 600 // acknowledged writes; well short of crashMaxRequests
	crashKillAfter   = 5 * time.Second
	crashDays        = 40
	crashProbeDay    = 15 // days back; a calm day in crashScore
)

// TestCrashLosesNoAcknowledgedWrite is issue 6's crash-safety acceptance:
// many goroutines log pain readings, the server is killed with SIGKILL in
// the middle, and after a restart on the same data every reading that got
// a 200 is there, the database passes PRAGMA integrity_check and the
// flare-ups the crash left stale have been reconciled.
func TestCrashLosesNoAcknowledgedWrite(t *testing.T) {
	s := startServer(t, newDataDir(t))
	disableRateLimits(t, s, superuserToken(t, s))
	userID, token := signUp(t, s, "crash@example.com")

	load := writeUntilKilled(t, s, userID, token)
	acked := load.acked
	t.Logf("answers by status during the load: %v", load.statuses)
	if len(acked) < crashKillAt {
		t.Fatalf("only %d writes were acknowledged before the kill: the load did not run\n%s", len(acked), s.log.String())
	}
	if load.statuses[0] == 0 {
		t.Fatal("no request was cut by the kill: it did not happen mid-load")
	}
	for code, n := range load.statuses {
		if code >= 500 || (code != 0 && code != 200) {
			t.Errorf("%d answers had status %d during the load", n, code)
		}
	}
	// SIGKILL skips the clean shutdown, so the flare-up state stays dirty
	// and the next start must recompute.
	if st := readFile(t, filepath.Join(s.DataDir, "mend_flareups.state")); st != "dirty" {
		t.Fatalf("state after SIGKILL = %q, want dirty", st)
	}

	s2 := startServer(t, s.DataDir)
	stored := recordIDs(t, s2, token, "pain_scores")
	var lost []string
	for _, id := range acked {
		if !stored[id] {
			lost = append(lost, id)
		}
	}
	if len(lost) > 0 {
		t.Fatalf("%d acknowledged writes are gone after the restart, e.g. %v", len(lost), lost[:min(5, len(lost))])
	}
	waitFlareupsReconciled(t, s2, token)

	s2.Stop(t)
	if st := readFile(t, filepath.Join(s.DataDir, "mend_flareups.state")); st != "clean" {
		t.Errorf("state after SIGINT = %q, want clean", st)
	}
	integrityCheck(t, s.DataDir)
}

// loadResult is what the writers saw: the ids of acknowledged creates and
// how many answers had each status (0: no answer, e.g. cut by the kill).
type loadResult struct {
	acked    []string
	statuses map[int]int
}

// writeUntilKilled runs the writers and kills the server while they write.
func writeUntilKilled(t *testing.T, s *Server, userID, token string) loadResult {
	t.Helper()
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: crashWriters}}
	defer client.CloseIdleConnections()
	today := time.Now().UTC()
	var (
		mu     sync.Mutex
		res    = loadResult{statuses: map[int]int{}}
		count  atomic.Int64
		wg     sync.WaitGroup
		stop   = make(chan struct{})
		enough = make(chan struct{})
	)
	for w := range crashWriters {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(w), 7))
			for count.Add(1) <= crashMaxRequests {
				select {
				case <-stop:
					return
				default:
				}
				back := rng.IntN(crashDays)
				body := fmt.Sprintf(`{"user":%q,"day":%q,"score":%d}`, userID,
					today.AddDate(0, 0, -back).Format("2006-01-02"), crashScore(back, rng))
				req, _ := http.NewRequest("POST", s.URL+"/api/collections/pain_scores/records", strings.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", token)
				var rec struct{ ID string }
				code, err := doJSON(client, req, &rec)
				mu.Lock()
				res.statuses[code]++
				if err == nil && code == 200 && rec.ID != "" {
					res.acked = append(res.acked, rec.ID)
					if len(res.acked) == crashKillAt {
						close(enough)
					}
				}
				mu.Unlock()
			}
		})
	}
	select {
	case <-enough:
	case <-time.After(crashKillAfter):
	}
	// The probe makes a new flare-up on a calm day and the kill follows its
	// answer at once, well inside the worker's 40 ms debounce: its flare-up
	// can only be stored by the reconcile at the next start.
	var probe struct{ ID string }
	day := today.AddDate(0, 0, -crashProbeDay).Format("2006-01-02")
	code := call(t, "POST", s.URL+"/api/collections/pain_scores/records", token,
		map[string]any{"user": userID, "day": day, "score": 10}, &probe)
	s.Kill()
	close(stop)
	wg.Wait()
	if code != 200 {
		t.Fatalf("probe write = %d", code)
	}
	res.acked = append(res.acked, probe.ID)
	return res
}

// crashScore makes three flare days in a calm month, so the journal has
// flare-ups for the restart to reconcile.
func crashScore(daysBack int, rng *rand.Rand) int {
	if slices.Contains([]int{8, 21, 33}, daysBack) {
		return 8 + rng.IntN(3)
	}
	return 1 + rng.IntN(3)
}

type flare struct {
	Start string `json:"start_day"`
	End   string `json:"end_day"`
	Peak  int    `json:"peak"`
}

// waitFlareupsReconciled waits until the stored flare-ups equal the ones
// insights computes from scratch, which only the start-up reconcile can
// bring about: nothing is written after the restart.
func waitFlareupsReconciled(t *testing.T, s *Server, token string) {
	t.Helper()
	today := time.Now().UTC()
	u := s.URL + "/api/mend/insights?from=" + today.AddDate(0, 0, -crashDays-5).Format("2006-01-02") + "&to=" + today.Format("2006-01-02")
	deadline := time.Now().Add(15 * time.Second)
	for {
		var doc struct{ Flareups []flare }
		if code := call(t, "GET", u, token, nil, &doc); code != 200 {
			t.Fatalf("insights = %d", code)
		}
		var list struct{ Items []flare }
		if code := call(t, "GET", s.URL+"/api/collections/flareups/records?perPage=500&sort=start_day", token, nil, &list); code != 200 {
			t.Fatalf("flareups = %d", code)
		}
		if len(doc.Flareups) == 0 {
			t.Fatal("the journal has no flare-up: the test would prove nothing")
		}
		if slices.Equal(doc.Flareups, list.Items) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("stored flare-ups %v still differ from computed %v 15 s after restart", list.Items, doc.Flareups)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// doJSON sends req and decodes a whole JSON answer; a connection cut by the
// kill is an error, so a half-received 200 never counts as acknowledged.
func doJSON(c *http.Client, req *http.Request, out any) (int, error) {
	res, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return 0, err
	}
	if err := json.Unmarshal(b, out); err != nil {
		return 0, err
	}
	return res.StatusCode, nil
}

package e2e

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// No share token may be stored or printed, whatever answers the request:
// the share route, the rate limiter's 429 (which runs before any route
// middleware), or a 404/405 for another method. The server runs with --dev,
// which also prints every request log line to stdout.
func TestShareTokenNeverLoggedOrPrinted(t *testing.T) {
	t.Parallel()
	s := startServer(t, newDataDir(t), "MEND_DEV=1")
	su := superuserToken(t, s)
	userID, token := signUp(t, s, "sharelog@example.com")
	if code := call(t, "POST", s.URL+"/api/collections/pain_scores/records", token,
		map[string]any{"user": userID, "day": time.Now().UTC().AddDate(0, 0, -1).Format("2006-01-02"), "score": 4}, nil); code != 200 {
		t.Fatalf("creating a reading = %d", code)
	}
	var stored struct {
		ShareURL string `json:"share_url"`
	}
	if code := call(t, "POST", s.URL+"/api/mend/reports", token, map[string]any{"format": "csv", "share_days": 7}, &stored); code != 200 || stored.ShareURL == "" {
		t.Fatalf("storing a shared report = %d %+v", code, stored)
	}
	secret := stored.ShareURL[strings.LastIndex(stored.ShareURL, "/")+1:]
	link := s.URL + "/r/" + secret

	statuses := map[int]int{}
	send := func(method, target string) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		req, err := http.NewRequestWithContext(ctx, method, target, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Referer", link)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		statuses[res.StatusCode]++
	}
	for _, m := range []string{"POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"} {
		send(m, link)
	}
	send("GET", link+"?again="+secret)
	send("GET", s.URL+"/api/health") // a Referer naming the link
	for range 40 {                   // the "/r/" rule allows 30 a minute
		send("GET", link)
	}
	if statuses[http.StatusTooManyRequests] == 0 || statuses[http.StatusOK] == 0 {
		t.Fatalf("the test needs both answers and 429s, got %v", statuses)
	}

	// The logger writes in batches: wait until every share request is in
	// (all but the OPTIONS, which the CORS middleware answers unlogged).
	want := 46
	var logs struct {
		Items []json.RawMessage `json:"items"`
	}
	deadline := time.Now().Add(15 * time.Second)
	for {
		code := call(t, "GET", s.URL+"/api/logs?perPage=500&filter="+url.QueryEscape(`data.url~"/r/"`), su, nil, &logs)
		if code != 200 {
			t.Fatalf("GET /api/logs = %d", code)
		}
		if len(logs.Items) >= want {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("only %d of %d requests were logged", len(logs.Items), want)
		}
		time.Sleep(200 * time.Millisecond)
	}
	for _, item := range logs.Items {
		if strings.Contains(string(item), secret) {
			t.Errorf("a request log row holds the share token: %s", item)
		}
	}
	s.Stop(t)
	if out := s.log.String(); strings.Contains(out, secret) {
		t.Errorf("stdout holds the share token:\n%s", out)
	} else if !strings.Contains(out, "/r/") {
		t.Errorf("stdout shows no share request, so the test cannot tell whether the token would be there:\n%s", out)
	}
}

package main

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/mend-app/mend/internal/benchdata"
	"github.com/mend-app/mend/internal/journal"
)

const (
	suEmail    = "bench-admin@example.com"
	userEmail  = "bench-user@example.com"
	password   = "bench-password-long-enough"
	twinName   = "pain_scores_twin"
	batchSize  = 100 // the batch API's MaxRequests in migrations/1764000001
	seedWriter = 2   // writes serialize on one connection; two keep it busy
)

// fixture is what setup leaves for the measurements.
type fixture struct {
	suToken, userToken, userID string
	last                       journal.Day // last seeded day (yesterday, UTC)
	rows                       int
}

// setup creates the superuser, turns rate limits off for this run, creates
// the twin collection and a user, and seeds three years of journal.
func setup(s *server, c *client) (*fixture, error) {
	if err := s.superuser(suEmail, password); err != nil {
		return nil, err
	}
	f := &fixture{last: journal.Today(time.Now(), time.UTC).AddDays(-1)}
	var auth struct {
		Token  string `json:"token"`
		Record struct {
			ID string `json:"id"`
		} `json:"record"`
	}
	if err := c.call("POST", "/api/collections/_superusers/auth-with-password", "",
		map[string]string{"identity": suEmail, "password": password}, &auth); err != nil {
		return nil, err
	}
	f.suToken = auth.Token
	// The shipped limits (300 creates per 10 s per IP) would throttle a load
	// test from one address; they stay on in the product.
	if err := c.call("PATCH", "/api/settings", f.suToken,
		map[string]any{"rateLimits": map[string]any{"enabled": false}}, nil); err != nil {
		return nil, err
	}
	if err := createTwin(c, f.suToken); err != nil {
		return nil, err
	}
	if err := c.call("POST", "/api/collections/users/records", f.suToken, map[string]any{
		"email": userEmail, "password": password, "passwordConfirm": password, "verified": true,
		"name": "Bench", "timezone": "UTC",
		"delivery_date": f.last.AddDays(-benchdata.ThreeYears - 20).String(),
	}, nil); err != nil {
		return nil, err
	}
	if err := c.call("POST", "/api/collections/users/auth-with-password", "",
		map[string]string{"identity": userEmail, "password": password}, &auth); err != nil {
		return nil, err
	}
	f.userToken, f.userID = auth.Token, auth.Record.ID
	n, err := seed(c, f)
	f.rows = n
	return f, err
}

// createTwin copies pain_scores through the collections API: same fields,
// rules and indexes (renamed), and no Mend hook, since hooks bind by name.
func createTwin(c *client, suToken string) error {
	var col map[string]any
	if err := c.call("GET", "/api/collections/pain_scores", suToken, nil, &col); err != nil {
		return err
	}
	delete(col, "id")
	delete(col, "created")
	delete(col, "updated")
	col["name"] = twinName
	if idx, ok := col["indexes"].([]any); ok {
		for i, v := range idx {
			if s, ok := v.(string); ok {
				idx[i] = strings.ReplaceAll(s, "pain_scores", twinName)
			}
		}
	}
	return c.call("POST", "/api/collections", suToken, col, nil)
}

// seed posts benchdata's three years through the batch API as the user
// (so API rules and every Mend hook check each row), seedWriter batches at
// a time, and returns how many rows were stored.
func seed(c *client, f *fixture) (int, error) {
	rows := benchdata.Journal(f.last, benchdata.ThreeYears, 1)
	batches := make(chan []benchdata.Row)
	go func() {
		defer close(batches)
		for i := 0; i < len(rows); i += batchSize {
			batches <- rows[i:min(i+batchSize, len(rows))]
		}
	}()
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	for range seedWriter {
		wg.Go(func() {
			for b := range batches {
				if err := postBatch(c, f, b); err != nil {
					mu.Lock()
					firstErr = cmpOr(firstErr, err)
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	return len(rows), firstErr
}

func postBatch(c *client, f *fixture, rows []benchdata.Row) error {
	reqs := make([]map[string]any, len(rows))
	for i, r := range rows {
		body := map[string]any{"user": f.userID}
		for k, v := range r.Fields {
			body[k] = v
		}
		reqs[i] = map[string]any{"method": "POST", "url": "/api/collections/" + r.Collection + "/records", "body": body}
	}
	if err := c.call("POST", "/api/batch", f.userToken, map[string]any{"requests": reqs}, nil); err != nil {
		return fmt.Errorf("seeding: %w", err)
	}
	return nil
}

// cmpOr keeps the first non-nil error.
func cmpOr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

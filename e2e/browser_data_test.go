package e2e

import (
	"fmt"
	"net/url"
	"testing"
	"time"
)

// testPassword is every browser-test account's password.
const testPassword = "correct horse battery"

// day returns the UTC calendar day n days from today ("2006-01-02"); the
// tabs run in UTC, so it is the page's day too.
func day(n int) string {
	return time.Now().UTC().AddDate(0, 0, n).Format(time.DateOnly)
}

// account is a user created through the REST API, as the web app would.
type account struct {
	Email, ID, Token string
}

// newAccount creates a user with the given profile fields through the
// public REST API and signs it in. Browser tests that are not about sign-up
// start from here, so each test exercises one flow.
func newAccount(t *testing.T, srv *Server, email string, profile map[string]any) account {
	t.Helper()
	body := map[string]any{"email": email, "password": testPassword, "passwordConfirm": testPassword, "timezone": "UTC", "delivery_type": "unspecified"}
	for k, v := range profile {
		body[k] = v
	}
	var created map[string]any
	if code := call(t, "POST", srv.URL+"/api/collections/users/records", "", body, &created); code != 200 {
		t.Fatalf("create user %s: %d %v", email, code, created)
	}
	token, id, code := signInAPI(t, srv, email, testPassword)
	if code != 200 {
		t.Fatalf("sign in %s: %d", email, code)
	}
	return account{Email: email, ID: id, Token: token}
}

// signInAPI signs in through the REST API and returns the token, the user
// id and the HTTP status.
func signInAPI(t *testing.T, srv *Server, email, password string) (token, id string, code int) {
	t.Helper()
	var res struct {
		Token  string `json:"token"`
		Record struct {
			ID string `json:"id"`
		} `json:"record"`
	}
	code = call(t, "POST", srv.URL+"/api/collections/users/auth-with-password", "",
		map[string]string{"identity": email, "password": password}, &res)
	return res.Token, res.Record.ID, code
}

// records lists a collection's records visible to token, optionally filtered.
func records(t *testing.T, srv *Server, token, collection, filter string) []map[string]any {
	t.Helper()
	u := fmt.Sprintf("%s/api/collections/%s/records?perPage=500&filter=%s", srv.URL, collection, url.QueryEscape(filter))
	var res struct {
		Items []map[string]any `json:"items"`
	}
	if code := call(t, "GET", u, token, nil, &res); code != 200 {
		t.Fatalf("list %s: %d", collection, code)
	}
	return res.Items
}

// seedDays logs n past days for the user through the REST API: a pain
// score that rises after short nights, and an entry with that night's
// sleep, so insights has trends and pairs to draw.
func seedDays(t *testing.T, srv *Server, a account, n int) {
	t.Helper()
	for i := n; i >= 1; i-- {
		d := day(-i)
		sleep := 7.5
		if i%4 == 0 {
			sleep = 4
		}
		score := 3 + i%3
		if sleep < 5 {
			score = 7
		}
		post(t, srv, a, "pain_scores", map[string]any{"user": a.ID, "day": d, "score": score, "areas": []string{"lower_back"}})
		post(t, srv, a, "entries", map[string]any{"user": a.ID, "day": d, "sleep_hours": sleep, "sleep_quality": 3, "relief": []string{"heat"}})
		post(t, srv, a, "stress_scores", map[string]any{"user": a.ID, "day": d, "score": 2 + i%5})
	}
}

func post(t *testing.T, srv *Server, a account, collection string, body map[string]any) {
	t.Helper()
	var res map[string]any
	if code := call(t, "POST", srv.URL+"/api/collections/"+collection+"/records", a.Token, body, &res); code != 200 {
		t.Fatalf("create %s: %d %v", collection, code, res)
	}
}

// waitRecords polls records until at least one matches or timeout passes,
// for writes the page sends on its own (an outbox after going online).
func waitRecords(t *testing.T, srv *Server, token, collection, filter string, timeout time.Duration) []map[string]any {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		got := records(t, srv, token, collection, filter)
		if len(got) > 0 || time.Now().After(deadline) {
			return got
		}
		time.Sleep(100 * time.Millisecond)
	}
}

package e2e

import (
	"fmt"
	"net/url"
	"os"
	"testing"
	"time"
	_ "time/tzdata" // zones for pageZone and dayIn on a machine without /usr/share/zoneinfo
)

// testPassword is every browser-test account's password.
const testPassword = "correct horse battery"

// pageZone is the time zone of every browser tab and, unless a test says
// otherwise, of every test account. It is a zone where it is now about
// midday, so the screens look the same whenever the suite runs: between
// midnight and 4 a.m. Today logs for yesterday and says so, which moves
// everything below it (CI once ran then and four layout tests failed).
// MEND_E2E_ZONE picks another zone, e.g. one where it is 2 a.m., to try
// the suite at night; TestBrowserNightLog covers that case on every run.
var pageZone = func() string {
	if z := os.Getenv("MEND_E2E_ZONE"); z != "" {
		if _, err := time.LoadLocation(z); err != nil {
			panic("MEND_E2E_ZONE: " + err.Error())
		}
		return z
	}
	return zoneAt(12)
}()

// zoneAt is a fixed-offset zone where it is now between hour:00 and
// hour:59 (hour 0..23).
func zoneAt(hour int) string {
	off := (hour - time.Now().UTC().Hour() + 24) % 24 // 0..23
	if off > 12 {
		off -= 24 // -11 .. +12
	}
	switch {
	case off == 0:
		return "UTC"
	case off > 0:
		return fmt.Sprintf("Etc/GMT-%d", off) // POSIX sign: Etc/GMT-5 is UTC+5
	default:
		return fmt.Sprintf("Etc/GMT+%d", -off)
	}
}

// day returns the calendar day n days from today in pageZone
// ("2006-01-02"), the page's day too.
func day(n int) string { return dayIn(pageZone, n) }

// dayIn returns the calendar day n days from today in zone.
func dayIn(zone string, n int) string {
	loc, err := time.LoadLocation(zone)
	if err != nil {
		panic(err)
	}
	return time.Now().In(loc).AddDate(0, 0, n).Format(time.DateOnly)
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
	body := map[string]any{"email": email, "password": testPassword, "passwordConfirm": testPassword, "timezone": pageZone, "delivery_type": "unspecified"}
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

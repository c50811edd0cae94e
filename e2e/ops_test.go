package e2e

import (
	"database/sql"
	"fmt"
	"net/http"
	"path/filepath"
	"testing"

	_ "modernc.org/sqlite" // PocketBase's own SQLite driver, for reading data.db after a stop
)

// Helpers shared by the crash and backup tests: the operator's view of a
// running server.

const (
	suEmail    = "ops@example.com"
	suPassword = "a long operator password"
	userPass   = "a long user password"
)

// newDataDir is a data dir that already holds the operator's superuser.
// The binary's superuser command runs before the first start on purpose:
// any CLI command ends with PocketBase's terminate hooks, which mark the
// flare-up state clean, so running one beside a live server would hide the
// crash from the next start (see the note in crash_test.go).
func newDataDir(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	(&Server{DataDir: dir}).Superuser(t, suEmail, suPassword)
	return dir
}

// superuserToken signs the superuser of newDataDir in through the API.
func superuserToken(t testing.TB, s *Server) string {
	t.Helper()
	var auth struct{ Token string }
	if code := call(t, "POST", s.URL+"/api/collections/_superusers/auth-with-password", "",
		map[string]string{"identity": suEmail, "password": suPassword}, &auth); code != 200 || auth.Token == "" {
		t.Fatalf("superuser sign-in = %d\n%s", code, s.log.String())
	}
	return auth.Token
}

// disableRateLimits turns the shipped per-IP limits off: the tests send
// thousands of writes from one address on purpose.
func disableRateLimits(t testing.TB, s *Server, suToken string) {
	t.Helper()
	body := map[string]any{"rateLimits": map[string]any{"enabled": false}}
	if code := call(t, "PATCH", s.URL+"/api/settings", suToken, body, nil); code != 200 {
		t.Fatalf("disabling rate limits = %d", code)
	}
}

// signUp creates a user through the public API and returns its id and token.
func signUp(t testing.TB, s *Server, email string) (id, token string) {
	t.Helper()
	var u struct{ ID string }
	if code := call(t, "POST", s.URL+"/api/collections/users/records", "",
		map[string]string{"email": email, "password": userPass, "passwordConfirm": userPass}, &u); code != 200 {
		t.Fatalf("sign-up %s = %d", email, code)
	}
	return u.ID, signIn(t, s, email)
}

func signIn(t testing.TB, s *Server, email string) string {
	t.Helper()
	var auth struct{ Token string }
	if code := call(t, "POST", s.URL+"/api/collections/users/auth-with-password", "",
		map[string]string{"identity": email, "password": userPass}, &auth); code != 200 {
		t.Fatalf("sign-in %s = %d", email, code)
	}
	return auth.Token
}

// recordIDs lists the ids of every record of collection that token may see.
func recordIDs(t testing.TB, s *Server, token, collection string) map[string]bool {
	t.Helper()
	ids, err := tryRecordIDs(s, token, collection)
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// tryRecordIDs is recordIDs for a server that may be restarting.
func tryRecordIDs(s *Server, token, collection string) (map[string]bool, error) {
	ids := map[string]bool{}
	for page := 1; ; page++ {
		req, err := http.NewRequest("GET", fmt.Sprintf("%s/api/collections/%s/records?page=%d&perPage=500&fields=id",
			s.URL, collection, page), nil)
		if err != nil {
			return nil, err
		}
		req.Header.Set("Authorization", token)
		var res struct {
			Items      []struct{ ID string }
			TotalPages int
		}
		code, err := doJSON(http.DefaultClient, req, &res)
		if err != nil || code != 200 {
			return nil, fmt.Errorf("listing %s page %d: %d %v", collection, page, code, err)
		}
		for _, it := range res.Items {
			ids[it.ID] = true
		}
		if page >= res.TotalPages {
			return ids, nil
		}
	}
}

// integrityCheck opens a stopped server's database read-only and runs
// SQLite's own consistency check.
func integrityCheck(t testing.TB, dataDir string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dataDir, "data.db")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var got string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&got); err != nil {
		t.Fatal(err)
	}
	if got != "ok" {
		t.Fatalf("PRAGMA integrity_check = %q", got)
	}
}

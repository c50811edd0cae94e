package hooks_test

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/mend-app/mend/internal/testapp"
)

// The request log is kept for days and copied into backups; a share link's
// token must not be in it, or a leaked backup would open the report.
func TestShareTokenIsNotLogged(t *testing.T) {
	t.Parallel()
	app := testapp.NewWith(t, testapp.Options{Seed: "world", Now: fixedNow})
	app.Settings().Logs.MaxDays = 7 // as shipped; test apps turn logging off
	h := router(t, app)
	alice, _ := testapp.Tokens(t)
	req := httptest.NewRequest("POST", "/api/mend/reports", strings.NewReader(`{"format":"csv","share_days":7}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", alice)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var out struct {
		ShareURL string `json:"share_url"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil || out.ShareURL == "" {
		t.Fatalf("creating a share link: %d %s", rec.Code, rec.Body.String())
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", out.ShareURL, nil))
	if rec.Code != 200 {
		t.Fatalf("GET %s = %d", out.ShareURL, rec.Code)
	}
	token := strings.TrimPrefix(out.ShareURL, "/r/")
	// The logger writes in batches; wait for the share request's own row.
	deadline := time.Now().Add(10 * time.Second)
	for {
		var logged, leaked int
		err := app.AuxDB().NewQuery("SELECT count(*) FROM _logs WHERE data LIKE '%\"url\":\"/r/%'").Row(&logged)
		if err != nil {
			t.Fatal(err)
		}
		err = app.AuxDB().NewQuery("SELECT count(*) FROM _logs WHERE data LIKE {:t}").
			Bind(map[string]any{"t": "%" + token + "%"}).Row(&leaked)
		if err != nil {
			t.Fatal(err)
		}
		if leaked > 0 {
			t.Fatalf("the share token is in %d request log rows", leaked)
		}
		if logged > 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the share request was never logged; the test cannot tell whether the token would be")
		}
		time.Sleep(100 * time.Millisecond)
	}
}

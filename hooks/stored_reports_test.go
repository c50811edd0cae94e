package hooks_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/mend-app/mend/internal/testapp"
)

// fileToken asks PocketBase for a short-lived protected-file token.
func fileToken(t testing.TB, mux http.Handler, auth string) string {
	t.Helper()
	b, res := request(t, mux, http.MethodPost, "/api/files/token", auth, "")
	if res.StatusCode != 200 {
		t.Fatalf("file token = %d: %s", res.StatusCode, b)
	}
	var out struct{ Token string }
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out.Token
}

// A stored report is a protected file: its owner reads it with a file
// token; a guest, a token-less request and another user's token do not.
func TestStoredReportFileIsProtected(t *testing.T) {
	t.Parallel()
	mux := router(t, reportWorld(t))
	aliceToken, bobToken := testapp.Tokens(t)
	a := storeReport(t, mux, aliceToken, `{"from":"2026-11-01","to":"2026-11-23","format":"csv"}`)
	if a.ShareURL != "" || a.ShareExpires != "" {
		t.Errorf("no share_days, yet share_url %q, share_expires %q", a.ShareURL, a.ShareExpires)
	}
	if !strings.HasPrefix(a.FileURL, "/api/files/reports/"+a.ID+"/mend_report_2026_11_01_to_2026_11_23") {
		t.Errorf("file_url = %q", a.FileURL)
	}
	for _, c := range []struct {
		name, url string
		auth      string
	}{
		{"guest", a.FileURL, ""},
		{"owner without file token", a.FileURL, aliceToken},
		{"other user with his own file token", a.FileURL + "?token=" + fileToken(t, mux, bobToken), bobToken},
	} {
		b, res := request(t, mux, http.MethodGet, c.url, c.auth, "")
		if res.StatusCode != 404 && res.StatusCode != 403 {
			t.Errorf("%s: status %d, want 403 or 404", c.name, res.StatusCode)
		}
		if bytes.Contains(b, []byte(testapp.AliceSecret)) {
			t.Errorf("%s: the file leaked", c.name)
		}
	}
	b, res := request(t, mux, http.MethodGet, a.FileURL+"?token="+fileToken(t, mux, aliceToken), "", "")
	if res.StatusCode != 200 || !bytes.Contains(b, []byte(testapp.AliceSecret)) || !bytes.HasPrefix(b, []byte("kind,day")) {
		t.Fatalf("owner with file token: status %d, body %.80q", res.StatusCode, b)
	}
	if cc := res.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("stored report file Cache-Control = %q, want no-store", cc)
	}

	// Bob's stored report is his own data only.
	bb := storeReport(t, mux, bobToken, `{"format":"json"}`)
	b, res = request(t, mux, http.MethodGet, bb.FileURL+"?token="+fileToken(t, mux, bobToken), "", "")
	if res.StatusCode != 200 || !bytes.Contains(b, []byte(testapp.BobSecret)) || bytes.Contains(b, []byte(testapp.AliceSecret)) {
		t.Fatalf("Bob's own report: status %d, has his note %v, has Alice's %v", res.StatusCode,
			bytes.Contains(b, []byte(testapp.BobSecret)), bytes.Contains(b, []byte(testapp.AliceSecret)))
	}
}

// notes=false is stored and applied: the stored file holds no note.
func TestStoredReportWithoutNotes(t *testing.T) {
	t.Parallel()
	app := reportWorld(t)
	mux := router(t, app)
	aliceToken, _ := testapp.Tokens(t)
	a := storeReport(t, mux, aliceToken, `{"format":"html","notes":false,"share_days":2}`)
	b, res := getURL(t, mux, a.ShareURL, "")
	if res.StatusCode != 200 || bytes.Contains(b, []byte(testapp.AliceSecret)) {
		t.Fatalf("shared notes=false report: status %d, holds the note %v", res.StatusCode, bytes.Contains(b, []byte(testapp.AliceSecret)))
	}
	rec, err := app.FindRecordById("reports", a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rec.GetBool("notes") || rec.GetString("format") != "html" || rec.GetString("user") != testapp.AliceID {
		t.Errorf("stored metadata: notes %v, format %q, user %q", rec.GetBool("notes"), rec.GetString("format"), rec.GetString("user"))
	}
}

// A shared PDF opens in the browser as a PDF.
func TestSharedPDF(t *testing.T) {
	t.Parallel()
	requireChromium(t)
	mux := router(t, reportWorld(t))
	aliceToken, _ := testapp.Tokens(t)
	a := storeReport(t, mux, aliceToken, `{"from":"2026-11-01","to":"2026-11-23","format":"pdf","share_days":1}`)
	b, res := getURL(t, mux, a.ShareURL, "")
	if res.StatusCode != 200 || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Fatalf("shared pdf: status %d, body %.20q", res.StatusCode, b)
	}
	if ct, cd := res.Header.Get("Content-Type"), res.Header.Get("Content-Disposition"); ct != "application/pdf" || !strings.HasPrefix(cd, "inline;") {
		t.Errorf("Content-Type %q, Content-Disposition %q", ct, cd)
	}
	if pdfPages(t, b) < 1 {
		t.Error("no pages")
	}
}

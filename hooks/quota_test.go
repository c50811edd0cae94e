package hooks_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"

	"github.com/mend-app/mend/internal/limits"
	"github.com/mend-app/mend/internal/testapp"
)

// At the count quota, POST /api/mend/reports answers 409 in PocketBase's
// error shape with data.quota (brief contract 3); expired and revoked
// reports still count; deleting one with the collection's DELETE frees a
// place; another user is not affected.
func TestStoredReportQuota(t *testing.T) {
	t.Parallel()
	app := reportWorld(t)
	mux := router(t, app)
	aliceToken, bobToken := testapp.Tokens(t)
	seeded, err := app.CountRecords("reports", dbx.HashExp{"user": testapp.AliceID})
	if err != nil {
		t.Fatal(err)
	}
	var first storedAnswer
	for i := range limits.MaxReports - int(seeded) {
		body := `{"format":"csv","from":"2026-11-01","to":"2026-11-23"}`
		if i%3 == 0 {
			body = `{"format":"csv","share_days":1}`
		}
		a := storeReport(t, mux, aliceToken, body)
		if i == 0 {
			first = a
		}
	}
	// The first one's link is revoked: it still takes a place.
	if b, res := request(t, mux, http.MethodDelete, "/api/mend/reports/"+first.ID+"/share", aliceToken, ""); res.StatusCode >= 300 {
		t.Fatalf("revoke: %d %s", res.StatusCode, b)
	}
	b, res := request(t, mux, http.MethodPost, "/api/mend/reports", aliceToken, `{"format":"csv"}`)
	if res.StatusCode != http.StatusConflict {
		t.Fatalf("report %d: status %d, want 409: %s", limits.MaxReports+1, res.StatusCode, b)
	}
	var e struct {
		Status  int    `json:"status"`
		Message string `json:"message"`
		Data    struct {
			Quota struct{ Code, Message string } `json:"quota"`
		} `json:"data"`
	}
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatal(err)
	}
	want := "You have 20 saved reports, the most Mend keeps. Delete an older one to save a new report."
	if e.Status != 409 || e.Message != want || e.Data.Quota.Code != limits.QuotaCode || e.Data.Quota.Message != want {
		t.Fatalf("quota error = %+v", e)
	}
	// Bob has his own quota.
	storeReport(t, mux, bobToken, `{"format":"csv"}`)
	// Bob cannot free Alice's place; Alice can, with the normal DELETE.
	if _, res := request(t, mux, http.MethodDelete, "/api/collections/reports/records/"+first.ID, bobToken, ""); res.StatusCode != 404 {
		t.Fatalf("Bob deleting Alice's report: %d, want 404", res.StatusCode)
	}
	if b, res := request(t, mux, http.MethodDelete, "/api/collections/reports/records/"+first.ID, aliceToken, ""); res.StatusCode != 204 {
		t.Fatalf("owner delete: %d %s", res.StatusCode, b)
	}
	storeReport(t, mux, aliceToken, `{"format":"csv"}`)
}

// The byte quota counts the stored files: a user whose files already fill
// it is refused, with the sizes in words.
func TestStoredReportByteQuota(t *testing.T) {
	t.Parallel()
	app := reportWorld(t)
	mux := router(t, app)
	aliceToken, _ := testapp.Tokens(t)
	a := storeReport(t, mux, aliceToken, `{"format":"csv"}`)
	rec, err := app.FindRecordById("reports", a.ID)
	if err != nil {
		t.Fatal(err)
	}
	fsys, err := app.NewFilesystem()
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	// Overwrite the stored file with one as large as the quota.
	key := rec.Collection().Id + "/" + rec.Id + "/" + rec.GetString("file")
	if err := fsys.Upload(make([]byte, limits.MaxReportBytes), key); err != nil {
		t.Fatal(err)
	}
	b, res := request(t, mux, http.MethodPost, "/api/mend/reports", aliceToken, `{"format":"csv"}`)
	if res.StatusCode != http.StatusConflict || !strings.Contains(string(b), `"code":"quota_reports"`) || !strings.Contains(string(b), "of the 50.0 MB") {
		t.Fatalf("over the byte quota: %d %s", res.StatusCode, b)
	}
}

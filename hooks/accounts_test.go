package hooks_test

import (
	"bytes"
	"encoding/json"
	"image"
	"image/png"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"github.com/mend-app/mend/hooks"
	"github.com/mend-app/mend/internal/store"
	"github.com/mend-app/mend/internal/testapp"
)

// A .js file with a GIF header passed the avatar's image check and was then
// served from the app's origin as text/javascript. users.avatar is gone, so
// such an upload is refused with a 400 and nothing of it is stored or served.
func TestScriptAvatarIsRefused(t *testing.T) {
	t.Parallel()
	app := testapp.NewWorld(t)
	mux := router(t, app)
	alice, _ := testapp.Tokens(t)

	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("avatar", "evil.js")
	if err != nil {
		t.Fatal(err)
	}
	fw.Write([]byte("GIF89a=1;alert(document.domain)//"))
	mw.WriteField("name", "Alice")
	mw.Close()
	req := httptest.NewRequest("PATCH", "/api/collections/users/records/"+testapp.AliceID, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", alice)
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, req)
	if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "validation_no_files") {
		t.Errorf("a file upload to an account answered %d %s, want 400 validation_no_files", rec.Code, rec.Body.String())
	}
	if strings.Contains(rec.Body.String(), ".js") {
		t.Fatalf("the upload was stored: %d %s", rec.Code, rec.Body.String())
	}
	users, err := app.FindCollectionByNameOrId(store.Users)
	if err != nil {
		t.Fatal(err)
	}
	if users.Fields.GetByName("avatar") != nil {
		t.Error("users still has an avatar field")
	}
	fsys, err := app.NewFilesystem()
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	files, err := fsys.List(users.Id + "/")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		t.Errorf("a user file was stored: %s", f.Key)
	}
}

// Every /api/files/… answer keeps PocketBase's sandbox policy, never the
// web app's (whose script-src 'self' would let a stored file run as a
// script of the app): a real image, a missing file, a protected report.
func TestFilesKeepSandboxCSP(t *testing.T) {
	t.Parallel()
	app := testapp.NewWorld(t)
	var pic bytes.Buffer
	if err := png.Encode(&pic, image.NewGray(image.Rect(0, 0, 2, 2))); err != nil {
		t.Fatal(err)
	}
	file, err := filesystem.NewFileFromBytes(pic.Bytes(), "pose.png")
	if err != nil {
		t.Fatal(err)
	}
	ex := testapp.Record(t, app, store.Exercises, map[string]any{
		"name": "Pelvic tilt", "slug": "pelvic-tilt-csp", "status": "published",
		"published_at": "2026-01-01 00:00:00.000Z", "image": file,
	})
	exercises, _ := app.FindCollectionByNameOrId(store.Exercises)
	mux := router(t, app)
	for _, url := range []string{
		"/api/files/" + exercises.Id + "/" + ex.Id + "/" + ex.GetString("image"),
		"/api/files/" + exercises.Id + "/" + ex.Id + "/missing.js",
		"/api/files/users/" + testapp.AliceID + "/evil.js",
	} {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest("GET", url, nil))
		if got := rec.Header().Get("Content-Security-Policy"); got != hooks.FileCSP {
			t.Errorf("GET %s (%d): CSP %q, want %q", url, rec.Code, got, hooks.FileCSP)
		}
	}
	if !strings.Contains(hooks.FileCSP, "sandbox") || !strings.Contains(hooks.FileCSP, "default-src 'none'") {
		t.Errorf("FileCSP is not a sandbox policy: %s", hooks.FileCSP)
	}
}

// The same address in another case is the same person: it cannot make a
// second account, the answer keeps the field code clients check and says
// so in plain words, and signing in works whatever case is typed.
func TestEmailIsCaseInsensitive(t *testing.T) {
	t.Parallel()
	signUp := func(email, password string) string {
		return `{"email":"` + email + `","password":"` + password + `","passwordConfirm":"` + password + `"}`
	}
	scenarios := []tests.ApiScenario{
		{
			Name: "same email in capitals", Method: http.MethodPost, URL: "/api/collections/users/records",
			Body:               strings.NewReader(signUp("ALICE@Example.com", "a long passphrase")),
			ExpectedStatus:     400,
			ExpectedContent:    []string{`"email":{"code":"validation_not_unique"`, `already has a Mend account`},
			NotExpectedContent: []string{"Failed to create record", "Value must be unique"},
			TestAppFactory:     testapp.WorldFactory,
		},
		{
			Name: "sign-in in capitals", Method: http.MethodPost, URL: "/api/collections/users/auth-with-password",
			Body:            strings.NewReader(`{"identity":"ALICE@EXAMPLE.COM","password":"` + testapp.Password + `"}`),
			ExpectedStatus:  200,
			ExpectedContent: []string{`"token":`, `"id":"` + testapp.AliceID + `"`},
			TestAppFactory:  testapp.WorldFactory,
		},
		{
			Name: "password of 9 characters", Method: http.MethodPost, URL: "/api/collections/users/records",
			Body:            strings.NewReader(signUp("carol@example.com", "123456789")),
			ExpectedStatus:  400,
			ExpectedContent: []string{`"password":{"code":"validation_min_text_constraint"`},
			TestAppFactory:  testapp.WorldFactory,
		},
		{
			Name: "password of 10 characters", Method: http.MethodPost, URL: "/api/collections/users/records",
			Body:            strings.NewReader(signUp("carol@example.com", "1234567890")),
			ExpectedStatus:  200,
			ExpectedContent: []string{`"collectionName":"users"`},
			TestAppFactory:  testapp.WorldFactory,
		},
	}
	for _, s := range scenarios {
		s.Test(t)
	}
}

// The sign-in lifetimes are the ones the settings migration documents.
func TestAuthTokenLifetimes(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	for name, want := range map[string]int64{store.Users: 14 * 24 * 3600, "_superusers": 24 * 3600} {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			t.Fatal(err)
		}
		if c.AuthToken.Duration != want {
			t.Errorf("%s token lifetime %d s, want %d s", name, c.AuthToken.Duration, want)
		}
	}
}

// The README's recipe for superusers (MFA with a mailed one-time password)
// works in Mend: the password alone then opens nothing, the code does.
func TestSuperuserMFAWithOTP(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	su, err := app.FindCollectionByNameOrId(core.CollectionNameSuperusers)
	if err != nil {
		t.Fatal(err)
	}
	su.MFA.Enabled, su.OTP.Enabled = true, true
	if err := app.Save(su); err != nil {
		t.Fatal(err)
	}
	root := core.NewRecord(su)
	root.SetEmail("root@example.com")
	root.SetPassword("a long operator password")
	if err := app.Save(root); err != nil {
		t.Fatal(err)
	}
	app.Settings().SMTP.Enabled = true
	mux := router(t, app)
	base := "/api/collections/_superusers/"

	b, res := request(t, mux, "POST", base+"auth-with-password", "", `{"identity":"root@example.com","password":"a long operator password"}`)
	var mfa struct {
		MFAID string `json:"mfaId"`
		Token string `json:"token"`
	}
	if err := json.Unmarshal(b, &mfa); err != nil || res.StatusCode != 401 || mfa.MFAID == "" || mfa.Token != "" {
		t.Fatalf("password alone = %d %s, want 401 with an mfaId", res.StatusCode, b)
	}
	b, res = request(t, mux, "POST", base+"request-otp", "", `{"email":"root@example.com"}`)
	var otp struct {
		OTPID string `json:"otpId"`
	}
	if err := json.Unmarshal(b, &otp); err != nil || res.StatusCode != 200 || otp.OTPID == "" {
		t.Fatalf("request-otp = %d %s", res.StatusCode, b)
	}
	// The mail goes out in the background (PocketBase evens out timing).
	for deadline := time.Now().Add(5 * time.Second); app.TestMailer.TotalSend() == 0 && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
	}
	msg := app.TestMailer.LastMessage()
	code := regexp.MustCompile(`\b\d{6,}\b`).FindString(msg.HTML + " " + msg.Text)
	if code == "" {
		t.Fatalf("no code in the OTP mail: %q", msg.HTML)
	}
	b, res = request(t, mux, "POST", base+"auth-with-otp", "", `{"otpId":"`+otp.OTPID+`","password":"`+code+`","mfaId":"`+mfa.MFAID+`"}`)
	if res.StatusCode != 200 || !strings.Contains(string(b), `"token":"`) {
		t.Fatalf("password + OTP = %d %s, want a token", res.StatusCode, b)
	}
}

package hooks_test

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/mend-app/mend/internal/reminders"
	"github.com/mend-app/mend/internal/testapp"
)

// device is a browser's side of a push subscription: the key pair and auth
// secret the push message is encrypted for (RFC 8291).
type device struct {
	key  *ecdh.PrivateKey
	auth []byte
}

func newDevice(t *testing.T) device {
	t.Helper()
	k, err := ecdh.P256().GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	auth := make([]byte, 16)
	if _, err := rand.Read(auth); err != nil {
		t.Fatal(err)
	}
	return device{key: k, auth: auth}
}

func (d device) p256dh() string {
	return base64.RawURLEncoding.EncodeToString(d.key.PublicKey().Bytes())
}
func (d device) authB64() string { return base64.RawURLEncoding.EncodeToString(d.auth) }

// decrypt opens an aes128gcm Web Push body (RFC 8188 header, RFC 8291 keys).
func (d device) decrypt(body []byte) ([]byte, error) {
	if len(body) < 21 {
		return nil, errors.New("body too short")
	}
	salt, idlen := body[:16], int(body[20])
	rs := binary.BigEndian.Uint32(body[16:20])
	if len(body) < 21+idlen || idlen != 65 {
		return nil, fmt.Errorf("keyid length %d", idlen)
	}
	asPublic, ct := body[21:21+idlen], body[21+idlen:]
	if uint32(len(ct)) > rs {
		return nil, errors.New("more than one record")
	}
	pub, err := ecdh.P256().NewPublicKey(asPublic)
	if err != nil {
		return nil, err
	}
	secret, err := d.key.ECDH(pub)
	if err != nil {
		return nil, err
	}
	info := append(append([]byte("WebPush: info\x00"), d.key.PublicKey().Bytes()...), asPublic...)
	ikm, err := hkdf.Key(sha256.New, secret, d.auth, string(info), 32)
	if err != nil {
		return nil, err
	}
	cek, err := hkdf.Key(sha256.New, ikm, salt, "Content-Encoding: aes128gcm\x00", 16)
	if err != nil {
		return nil, err
	}
	nonce, err := hkdf.Key(sha256.New, ikm, salt, "Content-Encoding: nonce\x00", 12)
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(cek)
	if err != nil {
		return nil, err
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	plain, err := gcm.Open(nil, nonce, ct, nil)
	if err != nil {
		return nil, err
	}
	// Last record: content, the delimiter 0x02, then zero padding.
	end := bytes.LastIndexFunc(plain, func(r rune) bool { return r != 0 })
	if end < 0 || plain[end] != 2 {
		return nil, errors.New("no last-record delimiter")
	}
	return plain[:end], nil
}

// pushStub is a push service on loopback (TLS, like real ones) that checks
// each request's VAPID JWT against the server's public key (RFC 8292) and
// decrypts the payload. Paths starting with /gone answer 410.
type pushStub struct {
	*httptest.Server
	t       *testing.T
	devices map[string]device // by path
	mu      sync.Mutex
	got     map[string][]string // path -> decrypted payloads
	vapidK  string              // the k= the server sent
}

func newPushStub(t *testing.T) *pushStub {
	s := &pushStub{t: t, devices: map[string]device{}, got: map[string][]string{}}
	s.Server = httptest.NewTLSServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *pushStub) serve(w http.ResponseWriter, r *http.Request) {
	fail := func(f string, a ...any) {
		s.t.Errorf("push stub: "+f, a...)
		http.Error(w, "bad request", http.StatusBadRequest)
	}
	if r.Method != http.MethodPost || r.Header.Get("Content-Encoding") != "aes128gcm" || r.Header.Get("TTL") == "" {
		fail("%s with Content-Encoding %q TTL %q", r.Method, r.Header.Get("Content-Encoding"), r.Header.Get("TTL"))
		return
	}
	k, err := s.checkVAPID(r.Header.Get("Authorization"))
	if err != nil {
		fail("VAPID: %v", err)
		return
	}
	body, _ := io.ReadAll(r.Body)
	dev, ok := s.devices[r.URL.Path]
	if !ok {
		fail("unknown device %s", r.URL.Path)
		return
	}
	plain, err := dev.decrypt(body)
	if err != nil {
		fail("decrypt: %v", err)
		return
	}
	s.mu.Lock()
	s.vapidK = k
	s.got[r.URL.Path] = append(s.got[r.URL.Path], string(plain))
	s.mu.Unlock()
	if strings.HasPrefix(r.URL.Path, "/gone") {
		w.WriteHeader(http.StatusGone)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

// checkVAPID verifies "vapid t=<jwt>, k=<key>": an ES256 JWT signed by k,
// for this origin, not expired and at most 24 h ahead, with a contact.
func (s *pushStub) checkVAPID(h string) (string, error) {
	rest, ok := strings.CutPrefix(h, "vapid ")
	if !ok {
		return "", fmt.Errorf("scheme in %q", h)
	}
	var tok, k string
	for _, part := range strings.Split(rest, ",") {
		part = strings.TrimSpace(part)
		if v, ok := strings.CutPrefix(part, "t="); ok {
			tok = v
		} else if v, ok := strings.CutPrefix(part, "k="); ok {
			k = v
		}
	}
	pub, err := base64.RawURLEncoding.DecodeString(k)
	if err != nil || len(pub) != 65 {
		return "", fmt.Errorf("k=%q", k)
	}
	parts := strings.Split(tok, ".")
	if len(parts) != 3 {
		return "", errors.New("JWT shape")
	}
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil || len(sig) != 64 {
		return "", errors.New("JWT signature encoding")
	}
	x, y := elliptic.Unmarshal(elliptic.P256(), pub) //nolint:staticcheck // plain point decoding for ecdsa.Verify
	if x == nil {
		return "", errors.New("k is not a P-256 point")
	}
	digest := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if !ecdsa.Verify(&ecdsa.PublicKey{Curve: elliptic.P256(), X: x, Y: y}, digest[:], new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:])) {
		return "", errors.New("JWT signature does not verify with k")
	}
	var hdr struct{ Alg, Typ string }
	var claims struct {
		Aud string `json:"aud"`
		Exp int64  `json:"exp"`
		Sub string `json:"sub"`
	}
	hb, _ := base64.RawURLEncoding.DecodeString(parts[0])
	cb, _ := base64.RawURLEncoding.DecodeString(parts[1])
	if json.Unmarshal(hb, &hdr) != nil || hdr.Alg != "ES256" || json.Unmarshal(cb, &claims) != nil {
		return "", fmt.Errorf("header %s claims %s", hb, cb)
	}
	if claims.Aud != s.URL {
		return "", fmt.Errorf("aud %q, want %q", claims.Aud, s.URL)
	}
	if exp := time.Unix(claims.Exp, 0); time.Until(exp) <= 0 || time.Until(exp) > 24*time.Hour {
		return "", fmt.Errorf("exp %s", exp)
	}
	if !strings.HasPrefix(claims.Sub, "mailto:") && !strings.HasPrefix(claims.Sub, "https:") {
		return "", fmt.Errorf("sub %q", claims.Sub)
	}
	return k, nil
}

func (s *pushStub) subscribe(t *testing.T, app core.App, userID, path string) *core.Record {
	t.Helper()
	d := newDevice(t)
	s.devices[path] = d
	return testapp.Record(t, app, "push_subscriptions", map[string]any{
		"user": userID, "endpoint": s.URL + path, "p256dh": d.p256dh(), "auth": d.authB64(), "user_agent": "test phone",
	})
}

func (s *pushStub) payloads() map[string][]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string][]string{}
	for k, v := range s.got {
		out[k] = append([]string(nil), v...)
	}
	return out
}

func TestPushRemindersThroughStub(t *testing.T) {
	t.Parallel()
	stub := newPushStub(t)
	c := &clock{}
	c.set("2026-01-10T19:30:00Z")
	app := testapp.NewWith(t, testapp.Options{Now: c.Now, PushClient: stub.Client()})
	due, _ := testapp.User(t, app, "due@example.com", map[string]any{"timezone": "America/Los_Angeles", "reminder_time": "11:00", "reminder_channels": []string{"push"}})
	later, _ := testapp.User(t, app, "later@example.com", map[string]any{"timezone": "Europe/Berlin", "reminder_time": "22:00", "reminder_channels": []string{"push"}})
	testapp.Record(t, app, "pain_scores", map[string]any{"user": due.Id, "day": "2026-01-09", "score": 7, "note": reminderSecret})
	stub.subscribe(t, app, due.Id, "/live/phone")
	gone := stub.subscribe(t, app, due.Id, "/gone/old-laptop")
	stub.subscribe(t, app, later.Id, "/live/later")

	run(t, app, c.Now())
	run(t, app, c.Now()) // a rerun sends nothing more

	got := stub.payloads()
	want := string(reminders.PushPayload())
	if len(got["/live/phone"]) != 1 || got["/live/phone"][0] != want || len(got["/gone/old-laptop"]) != 1 {
		t.Fatalf("pushes %v, want one %s to each of the due user's devices", got, want)
	}
	if len(got["/live/later"]) != 0 {
		t.Errorf("a user not yet due got %v", got["/live/later"])
	}
	if strings.Contains(got["/live/phone"][0], reminderSecret) {
		t.Error("push payload carries journal content")
	}
	if _, err := app.FindRecordById("push_subscriptions", gone.Id); err == nil {
		t.Error("a subscription answered 410 is still stored")
	}
	if n, _ := app.CountRecords("push_subscriptions"); n != 2 {
		t.Errorf("%d subscriptions left, want 2", n)
	}
	// The key the service saw is the one the route hands to browsers, and it
	// is kept in the data dir (never in the repository), private to the owner.
	b, err := os.ReadFile(filepath.Join(app.DataDir(), "vapid_keys.json"))
	if err != nil {
		t.Fatal(err)
	}
	var keys struct{ Public string }
	if err := json.Unmarshal(b, &keys); err != nil || keys.Public != stub.vapidK {
		t.Errorf("stored public key %q, pushed with %q (%v)", keys.Public, stub.vapidK, err)
	}
	if fi, err := os.Stat(filepath.Join(app.DataDir(), "vapid_keys.json")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %v, %v", fi.Mode().Perm(), err)
	}
}

func TestPushKeyAndSubscriptionRules(t *testing.T) {
	t.Parallel()
	d := newDevice(t)
	sub := func(user, endpoint string) string {
		b, _ := json.Marshal(map[string]string{"user": user, "endpoint": endpoint, "p256dh": d.p256dh(), "auth": d.authB64()})
		return string(b)
	}
	alice, bob := testapp.Tokens(t)
	h := func(tok string) map[string]string { return map[string]string{"Authorization": tok} }
	const ep = "https://push.example/send/abc"
	withSub := func(t testing.TB) *tests.TestApp {
		app := testapp.NewWorld(t)
		testapp.Record(t, app, "push_subscriptions", map[string]any{"user": testapp.AliceID, "endpoint": ep, "p256dh": d.p256dh(), "auth": d.authB64()})
		return app
	}
	scenarios := []tests.ApiScenario{
		{Name: "key for a signed-in user", Method: http.MethodGet, URL: "/api/mend/push/key", Headers: h(alice), ExpectedStatus: 200, ExpectedContent: []string{`"public_key":"B`}},
		{Name: "key needs sign-in", Method: http.MethodGet, URL: "/api/mend/push/key", ExpectedStatus: 401, NotExpectedContent: []string{"public_key"}},
		{Name: "owner subscribes", Method: http.MethodPost, URL: "/api/collections/push_subscriptions/records", Headers: h(alice),
			Body: strings.NewReader(sub(testapp.AliceID, ep)), ExpectedStatus: 200, ExpectedContent: []string{`"endpoint":"` + ep}},
		{Name: "no subscribing someone else", Method: http.MethodPost, URL: "/api/collections/push_subscriptions/records", Headers: h(bob),
			Body: strings.NewReader(sub(testapp.AliceID, ep)), ExpectedStatus: 400, ExpectedContent: []string{"Failed to create record."}},
		{Name: "guest cannot subscribe", Method: http.MethodPost, URL: "/api/collections/push_subscriptions/records",
			Body: strings.NewReader(sub(testapp.AliceID, ep)), ExpectedStatus: 400, ExpectedContent: []string{"Failed to create record."}},
		{Name: "http endpoint refused", Method: http.MethodPost, URL: "/api/collections/push_subscriptions/records", Headers: h(alice),
			Body: strings.NewReader(sub(testapp.AliceID, "http://10.0.0.1/x")), ExpectedStatus: 400, ExpectedContent: []string{`"validation_invalid_endpoint"`}},
		{Name: "same device twice refused", Method: http.MethodPost, URL: "/api/collections/push_subscriptions/records", Headers: h(alice),
			Body: strings.NewReader(sub(testapp.AliceID, ep)), ExpectedStatus: 400, ExpectedContent: []string{"validation_not_unique"}, TestAppFactory: withSub},
		{Name: "owner lists hers", Method: http.MethodGet, URL: "/api/collections/push_subscriptions/records", Headers: h(alice),
			ExpectedStatus: 200, ExpectedContent: []string{`"totalItems":1`, ep}, TestAppFactory: withSub},
		{Name: "other user sees none", Method: http.MethodGet, URL: "/api/collections/push_subscriptions/records", Headers: h(bob),
			ExpectedStatus: 200, ExpectedContent: []string{`"totalItems":0`}, NotExpectedContent: []string{ep}, TestAppFactory: withSub},
		{Name: "guest sees none", Method: http.MethodGet, URL: "/api/collections/push_subscriptions/records",
			ExpectedStatus: 200, ExpectedContent: []string{`"totalItems":0`}, NotExpectedContent: []string{ep}, TestAppFactory: withSub},
		{Name: "deleting the user deletes her devices", Method: http.MethodDelete, URL: "/api/collections/users/records/" + testapp.AliceID, Headers: h(alice),
			ExpectedStatus: 204, TestAppFactory: withSub,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, _ *http.Response) {
				if n, _ := app.CountRecords("push_subscriptions"); n != 0 {
					t.Errorf("%d subscriptions outlived their user", n)
				}
			}},
	}
	for _, s := range scenarios {
		if s.TestAppFactory == nil {
			s.TestAppFactory = testapp.WorldFactory
		}
		s.Test(t)
	}
}

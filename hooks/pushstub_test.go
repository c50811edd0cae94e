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
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

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
// decrypts the payload. Paths starting with /gone answer 410, /missing 404.
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
	if strings.HasPrefix(r.URL.Path, "/missing") {
		w.WriteHeader(http.StatusNotFound)
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

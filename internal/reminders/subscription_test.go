package reminders_test

import (
	"crypto/ecdh"
	"crypto/rand"
	"encoding/base64"
	"strings"
	"testing"

	"github.com/mend-app/mend/internal/reminders"
)

func validKeys(t testing.TB) (p256dh, auth string) {
	k, err := ecdh.P256().GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return base64.RawURLEncoding.EncodeToString(k.PublicKey().Bytes()), base64.RawURLEncoding.EncodeToString(make([]byte, 16))
}

func TestCheckSubscription(t *testing.T) {
	t.Parallel()
	p256dh, auth := validKeys(t)
	ok := "https://push.example/send/abc"
	scenarios := []struct {
		name, endpoint, p256dh, auth string
		bad                          []string
	}{
		{"valid", ok, p256dh, auth, nil},
		{"padded base64", ok, p256dh + "=", auth + "==", nil},
		{"http endpoint", "http://push.example/x", p256dh, auth, []string{"endpoint"}},
		{"no host", "https:///x", p256dh, auth, []string{"endpoint"}},
		{"credentials in URL", "https://a:b@push.example/x", p256dh, auth, []string{"endpoint"}},
		{"file URL", "file:///etc/passwd", p256dh, auth, []string{"endpoint"}},
		{"too long", ok + strings.Repeat("a", reminders.MaxEndpointLen), p256dh, auth, []string{"endpoint"}},
		{"key not a point", ok, base64.RawURLEncoding.EncodeToString(append([]byte{4}, make([]byte, 64)...)), auth, []string{"p256dh"}},
		{"key wrong length", ok, base64.RawURLEncoding.EncodeToString(make([]byte, 33)), auth, []string{"p256dh"}},
		{"auth wrong length", ok, p256dh, base64.RawURLEncoding.EncodeToString(make([]byte, 8)), []string{"auth"}},
		{"not base64", ok, "!!", "??", []string{"p256dh", "auth"}},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			p := reminders.CheckSubscription(sc.endpoint, sc.p256dh, sc.auth)
			if len(p) != len(sc.bad) {
				t.Fatalf("problems %v, want fields %v", p, sc.bad)
			}
			for _, f := range sc.bad {
				if p[f].Code == "" || p[f].Message == "" {
					t.Errorf("no problem for %s: %v", f, p)
				}
			}
		})
	}
}

func FuzzCheckSubscription(f *testing.F) {
	p256dh, auth := validKeys(f)
	f.Add("https://push.example/x", p256dh, auth)
	f.Add("http://[::1", "", "=")
	f.Fuzz(func(t *testing.T, endpoint, p256dh, auth string) {
		p := reminders.CheckSubscription(endpoint, p256dh, auth)
		if _, bad := p["endpoint"]; !bad && !strings.HasPrefix(strings.ToLower(endpoint), "https://") {
			t.Errorf("accepted endpoint %q", endpoint)
		}
	})
}

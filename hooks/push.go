package hooks

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	webpush "github.com/SherClockHolmes/webpush-go"
	"github.com/pocketbase/pocketbase/core"

	"github.com/mend-app/mend/internal/reminders"
)

// vapidFile holds the server's VAPID key pair in the data dir (pb_data is
// never in the repository); it is made on first start and kept, because
// every browser subscription is bound to the public key it was made with.
const vapidFile = "vapid_keys.json"

type vapidKeys struct {
	Public  string `json:"public"`
	Private string `json:"private"`
}

// pusher sends Web Push reminders with the app's VAPID keys.
type pusher struct {
	client webpush.HTTPClient
	mu     sync.Mutex
	keys   *vapidKeys
}

// keys loads the key pair from dataDir, making and saving one the first time.
func (p *pusher) loadKeys(dataDir string) (vapidKeys, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.keys != nil {
		return *p.keys, nil
	}
	path := filepath.Join(dataDir, vapidFile)
	var k vapidKeys
	b, err := os.ReadFile(path)
	switch {
	case err == nil:
		if err := json.Unmarshal(b, &k); err != nil || k.Public == "" || k.Private == "" {
			return k, fmt.Errorf("hooks: %s is damaged; remove it to make new keys (devices must then subscribe again)", path)
		}
	case errors.Is(err, os.ErrNotExist):
		if k.Private, k.Public, err = webpush.GenerateVAPIDKeys(); err != nil {
			return k, fmt.Errorf("hooks: unable to make VAPID keys: %w", err)
		}
		b, err := json.Marshal(k)
		if err != nil {
			return k, err
		}
		// O_EXCL: two processes starting at once never overwrite each other's keys.
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return k, fmt.Errorf("hooks: unable to save VAPID keys: %w", err)
		}
		if _, err := f.Write(b); err != nil {
			f.Close()
			return k, fmt.Errorf("hooks: unable to save VAPID keys: %w", err)
		}
		if err := f.Close(); err != nil {
			return k, fmt.Errorf("hooks: unable to save VAPID keys: %w", err)
		}
	default:
		return k, fmt.Errorf("hooks: unable to read VAPID keys: %w", err)
	}
	p.keys = &k
	return k, nil
}

// onServeKeys makes the key pair on first start, not on the first request.
func (h *handlers) onServeKeys(se *core.ServeEvent) error {
	if _, err := h.push.loadKeys(se.App.DataDir()); err != nil {
		return err
	}
	return se.Next()
}

// getPushKey answers the public VAPID key the browser subscribes with.
func (h *handlers) getPushKey(e *core.RequestEvent) error {
	k, err := h.push.loadKeys(e.App.DataDir())
	if err != nil {
		return e.InternalServerError("Notifications are not available on this server right now.", err)
	}
	return e.JSON(http.StatusOK, map[string]string{"public_key": k.Public})
}

// validatePushSubscription checks a device before it is stored: the server
// will POST to its endpoint, so only a real https push address is kept.
func validatePushSubscription(e *core.RecordEvent) error {
	r := e.Record
	if p := reminders.CheckSubscription(r.GetString("endpoint"), r.GetString("p256dh"), r.GetString("auth")); len(p) > 0 {
		return validationErrors(p)
	}
	if ua := r.GetString("user_agent"); len(ua) > 300 {
		r.Set("user_agent", strings.ToValidUTF8(ua[:300], ""))
	}
	return e.Next()
}

// pushTo sends the reminder to the devices subs (one user's) and forgets
// devices the push service no longer knows (404 or 410, RFC 8030 section 7.3).
func (h *handlers) pushTo(ctx context.Context, app core.App, subs []*core.Record) error {
	if len(subs) == 0 {
		return nil
	}
	k, err := h.push.loadKeys(app.DataDir())
	if err != nil {
		return err
	}
	var errs []error
	for _, s := range subs {
		res, err := webpush.SendNotificationWithContext(ctx, reminders.PushPayload(), &webpush.Subscription{
			Endpoint: s.GetString("endpoint"),
			Keys:     webpush.Keys{P256dh: s.GetString("p256dh"), Auth: s.GetString("auth")},
		}, &webpush.Options{
			HTTPClient:      h.push.client,
			Subscriber:      vapidSubject(app),
			VAPIDPublicKey:  k.Public,
			VAPIDPrivateKey: k.Private,
			TTL:             4 * 60 * 60, // a reminder older than 4 hours is no use
			Urgency:         webpush.UrgencyNormal,
			Topic:           "mend-reminder", // a newer reminder replaces an undelivered one
		})
		if err != nil {
			errs = append(errs, fmt.Errorf("hooks: push failed: %w", err))
			continue
		}
		_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 4096))
		res.Body.Close()
		switch {
		case res.StatusCode == http.StatusNotFound || res.StatusCode == http.StatusGone:
			if err := app.Delete(s); err != nil {
				errs = append(errs, fmt.Errorf("hooks: unable to remove an expired push subscription: %w", err))
			}
		case res.StatusCode >= 300:
			errs = append(errs, fmt.Errorf("hooks: push service answered %d", res.StatusCode))
		}
	}
	return errors.Join(errs...)
}

// vapidSubject is the contact the push service may use (RFC 8292): the
// Application URL when it is https, else the sender address.
func vapidSubject(app core.App) string {
	s := app.Settings().Meta
	if strings.HasPrefix(s.AppURL, "https://") {
		return s.AppURL
	}
	return s.SenderAddress // webpush-go adds "mailto:"
}

// notPublic are ranges that net's Is* methods do not cover but that reach
// a provider's or the server's own network: shared address space (RFC 6598,
// where cloud metadata services and tailnets live), benchmarking (RFC 2544),
// IETF protocol assignments, and NAT64 (which wraps any IPv4 address,
// loopback and metadata included).
var notPublic = []netip.Prefix{
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("64:ff9b::/96"),
	netip.MustParsePrefix("64:ff9b:1::/48"),
}

// publicAddr says whether a push service at ip may be dialled.
func publicAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	if ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsUnspecified() || ip.IsMulticast() || ip.IsInterfaceLocalMulticast() {
		return false
	}
	for _, p := range notPublic {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// publicOnlyClient is the production HTTP client for push services. Users
// supply the endpoint, so it refuses to dial loopback, private, link-local
// and unspecified addresses (no reaching the server's own network).
func publicOnlyClient() *http.Client {
	d := &net.Dialer{Timeout: 10 * time.Second, Control: func(_, address string, _ syscall.RawConn) error {
		host, _, err := net.SplitHostPort(address)
		if err != nil {
			return err
		}
		if ip, err := netip.ParseAddr(host); err != nil || !publicAddr(ip) {
			return fmt.Errorf("hooks: push endpoint address %s is not public", host)
		}
		return nil
	}}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DialContext = d.DialContext
	tr.Proxy = nil
	return &http.Client{Timeout: 20 * time.Second, Transport: tr,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

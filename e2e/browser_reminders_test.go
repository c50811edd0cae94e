package e2e

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/serviceworker"
	"github.com/chromedp/chromedp"
)

// fakePushJS stands in for the browser's push service: headless Chromium
// has none, so PushManager.subscribe cannot succeed there. The stand-in
// returns a subscription with a real P-256 key and auth secret (what the
// server validates), so Settings' own code path runs unchanged.
const fakePushJS = `(() => {
	const b64 = (u) => btoa(String.fromCharCode(...u)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
	PushManager.prototype.subscribe = async function () {
		const k = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
		const raw = new Uint8Array(await crypto.subtle.exportKey('raw', k.publicKey));
		const json = { endpoint: 'https://push.example/e2e-device', keys: { p256dh: b64(raw), auth: b64(crypto.getRandomValues(new Uint8Array(16))) } };
		window.mendFakeSub = { endpoint: json.endpoint, options: {}, toJSON: () => json, unsubscribe: async () => { window.mendFakeSub = null; return true; } };
		return window.mendFakeSub;
	};
	PushManager.prototype.getSubscription = async function () { return window.mendFakeSub ?? null; };
})()`

// checkSettingsA11y runs the suite's contrast and accessible-name checks on
// Settings in the given colour scheme.
func (tb *Tab) checkSettingsA11y(scheme string) {
	tb.t.Helper()
	tb.emulateScheme(scheme)
	rep := eval[contrastReport](tb, contrastJS)
	for _, f := range rep.Failures {
		tb.t.Errorf("settings, %s: %s %q: %s on %s = %.2f:1, want ≥ %.1f", scheme, f.Path, f.Text, f.Fg, f.Bg, f.Ratio, f.Need)
	}
	unnamed, named := tb.unnamedControls()
	for _, u := range unnamed {
		tb.t.Errorf("settings, %s: control without an accessible name: %s", scheme, u)
	}
	if rep.Checked < 10 || named < 10 {
		tb.t.Errorf("settings, %s: only %d texts and %d controls checked", scheme, rep.Checked, named)
	}
}

// Every reminder control in Settings, pressed in Chromium: the time, both
// channels, Save, "Turn reminders off" and the confirmation email; then a
// push delivered through DevTools shows a notification, and activating it
// opens Today.
func TestBrowserReminderSettings(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "")
	a := newAccount(t, srv, "remind@example.com", map[string]any{"delivery_date": day(-30), "timezone": "Europe/Berlin"})
	tb := newTab(t, srv, phoneWidth)

	regID := tb.watchRegistration(srv)
	tb.signIn(a.Email, testPassword)
	tb.waitForServiceWorker()
	ctx, cancel := tb.bounded()
	defer cancel()
	if _, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
		Permission: &browser.PermissionDescriptor{Name: "notifications"}, Setting: browser.PermissionSettingGranted,
		Origin: srv.URL, BrowserContextID: chromedp.FromContext(tb.ctx).BrowserContextID,
	}); err != nil {
		t.Fatal(err)
	}
	tb.do(chromedp.Evaluate[chromedp.Void](fakePushJS))

	tb.show(screen{name: "settings", hash: "#/settings", tag: "mend-settings"})
	tb.waitJS("the reminders card", `document.querySelector('mend-reminders [data-rem-state]')?.textContent === 'Reminders are off.'`)
	tb.checkSettingsA11y("light")
	tb.checkSettingsA11y("dark")
	tb.emulateScheme("light")

	// Time, both channels, Save.
	tb.do(chromedp.SetValue(labelled("Remind me at"), "07:30"))
	tb.tick("input[name=channel][value=email]")
	tb.tick("input[name=channel][value=push]")
	tb.click(button("Save reminders"))
	tb.waitJS("saved", `document.querySelector('mend-reminders [data-rem-status]').textContent === 'Reminders saved.'`)
	if s := eval[string](tb, `document.querySelector('mend-reminders [data-rem-state]').textContent`); s != "Reminders are on: 07:30 each day, by email and notification." {
		t.Errorf("state line = %q", s)
	}
	users := records(t, srv, a.Token, "users", "")
	if len(users) != 1 || users[0]["reminder_time"] != "07:30" || len(users[0]["reminder_channels"].([]any)) != 2 {
		t.Fatalf("user after Save = %v", users)
	}
	if subs := records(t, srv, a.Token, "push_subscriptions", ""); len(subs) != 1 || subs[0]["endpoint"] != "https://push.example/e2e-device" {
		t.Fatalf("push_subscriptions after Save = %v", subs)
	}

	// The confirmation email (the account is not verified yet).
	tb.click(button("Send me a confirmation email"))
	tb.waitJS("the confirmation message", `document.querySelector('mend-reminders [data-rem-status]').textContent.startsWith('We sent a confirmation link')`)

	// A push through DevTools shows Mend's notification.
	tb.deliverPush(srv, regID(), `{"title":"Mend","body":"A moment to log how today went?","url":"/#/today","tag":"mend-reminder"}`)
	notes := eval[[][]string](tb, `window.mendNotes`)
	if n := notes[0]; n[0] != "Mend" || n[1] != "A moment to log how today went?" || n[2] != srv.URL+"/#/today" {
		t.Errorf("notification = %q", n)
	}
	tb.clickNotification(srv)
	tb.waitJS("Today after the notification", `location.hash === '#/today' && !!document.querySelector('mend-today')`)

	// Off in one tap: no channels left, this device forgotten.
	tb.show(screen{name: "settings", hash: "#/settings", tag: "mend-settings"})
	tb.click(button("Turn reminders off"))
	tb.waitJS("off", `document.querySelector('mend-reminders [data-rem-state]').textContent === 'Reminders are off.'`)
	if users := records(t, srv, a.Token, "users", ""); len(users[0]["reminder_channels"].([]any)) != 0 {
		t.Errorf("channels after turning off = %v", users[0]["reminder_channels"])
	}
	tb.waitJS("the device forgotten", `window.mendFakeSub === null`)
	if subs := records(t, srv, a.Token, "push_subscriptions", ""); len(subs) != 0 {
		t.Errorf("push_subscriptions after turning off = %v", subs)
	}
}

// deliverPush sends a push message to the app's worker through DevTools and
// waits until its notification is shown, leaving it in window.mendNotes as
// [title, body, url] rows. A push sent while Chromium is still starting the
// worker, or its notification service, can be dropped without an error
// (seen once on a loaded CI machine), so an unseen push is sent again, at
// most three times; the tag makes a repeat replace, not add, a notification.
func (tb *Tab) deliverPush(srv *Server, id serviceworker.RegistrationID, data string) {
	tb.t.Helper()
	if p := eval[string](tb, `Notification.permission`); p != "granted" {
		tb.t.Fatalf("notification permission in the page = %q, want granted", p)
	}
	const attempts = 3
	for try := 1; ; try++ {
		tb.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, serviceworker.DeliverPushMessage, serviceworker.DeliverPushMessageParams{
				Origin: srv.URL, RegistrationID: id, Data: data,
			})
			return err
		}))
		for deadline := time.Now().Add(waitTimeout / 2); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			ctx, cancel := tb.bounded()
			n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`navigator.serviceWorker.ready.then((r) => r.getNotifications()).then((ns) => {
				window.mendNotes = ns.map((n) => [n.title, n.body, n.data?.url ?? '']);
				return ns.length;
			})`, chromedp.EvalAwaitPromise))
			cancel()
			if err != nil {
				tb.t.Fatalf("browser: reading the notifications: %v", err)
			}
			if n == 1 {
				return
			}
			if n > 1 {
				tb.t.Fatalf("%d notifications shown after %d pushes, want 1 (the tag replaces)", n, try)
			}
		}
		if try == attempts {
			tb.t.Fatalf("no notification shown after %d pushes, %v apart", attempts, waitTimeout/2)
		}
		tb.t.Logf("push %d showed no notification in %v; sending it again", try, waitTimeout/2)
	}
}

// clickNotification activates the shown notification. Headless Chromium
// has no notification UI to click and DevTools has no command for it, so
// the test attaches to the service worker and dispatches the same
// notificationclick event the browser would, with the real notification.
func (tb *Tab) clickNotification(srv *Server) {
	tb.t.Helper()
	ctx, cancel := tb.bounded()
	defer cancel()
	targets, err := chromedp.Targets(ctx)
	if err != nil {
		tb.t.Fatal(err)
	}
	for _, tg := range targets {
		if tg.Type != "service_worker" || tg.URL != srv.URL+"/sw.js" {
			continue
		}
		swCtx, swCancel := chromedp.NewContext(tb.ctx, chromedp.WithTargetID(tg.TargetID))
		defer swCancel()
		_, err := chromedp.Run(swCtx, chromedp.Evaluate[chromedp.Void](`self.registration.getNotifications().then((ns) => { self.dispatchEvent(new NotificationEvent('notificationclick', { notification: ns[0] })); })`, chromedp.EvalAwaitPromise))
		if err != nil {
			tb.t.Fatalf("dispatching notificationclick in the worker: %v", err)
		}
		return
	}
	tb.t.Fatalf("no service worker target for %s among %d targets", srv.URL, len(targets))
}

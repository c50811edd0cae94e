package e2e

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/serviceworker"
	"github.com/chromedp/chromedp"
)

// waitForServiceWorker waits until the worker controls the page and its
// shell cache is filled (it is activated only after install cached it).
func (tb *Tab) waitForServiceWorker() {
	tb.t.Helper()
	tb.waitJS("the service worker to control the page", `!!navigator.serviceWorker.controller && navigator.serviceWorker.controller.state === 'activated'`)
}

// cachedURLs lists every URL in the app's caches, by cache name.
func (tb *Tab) cachedURLs() map[string][]string {
	tb.t.Helper()
	ctx, cancel := tb.bounded()
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[map[string][]string](`(async () => {
		const out = {};
		for (const k of await caches.keys()) out[k] = (await (await caches.open(k)).keys()).map((r) => new URL(r.url).pathname);
		return out;
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("browser: reading caches: %v", err)
	}
	return v
}

// Issue 11's acceptance in Chromium at phone size: after one visit the app
// reloads and shows Today with the server gone and the network off; a log
// saved then waits on the phone and reaches the server once it is back.
// The worker never caches API answers.
func TestBrowserOfflineReload(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "")
	a := newAccount(t, srv, "sw-offline@example.com", map[string]any{"delivery_date": day(-20)})
	seedDays(t, srv, a, 7)
	tb := newTab(t, srv, phoneWidth)
	tb.signIn(a.Email, testPassword)
	tb.waitForServiceWorker()
	// Insights once, so ECharts is cached on first use.
	tb.show(screen{name: "insights", hash: "#/insights", tag: "mend-insights", extra: chartsDone})

	caches := tb.cachedURLs()
	var shell, runtime []string
	for name, urls := range caches {
		for _, u := range urls {
			if strings.HasPrefix(u, "/api/") || strings.HasPrefix(u, "/_/") {
				t.Errorf("cache %s holds %s: API answers must never be cached", name, u)
			}
		}
		switch {
		case strings.HasPrefix(name, "mend-shell-"):
			shell = urls
		case strings.HasPrefix(name, "mend-runtime-"):
			runtime = urls
		}
	}
	if len(caches) != 2 || len(shell) < 20 || !slices.Contains(shell, "/") {
		t.Fatalf("caches = %v, want this version's shell and runtime caches", caches)
	}
	if !strings.Contains(strings.Join(runtime, " "), "/vendor/echarts@5.6.0/echarts.esm.min.js") {
		t.Errorf("runtime cache = %v, want ECharts after a visit to Insights", runtime)
	}

	// The server goes away and the phone goes offline: a full reload still
	// shows Today, from the worker's cache.
	tb.setOffline(true)
	srv.Stop(t)
	tb.open("/#/today")
	tb.waitJS("Today from the cache", `!!document.querySelector('mend-today [data-readings]') && !!document.querySelector('mend-today h1')`)
	tb.waitJS("the offline banner", `document.getElementById('net-banner').textContent.startsWith('You are offline')`)

	tb.click(painChoice("6, moderate"))
	tb.click(button("Save"))
	const waiting = "Saved on this phone. Mend will send it when you are back online."
	tb.waitJS("the waiting message", fmt.Sprintf(`document.querySelector('#page-actions [role=status]')?.textContent.trim() === %s`, js(waiting)))

	// The server comes back on the same origin, the network returns, and
	// the app sends the log by itself.
	back := startServerAt(t, strings.TrimPrefix(srv.URL, "http://"), srv.DataDir)
	tb.setOffline(false)
	got := waitRecords(t, back, a.Token, "pain_scores", "score = 6", 15*time.Second)
	if len(got) != 1 || got[0]["score"] != 6.0 {
		t.Fatalf("pain_scores after coming back online = %v, want the one score 6 saved offline", got)
	}
	tb.waitJS("the outbox to empty", `JSON.parse(localStorage.getItem('mend.outbox') || '[]').length === 0`)
}

// A new worker waits instead of taking over: the page offers "Update", and
// only that tap lets it control the page, with one reload, and deletes the
// caches of other versions. (The new version is the same script under a
// new URL: a browser treats that as an update of the registration.)
func TestBrowserServiceWorkerUpdate(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "")
	a := newAccount(t, srv, "sw-update@example.com", map[string]any{"delivery_date": day(-20)})
	tb := newTab(t, srv, phoneWidth)
	tb.signIn(a.Email, testPassword)
	tb.waitForServiceWorker()
	tb.do(chromedp.Evaluate[chromedp.Void](`window.mendBeforeUpdate = true; caches.open('mend-shell-oldversion')`, chromedp.EvalAwaitPromise))
	tb.do(chromedp.Evaluate[chromedp.Void](`navigator.serviceWorker.register('/sw.js?next', { scope: '/', updateViaCache: 'none' })`, chromedp.EvalAwaitPromise))
	tb.waitJS("the Update offer", `document.getElementById('sw-update')?.textContent.includes('A new version of Mend is ready.')`)
	// Waiting, not in control: the page still runs the old worker.
	if u := eval[string](tb, `navigator.serviceWorker.controller.scriptURL`); strings.Contains(u, "?next") {
		t.Fatalf("the new worker took over before Update was tapped: %s", u)
	}
	tb.click(button("Update"))
	// The page reloads under the poll, so poll by hand and ride out the
	// moment with no document.
	reloaded := false
	for deadline := time.Now().Add(waitTimeout); !reloaded && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		ctx, cancel := tb.bounded()
		reloaded, _ = chromedp.Run(ctx, chromedp.Evaluate[bool](`!window.mendBeforeUpdate && !!navigator.serviceWorker.controller?.scriptURL.endsWith('/sw.js?next')`))
		cancel()
	}
	if !reloaded {
		t.Fatalf("no reload under the new worker after tapping Update: %s", eval[string](tb, `JSON.stringify({href: location.href, title: document.title, body: document.body?.innerText.slice(0, 300)})`))
	}
	tb.waitToday()
	for name := range tb.cachedURLs() {
		if name == "mend-shell-oldversion" || !strings.HasPrefix(name, "mend-") {
			t.Errorf("cache %s survived the update; only this version's caches should remain", name)
		}
	}
}

// watchRegistration starts listening for the tab's service worker
// registration; the returned function turns on DevTools' ServiceWorker
// domain (which reports every registration) and waits for srv's id, which
// deliverPushMessage and dispatchSyncEvent need.
func (tb *Tab) watchRegistration(srv *Server) func() serviceworker.RegistrationID {
	tb.t.Helper()
	var mu sync.Mutex
	var id serviceworker.RegistrationID
	err := chromedp.Listen(tb.ctx, func(ev any) {
		if e, ok := ev.(*serviceworker.EventWorkerRegistrationUpdated); ok {
			for _, r := range e.Registrations {
				if strings.HasPrefix(r.ScopeURL, srv.URL) && !r.IsDeleted {
					mu.Lock()
					id = r.RegistrationID
					mu.Unlock()
				}
			}
		}
	})
	if err != nil {
		tb.t.Fatal(err)
	}
	return func() serviceworker.RegistrationID {
		tb.t.Helper()
		tb.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, serviceworker.Enable, cdp.Empty{})
			return err
		}))
		for deadline := time.Now().Add(waitTimeout); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			mu.Lock()
			got := id
			mu.Unlock()
			if got != "" {
				return got
			}
		}
		tb.t.Fatal("no service worker registration reported")
		return ""
	}
}

// Background Sync: a log saved offline is sent when the browser fires the
// sync event, even though the page never saw an "online" event (the tab
// still believes it is offline, so app.js's own triggers stay quiet).
func TestBrowserBackgroundSync(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "")
	a := newAccount(t, srv, "sw-sync@example.com", map[string]any{"delivery_date": day(-20)})
	tb := newTab(t, srv, phoneWidth)
	regID := tb.watchRegistration(srv)
	tb.signIn(a.Email, testPassword)
	tb.waitForServiceWorker()
	id := regID()

	tb.setOffline(true)
	tb.click(painChoice("5, moderate"))
	tb.click(button("Save"))
	tb.waitJS("the log queued", `JSON.parse(localStorage.getItem('mend.outbox') || '[]').length === 1`)
	tb.waitJS("a sync registered", `(navigator.serviceWorker.ready.then((r) => r.sync.getTags()).then((t) => { window.mendTags = t; }), (window.mendTags ?? []).includes('mend-outbox'))`)

	// The network returns for the browser, not for the page's own view.
	tb.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{MatchedNetworkConditions: []*network.Conditions{}})
		return err
	}))
	if got := records(t, srv, a.Token, "pain_scores", ""); len(got) != 0 {
		t.Fatalf("sent before the sync event: %v", got)
	}
	tb.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, serviceworker.DispatchSyncEvent, serviceworker.DispatchSyncEventParams{Origin: srv.URL, RegistrationID: id, Tag: "mend-outbox"})
		return err
	}))
	got := waitRecords(t, srv, a.Token, "pain_scores", "", 10*time.Second)
	if len(got) != 1 || got[0]["score"] != 5.0 {
		t.Fatalf("pain_scores after the sync event = %v, want the one score 5", got)
	}
}

package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/mend-app/mend/internal/pdf"
)

// The phone the browser tests pretend to be: an iPhone 12–15 sized
// viewport at device scale 1, so screenshots are 390 px wide.
const (
	phoneWidth  = 390
	phoneHeight = 844
	// waitTimeout bounds every single wait in a browser test; a flow step
	// on loopback takes well under a second, a PDF render a few seconds.
	waitTimeout = 20 * time.Second
)

// One Chromium for the whole package: starting it costs about a second, a
// new tab (in its own browser context) a few milliseconds.
var (
	chromeOnce sync.Once
	chromeCtx  context.Context
	chromeErr  error
	chromeStop = func() {}
)

// startChromium starts the shared browser once. Its context has no deadline:
// the first Run binds the browser's life to it (see chromedp's API.md, 21).
func startChromium(path string) {
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), pdf.AllocatorOptions(path)...)
	browser, cancelBrowser := chromedp.NewContext(alloc)
	chromeStop = func() { cancelBrowser(); cancelAlloc() }
	if err := chromedp.Do(browser); err != nil {
		chromeErr = fmt.Errorf("e2e: start %s: %w", path, err)
		return
	}
	chromeCtx = browser
}

// stopChromium ends the shared browser; TestMain calls it after the tests.
func stopChromium() { chromeStop() }

// Tab is one browser tab on one mend server, in a browser context of its
// own (fresh cookies, storage and cache). Every console error, uncaught
// exception, request to another origin and CSP violation in it is recorded
// and fails the test when it ends.
type Tab struct {
	t   *testing.T
	ctx context.Context
	srv *Server

	mu       sync.Mutex
	offline  bool // setOffline(true) was called at least once
	problems []string
	allowed  []string // problems a test expects (see allow)
	urls     map[network.RequestID]string
	sizes    map[network.RequestID]float64
}

// newTab opens a tab at the given viewport width (phone height, mobile and
// touch emulation, pageZone so days computed in Go match the page's).
// It skips the test without Chromium, unless CI=true.
func newTab(t *testing.T, srv *Server, width int64) *Tab {
	t.Helper()
	return newTabIn(t, srv, width, pageZone)
}

// newTabIn is newTab with the tab's clock in zone.
func newTabIn(t *testing.T, srv *Server, width int64, zone string) *Tab {
	t.Helper()
	path := needTool(t, "chromium")
	chromeOnce.Do(func() { startChromium(path) })
	if chromeErr != nil {
		t.Fatal(chromeErr)
	}
	ctx, cancel := chromedp.NewContext(chromeCtx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel) // registered first, so it runs after the checks below
	tb := &Tab{t: t, ctx: ctx, srv: srv, urls: map[network.RequestID]string{}, sizes: map[network.RequestID]float64{}}
	if err := chromedp.Listen(ctx, tb.onEvent); err != nil {
		t.Fatal(err)
	}
	shots := t.ArtifactDir() // kept with go test -artifacts, else removed
	t.Cleanup(func() { tb.finish(shots) })
	tb.do(
		chromedp.EmulateViewport(width, phoneHeight, chromedp.EmulatePortrait, chromedp.EmulateMobile, chromedp.EmulateTouch),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: zone})
			return err
		}),
		// A CSP violation is also logged, but only a listener sees every
		// kind (e.g. a blocked inline style set from script), so the page
		// reports each one to Go through an exposed function.
		chromedp.ExposeFunc("mendReportCSP", func(_ context.Context, what string) (bool, error) {
			tb.problem("CSP violation: " + what)
			return true, nil
		}),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
				Source: `document.addEventListener('securitypolicyviolation', (e) => window.mendReportCSP(e.violatedDirective + ' ' + e.blockedURI));`,
			})
			return err
		}),
	)
	return tb
}

// onEvent runs on chromedp's reader goroutine: it must only record.
func (tb *Tab) onEvent(ev any) {
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			tb.problem("console.error: " + remoteText(ev.Args))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		tb.problem(fmt.Sprintf("exception at %s:%d: %s", d.URL, d.LineNumber, msg))
	case *log.EventEntryAdded:
		// Network failures and CSP refusals reach the console this way.
		// Once a test has cut the network (setOffline) or stopped the
		// server, failed requests are what it provokes on purpose.
		if ev.Entry.Level == log.EntryLevelError && !(tb.wentOffline() && offlineFailure(ev.Entry.Text)) {
			tb.problem(fmt.Sprintf("console (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
		}
	case *network.EventRequestWillBeSent:
		u := ev.Request.URL
		if !sameOrigin(u, tb.srv.URL) {
			tb.problem("request to another origin: " + u)
		}
		tb.mu.Lock()
		tb.urls[ev.RequestID] = u
		tb.mu.Unlock()
	case *network.EventLoadingFinished:
		tb.mu.Lock()
		tb.sizes[ev.RequestID] += ev.EncodedDataLength
		tb.mu.Unlock()
	}
}

// sameOrigin reports whether u stays on the server (or is a local scheme
// that never reaches the network).
func sameOrigin(u, origin string) bool {
	for _, p := range []string{"data:", "blob:", "about:", "chrome-extension:"} {
		if strings.HasPrefix(u, p) {
			return true
		}
	}
	return u == origin || strings.HasPrefix(u, origin+"/")
}

func remoteText(args []*runtime.RemoteObject) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		if len(a.Value) > 0 {
			parts = append(parts, string(a.Value))
		} else {
			parts = append(parts, a.Description)
		}
	}
	return strings.Join(parts, " ")
}

func (tb *Tab) wentOffline() bool {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return tb.offline
}

func offlineFailure(text string) bool {
	return strings.Contains(text, "net::ERR_INTERNET_DISCONNECTED") || strings.Contains(text, "net::ERR_CONNECTION_REFUSED")
}

func (tb *Tab) problem(s string) {
	tb.mu.Lock()
	tb.problems = append(tb.problems, s)
	tb.mu.Unlock()
}

// finish fails the test on recorded problems and, if it failed, saves a
// screenshot of the tab for the person reading the log.
func (tb *Tab) finish(dir string) {
	tb.mu.Lock()
	problems := tb.problems
	tb.mu.Unlock()
	for _, p := range problems {
		if !tb.isAllowed(p) {
			tb.t.Errorf("browser: %s", p)
		}
	}
	if !tb.t.Failed() || tb.ctx.Err() != nil {
		return
	}
	ctx, cancel := context.WithTimeout(tb.ctx, 5*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		tb.t.Logf("no failure screenshot: %v", err)
		return
	}
	name := filepath.Join(dir, "failure.png")
	if err := os.WriteFile(name, png, 0o644); err != nil {
		tb.t.Logf("no failure screenshot: %v", err)
		return
	}
	tb.t.Logf("failure screenshot: %s", name)
}

// transfer is the bytes received since resetTransfer and the URLs fetched.
func (tb *Tab) transfer() (total float64, urls []string) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for id, n := range tb.sizes {
		total += n
		urls = append(urls, tb.urls[id])
	}
	return total, urls
}

func (tb *Tab) resetTransfer() {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	clear(tb.sizes)
	clear(tb.urls)
}

// allow lets one expected problem pass: a console line containing every
// one of parts (say, the 400 of a refused sign-up that the test provokes).
func (tb *Tab) allow(parts ...string) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	tb.allowed = append(tb.allowed, strings.Join(parts, "\x00"))
}

func (tb *Tab) isAllowed(p string) bool {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, a := range tb.allowed {
		ok := true
		for _, part := range strings.Split(a, "\x00") {
			ok = ok && strings.Contains(p, part)
		}
		if ok {
			return true
		}
	}
	return false
}

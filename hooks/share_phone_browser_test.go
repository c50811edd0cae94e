package hooks_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/mend-app/mend/internal/pdf"
	"github.com/mend-app/mend/internal/report/reporttest"
	"github.com/mend-app/mend/internal/testapp"
)

// phoneTab opens a Chromium tab emulating a 390 × 844 phone that records
// CSP violations in window.__csp.
func phoneTab(t *testing.T) context.Context {
	t.Helper()
	path, err := pdf.FindChromium("")
	if err != nil {
		reporttest.SkipOrFail(t, "%v", err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-component-update", true))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	tab, cancelTab := chromedp.NewContext(alloc)
	t.Cleanup(cancelTab)
	tab, cancel := context.WithTimeout(tab, 90*time.Second)
	t.Cleanup(cancel)
	if err := chromedp.Do(tab, chromedp.EmulateViewport(390, 844, chromedp.EmulatePortrait, chromedp.EmulateMobile, chromedp.EmulateTouch)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__csp=[];document.addEventListener('securitypolicyviolation',function(e){window.__csp.push(e.violatedDirective+' '+e.blockedURI)});`,
	}); err != nil {
		t.Fatal(err)
	}
	return tab
}

// evalString runs a JavaScript expression that yields a string.
func evalString(t *testing.T, tab context.Context, expr string) string {
	t.Helper()
	got, err := chromedp.Run(tab, chromedp.Evaluate[string](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return got
}

// overflow lists what sticks out past the viewport's right edge: a page
// that scrolls sideways on a phone.
const overflow = `(function(){var w=390,out=[];
  if(document.documentElement.scrollWidth>w)out.push('page '+document.documentElement.scrollWidth+'>'+w);
  document.querySelectorAll('body *').forEach(function(el){var r=el.getBoundingClientRect();
    if(r.width>0&&r.right>w+1&&out.length<5)out.push(el.tagName.toLowerCase()+(el.className&&el.className.baseVal===undefined?'.'+el.className:'')+' '+Math.round(r.right))});
  return out.join('; ')})()`

// The shared HTML report and the page of a revoked link fit a 390 px phone:
// no sideways scroll, charts as wide as the screen, and the charts follow
// when the phone is turned.
func TestBrowserSharedReportOnPhone(t *testing.T) {
	t.Parallel()
	app := reportWorld(t)
	srv := httptest.NewServer(router(t, app))
	defer srv.Close()
	aliceToken, _ := testapp.Tokens(t)
	a := storeReport(t, srv.Config.Handler, aliceToken, `{"from":"2026-09-01","to":"2026-11-23","format":"html","share_days":1,"name":"Sam Lee, clinic no. 4711"}`)
	tab := phoneTab(t)

	if err := chromedp.Do(tab, chromedp.Navigate(srv.URL+a.ShareURL)); err != nil {
		t.Fatal(err)
	}
	ready, err := chromedp.Run(tab, chromedp.Poll[string](`document.body.getAttribute('data-ready')`, chromedp.WithPollingTimeout(20*time.Second)))
	if err != nil || ready != "1" {
		t.Fatalf("data-ready = %q (%v); CSP: %s", ready, err, evalString(t, tab, `window.__csp.join('; ')`))
	}
	if got := evalString(t, tab, overflow); got != "" {
		t.Errorf("the report scrolls sideways at 390 px: %s", got)
	}
	widths := `Array.from(document.querySelectorAll('[data-chart] svg')).map(function(s){return Math.round(s.getBoundingClientRect().width)}).join(',')`
	if got := evalString(t, tab, `String(Array.from(document.querySelectorAll('[data-chart] svg')).every(function(s){var w=s.getBoundingClientRect().width;return w>300&&w<=390}))`); got != "true" {
		t.Errorf("chart widths at 390 px = %s, want each between 300 and 390", evalString(t, tab, widths))
	}
	if got := evalString(t, tab, `document.getElementById('identifier').textContent`); got != "Sam Lee, clinic no. 4711" {
		t.Errorf("name on the report = %q", got)
	}
	// Turned sideways, the charts redraw to the new width.
	if err := chromedp.Do(tab, chromedp.EmulateViewport(844, 390, chromedp.EmulateLandscape, chromedp.EmulateMobile, chromedp.EmulateTouch)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(tab, chromedp.Poll[bool](`Array.from(document.querySelectorAll('[data-chart] svg')).every(function(s){return s.getBoundingClientRect().width>500})`,
		chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("charts did not follow the turned phone: widths %s", evalString(t, tab, widths))
	}
	if got := evalString(t, tab, `window.__csp.join('; ')`); got != "" {
		t.Errorf("CSP violations: %s", got)
	}

	// Revoked: the clinician sees a readable page that fits the phone.
	if b, res := request(t, srv.Config.Handler, http.MethodDelete, "/api/mend/reports/"+a.ID+"/share", aliceToken, ""); res.StatusCode != 204 {
		t.Fatalf("revoke = %d %s", res.StatusCode, b)
	}
	if err := chromedp.Do(tab, chromedp.EmulateViewport(390, 844, chromedp.EmulatePortrait, chromedp.EmulateMobile, chromedp.EmulateTouch),
		chromedp.Navigate(srv.URL+a.ShareURL)); err != nil {
		t.Fatal(err)
	}
	if got := evalString(t, tab, `document.querySelector('h1').textContent`); got != "This report link is not valid" {
		t.Errorf("revoked link shows %q", got)
	}
	if got := evalString(t, tab, `getComputedStyle(document.body).maxWidth + '|' + (document.body.innerText.indexOf('{')<0)`); got != "34rem|true" && got != "544px|true" {
		t.Errorf("gone page style/body = %q: its styles did not apply or it shows JSON", got)
	}
	if got := evalString(t, tab, overflow+` + window.__csp.join('; ')`); got != "" {
		t.Errorf("gone page at 390 px: %s", got)
	}
}

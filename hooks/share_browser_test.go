package hooks_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/mend-app/mend/internal/pdf"
	"github.com/mend-app/mend/internal/report/reporttest"
	"github.com/mend-app/mend/internal/testapp"
)

// A shared HTML report opened in Chromium from /r/{token}, behind the site's
// security headers, draws its charts (the header CSP allows its scripts) and
// runs none of the hostile notes.
func TestBrowserSharedHTMLReport(t *testing.T) {
	t.Parallel()
	path, err := pdf.FindChromium("")
	if err != nil {
		reporttest.SkipOrFail(t, "%v", err)
	}
	app := reportWorld(t)
	for i, note := range []string{`</script><script>window.__pwned=1</script>`, `<img src=x onerror="window.__pwned=2">`, `__f__window.__pwned=3__f__`} {
		day := []string{"2026-11-21", "2026-11-22", "2026-11-23"}[i]
		testapp.Record(t, app, "pain_scores", map[string]any{"user": testapp.AliceID, "day": day, "score": 9, "note": note})
		testapp.Record(t, app, "entries", map[string]any{"user": testapp.AliceID, "day": day, "sleep_hours": 3, "notes": note})
	}
	srv := httptest.NewServer(router(t, app))
	defer srv.Close()
	aliceToken, _ := testapp.Tokens(t)
	a := storeReport(t, srv.Config.Handler, aliceToken, `{"from":"2026-10-01","to":"2026-11-23","format":"html","share_days":1}`)

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-component-update", true))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	tab, cancelTab := chromedp.NewContext(alloc)
	defer cancelTab()
	tab, cancel := context.WithTimeout(tab, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(tab); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__csp=[];document.addEventListener('securitypolicyviolation',function(e){window.__csp.push(e.violatedDirective+' '+e.blockedURI)});`,
	}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tab, chromedp.Navigate(srv.URL+a.ShareURL)); err != nil {
		t.Fatal(err)
	}
	ready, err := chromedp.Run(tab, chromedp.Poll[string](`document.body.getAttribute('data-ready')`, chromedp.WithPollingTimeout(20*time.Second)))
	if err != nil || ready != "1" {
		csp, _ := chromedp.Run(tab, chromedp.Evaluate[string](`window.__csp.join('; ')`))
		t.Fatalf("data-ready = %q (%v); CSP violations: %s", ready, err, csp)
	}
	for expr, want := range map[string]string{
		`String(window.__pwned)`:  "undefined",
		`window.__csp.join('; ')`: "",
		`String(document.querySelectorAll('[data-chart] svg').length > 0)`: "true",
	} {
		got, err := chromedp.Run(tab, chromedp.Evaluate[string](expr))
		if err != nil || got != want {
			t.Errorf("%s = %q (%v), want %q", expr, got, err, want)
		}
	}
}

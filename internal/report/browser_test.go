package report_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/mend-app/mend/internal/pdf"
	"github.com/mend-app/mend/internal/report"
	"github.com/mend-app/mend/internal/report/reporttest"
)

var (
	browserOnce sync.Once
	browserCtx  context.Context
	browserErr  error
)

// reportTab renders in to a file and opens a fresh tab of the shared
// browser for it (not yet navigated), closed when the test ends.
func reportTab(t *testing.T, in report.Input, js []byte) (tab context.Context, file string) {
	t.Helper()
	var b bytes.Buffer
	if err := report.HTML(&b, in, js); err != nil {
		t.Fatal(err)
	}
	file = filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	tab, cancel := chromedp.NewContext(browser(t))
	t.Cleanup(cancel)
	tab, cancelT := context.WithTimeout(tab, 30*time.Second)
	t.Cleanup(cancelT)
	return tab, file
}

// browser starts one shared headless Chromium for this package's browser
// tests; the process ends with the test binary.
func browser(t *testing.T) context.Context {
	t.Helper()
	path, err := pdf.FindChromium("")
	if err != nil {
		reporttest.SkipOrFail(t, "%v", err)
	}
	browserOnce.Do(func() {
		opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
			chromedp.Flag("disable-component-update", true))
		alloc, _ := chromedp.NewExecAllocator(context.Background(), opts...)
		browserCtx, _ = chromedp.NewContext(alloc)
		browserErr = chromedp.Do(browserCtx)
	})
	if browserErr != nil {
		t.Fatal(browserErr)
	}
	return browserCtx
}

// TestBrowserHostileNotesDoNotRun opens the report as a file, offline, with
// the real ECharts and hostile notes in every note field and chart item,
// shows every tooltip, and checks that nothing ran: no dialog, no sentinel,
// no exception, no CSP violation, and every chart drew SVG.
func TestBrowserHostileNotesDoNotRun(t *testing.T) {
	tab, file := reportTab(t, reporttest.Sample(120, reporttest.Hostile), reporttest.EChartsJS(t))
	if err := chromedp.Do(tab); err != nil {
		t.Fatal(err)
	}
	var dialogs, exceptions atomic.Int32
	dialogEvents, exceptionEvents := chromedp.Events(tab, page.JavascriptDialogOpening), chromedp.Events(tab, runtime.ExceptionThrown)
	go func() {
		for _, err := range dialogEvents {
			if err != nil {
				return
			}
			dialogs.Add(1)
			chromedp.Call(tab, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{})
		}
	}()
	go func() {
		for ev, err := range exceptionEvents {
			if err != nil {
				return
			}
			exceptions.Add(1)
			t.Logf("exception: %s", ev.ExceptionDetails.Text)
		}
	}()
	// Record CSP violations: one would mean the page tried something its
	// policy forbids, or the policy broke ECharts.
	if _, err := chromedp.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__csp=[];document.addEventListener('securitypolicyviolation',function(e){window.__csp.push(e.violatedDirective+' '+e.blockedURI)})`,
	}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tab, chromedp.Navigate("file://"+file)); err != nil {
		t.Fatal(err)
	}
	ready, err := chromedp.Run(tab, chromedp.Poll[string](`document.body.getAttribute('data-ready')`, chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil || ready != "1" {
		t.Fatalf("data-ready = %q, %v", ready, err)
	}
	// Show the tooltip of every data item, where notes would be rendered.
	const tips = `(function(){var n=0;document.querySelectorAll('[data-chart]').forEach(function(el){var c=echarts.getInstanceByDom(el);
	  c.getOption().series.forEach(function(s,si){for(var i=0;i<(s.data||[]).length;i++){c.dispatchAction({type:'showTip',seriesIndex:si,dataIndex:i});n++}})});return n})()`
	if n, err := chromedp.Run(tab, chromedp.Evaluate[int](tips)); err != nil || n == 0 {
		t.Fatalf("showed %d tooltips: %v", n, err)
	}
	time.Sleep(300 * time.Millisecond)
	checks := []struct{ name, expr string }{
		{"sentinel set", `String(window.__pwned)`},
		{"CSP violations", `window.__csp.join('; ')`},
		{"charts without SVG", `Array.from(document.querySelectorAll('[data-chart]')).filter(function(el){return !el.querySelector('svg path')}).map(function(el){return el.dataset.chart}).join(',')`},
		{"injected elements", `String(document.querySelectorAll('img, iframe, object, embed').length + document.scripts.length - 3)`},
	}
	want := map[string]string{"sentinel set": "undefined", "injected elements": "0"}
	for _, c := range checks {
		got, err := chromedp.Run(tab, chromedp.Evaluate[string](c.expr))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got != want[c.name] {
			t.Errorf("%s: %q", c.name, got)
		}
	}
	paths, _ := chromedp.Run(tab, chromedp.Evaluate[int](`document.querySelectorAll('[data-chart="pain-trend"] svg path').length`))
	if paths < 50 {
		t.Errorf("the trend chart drew %d SVG paths", paths)
	}
	if n := dialogs.Load(); n != 0 {
		t.Errorf("%d dialogs opened", n)
	}
	if n := exceptions.Load(); n != 0 {
		t.Errorf("%d exceptions thrown", n)
	}
}

package report_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/mend-app/mend/internal/report/reporttest"
)

// Reports of a season, a year and a half (weekly rows) and five years
// (monthly rows) fit a 390 px phone: nothing reaches past the screen's
// right edge, tables included.
func TestBrowserReportFitsPhone(t *testing.T) {
	js := reporttest.EChartsJS(t)
	for _, days := range []int{90, 500, 1826} {
		t.Run(strconv.Itoa(days), func(t *testing.T) {
			in := reporttest.LongInput(days, 400)
			in.Identifier = "Sam Lee-Whitfield, patient no. 1234567890"
			tab, file := reportTab(t, in, js)
			if err := chromedp.Do(tab, chromedp.EmulateViewport(390, 844, chromedp.EmulatePortrait, chromedp.EmulateMobile),
				chromedp.Navigate("file://"+file)); err != nil {
				t.Fatal(err)
			}
			if ready, err := chromedp.Run(tab, chromedp.Poll[string](`document.body.getAttribute('data-ready')`, chromedp.WithPollingTimeout(10*time.Second))); err != nil || ready != "1" {
				t.Fatalf("data-ready = %q, %v", ready, err)
			}
			out, err := chromedp.Run(tab, chromedp.Evaluate[string](`(function(){var out=[];
			  if(document.documentElement.scrollWidth>390)out.push('page '+document.documentElement.scrollWidth);
			  document.querySelectorAll('body *').forEach(function(el){var r=el.getBoundingClientRect();
			    if(r.width>0&&r.right>391&&out.length<5)out.push(el.tagName+' '+Math.round(r.right))});return out.join('; ')})()`))
			if err != nil {
				t.Fatal(err)
			}
			if out != "" {
				t.Errorf("%d-day report scrolls sideways at 390 px: %s", days, out)
			}
		})
	}
}

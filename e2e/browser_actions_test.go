package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// The steps a browser test takes in its tab, each bounded by waitTimeout,
// and the selectors by accessible name that the web app promises.

// bounded is the tab's context with the standard timeout, for one step.
func (tb *Tab) bounded() (context.Context, context.CancelFunc) {
	return context.WithTimeout(tb.ctx, waitTimeout)
}

// do runs actions in the tab with the standard timeout.
func (tb *Tab) do(actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := tb.bounded()
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		tb.t.Fatalf("browser: %v", err)
	}
}

// eval returns the value of a JavaScript expression in the page.
func eval[T any](tb *Tab, expr string) T {
	tb.t.Helper()
	ctx, cancel := tb.bounded()
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		tb.t.Fatalf("browser: evaluating %s: %v", expr, err)
	}
	return v
}

// waitJS waits until a JavaScript expression is truthy; what names the
// condition in the failure message.
func (tb *Tab) waitJS(what, expr string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, waitTimeout+time.Second)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](expr,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(waitTimeout)))
	if err != nil {
		tb.t.Fatalf("browser: waiting for %s (%s): %v", what, expr, err)
	}
}

// open loads a URL path (with its hash route) on the server: a full load.
func (tb *Tab) open(path string) {
	tb.t.Helper()
	tb.do(chromedp.Navigate(tb.srv.URL + path))
}

// click clicks the first element an XPath or CSS selector finds, once visible.
func (tb *Tab) click(sel string) {
	tb.t.Helper()
	tb.do(chromedp.Click(sel))
}

// tick chooses a radio or checkbox the way a finger does: the inputs are
// visually hidden behind their labels' chips, so it taps the label.
func (tb *Tab) tick(inputCSS string) {
	tb.t.Helper()
	tb.do(chromedp.Click(chromedp.CSS(`label:has(> ` + inputCSS + `)`)))
}

// fill types text into the field labelled label (an exact label text).
func (tb *Tab) fill(label, text string) {
	tb.t.Helper()
	tb.do(chromedp.SendKeys(labelled(label), text))
}

// labelled is the XPath of the control whose <label for> reads exactly label.
func labelled(label string) string {
	return fmt.Sprintf(`//*[@id=//label[normalize-space(.)=%s]/@for]`, xq(label))
}

// button is the XPath of the button (or link-button) whose text is name.
func button(name string) string {
	return fmt.Sprintf(`//button[normalize-space(.)=%s]`, xq(name))
}

// xq quotes s as an XPath string literal (no test label has both quotes).
func xq(s string) string {
	if strings.Contains(s, `"`) {
		return "'" + s + "'"
	}
	return `"` + s + `"`
}

// js quotes s as a JavaScript string literal.
func js(s string) string {
	b, _ := json.Marshal(s) // a string always marshals
	return string(b)
}

// signIn signs in through the real sign-in page and waits for Today.
func (tb *Tab) signIn(email, password string) {
	tb.t.Helper()
	tb.open("/#/signin")
	tb.fill("Email", email)
	tb.fill("Password", password)
	tb.click(button("Sign in"))
	tb.waitToday()
}

// waitToday waits until the log page has loaded its day and exercises.
func (tb *Tab) waitToday() {
	tb.t.Helper()
	tb.waitJS("Today loaded", `(() => {
		const r = document.querySelector('mend-today [data-readings]');
		const x = document.querySelector('mend-today [data-exercises]');
		return r && x && !/Loading/.test(r.textContent + x.textContent);
	})()`)
}

// saveLog taps Save and waits for the live region to say "Saved".
func (tb *Tab) saveLog() {
	tb.t.Helper()
	tb.click(button("Save"))
	tb.waitJS(`"Saved" in the status region`,
		`[...document.querySelectorAll('#page-actions [role=status]')].some((s) => s.textContent.trim() === 'Saved')`)
}

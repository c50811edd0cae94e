package e2e

import (
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// shareStubs replaces the clipboard and the Web Share API with recorders
// (headless Chromium has neither a clipboard to read nor a share sheet).
const shareStubs = `
	Object.defineProperty(navigator, 'share', { configurable: true, value: async (d) => { window.__shared = d.url; } });
	Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t) => { window.__copied = t; } } });`

// Export (issue 10): the period opens on "since birth" (the first log here,
// which is later), quick periods are pressed, a share link can be copied
// and shared again from the saved reports, "Revoke all links" stops it,
// Delete removes a report, and a full quota offers to delete old reports.
func TestBrowserExportShares(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "")
	a := newAccount(t, srv, "export.shares@example.com", map[string]any{"delivery_date": day(-30)})
	post(t, srv, a, "pain_scores", map[string]any{"user": a.ID, "day": day(-10), "score": 4})
	tb := newTab(t, srv, phoneWidth)
	tb.signIn(a.Email, testPassword)
	tb.do(chromedp.Evaluate[chromedp.Void](shareStubs))

	tb.show(screen{name: "export", hash: "#/export", tag: "mend-export"})
	tb.waitJS("since the first log", `document.getElementById('ex-from').value === `+js(day(-10)))
	if p := eval[string](tb, `document.querySelector('[data-since]').getAttribute('aria-pressed')`); p != "true" {
		t.Errorf("Since birth aria-pressed = %s, want true", p)
	}
	tb.click(button("Last 30 days"))
	if got := eval[[]string](tb, `[document.getElementById('ex-from').value, document.querySelector('[data-days="30"]').getAttribute('aria-pressed'), document.querySelector('[data-since]').getAttribute('aria-pressed')]`); got[0] != day(-29) || got[1] != "true" || got[2] != "false" {
		t.Errorf("after Last 30 days: from, pressed, since = %v", got)
	}
	tb.do(chromedp.SetValue(chromedp.CSS(`#sh-format`), "html"))
	tb.click(button("Create share link"))
	tb.waitJS("a saved report with its link", `!!document.querySelector('mend-saved-reports [data-copy]')`)
	link := eval[string](tb, `document.querySelector('[data-url]').textContent`)
	if !strings.HasPrefix(link, srv.URL+"/r/") {
		t.Fatalf("share link = %q", link)
	}
	// The fresh link's own Copy and Share buttons.
	tb.click(`[data-share-result] [data-copy]`)
	tb.waitJS("copied from the result", `window.__copied === `+js(link))
	tb.click(`[data-share-result] [data-web-share]`)
	tb.waitJS("shared from the result", `window.__shared === `+js(link))
	tb.do(chromedp.Evaluate[chromedp.Void](`window.__copied = window.__shared = ''`))
	tb.do(chromedp.ScrollIntoView(chromedp.CSS(`mend-saved-reports`)))
	tb.shoot("export-saved")
	tb.emulateScheme("dark")
	tb.shoot("export-saved")
	tb.emulateScheme("light")
	tb.click(`//mend-saved-reports//button[normalize-space(.)="Copy link"]`)
	tb.waitJS("copied", `window.__copied === `+js(link))
	tb.click(`//mend-saved-reports//button[normalize-space(.)="Share"]`)
	tb.waitJS("shared", `window.__shared === `+js(link))
	if res, err := http.Get(link); err != nil || res.StatusCode != 200 {
		t.Fatalf("live link: %v %v", res, err)
	}

	tb.click(`//mend-saved-reports//button[normalize-space(.)="Revoke all links"]`)
	tb.waitJS("revoked", `/1 link revoked/.test(document.querySelector('mend-saved-reports [data-revoke-status]').textContent) && !document.querySelector('mend-saved-reports [data-copy]')`)
	if res, err := http.Get(link); err != nil || res.StatusCode != 404 {
		t.Errorf("revoked link answers %v %v, want 404", res.StatusCode, err)
	}

	tb.click(`//mend-saved-reports//button[normalize-space(.)="Delete"]`)
	tb.click(`//mend-saved-reports//button[normalize-space(.)="Yes, delete"]`)
	tb.waitJS("no saved reports", `/No saved reports yet/.test(document.querySelector('mend-saved-reports').textContent)`)
	if n := len(records(t, srv, a.Token, "reports", "")); n != 0 {
		t.Errorf("reports after Delete = %d, want 0", n)
	}

	// A full quota (409 quota_reports): its message, and one tap deletes
	// the oldest reports. The 409 is simulated: another branch builds it.
	tb.click(button("Create share link"))
	tb.waitJS("one report", `!!document.querySelector('mend-saved-reports [data-revoke]')`)
	// Reports with a live link are kept by the clean-up: revoke this one first.
	tb.click(`//mend-saved-reports//button[normalize-space(.)="Revoke link"]`)
	tb.waitJS("its link revoked", `!document.querySelector('mend-saved-reports [data-revoke]') && /Link revoked/.test(document.querySelector('[data-list-status]').textContent)`)
	tb.do(chromedp.Evaluate[chromedp.Void](`(() => {
		const real = window.fetch;
		window.fetch = (u, o) => String(u).endsWith('/api/mend/reports') && o?.method === 'POST' && (window.__posted = JSON.parse(o.body))
			? Promise.resolve(new Response(JSON.stringify({ status: 409, message: 'Full.', data: { quota: { code: 'quota_reports', message: 'You have 20 saved reports, the most Mend keeps.' } } }), { status: 409, headers: { 'Content-Type': 'application/json' } }))
			: real(u, o);
	})()`))
	// The name goes in the POST body (brief item 8; the report prints it).
	tb.fill("Name on the report (optional)", "Anna K.")
	tb.do(chromedp.Evaluate[chromedp.Void](`document.getElementById('ex-name').dispatchEvent(new Event('change'))`))
	if n := eval[string](tb, `localStorage.getItem('mend.reportname.`+a.ID+`')`); n != "Anna K." {
		t.Errorf("remembered name = %q", n)
	}
	tb.click(button("Create share link"))
	tb.waitJS("the name in the POST body", `window.__posted?.name === 'Anna K.'`)
	tb.waitJS("the quota message", `/the most Mend keeps/.test(document.querySelector('[data-share-status]').textContent)`)
	tb.click(button("Delete the 5 oldest reports"))
	tb.waitJS("old reports deleted", `/Deleted 1 old report/.test(document.querySelector('[data-list-status]').textContent)`)
	if n := len(records(t, srv, a.Token, "reports", "")); n != 0 {
		t.Errorf("reports after deleting the oldest = %d, want 0", n)
	}
}

// "Revoke all links" in Settings stops every link of the account.
func TestBrowserSettingsRevokeAll(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "")
	a := newAccount(t, srv, "settings.revoke@example.com", map[string]any{"delivery_date": day(-30)})
	var r struct {
		ShareURL string `json:"share_url"`
	}
	if code := call(t, "POST", srv.URL+"/api/mend/reports", a.Token, map[string]any{"from": day(-5), "to": day(0), "format": "csv", "share_days": 3}, &r); code != 200 {
		t.Fatalf("store report: %d", code)
	}
	tb := newTab(t, srv, phoneWidth)
	tb.signIn(a.Email, testPassword)
	tb.show(screen{name: "settings", hash: "#/settings", tag: "mend-settings"})
	tb.do(chromedp.ScrollIntoView(chromedp.CSS(`mend-settings mend-revoke-all`)))
	tb.click(`//mend-settings//button[normalize-space(.)="Revoke all links"]`)
	tb.waitJS("revoked", `/1 link revoked/.test(document.querySelector('mend-settings [data-revoke-status]').textContent)`)
	tb.shoot("settings-links")
	tb.emulateScheme("dark")
	tb.shoot("settings-links")
	if res, err := http.Get(srv.URL + r.ShareURL); err != nil || res.StatusCode != 404 {
		t.Errorf("link after Revoke all = %v %v, want 404", res.StatusCode, err)
	}
}

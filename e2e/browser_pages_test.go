package e2e

import (
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// The library shows the exercises that suit the parent's weeks since birth
// and delivery type; "Show everything" lifts the filter. The seeded
// exercises (migrations/content/exercises) give stable cases at week 3:
// pelvic tilt (cesarean from week 2), standing pelvic circles (3), side-lying
// clamshell (4), glute bridge (6); vaginal births allow all four by week 2.
func TestBrowserLibraryFilter(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		name, delivery string
		shown, hidden  []string
	}{
		{"cesarean week 3", "cesarean", []string{"Pelvic tilt", "Standing pelvic circles"}, []string{"Side-lying clamshell", "Glute bridge"}},
		{"vaginal week 3", "vaginal", []string{"Pelvic tilt", "Side-lying clamshell", "Glute bridge"}, nil},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			srv := startServer(t, "")
			a := newAccount(t, srv, "library@example.com", map[string]any{"delivery_date": day(-23), "delivery_type": s.delivery})
			tb := newTab(t, srv, phoneWidth)
			tb.signIn(a.Email, testPassword)

			tb.click(navLink("Library"))
			exercises := tb.libraryList(false)
			if hint := eval[string](tb, `document.querySelector('mend-library .hint').textContent`); !strings.Contains(hint, "3 weeks after birth") {
				t.Errorf("hint = %q, want it to name 3 weeks after birth", hint)
			}
			if n := eval[int](tb, `document.querySelectorAll('mend-library a[href^="#/library/article/"]').length`); n == 0 {
				t.Error("no articles listed")
			}
			for _, name := range s.shown {
				if !slices.Contains(exercises, name) {
					t.Errorf("%q not listed; listed: %v", name, exercises)
				}
			}
			for _, name := range s.hidden {
				if slices.Contains(exercises, name) {
					t.Errorf("%q listed although it starts later for a %s birth", name, s.delivery)
				}
			}
			tb.click(`//mend-library//a[normalize-space(.)="Show everything"]`)
			tb.waitJS("the unfiltered library", `location.hash === '#/library/all'`)
			all := tb.libraryList(true)
			for _, name := range s.hidden {
				if !slices.Contains(all, name) {
					t.Errorf("%q missing from the unfiltered library: %v", name, all)
				}
			}
		})
	}
}

// libraryList waits for the library page (filtered, or with all set the
// unfiltered one) to finish loading and returns the exercise names. It
// names the page it waits for: right after navigation the previous page is
// still in the document, already loaded, and would be read instead.
func (tb *Tab) libraryList(all bool) []string {
	tb.t.Helper()
	sel := "mend-library:not([all])"
	if all {
		sel = "mend-library[all]"
	}
	tb.waitJS("the library", `(() => { const l = document.querySelectorAll('mend-library'); const b = document.querySelector('`+sel+` [data-body]'); return l.length === 1 && b && !b.hasAttribute('aria-busy'); })()`)
	return eval[[]string](tb, `[...document.querySelectorAll('mend-library a[href^="#/library/exercise/"] h3')].map((h) => h.textContent.trim())`)
}

// pdfPage matches a page object of a PDF (not the /Pages tree node).
var pdfPage = regexp.MustCompile(`/Type\s*/Page\b[^s]`)

// Export: "Download PDF" shows progress while the server renders, then the
// browser saves a real PDF (captured through the download behaviour).
func TestBrowserPDFDownload(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "")
	a := newAccount(t, srv, "pdf@example.com", map[string]any{"delivery_date": day(-40)})
	seedDays(t, srv, a, 10)
	tb := newTab(t, srv, phoneWidth)
	tb.signIn(a.Email, testPassword)

	dir := t.TempDir()
	ctx, cancel := tb.bounded()
	defer cancel()
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior:         browser.SetDownloadBehaviorBehaviorAllowAndName,
		BrowserContextID: chromedp.FromContext(tb.ctx).BrowserContextID,
		DownloadPath:     dir,
		EventsEnabled:    new(true),
	}); err != nil {
		t.Fatal(err)
	}
	progress := chromedp.BrowserEvents(ctx, browser.DownloadProgress) // subscribed before the click

	tb.click(navLink("Export"))
	tb.waitJS("the export page", `!!document.querySelector('mend-export [data-format=pdf]')`)
	// The render can be quick, so watch for the progress bar rather than poll.
	tb.do(chromedp.Evaluate[chromedp.Void](`(() => {
		const el = document.querySelector('mend-export');
		window.mendSawProgress = '';
		new MutationObserver(() => {
			const p = el.querySelector('[data-progress]');
			if (p && !p.hidden) window.mendSawProgress = el.querySelector('[data-status]').textContent;
		}).observe(el, {attributes: true, childList: true, subtree: true, characterData: true});
	})()`))
	tb.click(button("Download PDF"))
	tb.waitJS("the download to finish", `/^Downloaded .+\.pdf\.$/.test(document.querySelector('mend-export [data-status]').textContent)`)
	if saw := eval[string](tb, `window.mendSawProgress`); !strings.Contains(saw, "Preparing your PDF") {
		t.Errorf("progress while rendering: status %q, want the progress bar and \"Preparing your PDF\"", saw)
	}

	var file string
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("waiting for the download: %v", err)
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			file = filepath.Join(dir, ev.GUID) // allowAndName names files by GUID
			break
		}
	}
	pdf, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("download starts %q, want %%PDF-", pdf[:min(len(pdf), 16)])
	}
	pages := len(pdfPage.FindAll(pdf, -1))
	if pages < 1 {
		t.Errorf("PDF has %d pages, want at least 1", pages)
	}
	t.Logf("PDF: %d bytes, %d pages", len(pdf), pages)
}

// Settings → delete, confirmed by typing DELETE: the account can no longer
// sign in and none of its records remain.
func TestBrowserDeleteAccount(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "")
	a := newAccount(t, srv, "delete@example.com", map[string]any{"delivery_date": day(-40)})
	seedDays(t, srv, a, 3)
	tb := newTab(t, srv, phoneWidth)
	tb.signIn(a.Email, testPassword)

	tb.click(`//header//a[@aria-label="Settings"]`)
	tb.waitJS("settings", `!!document.querySelector('mend-settings')`)
	tb.click(button("Delete my account…"))
	tb.fill("Type DELETE to confirm", "DELETE")
	tb.click(button("Delete my account and all my data"))
	tb.waitJS("the sign-in page with the deletion notice", `location.hash === '#/signin' &&
		document.querySelector('main [role=status]')?.textContent.includes('Your account and all its data were deleted.')`)

	if _, _, code := signInAPI(t, srv, a.Email, testPassword); code != 400 {
		t.Errorf("sign-in after deletion: %d, want 400", code)
	}
	// Only a superuser can still see what is left of the user.
	srv.Superuser(t, "root@example.com", "superuser-password")
	var su struct {
		Token string `json:"token"`
	}
	call(t, "POST", srv.URL+"/api/collections/_superusers/auth-with-password", "",
		map[string]string{"identity": "root@example.com", "password": "superuser-password"}, &su)
	for _, c := range []string{"pain_scores", "stress_scores", "entries", "flareups", "reports"} {
		if left := records(t, srv, su.Token, c, "user = '"+a.ID+"'"); len(left) != 0 {
			t.Errorf("%s: %d records of the deleted user remain", c, len(left))
		}
	}
	if code := call(t, "GET", srv.URL+"/api/collections/users/records/"+a.ID, su.Token, nil, nil); code != 404 {
		t.Errorf("user record after deletion: %d, want 404", code)
	}
}

// Accessibility smoke at 360 px: every control on Today has a name in the
// accessibility tree, the tab bar links and Save are at least 44 px tall,
// no page scrolls sideways, and / carries the strict CSP.
func TestBrowserAccessibility360(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "")
	a := newAccount(t, srv, "a11y@example.com", map[string]any{"delivery_date": day(-40)})
	seedDays(t, srv, a, 3)
	tb := newTab(t, srv, 360)
	tb.signIn(a.Email, testPassword)

	unnamed, checked := tb.unnamedControls()
	for _, u := range unnamed {
		t.Errorf("control without an accessible name: %s", u)
	}
	if checked < 40 {
		t.Errorf("only %d named controls on Today; is the page complete?", checked)
	}
	t.Logf("Today: %d controls, all named", checked)

	targets := eval[map[string]float64](tb, `Object.fromEntries([...document.querySelectorAll('#tabbar a'), document.querySelector('#page-actions button[type=submit]')]
		.map((el) => [el.textContent.trim(), el.getBoundingClientRect().height]))`)
	for name, h := range targets {
		if h < 44 {
			t.Errorf("%q is %.0f px tall, want at least 44", name, h)
		}
	}
	if len(targets) != 6 {
		t.Errorf("touch targets measured: %v, want the 5 tab links and Save", targets)
	}

	for _, s := range screens {
		tb.show(s)
		if wide := eval[[]string](tb, overflowJS); len(wide) != 0 {
			t.Errorf("%s at 360 px: content runs past the page margin: %v", s.name, wide)
		}
	}

	res, err := http.Get(srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	csp := res.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
		t.Errorf("CSP of / = %q, want script-src 'self' and no unsafe-inline or unsafe-eval", csp)
	}
}

// overflowJS lists HTML elements that stick out past <main>'s right padding
// edge (so past a card's border too), and <main> or the page scrolling
// sideways. Shapes inside a chart's <svg> are left out: the <svg> clips them;
// so are chips inside a sideways scroller (.scroller, Today's body areas),
// which clips them too, while the scroller itself is checked.
const overflowJS = `(() => {
	const m = document.getElementById('main'), d = document.documentElement;
	const edge = m.getBoundingClientRect().left + m.clientWidth - parseFloat(getComputedStyle(m).paddingRight) + 1;
	const out = [...m.querySelectorAll('*')].filter((e) => e instanceof HTMLElement && e.checkVisibility() && !e.parentElement?.closest('.scroller') && e.getBoundingClientRect().right > edge)
		.map((e) => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' right=' + Math.round(e.getBoundingClientRect().right));
	if (d.scrollWidth > innerWidth) out.push('page scrollWidth=' + d.scrollWidth);
	if (m.scrollWidth > m.clientWidth) out.push('main scrollWidth=' + m.scrollWidth);
	return out.slice(0, 5);
})()`

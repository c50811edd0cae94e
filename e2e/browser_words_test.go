package e2e

import (
	"strings"
	"testing"
)

// Issue 10: charts redraw on a system light/dark switch while the page is
// open; the theme button and the Settings choice stay in step.
func TestBrowserChartsFollowSystemScheme(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "")
	a := newAccount(t, srv, "scheme@example.com", map[string]any{"delivery_date": day(-40)})
	seedDays(t, srv, a, 10)
	tb := newTab(t, srv, phoneWidth)
	tb.emulateScheme("light")
	tb.signIn(a.Email, testPassword)
	tb.show(screen{name: "insights", hash: "#/insights", tag: "mend-insights", extra: chartsDone})
	tb.waitJS("a drawn pain chart", `!!document.querySelector('mend-chart[name=pain-trend] svg')`)
	tb.eval(`document.querySelector('mend-chart[name=pain-trend] svg').dataset.before = '1'`)
	tb.emulateScheme("dark")
	tb.waitJS("the chart redrawn", `(() => { const s = document.querySelector('mend-chart[name=pain-trend] svg'); return !!s && !s.dataset.before; })()`)

	// Settings' theme choice follows the header button, both ways.
	tb.show(screen{name: "settings", hash: "#/settings", tag: "mend-settings"})
	tb.pickTheme("light")
	if v := eval[string](tb, `document.querySelector('mend-settings [name=theme]:checked').value`); v != "light" {
		t.Errorf("Settings theme after the header button = %q, want light", v)
	}
	tb.tick(`input[name=theme][value=dark]`)
	if l := eval[string](tb, `document.getElementById('theme-toggle').getAttribute('aria-label')`); !strings.Contains(strings.ToLower(l), "dark") {
		t.Errorf("header theme button label = %q after choosing Dark in Settings", l)
	}
}

// Sign-up says plainly who can read a journal, and an email that already
// has an account gets a sentence a person understands.
func TestBrowserSignUpWords(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "")
	newAccount(t, srv, "taken@example.com", nil)
	tb := newTab(t, srv, phoneWidth)
	tb.open("/#/signup")
	tb.waitJS("the sign-up page", `!!document.querySelector('mend-auth form')`)
	intro := eval[string](tb, `document.querySelector('mend-auth').textContent`)
	if strings.Contains(intro, "Only you can see") || !strings.Contains(intro, "administrators") {
		t.Errorf("sign-up privacy sentence = %q, want it to name the server's administrators", intro)
	}
	tb.fill("Email", "taken@example.com")
	tb.fill("Password", testPassword)
	tb.allow("status of 400", "/api/collections/users/records")
	tb.click(button("Create account"))
	tb.waitJS("the taken-email sentence", `/already an account with this email/.test(document.querySelector('mend-auth [data-error-for=email]').textContent)`)
}

// eval runs a statement in the page, ignoring its value.
func (tb *Tab) eval(stmt string) {
	tb.t.Helper()
	_ = eval[any](tb, `(() => { `+stmt+`; return null; })()`)
}

// Insights opens on "since birth", starting at the first log when that is
// later than the birth, with that period marked as the current one.
func TestBrowserInsightsSinceBirth(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "")
	a := newAccount(t, srv, "since.birth@example.com", map[string]any{"delivery_date": day(-40)})
	seedDays(t, srv, a, 10)
	tb := newTab(t, srv, phoneWidth)
	tb.signIn(a.Email, testPassword)
	tb.click(navLink("Insights"))
	tb.waitJS("charts", `!!document.querySelector('mend-chart[name=pain-trend]')`)
	if from := eval[string](tb, `document.querySelector('mend-chart[name=pain-trend]').getAttribute('from')`); from != day(-10) {
		t.Errorf("Insights period starts %s, want the first log %s", from, day(-10))
	}
	if cur := eval[string](tb, `document.querySelector('mend-insights [aria-current]').textContent.trim()`); cur != "Since birth" {
		t.Errorf("current period = %q, want Since birth", cur)
	}
	tb.click(`//mend-insights//a[normalize-space(.)="30 days"]`)
	tb.waitJS("30 days", `document.querySelector('mend-insights [aria-current]')?.textContent.trim() === '30 days' && document.querySelector('mend-chart[name=pain-trend]')?.getAttribute('from') === `+js(day(-29)))
}

// The Library says why a piece is "For you" once, not on every card, and a
// guest is offered an account.
func TestBrowserLibraryWords(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "")
	a := newAccount(t, srv, "library.words@example.com", map[string]any{"delivery_date": day(-40)})
	// Three weeks of mild pain, then a flare-up after short, noted nights.
	for i := 21; i >= 1; i-- {
		score := 2
		if i <= 2 {
			score = 8
			post(t, srv, a, "entries", map[string]any{"user": a.ID, "day": day(-i), "sleep_hours": 3, "sleep_notes": "up every hour"})
		}
		post(t, srv, a, "pain_scores", map[string]any{"user": a.ID, "day": day(-i), "score": score})
	}
	tb := newTab(t, srv, phoneWidth)
	tb.signIn(a.Email, testPassword)
	tb.show(screen{name: "library", hash: "#/library/all", tag: "mend-library"})
	got := eval[map[string]int](tb, `({
		reasons: (document.querySelector('mend-library').textContent.match(/flare-ups followed/g) ?? []).length,
		badges: [...document.querySelectorAll('mend-library .badge')].filter((b) => b.textContent.trim() === 'For you').length,
	})`)
	if got["badges"] == 0 || got["reasons"] != 1 {
		t.Errorf("For you badges %d, reasons shown %d; want some badges and the reason once", got["badges"], got["reasons"])
	}

	guest := newTab(t, srv, phoneWidth)
	guest.open("/#/library")
	guest.waitJS("the guest library", `!!document.querySelector('mend-library .guest-cta')`)
	guest.click(`//mend-library//a[normalize-space(.)="Create an account"]`)
	guest.waitJS("sign-up", `location.hash === '#/signup' && !!document.querySelector('mend-auth')`)
	guest.open("/#/library")
	guest.waitJS("the guest library", `!!document.querySelector('mend-library .guest-cta')`)
	guest.click(`//mend-library//a[normalize-space(.)="Sign in"]`)
	guest.waitJS("sign-in", `location.hash === '#/signin'`)
}

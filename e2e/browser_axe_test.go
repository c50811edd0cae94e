package e2e

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeSHA256 pins the vendored axe-core (see testdata/axe-core@4.10.3/SOURCE).
const axeSHA256 = "880970c081707360e64f34cea25ff91892f5bc95675b0776925b9709dd8a68bb"

// axeViolation is one failed axe-core rule on a page.
type axeViolation struct {
	ID, Impact, Help string
	Nodes            []struct{ Target []string }
}

// axe runs axe-core's WCAG 2 A and AA rules on the page as it is and returns
// the serious and critical violations. The script is injected through the
// DevTools protocol, so the page's CSP is untouched.
func (tb *Tab) axe(src string) []axeViolation {
	tb.t.Helper()
	tb.do(chromedp.Evaluate[chromedp.Void](src))
	ctx, cancel := tb.bounded()
	defer cancel()
	out, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
		.then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) })))`, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("axe-core: %v", err)
	}
	return out
}

// axeSource reads the vendored axe-core and checks it is the pinned one.
func axeSource(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "axe-core@4.10.3", "axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	if sum := sha256.Sum256(b); hex.EncodeToString(sum[:]) != axeSHA256 {
		t.Fatal("testdata axe.min.js differs from the pinned axe-core 4.10.3")
	}
	return string(b)
}

// checkAxe reports every serious or critical axe-core violation on the page
// as a test error, prefixed with where.
func (tb *Tab) checkAxe(src, where string) {
	tb.t.Helper()
	for _, v := range tb.axe(src) {
		var nodes []string
		for _, n := range v.Nodes {
			nodes = append(nodes, strings.Join(n.Target, " "))
		}
		tb.t.Errorf("%s: %s (%s): %s at %v", where, v.ID, v.Impact, v.Help, nodes)
	}
}

// The screens issue 10 changed pass axe-core in light and dark: Today
// (fresh, every section open, and after Save), Export, Settings, Library,
// Insights and the Day view.
func TestBrowserAxe(t *testing.T) {
	t.Parallel()
	src := axeSource(t)
	srv := startServer(t, "")
	a := newAccount(t, srv, "axe@example.com", map[string]any{"delivery_date": day(-40)})
	seedDays(t, srv, a, 14)
	tb := newTab(t, srv, phoneWidth)
	tb.signIn(a.Email, testPassword)
	tb.do(chromedp.Evaluate[chromedp.Void](`for (const d of document.querySelectorAll('details[data-remember]')) d.open = true`))
	tb.axe(src)
	ctx, cancel := tb.bounded()
	defer cancel()
	passes, err := chromedp.Run(ctx, chromedp.Evaluate[int](`axe.run(document).then((r) => r.passes.length)`, chromedp.EvalAwaitPromise))
	if err != nil || passes < 10 {
		t.Fatalf("axe-core ran %d passing rules (%v); is it running at all?", passes, err)
	}

	check := func(scheme, name string) { tb.checkAxe(src, scheme+", "+name) }
	for _, scheme := range []string{"light", "dark"} {
		tb.emulateScheme(scheme)
		tb.show(screens[0])
		check(scheme, "today with every section open")
		for _, s := range screens[1:] {
			if s.scroll != "" {
				continue
			}
			tb.show(s)
			check(scheme, s.name)
		}
	}
	tb.show(screens[0])
	tb.click(painChoice("6, moderate"))
	tb.saveLog()
	tb.waitJS("the readings at the top", `!document.querySelector('mend-today [data-logged]').hidden`)
	for _, scheme := range []string{"light", "dark"} {
		tb.emulateScheme(scheme)
		check(scheme, "today after Save")
	}
}

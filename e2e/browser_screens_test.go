package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// screen is one page of the web app reached from the tab bar or header.
type screen struct {
	name, hash, tag string
	extra           string // a further readiness condition, or ""
	scroll          string // CSS of an element to scroll into view, or ""
}

// screens are the pages a signed-in parent moves between.
var screens = []screen{
	{"today", "#/today", "mend-today", "", ""},
	{"history", "#/history", "mend-history", "", ""},
	{"insights", "#/insights", "mend-insights", chartsDone, ""},
	{"insights-chart", "#/insights", "mend-insights", chartsDone, "mend-chart[name=pain-trend]"},
	{"library", "#/library", "mend-library", "", ""},
	{"export", "#/export", "mend-export", "", ""},
	{"settings", "#/settings", "mend-settings", "", ""},
	{"day", "#/day/" + day(-1), "mend-day", "", ""},
}

// chartsDone is true when every chart on the page has drawn or failed.
const chartsDone = `[...document.querySelectorAll('mend-chart')].every((c) => c.querySelector('.chart svg path') || c.querySelector('.notice.error'))`

// show routes to s and waits until its element has loaded its data
// (every page says "Loading…" until then).
func (tb *Tab) show(s screen) {
	tb.t.Helper()
	tb.do(chromedp.Evaluate[chromedp.Void](`location.hash = ` + js(s.hash)))
	cond := fmt.Sprintf(`(() => { const el = document.querySelector(%s); return !!el && !/Loading/.test(el.textContent); })()`, js(s.tag))
	if s.extra != "" {
		cond += " && " + s.extra
	}
	tb.waitJS(s.name, cond)
	if s.scroll != "" {
		tb.do(chromedp.ScrollIntoView(chromedp.CSS(s.scroll)))
	}
}

// controlRoles are the accessibility roles of things a person operates.
var controlRoles = map[string]bool{
	"button": true, "checkbox": true, "radio": true, "radiogroup": true, "textbox": true,
	"combobox": true, "spinbutton": true, "slider": true, "link": true, "switch": true,
	"searchbox": true, "Date": true, "DateTime": true, "InputTime": true, "listbox": true,
}

// unnamedControls reads Chromium's accessibility tree (what a screen reader
// gets) and returns the controls without a name, and how many had one.
func (tb *Tab) unnamedControls() (unnamed []string, named int) {
	tb.t.Helper()
	ctx, cancel := tb.bounded()
	defer cancel()
	tree, err := chromedp.Call(ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	if err != nil {
		tb.t.Fatal(err)
	}
	for _, n := range tree.Nodes {
		role := axString(n.Role)
		if n.Ignored || !controlRoles[role] {
			continue
		}
		if axString(n.Name) == "" {
			unnamed = append(unnamed, fmt.Sprintf("%s (DOM node %d): %s", role, n.BackendDOMNodeID, tb.describe(n.BackendDOMNodeID)))
			continue
		}
		named++
	}
	return unnamed, named
}

func axString(v *accessibility.Value) string {
	var s string
	if v != nil && len(v.Value) > 0 {
		_ = json.Unmarshal(v.Value, &s) // a role or name that is not a string counts as none
	}
	return s
}

// describe returns the start of a node's HTML, to say which control failed.
func (tb *Tab) describe(id cdp.BackendNodeID) string {
	ctx, cancel := tb.bounded()
	defer cancel()
	res, err := chromedp.Call(ctx, dom.GetOuterHTML, dom.GetOuterHTMLParams{BackendNodeID: id})
	if err != nil {
		return err.Error()
	}
	return res.OuterHTML[:min(len(res.OuterHTML), 160)]
}

// Every screen in light and dark (the system setting, emulated), as the
// closing note's pictures. With MEND_SCREENSHOTS=dir the PNGs are saved
// there as <scheme>-<screen>.png; without it the walk is a smoke test.
func TestBrowserScreens(t *testing.T) {
	t.Parallel()
	dir := os.Getenv("MEND_SCREENSHOTS")
	if dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	srv := startServer(t, "")
	a := newAccount(t, srv, "screens@example.com", map[string]any{"delivery_date": day(-40), "delivery_type": "cesarean"})
	seedDays(t, srv, a, 21)
	tb := newTab(t, srv, phoneWidth)
	tb.signIn(a.Email, testPassword)

	backgrounds := map[string]string{}
	for _, scheme := range []string{"light", "dark"} {
		tb.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
			})
			return err
		}))
		// A fresh load so charts pick their theme when they draw.
		tb.open("/#/today")
		tb.waitToday()
		backgrounds[scheme] = eval[string](tb, `getComputedStyle(document.body).backgroundColor`)
		for _, s := range screens {
			tb.show(s)
			if dir == "" {
				continue
			}
			// ECharts animates for about a second after drawing.
			settle := 200 * time.Millisecond
			if strings.HasPrefix(s.name, "insights") {
				settle = 1200 * time.Millisecond
			}
			tb.do(chromedp.Sleep(settle))
			png, err := tb.screenshot()
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Join(dir, scheme+"-"+s.name+".png")
			if err := os.WriteFile(name, png, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("saved %s", name)
		}
	}
	if backgrounds["light"] == backgrounds["dark"] {
		t.Errorf("body background is %s in both schemes; the dark theme did not apply", backgrounds["light"])
	}
}

// screenshot captures the viewport as PNG.
func (tb *Tab) screenshot() ([]byte, error) {
	ctx, cancel := tb.bounded()
	defer cancel()
	return chromedp.Run(ctx, chromedp.CaptureScreenshot())
}

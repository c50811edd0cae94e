package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// logStep is one tap on Today: a CSS selector, and text typed after it
// (for a note), or "".
type logStep struct{ sel, text string }

// logCost is what a log costs a thumb: taps, and how far main must scroll
// (px) to reach the lowest control tapped; page is main's full height.
type logCost struct{ taps, scroll, page int }

// measureLog taps steps in order on Today and returns their cost. Before
// each tap it reads where the control sits in main's scrolling content, so
// the scroll needed is independent of how chromedp scrolls it into view.
func (tb *Tab) measureLog(steps []logStep) logCost {
	tb.t.Helper()
	var c logCost
	for _, s := range steps {
		bottom := eval[int](tb, fmt.Sprintf(`(() => {
			const el = document.querySelector(%s);
			if (!el) return -1;
			const main = document.getElementById('main');
			if (!main.contains(el)) return 0;
			return Math.round(el.getBoundingClientRect().bottom - main.getBoundingClientRect().top + main.scrollTop);
		})()`, js(s.sel)))
		if bottom < 0 {
			tb.t.Fatalf("log step %q: no such control", s.sel)
		}
		need := bottom - eval[int](tb, `document.getElementById('main').clientHeight`)
		c.scroll = max(c.scroll, need)
		tb.do(chromedp.Click(chromedp.CSS(s.sel)))
		if s.text != "" {
			tb.do(chromedp.SendKeys(chromedp.CSS(s.sel), s.text))
		}
		c.taps++
	}
	c.page = eval[int](tb, `document.getElementById('main').scrollHeight`)
	return c
}

// opt is the chip (label) of a radio or checkbox.
func opt(name, value string) string {
	return fmt.Sprintf(`label:has(> input[name=%s][value=%q])`, name, value)
}

// The quick log (pain with area, mood, stress, sleep, Save) fits the first
// screen at 390 × 844; the full log adds one tap per section opened.
// Before issue 10 (main at 656b8e0, same steps with the sleep stepper):
// quick 9 taps and 1,354 px of scrolling, full 17 taps and 3,109 px.
func TestBrowserLogCost(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "")
	save := logStep{sel: `#page-actions button[type=submit]`}
	quick := []logStep{{sel: opt("pain", "6")}, {sel: opt("areas", "lower_back")}, {sel: opt("mood", "3")}, {sel: opt("stress", "5")}, {sel: opt("sleep_hours", "4.5")}}
	full := append(append([]logStep{}, quick...),
		logStep{sel: `details[data-remember=pain] > summary`}, logStep{sel: opt("activity", "feeding")},
		logStep{sel: `details[data-remember=sleep] > summary`},
		logStep{sel: `button[data-step=night_wakings][data-dir="1"]`}, logStep{sel: `button[data-step=night_wakings][data-dir="1"]`}, logStep{sel: `button[data-step=night_wakings][data-dir="1"]`},
		logStep{sel: opt("sleep_quality", "2")},
		logStep{sel: `details[data-remember=care] > summary`}, logStep{sel: `label:has(> input[name=exercises])`}, logStep{sel: opt("relief", "heat")},
		logStep{sel: `details[data-remember=notes] > summary`}, logStep{sel: `textarea[name=notes]`, text: "ok"},
		logStep{sel: `details[data-remember=flags] > summary`},
	)
	scenarios := []struct {
		name      string
		steps     []logStep
		maxTaps   int
		maxScroll int
	}{
		{"quick", quick, 6, 0},
		{"full", full, 19, 2400},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			a := newAccount(t, srv, "cost."+s.name+"@example.com", map[string]any{"delivery_date": day(-30)})
			tb := newTab(t, srv, phoneWidth)
			tb.signIn(a.Email, testPassword)
			tb.waitJS("a fresh form", `!document.querySelector('mend-today [data-fields]').hidden`)
			if s.name == "full" {
				// Sections are remembered per phone: start from all closed.
				tb.do(chromedp.Evaluate[chromedp.Void](`for (const d of document.querySelectorAll('details[data-remember]')) d.open = false`))
			}
			if s.name == "quick" {
				// Every sleep choice, not just the one tapped, is on the first screen.
				if c := tb.measureLog([]logStep{{sel: opt("sleep_hours", "8.5")}}); c.scroll > 0 {
					t.Errorf("the last sleep choice needs %d px of scrolling", c.scroll)
				}
				tb.do(chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-clear-sleep]').click()`))
			}
			c := tb.measureLog(s.steps)
			tb.shoot("today-" + s.name)
			tb.emulateScheme("dark")
			tb.shoot("today-" + s.name)
			tb.emulateScheme("light")
			c2 := tb.measureLog([]logStep{save})
			tb.waitJS("Saved", `document.querySelector('#page-actions [role=status]').textContent.trim() === 'Saved'`)
			c.taps += c2.taps
			t.Logf("%s log: %d taps, %d px to scroll, page %d px", s.name, c.taps, c.scroll, c.page)
			if c.taps > s.maxTaps || c.scroll > s.maxScroll {
				t.Errorf("%s log costs %d taps and %d px of scrolling, want at most %d and %d", s.name, c.taps, c.scroll, s.maxTaps, s.maxScroll)
			}
		})
	}
}

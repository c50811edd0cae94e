package e2e

import (
	"testing"
)

// Insights links the library article that explains how patterns are found
// (issue 9); the link is a full-size target and opens the published piece.
func TestBrowserInsightsPatternsArticle(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "")
	a := newAccount(t, srv, "patterns@example.com", map[string]any{"delivery_date": day(-40)})
	tb := newTab(t, srv, phoneWidth)
	tb.signIn(a.Email, testPassword)

	tb.click(navLink("Insights"))
	link := `//mend-insights//a[normalize-space(.)="How Mend finds patterns in your log"]`
	tb.waitJS("the patterns link", `!!document.querySelector('mend-insights a[href="#/library/article/how-mend-finds-patterns"]')`)
	if h := eval[float64](tb, `document.querySelector('mend-insights a[href="#/library/article/how-mend-finds-patterns"]').getBoundingClientRect().height`); h < 44 {
		t.Errorf("link is %.0f px tall, want at least 44", h)
	}
	tb.click(link)
	tb.waitJS("the article", `[...document.querySelectorAll('h1')].some((h) => h.textContent.trim() === 'How Mend finds patterns in your log')`)
	if !eval[bool](tb, `document.body.textContent.includes('not proof of a cause')`) {
		t.Error("the article body is not shown")
	}
}

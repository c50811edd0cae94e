package content_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/mend-app/mend/internal/content"
)

func TestSanitizeHTMLRemovesUnsafe(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		name    string
		in      string
		absent  []string // case-insensitive
		present []string
	}{
		{"script tag", `<p>hi</p><script>alert(1)</script>`, []string{"<script", "alert"}, []string{"<p>hi</p>"}},
		{"script with attributes", `<script src="https://evil.example/x.js"></script>ok`, []string{"<script", "evil"}, []string{"ok"}},
		{"onerror on img", `<img src="x.png" onerror="alert(1)">`, []string{"onerror", "alert"}, []string{`<img src="x.png"`}},
		{"onclick on link", `<a href="https://example.org" onclick="steal()">x</a>`, []string{"onclick", "steal"}, []string{`href="https://example.org"`}},
		{"javascript href", `<a href="javascript:alert(1)">x</a>`, []string{"javascript", "href"}, []string{"x"}},
		{"javascript href mixed case and entities", `<a href="JaVa&#83;cript:alert(1)">x</a>`, []string{"javascript", "alert", "href"}, nil},
		{"javascript href with whitespace", "<a href=\" \tjavascript:alert(1)\">x</a>", []string{"javascript", "href"}, nil},
		{"style attribute", `<p style="background:url(javascript:x)">t</p>`, []string{"style", "javascript"}, []string{"<p>t</p>"}},
		{"style element", `<style>body{display:none}</style><p>t</p>`, []string{"<style", "display"}, []string{"<p>t</p>"}},
		{"iframe", `<iframe src="https://example.org"></iframe><p>t</p>`, []string{"<iframe", "example.org"}, []string{"<p>t</p>"}},
		{"object and embed", `<object data="x.swf"></object><embed src="x.swf">`, []string{"<object", "<embed", "swf"}, nil},
		{"data URL image", `<img src="data:image/svg+xml;base64,PHN2Zz4=">`, []string{"data:"}, nil},
		{"data URL link", `<a href="data:text/html,<script>alert(1)</script>">x</a>`, []string{"data:", "<script"}, nil},
		{"svg with onload", `<svg onload="alert(1)"><circle/></svg>`, []string{"<svg", "onload"}, nil},
		{"nested script split", `<scr<script>ipt>alert(1)</scr</script>ipt>`, []string{"<script"}, nil},
		{"script in attribute value", `<p title="</p><script>alert(1)</script>">x</p>`, []string{"<script"}, nil},
		{"unclosed tag trick", `<img src=x onerror=alert(1)//`, []string{"onerror"}, nil},
		{"form and input", `<form action="https://evil.example"><input name=p></form>`, []string{"<form", "<input", "evil"}, nil},
		{"meta refresh", `<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`, []string{"<meta", "javascript"}, nil},
		{"target blank stays off", `<a href="https://example.org" target="_blank">x</a>`, []string{"target"}, []string{`rel="nofollow noopener"`}},
		{"own rel replaced", `<a href="https://example.org" rel="opener">x</a>`, []string{`"opener"`}, []string{`rel="nofollow noopener"`}},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			out := content.SanitizeHTML(s.in)
			lower := strings.ToLower(out)
			for _, a := range s.absent {
				if strings.Contains(lower, strings.ToLower(a)) {
					t.Errorf("output %q still holds %q", out, a)
				}
			}
			for _, p := range s.present {
				if !strings.Contains(out, p) {
					t.Errorf("output %q lacks %q", out, p)
				}
			}
			assertSafeHTML(t, out)
		})
	}
}

func TestSanitizeHTMLKeepsFormatting(t *testing.T) {
	t.Parallel()
	scenarios := []struct{ in, want string }{
		{`<p>Plain <strong>bold</strong> and <em>soft</em>.</p>`, `<p>Plain <strong>bold</strong> and <em>soft</em>.</p>`},
		{`<h2>Heading</h2><h3>Sub</h3>`, `<h2>Heading</h2><h3>Sub</h3>`},
		{`<ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>`, `<ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>`},
		{`<a href="https://example.org/page?a=1&amp;b=2">link</a>`, `<a href="https://example.org/page?a=1&amp;b=2" rel="nofollow noopener">link</a>`},
		{`<a href="/articles/when-to-seek-care">rel</a>`, `<a href="/articles/when-to-seek-care" rel="nofollow noopener">rel</a>`},
		{`<a href="mailto:clinic@example.org">mail</a>`, `<a href="mailto:clinic@example.org" rel="nofollow noopener">mail</a>`},
		{`<blockquote>quote</blockquote><hr><br>`, `<blockquote>quote</blockquote><hr><br>`},
		{`<p>5 &lt; 6 &amp; "quoted"</p>`, `<p>5 &lt; 6 &amp; &#34;quoted&#34;</p>`},
		{`<p>rel="nofollow" in text</p>`, `<p>rel=&#34;nofollow&#34; in text</p>`},
	}
	for _, s := range scenarios {
		t.Run(s.in, func(t *testing.T) {
			t.Parallel()
			if got := content.SanitizeHTML(s.in); got != s.want {
				t.Errorf("SanitizeHTML(%q)\n got %q\nwant %q", s.in, got, s.want)
			}
		})
	}
}

// The save hook sanitizes text that was sanitized before: a second pass must
// change nothing, or every save would drift the stored body.
func TestSanitizeHTMLIsIdempotent(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		`<p>a <a href="https://example.org">b</a></p>`,
		`<img src="x.png" onerror="alert(1)" alt="x">`,
		`<p>5 &lt; 6 &amp; "quoted" ’</p>`,
		`<ul><li><strong>x</strong></li></ul>`,
	} {
		once := content.SanitizeHTML(in)
		if twice := content.SanitizeHTML(once); twice != once {
			t.Errorf("not idempotent:\n once %q\ntwice %q", once, twice)
		}
	}
}

// Hooks sanitize in parallel requests; run under -race to prove it.
func TestSanitizeHTMLConcurrent(t *testing.T) {
	t.Parallel()
	const in = `<p onclick="x()">hi <a href="https://example.org">a</a></p>`
	want := content.SanitizeHTML(in)
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			for range 50 {
				if got := content.SanitizeHTML(in); got != want {
					t.Errorf("got %q, want %q", got, want)
				}
			}
		})
	}
	wg.Wait()
}

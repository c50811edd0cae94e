package content_test

import (
	"io"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/mend-app/mend/internal/content"
)

// assertSafeHTML parses out as a browser would and fails on any element or
// attribute that can run code or load active content. A plain substring check
// for "onerror" would be wrong: the word is harmless as escaped text.
func assertSafeHTML(t *testing.T, out string) {
	t.Helper()
	if strings.Contains(strings.ToLower(out), "<script") {
		t.Fatalf("output holds <script: %q", out)
	}
	z := html.NewTokenizer(strings.NewReader(out))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				t.Fatalf("tokenizing %q: %v", out, z.Err())
			}
			return
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		switch tok.Data {
		case "script", "style", "iframe", "object", "embed", "svg", "math", "form", "input", "meta", "link", "base":
			t.Fatalf("output holds <%s>: %q", tok.Data, out)
		}
		for _, a := range tok.Attr {
			key := strings.ToLower(a.Key)
			val := strings.ToLower(strings.TrimSpace(a.Val))
			switch {
			case strings.HasPrefix(key, "on"), key == "style", key == "srcdoc", key == "formaction":
				t.Fatalf("output holds attribute %s: %q", a.Key, out)
			case key == "target":
				t.Fatalf("output holds target: %q", out)
			case (key == "href" || key == "src" || key == "cite") &&
				(strings.HasPrefix(val, "javascript:") || strings.HasPrefix(val, "data:") || strings.HasPrefix(val, "vbscript:")):
				t.Fatalf("output holds a %s URL: %q", key, out)
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(goodArticle))
	f.Add([]byte(goodExercise))
	f.Add([]byte(strings.Replace(goodArticle, "Some **bold** text.", "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))", 1)))
	f.Add([]byte(strings.Replace(goodExercise, "1. First.", "1. <a href=\"data:text/html,x\" onclick=\"y\">a</a>", 1)))
	f.Add([]byte("---\n"))
	f.Add([]byte("title: x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if a, err := content.ParseArticle("fuzz.md", data); err == nil {
			assertSafeHTML(t, a.Body)
			if a.Slug == "" || len(a.Topics) == 0 || a.Body == "" {
				t.Fatalf("accepted an incomplete article: %+v", a)
			}
		} else if !strings.HasPrefix(err.Error(), "content: fuzz.md") {
			t.Fatalf("error does not name the file: %v", err)
		}
		if x, err := content.ParseExercise("fuzz.md", data); err == nil {
			assertSafeHTML(t, x.Steps)
			if x.EarliestWeekCesarean < x.EarliestWeek {
				t.Fatalf("accepted a cesarean week before the general one: %+v", x)
			}
		}
	})
}

func FuzzSanitizeHTML(f *testing.F) {
	for _, s := range []string{
		`<p>hi</p>`,
		`<script>alert(1)</script>`,
		`<img src=x onerror=alert(1)>`,
		`<a href="javascript:alert(1)">x</a>`,
		`<a href="https://example.org" target="_blank" rel="opener">x</a>`,
		`<scr<script>ipt>alert(1)</scr</script>ipt>`,
		`<svg><style><img src=x onerror=alert(1)></style></svg>`,
		`<p style="x" title="a&quot;onmouseover=alert(1)">t</p>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := content.SanitizeHTML(in)
		assertSafeHTML(t, out)
		// The save hook re-sanitizes stored text; it must not drift.
		if again := content.SanitizeHTML(out); again != out {
			t.Fatalf("not idempotent: %q -> %q -> %q", in, out, again)
		}
	})
}

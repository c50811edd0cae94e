package content

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
)

// markdown is shared: goldmark's own package-level Convert shares one
// instance the same way, since each conversion gets its own parser context.
// Raw HTML in Markdown is left out (goldmark's default, no WithUnsafe): the
// shipped pieces need none, and the sanitizer is the second line, not the only one.
var markdown = goldmark.New()

// policy is built once because bluemonday policies are safe for concurrent
// use only after construction, and SanitizeHTML runs on every save.
var policy = newPolicy()

func newPolicy() *bluemonday.Policy {
	// UGCPolicy already drops script, style, iframe, object and embed
	// elements, every on* handler and style attribute, and any URL whose
	// scheme is not http, https or mailto (so javascript: and data: go too).
	p := bluemonday.UGCPolicy()
	p.RequireNoFollowOnLinks(true)
	// Links open in the same tab: in an app kept on a phone's home screen a
	// new tab strands the parent outside it.
	p.AddTargetBlankToFullyQualifiedLinks(false)
	return p
}

// SanitizeHTML returns s with everything unsafe removed: scripts, iframes,
// event handlers, style attributes and URLs other than http, https, mailto
// and relative ones. Ordinary formatting (paragraphs, headings, lists,
// emphasis, links, images, tables) survives, and every link carries
// rel="nofollow noopener". It is safe for concurrent use and idempotent, so
// the save hook can run it on text that was sanitized before.
func SanitizeHTML(s string) string {
	out := policy.Sanitize(s)
	// bluemonday adds noopener only together with target="_blank", which
	// we keep off. Its output escapes quotes in text and attribute values,
	// so this exact byte sequence can only be a rel attribute it wrote.
	return strings.ReplaceAll(out, `rel="nofollow"`, `rel="nofollow noopener"`)
}

// renderMarkdown converts a Markdown body to sanitized HTML.
func renderMarkdown(src []byte) (string, error) {
	var buf bytes.Buffer
	if err := markdown.Convert(src, &buf); err != nil {
		return "", fmt.Errorf("unable to render Markdown: %w", err)
	}
	return strings.TrimSpace(SanitizeHTML(buf.String())), nil
}

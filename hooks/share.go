package hooks

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"github.com/mend-app/mend/internal/report"
	"github.com/mend-app/mend/internal/store"
)

// A share token is 32 random bytes (256 bits, well over the 128 asked for),
// base64url without padding: 43 characters that are safe in a URL path.
const (
	shareTokenBytes = 32
	shareTokenLen   = 43
)

// newShareToken returns a fresh token and the hash that is stored in its
// place. Only the hash reaches the database, so a leaked backup or database
// read opens no report.
func newShareToken() (token, hash string, err error) {
	b := make([]byte, shareTokenBytes)
	if _, err := rand.Read(b); err != nil {
		return "", "", err
	}
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, hashShareToken(token), nil
}

// hashShareToken is the stored form of a token. A plain SHA-256 is enough:
// the token is 256 random bits, so there is nothing to guess or stretch.
func hashShareToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// wellFormedToken reports whether s could be a token at all, so that junk
// is turned away without a database read.
func wellFormedToken(s string) bool {
	if len(s) != shareTokenLen {
		return false
	}
	for _, c := range []byte(s) {
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
		if !ok {
			return false
		}
	}
	return true
}

// shareGonePage is the one answer for a wrong, expired or revoked link, so
// that a guess learns nothing about which it was. The person opening a link
// is a clinician in a browser, not an API client, so it is a small page in
// words, not PocketBase's JSON error; it names no one and holds no data.
const shareGonePage = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>Report link not valid</title>
<style>
body { font: 17px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 34rem; padding: 2rem 1.25rem; color: #1d1b1c; background: #fff; }
h1 { font-size: 1.4rem; margin: 0 0 1rem; }
@media (prefers-color-scheme: dark) { body { color: #f1eef0; background: #1b1a1b; } }
</style>
</head>
<body>
<main>
<h1>This report link is not valid</h1>
<p>It may have expired or been revoked, or it was copied incompletely.</p>
<p>Ask the person who shared it to send a new link from the Mend app.</p>
</main>
</body>
</html>
`

// shareGoneCSP allows only the page's own style: no script, no request.
var shareGoneCSP = "default-src 'none'; style-src " + styleHash(shareGonePage) + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// styleHash is the CSP source of the page's one inline <style> element.
func styleHash(page string) string {
	start := strings.Index(page, "<style>") + len("<style>")
	end := strings.Index(page, "</style>")
	sum := sha256.Sum256([]byte(page[start:end]))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// shareGone writes the gone page with a 404 status.
func shareGone(e *core.RequestEvent) error {
	e.Response.Header().Set("Content-Security-Policy", shareGoneCSP)
	return e.HTML(http.StatusNotFound, shareGonePage)
}

// getShared answers GET /r/{token} without sign-in: the stored report of a
// live share link, read-only. HTML and PDF open in the browser; the data
// formats download.
func (h *handlers) getShared(e *core.RequestEvent) error {
	hdr := e.Response.Header()
	// Also on the 404: a link must not leak through a Referer, a cache or a
	// search engine, whether it works or not.
	hdr.Set("Referrer-Policy", "no-referrer")
	hdr.Set("Cache-Control", "no-store")
	hdr.Set("X-Robots-Tag", "noindex, nofollow")
	token := e.Request.PathValue("token")
	if !wellFormedToken(token) {
		return shareGone(e)
	}
	r, err := store.FindSharedReport(e.App, hashShareToken(token))
	if errors.Is(err, store.ErrNotFound) {
		return shareGone(e)
	}
	if err != nil {
		return err
	}
	if !r.ShareExpires.After(h.now()) {
		return shareGone(e)
	}
	body, err := store.ReadReportFile(e.App, r)
	if errors.Is(err, store.ErrNotFound) {
		return shareGone(e)
	}
	if err != nil {
		return err
	}
	return h.serveShared(e, r, body)
}

// serveShared writes a stored report. http.ServeContent answers the range
// requests PDF viewers make; the type comes from the record, never from
// sniffing the bytes.
func (h *handlers) serveShared(e *core.RequestEvent, r store.Report, body []byte) error {
	hdr := e.Response.Header()
	disposition := "attachment"
	switch r.Format {
	case report.FormatHTML:
		disposition = "inline"
		// The stored page's meta policy allows its scripts by hash; the
		// header must allow them too. Reports rendered by an older build
		// with another init script lose their charts (never their tables)
		// here, for at most the 30 days a link lives.
		hdr.Set("Content-Security-Policy", h.reportCSP())
	case report.FormatPDF:
		disposition = "inline"
		// The web app's policy would blank the browser's PDF viewer: Chrome's
		// wraps the file in a page with inline styles, and no sandbox
		// directive may be set (no browser runs its viewer sandboxed).
		hdr.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'none'")
	}
	hdr.Set("Content-Type", report.ContentType(r.Format))
	hdr.Set("Content-Disposition", disposition+`; filename="`+report.Filename(r.Format, r.From, r.To)+`"`)
	http.ServeContent(e.Response, e.Request, "", time.Time{}, bytes.NewReader(body))
	return nil
}

// revokeShare answers DELETE /api/mend/reports/{id}/share: the link stops
// working at once. Another user's report answers like an unknown one.
func (h *handlers) revokeShare(e *core.RequestEvent) error {
	err := store.ClearShare(e.App, e.Auth.Id, e.Request.PathValue("id"))
	if errors.Is(err, store.ErrNotFound) {
		return apis.NewNotFoundError("There is no such report.", nil)
	}
	if err != nil {
		return err
	}
	return e.NoContent(http.StatusNoContent)
}

// shareRedactor hides share tokens from PocketBase's request log (kept for
// days and copied into backups) and from stdout: the token is the only key
// to a report, and only its hash may be stored. It runs before the activity
// logger (priority -1040), so every request is covered whatever answers it:
// the share route, the rate limiter's 429 (which runs before any route
// middleware), a 404 or 405 for another method, a failed body limit. Route
// matching is already done, so the handler still reads the token as a path
// value. A Referer naming a share link is cut to its origin as well.
func shareRedactor() *hook.Handler[*core.RequestEvent] {
	return &hook.Handler[*core.RequestEvent]{
		Id:       "mendShareRedactor",
		Priority: apis.DefaultActivityLoggerMiddlewarePriority - 1,
		Func:     redactShareURL,
	}
}

func redactShareURL(e *core.RequestEvent) error {
	if strings.HasPrefix(e.Request.URL.Path, sharePrefix) {
		e.Request.URL.Path = sharePrefix + "-"
		e.Request.URL.RawPath = ""
		e.Request.URL.RawQuery = ""
	}
	if ref := e.Request.Header.Get("Referer"); strings.Contains(ref, sharePrefix) {
		e.Request.Header.Set("Referer", redactedReferer(ref))
	}
	return e.Next()
}

// sharePrefix starts every share link's path.
const sharePrefix = "/r/"

// redactedReferer keeps only the scheme and host of a Referer that names a
// share link (or cannot be parsed), so the token never reaches the log.
func redactedReferer(ref string) string {
	u, err := url.Parse(ref)
	if err != nil || u.Host == "" {
		return ""
	}
	return u.Scheme + "://" + u.Host + "/"
}

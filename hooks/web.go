package hooks

import (
	"io/fs"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"github.com/mend-app/mend/internal/content"
)

func init() {
	// Go's MIME table lacks the web app manifest; browsers want this type.
	if err := mime.AddExtensionType(".webmanifest", "application/manifest+json"); err != nil {
		panic(err)
	}
}

// WebAppCSP is the Content-Security-Policy of the web app: everything from
// this origin only, no inline script or style, no eval, no framing.
const WebAppCSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
	"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'; " +
	"manifest-src 'self'; worker-src 'self'"

// FileCSP is PocketBase's own policy for /api/files/… (tools/filesystem):
// nothing loads, and the sandbox gives an opened file a unique origin, so an
// uploaded HTML or SVG file cannot run script as the app.
const FileCSP = "default-src 'none'; media-src 'self'; style-src 'unsafe-inline'; sandbox"

// bindSecurityHeaders adds the usual security headers to every response.
// The dashboard (/_/) ships its own inline bootstrapping, so it keeps
// PocketBase's defaults apart from the CSP; stored files keep PocketBase's
// sandbox policy; everything else gets the web app's.
func bindSecurityHeaders(se *core.ServeEvent) error {
	se.Router.BindFunc(func(e *core.RequestEvent) error {
		hdr := e.Response.Header()
		hdr.Set("X-Content-Type-Options", "nosniff")
		hdr.Set("Referrer-Policy", "no-referrer")
		hdr.Set("X-Frame-Options", "DENY")
		hdr.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
		switch path := e.Request.URL.Path; {
		case strings.HasPrefix(path, "/_/"):
		case strings.HasPrefix(path, "/api/files/"):
			// Stored files are data, never a page or a script of this app.
			hdr.Set("Content-Security-Policy", FileCSP)
		case hdr.Get("Content-Security-Policy") == "":
			hdr.Set("Content-Security-Policy", WebAppCSP)
		}
		return e.Next()
	})
	return se.Next()
}

// staticHandler serves the web app last (priority 999), so every API route
// wins; unknown paths fall back to index.html for the hash router.
func staticHandler(public fs.FS) *hook.Handler[*core.ServeEvent] {
	return &hook.Handler[*core.ServeEvent]{
		Func: func(se *core.ServeEvent) error {
			if public != nil && !se.Router.HasRoute(http.MethodGet, "/{path...}") {
				// Compressed: the web app's JavaScript shrinks to about a
				// third, which matters on a phone on a weak connection.
				se.Router.GET("/{path...}", apis.Static(public, true)).Bind(apis.Gzip())
			}
			return se.Next()
		},
		Priority: 999,
	}
}

// sanitizeRichText cleans article and exercise HTML on every save, so a
// pasted script or event handler never reaches a reader.
func sanitizeRichText(e *core.RecordEvent) error {
	for _, field := range []string{"body", "steps"} {
		if e.Record.Collection().Fields.GetByName(field) != nil {
			e.Record.Set(field, content.SanitizeHTML(e.Record.GetString(field)))
		}
	}
	return e.Next()
}

func itoa(i int) string { return strconv.Itoa(i) }

// noStoreReportFile keeps a stored report (health data) out of browser and
// proxy caches; PocketBase would otherwise let files be cached for 30 days,
// and a shared phone or a revoked link should not keep a copy.
func noStoreReportFile(e *core.FileDownloadRequestEvent) error {
	e.Response.Header().Set("Cache-Control", "no-store")
	e.Response.Header().Set("X-Frame-Options", "DENY")
	return e.Next()
}

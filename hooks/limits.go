package hooks

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"github.com/mend-app/mend/internal/limits"
	"github.com/mend-app/mend/internal/pdf"
	"github.com/mend-app/mend/internal/report"
)

// Gates are the fairness bounds of Mend's expensive routes (issue 13): one
// account's burst of long reports must not slow anyone else.
type Gates struct {
	// PDF bounds Chromium prints: one per user at a time, and
	// pdf.DefaultConcurrency() overall (never fewer than 2, so one user,
	// holding at most one, cannot hold them all).
	PDF *limits.Gate
	// Heavy bounds each user's insights, charts, reports (PDF included),
	// export and text searches: one at a time, eight more waiting briefly
	// (a dashboard loads insights and six charts together), the rest
	// refused with 429. One, not two: a greedy account then holds at most
	// one core's worth of work, which kept another user's insights within
	// twice their idle time on 2 cores (make bench-scale).
	Heavy *limits.Gate
}

// DefaultGates are the production bounds. A print waits at most 2 s for a
// free slot, a heavy read at most 5 s behind the user's own requests:
// long enough to absorb a page's normal burst, short enough that nobody
// holds a connection for a minute.
func DefaultGates() *Gates {
	return &Gates{
		PDF:   limits.NewGate(limits.Options{Global: pdf.DefaultConcurrency(), PerKey: 1, Wait: 2 * time.Second, Retry: 5 * time.Second}),
		Heavy: limits.NewGate(limits.Options{PerKey: 1, PerKeyQueue: 8, Wait: 5 * time.Second}),
	}
}

// fairShare is the middleware of the /api/mend group (after RequireAuth):
// heavy routes take a slot of the signed-in user's share, PDF reports a
// print slot too; a user past her share gets 429, a full printer 503, each
// with Retry-After, at once or after a short bounded wait.
func (h *handlers) fairShare(e *core.RequestEvent) error {
	heavy, pdfJob := heavyRoute(e.Request)
	if !heavy || e.Auth == nil {
		return e.Next()
	}
	release, err := h.cfg.Gates.Heavy.Acquire(e.Request.Context(), e.Auth.Id)
	if err != nil {
		return refuse(e, err, "Mend is still working on your earlier requests. Try again in a few seconds.")
	}
	defer release()
	if pdfJob {
		releasePDF, err := h.cfg.Gates.PDF.Acquire(e.Request.Context(), e.Auth.Id)
		if err != nil {
			return refuse(e, err, "Your previous PDF report is still being prepared. Try again when it is done, in a few seconds.")
		}
		defer releasePDF()
	}
	return e.Next()
}

// heavyRoute says whether r reads a period of journal (insights, charts,
// reports, export) and whether it prints a PDF. For POST /api/mend/reports
// the format is in the body: it is peeked (at most maxReportBody bytes) and
// put back for the handler.
func heavyRoute(r *http.Request) (heavy, pdfJob bool) {
	p, m := r.URL.Path, readMethod(r)
	switch {
	case m == http.MethodGet && (p == "/api/mend/insights" || p == "/api/mend/export" || strings.HasPrefix(p, "/api/mend/charts/")):
		return true, false
	case m == http.MethodGet && p == "/api/mend/report":
		return true, r.URL.Query().Get("format") == report.FormatPDF
	case r.Method == http.MethodPost && p == "/api/mend/reports":
		return true, peekFormat(r) == report.FormatPDF
	}
	return false, false
}

// readMethod is GET for HEAD too: Go's router answers HEAD with the GET
// route's handler, which does all the work and only drops the body, so a
// HEAD must take the same share as a GET.
func readMethod(r *http.Request) string {
	if r.Method == http.MethodHead {
		return http.MethodGet
	}
	return r.Method
}

func peekFormat(r *http.Request) string {
	if r.Body == nil {
		return ""
	}
	head, err := io.ReadAll(io.LimitReader(r.Body, maxReportBody+1))
	r.Body = struct {
		io.Reader
		io.Closer
	}{io.MultiReader(bytes.NewReader(head), r.Body), r.Body}
	if err != nil {
		return ""
	}
	var body struct {
		Format string `json:"format"`
	}
	if json.Unmarshal(head, &body) != nil {
		return "" // the handler answers the bad body
	}
	return body.Format
}

// refuse answers a refused job: 429 when it is the user's own share, 503
// when the printer is full for everyone, each with Retry-After.
func refuse(e *core.RequestEvent, err error, busy string) error {
	var r *limits.Refusal
	if !errors.As(err, &r) {
		return err // the client left while waiting: nobody reads the answer
	}
	e.Response.Header().Set("Retry-After", strconv.Itoa(limits.RetryAfterSeconds(r.RetryAfter)))
	if r.Reason == limits.KeyBusy {
		return apis.NewTooManyRequestsError(busy, nil)
	}
	return apis.NewApiError(http.StatusServiceUnavailable,
		"Mend is printing other PDF reports right now. Try again in a few seconds, or download the HTML report and print it from a browser.", nil)
}

// boundListFilters refuses, for everyone but superusers, list filters whose
// text search (~) could occupy the database for seconds (see
// limits.CheckFilter), and runs a signed-in user's searches within her
// heavy share, so eight at once cannot hold the database either. It applies
// to every collection: a back-relation filter on users
// (entries_via_user.notes ~ "…") reaches journal text too. It runs before
// the list query, which OnRecordsListRequest does not (that hook fires after
// the records are read).
func (h *handlers) boundListFilters(e *core.RequestEvent) error {
	if readMethod(e.Request) != http.MethodGet || !isRecordsList(e.Request.URL.Path) || e.HasSuperuserAuth() {
		return e.Next()
	}
	filter := e.Request.URL.Query().Get("filter")
	if err := limits.CheckFilter(filter); err != nil {
		var p *limits.FilterProblem
		if errors.As(err, &p) {
			return apis.NewBadRequestError(p.Message, validation.Errors{"filter": validation.NewError(p.Code, p.Message)})
		}
		return err
	}
	if e.Auth == nil || !strings.Contains(filter, "~") {
		return e.Next()
	}
	release, err := h.cfg.Gates.Heavy.Acquire(e.Request.Context(), e.Auth.Id)
	if err != nil {
		return refuse(e, err, "Mend is still working on your earlier searches. Try again in a few seconds.")
	}
	defer release()
	return e.Next()
}

// isRecordsList matches /api/collections/{collection}/records exactly.
func isRecordsList(path string) bool {
	rest, ok := strings.CutPrefix(path, "/api/collections/")
	if !ok {
		return false
	}
	name, ok := strings.CutSuffix(strings.TrimSuffix(rest, "/"), "/records")
	return ok && name != "" && !strings.Contains(name, "/")
}

func (h *handlers) bindListFilterBounds(se *core.ServeEvent) error {
	se.Router.BindFunc(h.boundListFilters)
	return se.Next()
}

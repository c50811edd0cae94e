package hooks

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"time"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/mend-app/mend/internal/report"
	"github.com/mend-app/mend/internal/store"
)

// maxShareDays is the longest a share link may live (issue 4: 1–30 days).
const maxShareDays = 30

// maxReportBody bounds the POST body: five short fields.
const maxReportBody = 4 << 10

// storeRequest is a validated POST /api/mend/reports body.
type storeRequest struct {
	from, to  string
	opts      reportOptions
	shareDays int
}

// storedReport is the answer to POST /api/mend/reports. The raw share
// token is in share_url and nowhere else: the database keeps its hash.
type storedReport struct {
	ID           string          `json:"id"`
	FileURL      string          `json:"file_url"`
	ShareURL     string          `json:"share_url,omitempty"`
	ShareExpires *types.DateTime `json:"share_expires,omitempty"`
}

// createReport answers POST /api/mend/reports: it renders the report like
// GET /api/mend/report, stores it as a protected file and, when asked,
// opens a share link.
func (h *handlers) createReport(e *core.RequestEvent) error {
	req, err := parseStoreBody(e.Request.Body)
	if err != nil {
		return err
	}
	if err := h.checkPrinter(req.opts.format); err != nil {
		return err
	}
	if err := checkReportQuota(e.App, e.Auth.Id, 0); err != nil {
		return err
	}
	p, err := h.loadPeriodOf(e, req.from, req.to)
	if err != nil {
		return err
	}
	body, err := h.renderReport(e, p, req.opts)
	if err != nil {
		return err
	}
	if err := checkReportQuota(e.App, e.Auth.Id, int64(len(body))); err != nil {
		return err
	}
	rec := store.Report{UserID: p.userID, From: p.from, To: p.to, Format: req.opts.format, Notes: req.opts.notes}
	var token string
	if req.shareDays > 0 {
		if token, rec.ShareHash, err = newShareToken(); err != nil {
			return fmt.Errorf("hooks: share token: %w", err)
		}
		rec.ShareExpires = h.now().Add(time.Duration(req.shareDays) * 24 * time.Hour).UTC()
	}
	saved, err := store.SaveReport(e.App, rec, report.Filename(req.opts.format, p.from, p.to), body)
	if err != nil {
		return err
	}
	return e.JSON(http.StatusOK, answerStored(saved, token))
}

func answerStored(r store.Report, token string) storedReport {
	out := storedReport{ID: r.ID, FileURL: "/api/files/" + store.Reports + "/" + r.ID + "/" + r.File}
	if token != "" {
		out.ShareURL = "/r/" + token
		dt, err := types.ParseDateTime(r.ShareExpires)
		if err == nil {
			out.ShareExpires = &dt
		}
	}
	return out
}

// parseStoreBody reads {from, to, format, notes, share_days, name}. Every field
// is checked and all problems are reported at once; an unknown field is an
// error too, so a typo such as "share_day" cannot silently drop a link.
func parseStoreBody(r io.Reader) (storeRequest, error) {
	req := storeRequest{opts: reportOptions{notes: true}}
	raw, err := io.ReadAll(io.LimitReader(r, maxReportBody+1))
	if err != nil {
		return req, apis.NewBadRequestError("The request body could not be read.", err)
	}
	var fields map[string]json.RawMessage
	if len(raw) > maxReportBody || json.Unmarshal(raw, &fields) != nil || fields == nil {
		return req, apis.NewBadRequestError("Send a JSON object with from, to, format, notes and share_days.",
			validation.Errors{"body": validation.NewError("validation_invalid_json", "The body must be a JSON object.")})
	}
	problems := validation.Errors{}
	for key, v := range fields {
		switch key {
		case "from", "to":
			s, ok := jsonString(v)
			if !ok {
				problems[key] = validation.NewError("validation_invalid_day", key+" must be a day in the form YYYY-MM-DD.")
			}
			if key == "from" {
				req.from = s
			} else {
				req.to = s
			}
		case "format":
			if s, ok := jsonString(v); ok && report.ContentType(s) != "" {
				req.opts.format = s
			} else {
				problems["format"] = errInvalidFormat
			}
		case "notes":
			if b, ok := jsonFlag(v); ok {
				req.opts.notes = b
			} else {
				problems["notes"] = validation.NewError("validation_invalid_notes", "notes must be true or false.")
			}
		case "name":
			s, ok := jsonString(v)
			name, err := parseReportName(s)
			if !ok {
				err = validation.NewError("validation_invalid_name", "The name on the report must be text.")
			}
			if err != nil {
				problems["name"] = err
			}
			req.opts.name = name
		case "share_days":
			if n, ok := jsonDays(v); ok {
				req.shareDays = n
			} else {
				problems["share_days"] = validation.NewError("validation_invalid_share_days", "share_days must be a whole number from 0 (no link) to 30.")
			}
		default:
			problems[key] = validation.NewError("validation_unknown_field", "Unknown field.")
		}
	}
	if _, ok := fields["format"]; !ok {
		problems["format"] = errInvalidFormat
	}
	if len(problems) > 0 {
		return req, apis.NewBadRequestError("The report request is not valid.", problems)
	}
	return req, nil
}

// jsonString reads a JSON string; null counts as absent ("").
func jsonString(v json.RawMessage) (string, bool) {
	if string(v) == "null" {
		return "", true
	}
	var s string
	err := json.Unmarshal(v, &s)
	return s, err == nil
}

// jsonFlag reads true/false, and 0/1 as the GET route spells it.
func jsonFlag(v json.RawMessage) (bool, bool) {
	switch string(bytes.TrimSpace(v)) {
	case "true", "1":
		return true, true
	case "false", "0":
		return false, true
	}
	return false, false
}

// jsonDays reads share_days: null or a whole number 0–30.
func jsonDays(v json.RawMessage) (int, bool) {
	if string(v) == "null" {
		return 0, true
	}
	var f float64
	if err := json.Unmarshal(v, &f); err != nil || f != math.Trunc(f) || f < 0 || f > maxShareDays {
		return 0, false
	}
	return int(f), true
}

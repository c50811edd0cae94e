package hooks

// Fuzz tests for the unexported parsers at Mend's HTTP edge. They live in
// package hooks because the parsers are deliberately not exported; each
// checks the strong direction (what is accepted is valid) and that every
// refusal is a 400 in PocketBase's error shape, never something that would
// surface as a 5xx.

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/url"
	"strconv"
	"testing"

	"github.com/pocketbase/pocketbase/tools/router"

	"github.com/mend-app/mend/internal/journal"
	"github.com/mend-app/mend/internal/report"
)

func requireBadRequest(t *testing.T, err error) {
	t.Helper()
	var apiErr *router.ApiError
	if !errors.As(err, &apiErr) || apiErr.Status != 400 {
		t.Fatalf("refusal is not a 400 ApiError: %T %v", err, err)
	}
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range [][2]string{{"", ""}, {"2026-11-01", "2026-11-24"}, {"2026-11-24", "2026-11-01"},
		{"1900-01-01", "2026-11-24"}, {"2026-02-30", "x"}, {"0000-01-01", "9999-12-31"}} {
		f.Add(s[0], s[1])
	}
	today := journal.MustDay("2026-11-24")
	f.Fuzz(func(t *testing.T, fromText, toText string) {
		from, to, err := parsePeriod(fromText, toText, today)
		if err != nil {
			requireBadRequest(t, err)
			return
		}
		if from > to || to.DaysSince(from)+1 > maxPeriodDays {
			t.Fatalf("accepted %s..%s", from, to)
		}
		for _, c := range []struct {
			text string
			day  journal.Day
		}{{fromText, from}, {toText, to}} {
			if c.text != "" && c.day.String() != c.text {
				t.Fatalf("%q read as %s", c.text, c.day)
			}
		}
		if toText == "" && to != today {
			t.Fatalf("default to = %s, want today", to)
		}
	})
}

func FuzzParseReportQuery(f *testing.F) {
	for _, s := range []string{"format=csv", "format=pdf&notes=0", "format=html&notes=1", "format=exe", "notes=2", "format=csv&format=pdf", "%zz"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, _ := url.ParseQuery(raw) // a bad escape still yields the other pairs
		opts, err := parseReportQuery(q)
		if err != nil {
			requireBadRequest(t, err)
			return
		}
		if report.ContentType(opts.format) == "" {
			t.Fatalf("accepted format %q", opts.format)
		}
		if n := q.Get("notes"); opts.notes != (n != "0") || (n != "" && n != "0" && n != "1") {
			t.Fatalf("notes=%q read as %v", n, opts.notes)
		}
	})
}

func FuzzParseStoreBody(f *testing.F) {
	for _, s := range []string{`{"format":"csv"}`, `{"from":"2026-11-01","to":"2026-11-24","format":"html","notes":false,"share_days":7}`,
		`{"format":"csv","share_days":31}`, `{"format":"csv","share_days":1.5}`, `{"format":"csv","share_day":7}`,
		`{"format":"csv","notes":"yes"}`, `[]`, `null`, `{`, `{"format":null}`, `{"format":"csv","share_days":-0}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		req, err := parseStoreBody(bytes.NewReader(body))
		if err != nil {
			requireBadRequest(t, err)
			return
		}
		if len(body) > maxReportBody {
			t.Fatalf("accepted a %d-byte body", len(body))
		}
		if report.ContentType(req.opts.format) == "" {
			t.Fatalf("accepted format %q", req.opts.format)
		}
		if req.shareDays < 0 || req.shareDays > maxShareDays {
			t.Fatalf("accepted share_days %d", req.shareDays)
		}
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(body, &fields); err != nil {
			t.Fatalf("accepted a body encoding/json refuses: %v", err)
		}
		for k := range fields {
			switch k {
			case "from", "to", "format", "notes", "share_days":
			default:
				t.Fatalf("accepted unknown field %q", k)
			}
		}
	})
}

func FuzzShareToken(f *testing.F) {
	token, _, err := newShareToken()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{token, "", "../../etc/passwd", token[:42] + "=", token[:42] + "/", token + "A"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !wellFormedToken(s) {
			return
		}
		if b, err := base64.RawURLEncoding.DecodeString(s); err != nil || len(b) != shareTokenBytes {
			t.Fatalf("accepted %q that is not %d base64url bytes (%d, %v)", s, shareTokenBytes, len(b), err)
		}
		if h := hashShareToken(s); len(h) != 64 {
			t.Fatalf("hash %q", h)
		}
	})
}

// FuzzScorePresent covers requireScore's reading of the raw body: it may
// only report a score when the body really holds a number (or a numeric
// string, which PocketBase casts) under "score".
func FuzzScorePresent(f *testing.F) {
	for _, s := range []string{`{"score":0}`, `{"score":null}`, `{"score":"7"}`, `{"score":"high"}`, `{"score":[1]}`,
		`{"Score":3}`, `{"score":1e400}`, `[]`, `{`, `{"score":3,"score":null}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		if jsonScore(body) != scoreNumber {
			return
		}
		var fields map[string]any
		if err := json.Unmarshal(body, &fields); err != nil {
			// A number too large for float64 is still a number to the
			// JSON grammar; check that it is one.
			var raw map[string]json.RawMessage
			if json.Unmarshal(body, &raw) != nil {
				t.Fatalf("score found in a body that is not a JSON object: %q", body)
			}
			return
		}
		switch v := fields["score"].(type) {
		case float64:
		case string:
			if _, err := strconv.ParseFloat(v, 64); err != nil {
				t.Fatalf("score found in %q", body)
			}
		default:
			t.Fatalf("score found in %q (%T)", body, v)
		}
	})
}

package content

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mend-app/mend/internal/journal"
)

// Error is one problem in a content file. Key is the header key at fault, or
// empty for problems with the file as a whole or its body.
type Error struct {
	File string // the name passed to the parser
	Line int    // 1-based line of the problem, 0 when it is not on one line
	Key  string // header key, or "" for the file or body
	Msg  string // what is wrong, in words an editor can act on
}

// Error formats as "content: articles/x.md:4: category: ...".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("content: ")
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Key != "" {
		b.WriteString(": ")
		b.WriteString(e.Key)
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// Limits keep pieces fit for a phone card and catch a pasted paragraph in a
// one-line field. A week past 104 (two years) is almost surely a typo.
const (
	maxWeek      = 104
	maxTitle     = 100
	maxSummary   = 280
	maxShortText = 600
	maxSlug      = 80
)

var (
	slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	keyPattern  = regexp.MustCompile(`^[a-z_]+$`)
	intPattern  = regexp.MustCompile(`^[0-9]{1,3}$`)
)

var (
	articleKeys  = []string{"title", "slug", "summary", "category", "topics", "weeks_from", "weeks_to"}
	exerciseKeys = []string{"name", "slug", "targets", "earliest_week", "earliest_week_cesarean", "reps", "cautions"}
)

// ParseArticle validates an article file and renders its body. name is used
// only in errors. Every problem found is returned, joined.
func ParseArticle(name string, data []byte) (Article, error) {
	h, body, err := split(name, data, articleKeys)
	if err != nil {
		return Article{}, err
	}
	a := Article{
		File:      name,
		Title:     h.text("title", maxTitle),
		Slug:      h.slug(),
		Summary:   h.text("summary", maxSummary),
		Category:  h.oneOf("category", journal.Categories),
		Topics:    h.list("topics", journal.Topics),
		WeeksFrom: h.week("weeks_from"),
		WeeksTo:   h.week("weeks_to"),
	}
	if a.WeeksTo != 0 && a.WeeksTo < a.WeeksFrom {
		h.fail("weeks_to", fmt.Sprintf("%d is before weeks_from %d (use 0 for no upper bound)", a.WeeksTo, a.WeeksFrom))
	}
	a.Body = h.render(body)
	if err := h.err(); err != nil {
		return Article{}, err
	}
	return a, nil
}

// ParseExercise validates an exercise file and renders its steps. name is
// used only in errors. Every problem found is returned, joined.
func ParseExercise(name string, data []byte) (Exercise, error) {
	h, body, err := split(name, data, exerciseKeys)
	if err != nil {
		return Exercise{}, err
	}
	x := Exercise{
		File:                 name,
		Name:                 h.text("name", maxTitle),
		Slug:                 h.slug(),
		Targets:              h.list("targets", journal.Targets),
		EarliestWeek:         h.week("earliest_week"),
		EarliestWeekCesarean: h.week("earliest_week_cesarean"),
		Reps:                 h.text("reps", maxShortText),
		Cautions:             h.text("cautions", maxShortText),
	}
	// A cesarean is major abdominal surgery: no exercise suits it sooner.
	if x.EarliestWeekCesarean < x.EarliestWeek {
		h.fail("earliest_week_cesarean", fmt.Sprintf("%d is before earliest_week %d", x.EarliestWeekCesarean, x.EarliestWeek))
	}
	x.Steps = h.render(body)
	if err := h.err(); err != nil {
		return Exercise{}, err
	}
	return x, nil
}

// header holds one file's key/value lines and collects problems as fields
// are read, so one pass reports every bad key.
type header struct {
	file  string
	vals  map[string]string
	lines map[string]int
	errs  []error
	body  int // line number where the body starts
}

// split checks the file as a whole and its header's shape: UTF-8, lines
// "key: value" up to "---", known keys only, each once, none missing or empty.
func split(name string, data []byte, allowed []string) (*header, []byte, error) {
	h := &header{file: name, vals: map[string]string{}, lines: map[string]int{}}
	if !utf8.Valid(data) {
		return nil, nil, &Error{File: name, Msg: "is not valid UTF-8"}
	}
	// Tolerate what editors add on their own: a byte-order mark and CRLF.
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	rest := data
	for n := 1; ; n++ {
		if len(rest) == 0 {
			return nil, nil, &Error{File: name, Msg: `has no line "---" ending the header`}
		}
		line, after, _ := bytes.Cut(rest, []byte("\n"))
		rest = after
		if string(line) == "---" {
			h.body = n + 1
			break
		}
		key, val, ok := strings.Cut(string(line), ":")
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		switch {
		case !ok || !keyPattern.MatchString(key):
			h.failLine(n, "", fmt.Sprintf(`%q is not a "key: value" line (the header ends with a line "---")`, clip(string(line))))
		case !slices.Contains(allowed, key):
			h.failLine(n, key, "is not a known key; use "+strings.Join(allowed, ", "))
		case h.lines[key] != 0:
			h.failLine(n, key, fmt.Sprintf("appears twice (first on line %d)", h.lines[key]))
		case val == "":
			h.failLine(n, key, "is empty")
		default:
			h.vals[key], h.lines[key] = val, n
		}
	}
	for _, k := range allowed {
		if h.lines[k] == 0 && !h.failedOn(k) {
			h.fail(k, "is missing")
		}
	}
	if err := h.err(); err != nil {
		return nil, nil, err
	}
	return h, rest, nil
}

func (h *header) failLine(line int, key, msg string) {
	h.errs = append(h.errs, &Error{File: h.file, Line: line, Key: key, Msg: msg})
}

func (h *header) fail(key, msg string) { h.failLine(h.lines[key], key, msg) }

func (h *header) failedOn(key string) bool {
	for _, err := range h.errs {
		var e *Error
		if errors.As(err, &e) && e.Key == key {
			return true
		}
	}
	return false
}

func (h *header) err() error { return errors.Join(h.errs...) }

// text reads a plain-text value. Angle brackets are refused rather than
// escaped: these fields are shown as text, and markup there is a mistake.
func (h *header) text(key string, max int) string {
	v := h.vals[key]
	switch {
	case utf8.RuneCountInString(v) > max:
		h.fail(key, fmt.Sprintf("is %d characters; keep it to %d", utf8.RuneCountInString(v), max))
	case strings.ContainsAny(v, "<>"):
		h.fail(key, "holds < or >; it is plain text, not HTML")
	}
	return v
}

func (h *header) slug() string {
	v := h.vals["slug"]
	if len(v) > maxSlug || !slugPattern.MatchString(v) {
		h.fail("slug", fmt.Sprintf("%q must be lowercase letters and digits joined by single hyphens, at most %d characters", clip(v), maxSlug))
	}
	return v
}

func (h *header) oneOf(key string, allowed []string) string {
	v := h.vals[key]
	if !slices.Contains(allowed, v) {
		h.fail(key, fmt.Sprintf("%q is not one of %s", clip(v), strings.Join(allowed, ", ")))
	}
	return v
}

// list reads a comma-separated list: at least one value, no repeats.
func (h *header) list(key string, allowed []string) []string {
	var out []string
	for _, v := range strings.Split(h.vals[key], ",") {
		v = strings.TrimSpace(v)
		switch {
		case !slices.Contains(allowed, v):
			h.fail(key, fmt.Sprintf("%q is not one of %s", clip(v), strings.Join(allowed, ", ")))
		case slices.Contains(out, v):
			h.fail(key, fmt.Sprintf("%q is listed twice", v))
		default:
			out = append(out, v)
		}
	}
	return out
}

// week reads a whole number of postpartum weeks, 0 to maxWeek.
func (h *header) week(key string) int {
	v := h.vals[key]
	n, err := strconv.Atoi(v)
	if !intPattern.MatchString(v) || err != nil || n > maxWeek {
		h.fail(key, fmt.Sprintf("%q must be a whole number of weeks from 0 to %d", clip(v), maxWeek))
		return 0
	}
	return n
}

// render turns the body into sanitized HTML; an empty body is an error
// because a piece with nothing to read should never be published.
func (h *header) render(body []byte) string {
	if len(bytes.TrimSpace(body)) == 0 {
		h.failLine(h.body, "", "has an empty body")
		return ""
	}
	out, err := renderMarkdown(body)
	switch {
	case err != nil:
		h.failLine(h.body, "", err.Error())
	case out == "":
		// Raw HTML is left out of the rendering, so a body of only tags
		// would be published blank.
		h.failLine(h.body, "", "renders to nothing; write Markdown, not raw HTML")
	}
	return out
}

// clip shortens a value quoted back in an error, so a pasted paragraph does
// not swamp the message.
func clip(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	return string([]rune(s)[:max]) + "…"
}

package limits

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/ganigeorgiev/fexpr"
)

// Bounds on LIKE (`~`) conditions in a list filter. SQLite runs a
// `%pattern%` LIKE by trying the pattern at every position of every note, so
// on notes written to defeat it ("aaaa…") its cost grows with note length ×
// pattern length, and each extra `%` multiplies the backtracking. Measured
// here (2 cores) over 3,000 notes of 2,000 characters: a 1,000-character
// pattern 16 s, 64 characters 1.2 s, 32 characters 0.6 s; ordinary text
// fails at the first letter and costs a few ms. A person searching her notes
// types a few words ("carried the car seat on one hip" is 31 characters), so
// 32 keeps every search she needs and the worst case under a second.
const (
	// MaxLikeChars bounds the characters of one search pattern.
	MaxLikeChars = 32
	// MaxLikeWildcards bounds the explicit `%` and `_` wildcards of one
	// pattern (a plain search has none: PocketBase wraps it in `%…%`).
	MaxLikeWildcards = 4
	// MaxLikeConditions bounds the `~` conditions of one filter.
	MaxLikeConditions = 4
)

// FilterProblem is why CheckFilter refused a filter, in words a person can
// act on. Code is a stable machine name for the client.
type FilterProblem struct {
	Code, Message string
}

func (p *FilterProblem) Error() string { return p.Message }

// CheckFilter inspects a PocketBase list filter and refuses the search
// conditions that could occupy the database for seconds: a `~` pattern
// longer than MaxLikeChars or with more than MaxLikeWildcards wildcards, a
// pattern taken from a field rather than typed (`notes ~ sleep_notes`
// makes every note a pattern), or more than MaxLikeConditions of them.
// A filter that does not parse is left to PocketBase, which answers its
// own 400. The error is a *FilterProblem.
func CheckFilter(filter string) error {
	if !strings.Contains(filter, "~") {
		return nil // no text search: nothing to bound, no parse needed
	}
	groups, err := fexpr.Parse(filter)
	if err != nil {
		return nil // PocketBase refuses it with its own message
	}
	count := 0
	return walk(groups, &count)
}

func walk(groups []fexpr.ExprGroup, count *int) error {
	for _, g := range groups {
		switch item := g.Item.(type) {
		case []fexpr.ExprGroup:
			if err := walk(item, count); err != nil {
				return err
			}
		case fexpr.Expr:
			if !isLike(item.Op) {
				continue
			}
			if *count++; *count > MaxLikeConditions {
				return &FilterProblem{Code: "filter_too_many_searches", Message: fmt.Sprintf(
					"A filter may hold at most %d text searches (~). Search for fewer words at once.", MaxLikeConditions)}
			}
			if err := checkPattern(item.Right); err != nil {
				return err
			}
		}
	}
	return nil
}

func isLike(op fexpr.SignOp) bool {
	switch op {
	case fexpr.SignLike, fexpr.SignNlike, fexpr.SignAnyLike, fexpr.SignAnyNlike:
		return true
	}
	return false
}

// errFieldPattern refuses a pattern that is a field, a function or a
// request value: its length is not known until every row is read.
var errFieldPattern = &FilterProblem{Code: "filter_search_not_text",
	Message: "A text search (~) must compare a field with typed text in quotes, e.g. notes ~ \"sleep\"."}

func checkPattern(tok fexpr.Token) error {
	switch tok.Type {
	case fexpr.TokenText, fexpr.TokenNumber:
	default:
		return errFieldPattern
	}
	if n := utf8.RuneCountInString(tok.Literal); n > MaxLikeChars {
		return &FilterProblem{Code: "filter_search_too_long", Message: fmt.Sprintf(
			"Search text may be at most %d characters (this one has %d). Search for a shorter phrase.", MaxLikeChars, n)}
	}
	if n := Wildcards(tok.Literal); n > MaxLikeWildcards {
		return &FilterProblem{Code: "filter_search_too_many_wildcards", Message: fmt.Sprintf(
			"Search text may hold at most %d wildcards (%% or _); this one has %d.", MaxLikeWildcards, n)}
	}
	return nil
}

// Wildcards counts the LIKE wildcards PocketBase leaves active in pattern.
// Without an unescaped `%`, PocketBase escapes `%` and `_` and wraps the
// text in `%…%` (a plain "contains" search): no explicit wildcard. With one,
// the text goes to LIKE as written, and every unescaped `%` and `_` counts.
func Wildcards(pattern string) int {
	n, percent := 0, false
	escaped := false
	for _, c := range pattern {
		switch {
		case escaped:
			escaped = false
		case c == '\\':
			escaped = true
		case c == '%':
			n++
			percent = true
		case c == '_':
			n++
		}
	}
	if !percent {
		return 0
	}
	return n
}

// IsFilterProblem reports whether err is a refusal by CheckFilter.
func IsFilterProblem(err error) bool {
	var p *FilterProblem
	return errors.As(err, &p)
}

package report

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxIdentifier is the longest name or identifier a report may carry, in
// characters: room for a full name and a clinic's patient number.
const MaxIdentifier = 80

// Identifier problems, for the route's field error.
var (
	ErrIdentifierLong    = errors.New("report: name is longer than 80 characters")
	ErrIdentifierControl = errors.New("report: name holds line breaks or control characters")
)

// ValidIdentifier returns the parent's chosen name or identifier, trimmed,
// or an error: valid UTF-8, at most MaxIdentifier characters, one line with
// no control or bidi-override characters (which could make a printed name
// read differently from what was typed). Escaping is the renderer's job.
func ValidIdentifier(s string) (string, error) {
	s = strings.TrimSpace(s)
	if !utf8.ValidString(s) {
		return "", ErrIdentifierControl
	}
	if utf8.RuneCountInString(s) > MaxIdentifier {
		return "", ErrIdentifierLong
	}
	for _, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029' {
			return "", ErrIdentifierControl
		}
	}
	return s, nil
}

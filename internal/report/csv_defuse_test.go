package report_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/mend-app/mend/internal/report"
)

// Formulas hidden behind Unicode spaces, in full-width form, or after a
// tab or carriage return are defused like plain ones; text is left alone.
func TestSafeCellUnicode(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		name, in string
		defused  bool
	}{
		{"plain equals", "=1+1", true},
		{"no-break space", "\u00a0=1+1", true},
		{"narrow no-break space", "\u202f+1", true},
		{"ideographic space", "\u3000=HYPERLINK(\"x\")", true},
		{"em space", "\u2003-1", true},
		{"zero-width space", "\u200b@SUM(A1)", true},
		{"byte order mark", "\ufeff=1", true},
		{"full-width equals", "＝1+1", true},
		{"full-width plus", "＋1", true},
		{"full-width minus", "－1", true},
		{"full-width at", "＠SUM(A1)", true},
		{"space then full-width", "\u3000＝1", true},
		{"minus sign", "\u22121", true},
		{"tab", "\tx", true},
		{"carriage return", "\rx", true},
		{"line feed", "\nx", true},
		{"spaces then tab", "  \t=1", true},
		{"plain text", "slept badly", false},
		{"no-break space then text", "\u00a0tired", false},
		{"number", "5", false},
		{"full-width digit", "５", false},
		{"empty", "", false},
		{"only spaces", "\u00a0\u3000 ", false},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			got := report.SafeCell(s.in)
			if want := map[bool]string{true: "'" + s.in, false: s.in}[s.defused]; got != want {
				t.Errorf("SafeCell(%q) = %q, want %q", s.in, got, want)
			}
		})
	}
}

// formulaRunes are the first characters (after spaces) a spreadsheet may
// treat as a formula, as the fuzzer's oracle.
const formulaRunes = "=+-@\t\r\n＝＋－＠﹦﹢﹣\u2212"

// startsFormula is the oracle: s opens with a tab or line break, or its
// first non-space rune opens a formula.
func startsFormula(s string) bool {
	if s != "" && strings.ContainsRune("\t\r\n", rune(s[0])) {
		return true
	}
	t := strings.TrimLeftFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.Is(unicode.Zs, r) || strings.ContainsRune("\u200b\u2060\ufeff\u180e", r)
	})
	r, _ := utf8.DecodeRuneInString(t)
	return t != "" && strings.ContainsRune(formulaRunes, r)
}

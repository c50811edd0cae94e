package limits_test

import (
	"strings"
	"testing"

	"github.com/ganigeorgiev/fexpr"

	"github.com/mend-app/mend/internal/limits"
)

func TestCheckFilter(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("a", limits.MaxLikeChars+1)
	exact := strings.Repeat("é", limits.MaxLikeChars) // runes, not bytes
	scenarios := []struct {
		name, filter, code string // code "" means allowed
	}{
		{"empty", "", ""},
		{"no search", `day >= "2026-01-01" && score > 3`, ""},
		{"short search", `notes ~ "car seat"`, ""},
		{"search at the bound in runes", `notes ~ "` + exact + `"`, ""},
		{"long search", `notes ~ "%` + long + `b%"`, "filter_search_too_long"},
		{"long search not like", `notes !~ "` + long + `"`, "filter_search_too_long"},
		{"long any-like", `notes ?~ '` + long + `'`, "filter_search_too_long"},
		{"nested group", `(day > "2026-01-01" && (note ~ "` + long + `"))`, "filter_search_too_long"},
		{"a long equality is not a search", `notes = "` + long + `"`, ""},
		{"wildcards", `notes ~ "%a%b%c%d%"`, "filter_search_too_many_wildcards"},
		{"wildcards at the bound", `notes ~ "%a%b_c%"`, ""},
		{"underscores without percent are escaped by PocketBase", `notes ~ "a_b_c_d_e_f"`, ""},
		{"escaped percents do not count", `notes ~ "\\%a\\%b\\%c\\%d\\%e%"`, ""},
		{"field as pattern", `notes ~ sleep_notes`, "filter_search_not_text"},
		{"request value as pattern", `notes ~ @request.query.q`, "filter_search_not_text"},
		{"function as pattern", `notes ~ lower(sleep_notes)`, "filter_search_not_text"},
		{"number pattern", `notes ~ 12`, ""},
		{"too many searches", `notes ~ "a" || notes ~ "b" || notes ~ "c" || notes ~ "d" || notes ~ "e"`, "filter_too_many_searches"},
		{"tilde inside text is not a search", `notes = "~~~"`, ""},
		{"unparsable is left to PocketBase", `notes ~ (`, ""},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			err := limits.CheckFilter(sc.filter)
			var p *limits.FilterProblem
			switch {
			case sc.code == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case sc.code == "":
			case !limits.IsFilterProblem(err):
				t.Fatalf("got %v, want %s", err, sc.code)
			default:
				p = err.(*limits.FilterProblem)
				if p.Code != sc.code || p.Message == "" {
					t.Fatalf("got %s %q, want %s", p.Code, p.Message, sc.code)
				}
			}
		})
	}
}

func TestWildcards(t *testing.T) {
	t.Parallel()
	for pattern, want := range map[string]int{
		"plain": 0, "a_b": 0, "%a%": 2, "%a_b%": 3, `\%a`: 0, `\\%a`: 1, "%%%%%": 5,
	} {
		if got := limits.Wildcards(pattern); got != want {
			t.Errorf("Wildcards(%q) = %d, want %d", pattern, got, want)
		}
	}
}

// FuzzCheckFilter: any filter is either accepted or refused with a code and
// a message, never a panic; and an accepted filter has no search pattern
// longer than the bound (a long quoted text after ~ must be refused).
func FuzzCheckFilter(f *testing.F) {
	for _, s := range []string{``, `notes ~ "x"`, `a ~ b`, `(a ~ "%x%" && b !~ 'y') || c ?~ "z"`, `notes ~ "\"`, `~~`, `a~"` + strings.Repeat("q", 80) + `"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, filter string) {
		err := limits.CheckFilter(filter)
		if err != nil {
			p, ok := err.(*limits.FilterProblem)
			if !ok || p.Code == "" || p.Message == "" {
				t.Fatalf("CheckFilter(%q) = %v: not a FilterProblem with code and message", filter, err)
			}
			return
		}
		if strings.ContainsAny(filter, `"'`) || strings.Contains(filter, "//") {
			return // quotes or a comment could swallow the text appended below
		}
		combined := "(" + filter + ") || notes ~ \"" + strings.Repeat("x", limits.MaxLikeChars+1) + "\""
		if _, perr := fexpr.Parse(combined); perr == nil && limits.CheckFilter(combined) == nil {
			t.Fatalf("a long search beside %q was accepted", filter)
		}
	})
}

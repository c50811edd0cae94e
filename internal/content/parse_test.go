package content_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/mend-app/mend/internal/content"
)

const goodArticle = `title: A test piece
slug: a-test-piece
summary: One line.
category: relief
topics: sleep, stress
weeks_from: 2
weeks_to: 0
---
Some **bold** text.

## A heading
`

const goodExercise = `name: Test move
slug: test-move
targets: core, hips
earliest_week: 1
earliest_week_cesarean: 6
reps: 8 slow reps
cautions: Stop if it hurts.
---
1. First.
2. Second.
`

func TestParseArticleValid(t *testing.T) {
	t.Parallel()
	a, err := content.ParseArticle("articles/a-test-piece.md", []byte(goodArticle))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "A test piece" || a.Slug != "a-test-piece" || a.Summary != "One line." ||
		a.Category != "relief" || strings.Join(a.Topics, ",") != "sleep,stress" ||
		a.WeeksFrom != 2 || a.WeeksTo != 0 || a.File != "articles/a-test-piece.md" {
		t.Fatalf("unexpected article: %+v", a)
	}
	if want := "<p>Some <strong>bold</strong> text.</p>\n<h2>A heading</h2>"; a.Body != want {
		t.Fatalf("body = %q, want %q", a.Body, want)
	}
}

func TestParseExerciseValid(t *testing.T) {
	t.Parallel()
	x, err := content.ParseExercise("exercises/test-move.md", []byte(goodExercise))
	if err != nil {
		t.Fatal(err)
	}
	if x.Name != "Test move" || x.Slug != "test-move" || strings.Join(x.Targets, ",") != "core,hips" ||
		x.EarliestWeek != 1 || x.EarliestWeekCesarean != 6 || x.Reps != "8 slow reps" || x.Cautions != "Stop if it hurts." {
		t.Fatalf("unexpected exercise: %+v", x)
	}
	if !strings.Contains(x.Steps, "<ol>") || !strings.Contains(x.Steps, "<li>Second.</li>") {
		t.Fatalf("steps = %q", x.Steps)
	}
}

// Editors on Windows add CRLF and a byte-order mark; neither is a mistake.
func TestParseToleratesCRLFAndBOM(t *testing.T) {
	t.Parallel()
	data := "\uFEFF" + strings.ReplaceAll(goodArticle, "\n", "\r\n")
	if _, err := content.ParseArticle("x.md", []byte(data)); err != nil {
		t.Fatal(err)
	}
}

func TestParseArticleInvalid(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		name    string
		replace [2]string // applied to goodArticle
		key     string    // the *Error key expected
		msg     string    // a fragment of the message
	}{
		{"unknown key", [2]string{"summary:", "author: me\nsummary:"}, "author", "not a known key"},
		{"missing key", [2]string{"summary: One line.\n", ""}, "summary", "is missing"},
		{"duplicate key", [2]string{"slug: a-test-piece\n", "slug: a-test-piece\nslug: b\n"}, "slug", "appears twice"},
		{"empty value", [2]string{"summary: One line.", "summary:"}, "summary", "is empty"},
		{"not key value", [2]string{"summary: One line.\n", "summary: One line.\njust words\n"}, "", "not a \"key: value\" line"},
		{"blank line in header", [2]string{"summary: One line.\n", "summary: One line.\n\n"}, "", "not a \"key: value\" line"},
		{"no header end", [2]string{"---\n", ""}, "", `no line "---"`},
		{"bad int", [2]string{"weeks_from: 2", "weeks_from: two"}, "weeks_from", "whole number"},
		{"negative int", [2]string{"weeks_from: 2", "weeks_from: -1"}, "weeks_from", "whole number"},
		{"signed int", [2]string{"weeks_from: 2", "weeks_from: +2"}, "weeks_from", "whole number"},
		{"week too large", [2]string{"weeks_to: 0", "weeks_to: 105"}, "weeks_to", "0 to 104"},
		{"weeks_to before weeks_from", [2]string{"weeks_to: 0", "weeks_to: 1"}, "weeks_to", "before weeks_from"},
		{"bad category", [2]string{"category: relief", "category: Relief"}, "category", "not one of causes"},
		{"bad topic", [2]string{"topics: sleep, stress", "topics: sleep, naps"}, "topics", `"naps" is not one of`},
		{"empty topic", [2]string{"topics: sleep, stress", "topics: sleep,,stress"}, "topics", `"" is not one of`},
		{"repeated topic", [2]string{"topics: sleep, stress", "topics: sleep, sleep"}, "topics", "listed twice"},
		{"slug with capitals", [2]string{"slug: a-test-piece", "slug: A-Test"}, "slug", "lowercase"},
		{"slug with double hyphen", [2]string{"slug: a-test-piece", "slug: a--b"}, "slug", "single hyphens"},
		{"slug with slash", [2]string{"slug: a-test-piece", "slug: a/b"}, "slug", "lowercase"},
		{"html in title", [2]string{"title: A test piece", "title: <b>A</b>"}, "title", "plain text"},
		{"title too long", [2]string{"title: A test piece", "title: " + strings.Repeat("a", 101)}, "title", "keep it to 100"},
		{"empty body", [2]string{"Some **bold** text.\n\n## A heading\n", "  \n"}, "", "empty body"},
		{"raw html only body", [2]string{"Some **bold** text.\n\n## A heading\n", "<div>x</div>\n"}, "", "renders to nothing"},
		{"invalid utf-8", [2]string{"One line.", "One \xff line."}, "", "not valid UTF-8"},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			data := strings.Replace(goodArticle, s.replace[0], s.replace[1], 1)
			if data == goodArticle {
				t.Fatalf("replacement %q did not apply", s.replace[0])
			}
			_, err := content.ParseArticle("articles/a-test-piece.md", []byte(data))
			assertContentError(t, err, s.key, s.msg)
		})
	}
}

func TestParseExerciseInvalid(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		name    string
		replace [2]string
		key     string
		msg     string
	}{
		{"article key", [2]string{"reps:", "summary: x\nreps:"}, "summary", "not a known key"},
		{"missing cautions", [2]string{"cautions: Stop if it hurts.\n", ""}, "cautions", "is missing"},
		{"bad target", [2]string{"targets: core, hips", "targets: core, abs"}, "targets", `"abs" is not one of`},
		{"cesarean earlier", [2]string{"earliest_week_cesarean: 6", "earliest_week_cesarean: 0"}, "earliest_week_cesarean", "before earliest_week"},
		{"decimal week", [2]string{"earliest_week: 1", "earliest_week: 1.5"}, "earliest_week", "whole number"},
		{"empty steps", [2]string{"1. First.\n2. Second.\n", ""}, "", "empty body"},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			data := strings.Replace(goodExercise, s.replace[0], s.replace[1], 1)
			if data == goodExercise {
				t.Fatalf("replacement %q did not apply", s.replace[0])
			}
			_, err := content.ParseExercise("exercises/test-move.md", []byte(data))
			assertContentError(t, err, s.key, s.msg)
		})
	}
}

// Every problem in a file is reported in one pass, each naming its key.
func TestParseReportsEveryProblem(t *testing.T) {
	t.Parallel()
	data := strings.NewReplacer("category: relief", "category: nope", "weeks_from: 2", "weeks_from: x").Replace(goodArticle)
	_, err := content.ParseArticle("articles/a.md", []byte(data))
	if err == nil {
		t.Fatal("want an error")
	}
	for _, want := range []string{"articles/a.md:4: category:", "articles/a.md:6: weeks_from:"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func assertContentError(t *testing.T, err error, key, msg string) {
	t.Helper()
	if err == nil {
		t.Fatal("want an error, got nil")
	}
	var ce *content.Error
	if !errors.As(err, &ce) {
		t.Fatalf("error %v is not a *content.Error", err)
	}
	if ce.Key != key {
		t.Errorf("key = %q, want %q (error: %v)", ce.Key, key, err)
	}
	if !strings.Contains(err.Error(), msg) {
		t.Errorf("error %q lacks %q", err, msg)
	}
	if !strings.HasPrefix(err.Error(), "content: ") || !strings.Contains(err.Error(), ce.File) || ce.File == "" {
		t.Errorf("error %q does not name the file", err)
	}
}

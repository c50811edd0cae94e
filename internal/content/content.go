// Package content turns Mend's shipped articles and exercises, kept as
// Markdown files with a small header, into validated pieces with sanitized
// HTML, and sanitizes the rich text an admin saves later. It never imports
// PocketBase: the seed migration and the save hook are thin adapters over it,
// so every rule here is tested with plain bytes.
//
// A content file starts with header lines "key: value" up to a line "---";
// the Markdown body follows. See migrations/content/README.md for the keys.
package content

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// Article is one reading piece, ready to store in the articles collection.
type Article struct {
	File      string   // path inside the loaded fs.FS, for error messages
	Title     string   // plain text
	Slug      string   // unique, URL-safe, equal to the file name without ".md"
	Summary   string   // plain text, one line for list cards
	Category  string   // one of journal.Categories
	Topics    []string // each one of journal.Topics, at least one
	WeeksFrom int      // first postpartum week the piece suits, 0 = from birth
	WeeksTo   int      // last postpartum week it suits; 0 = no upper bound
	Body      string   // sanitized HTML rendered from the Markdown body
}

// Exercise is one exercise, ready to store in the exercises collection.
type Exercise struct {
	File                 string   // path inside the loaded fs.FS, for error messages
	Name                 string   // plain text
	Slug                 string   // unique, URL-safe, equal to the file name without ".md"
	Targets              []string // each one of journal.Targets, at least one
	EarliestWeek         int      // earliest postpartum week as a general guide
	EarliestWeekCesarean int      // the same after a cesarean; never earlier than EarliestWeek
	Reps                 string   // plain text, e.g. "8 to 10 slow tilts, twice a day"
	Cautions             string   // plain text
	Steps                string   // sanitized HTML rendered from the Markdown body
}

// Load reads every articles/*.md and exercises/*.md file of fsys and returns
// the pieces sorted by slug. It fails on the first directory problem and
// otherwise reports every invalid file at once (errors.Join of *Error), so a
// reviewer fixes a batch in one pass. Anything other than a .md file in those
// directories is an error: a "guide.markdown" silently left out of the seed is
// worse than a failed build.
func Load(fsys fs.FS) ([]Article, []Exercise, error) {
	var errs []error
	var articles []Article
	err := eachFile(fsys, "articles", func(name string, data []byte) {
		a, err := ParseArticle(name, data)
		if err == nil {
			err = checkSlugMatchesFile(name, a.Slug)
		}
		if err != nil {
			errs = append(errs, err)
			return
		}
		articles = append(articles, a)
	})
	if err != nil {
		return nil, nil, err
	}
	var exercises []Exercise
	err = eachFile(fsys, "exercises", func(name string, data []byte) {
		x, err := ParseExercise(name, data)
		if err == nil {
			err = checkSlugMatchesFile(name, x.Slug)
		}
		if err != nil {
			errs = append(errs, err)
			return
		}
		exercises = append(exercises, x)
	})
	if err != nil {
		return nil, nil, err
	}
	if len(errs) > 0 {
		return nil, nil, errors.Join(errs...)
	}
	sort.Slice(articles, func(i, j int) bool { return articles[i].Slug < articles[j].Slug })
	sort.Slice(exercises, func(i, j int) bool { return exercises[i].Slug < exercises[j].Slug })
	return articles, exercises, nil
}

// eachFile calls fn for every .md file directly inside dir, in name order.
func eachFile(fsys fs.FS, dir string, fn func(name string, data []byte)) error {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return fmt.Errorf("content: unable to read %s: %w", dir, err)
	}
	n := 0
	for _, e := range entries {
		name := path.Join(dir, e.Name())
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") {
			return fmt.Errorf("content: %s: only .md files belong in %s/", name, dir)
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("content: unable to read %s: %w", name, err)
		}
		fn(name, data)
		n++
	}
	if n == 0 {
		return fmt.Errorf("content: %s/ holds no .md files", dir)
	}
	return nil
}

// checkSlugMatchesFile keeps file names and slugs in step, so a reviewer can
// find the file behind a URL and two files can never claim one slug.
func checkSlugMatchesFile(name, slug string) error {
	if want := strings.TrimSuffix(path.Base(name), ".md"); slug != want {
		return &Error{File: name, Key: "slug", Msg: fmt.Sprintf("%q must equal the file name %q", slug, want)}
	}
	return nil
}

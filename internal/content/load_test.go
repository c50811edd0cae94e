package content_test

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/mend-app/mend/internal/content"
)

func withSlug(doc, from, to string) []byte {
	return []byte(strings.Replace(doc, "slug: "+from, "slug: "+to, 1))
}

func validFS() fstest.MapFS {
	return fstest.MapFS{
		"articles/b-piece.md":    {Data: withSlug(goodArticle, "a-test-piece", "b-piece")},
		"articles/a-piece.md":    {Data: withSlug(goodArticle, "a-test-piece", "a-piece")},
		"exercises/zz-move.md":   {Data: withSlug(goodExercise, "test-move", "zz-move")},
		"exercises/test-move.md": {Data: []byte(goodExercise)},
		"README.md":              {Data: []byte("ignored: outside the two folders")},
	}
}

func TestLoadSortsBySlug(t *testing.T) {
	t.Parallel()
	articles, exercises, err := content.Load(validFS())
	if err != nil {
		t.Fatal(err)
	}
	if len(articles) != 2 || articles[0].Slug != "a-piece" || articles[1].Slug != "b-piece" {
		t.Fatalf("articles out of order: %+v", articles)
	}
	if len(exercises) != 2 || exercises[0].Slug != "test-move" || exercises[1].Slug != "zz-move" {
		t.Fatalf("exercises out of order: %+v", exercises)
	}
	if articles[0].File != "articles/a-piece.md" {
		t.Fatalf("File = %q", articles[0].File)
	}
}

func TestLoadRejects(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		name   string
		change func(fstest.MapFS)
		want   []string
	}{
		{"slug differs from file name", func(m fstest.MapFS) {
			m["articles/b-piece.md"] = &fstest.MapFile{Data: withSlug(goodArticle, "a-test-piece", "c-piece")}
		}, []string{"articles/b-piece.md", "slug", `must equal the file name "b-piece"`}},
		{"non-markdown file", func(m fstest.MapFS) {
			m["exercises/notes.txt"] = &fstest.MapFile{Data: []byte("x")}
		}, []string{"exercises/notes.txt", "only .md files"}},
		{"sub-directory", func(m fstest.MapFS) {
			m["articles/drafts/x.md"] = &fstest.MapFile{Data: []byte(goodArticle)}
		}, []string{"articles/drafts", "only .md files"}},
		{"no exercises folder", func(m fstest.MapFS) {
			delete(m, "exercises/zz-move.md")
			delete(m, "exercises/test-move.md")
		}, []string{"unable to read exercises"}},
		{"every bad file reported", func(m fstest.MapFS) {
			m["articles/a-piece.md"] = &fstest.MapFile{Data: []byte(strings.Replace(goodArticle, "category: relief", "category: x", 1))}
			m["exercises/zz-move.md"] = &fstest.MapFile{Data: []byte(strings.Replace(goodExercise, "targets: core, hips", "targets: abs", 1))}
		}, []string{"articles/a-piece.md:4: category", "exercises/zz-move.md:3: targets"}},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			fsys := validFS()
			s.change(fsys)
			articles, exercises, err := content.Load(fsys)
			if err == nil {
				t.Fatal("want an error")
			}
			if articles != nil || exercises != nil {
				t.Error("a failed load must return no pieces, so nothing half-valid is seeded")
			}
			for _, w := range s.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestLoadEmptyFolder(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"articles/a-test-piece.md": {Data: []byte(goodArticle)},
		"exercises":                {Mode: fs.ModeDir | 0o755},
	}
	if _, _, err := content.Load(fsys); err == nil || !strings.Contains(err.Error(), "holds no .md files") {
		t.Fatalf("err = %v, want an empty-folder error", err)
	}
}

package hooks_test

import (
	"io/fs"
	"net/http"
	"os"
	"path"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/mend-app/mend/hooks"
	_ "github.com/mend-app/mend/migrations"
)

// notInShell are the web app's files that the service worker deliberately
// does not cache on install, each with its reason.
func notInShell(p string) bool {
	switch {
	case p == hooks.ServiceWorkerPath: // the worker itself: always fetched fresh
		return true
	case strings.HasSuffix(p, ".test.js"), p == "js/package.json": // node unit tests
		return true
	case p == "vendor/MANIFEST", p == "vendor/fetch.sh", path.Base(p) == "LICENSE", path.Base(p) == "NOTICE": // vendoring records
		return true
	case strings.HasPrefix(p, "vendor/echarts@"): // 1 MB: cached on first use of Insights; echarts.min.js is for reports
		return true
	}
	return false
}

// The shell list in sw.js cannot drift from pb_public: every listed file
// exists, and every file is either listed or knowingly left out above.
func TestServiceWorkerShellMatchesWebApp(t *testing.T) {
	t.Parallel()
	public := os.DirFS("../pb_public")
	sw, err := fs.ReadFile(public, hooks.ServiceWorkerPath)
	if err != nil {
		t.Fatal(err)
	}
	shell, err := hooks.ServiceWorkerShell(sw)
	if err != nil {
		t.Fatal(err)
	}
	if len(shell) < 10 || !slices.Contains(shell, "index.html") || !slices.Contains(shell, "vendor/pocketbase@0.28.1/pocketbase.es.mjs") {
		t.Fatalf("shell list looks wrong: %v", shell)
	}
	seen := map[string]bool{}
	for _, p := range shell {
		if seen[p] {
			t.Errorf("%s is listed twice", p)
		}
		seen[p] = true
		if fi, err := fs.Stat(public, p); err != nil || fi.IsDir() {
			t.Errorf("sw.js lists %s, which is not a file in pb_public", p)
		}
		if notInShell(p) {
			t.Errorf("sw.js lists %s, which is meant to stay out of the shell", p)
		}
	}
	err = fs.WalkDir(public, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !seen[p] && !notInShell(p) {
			t.Errorf("pb_public/%s is not in sw.js's shell list: add it there (or to notInShell with a reason)", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestServiceWorkerShellMarkers(t *testing.T) {
	t.Parallel()
	for _, bad := range []string{"", "/* shell:start */ [", "/* shell:start */ {} /* shell:end */", "[] /* shell:end */"} {
		if _, err := hooks.ServiceWorkerShell([]byte(bad)); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}

// sw.js is served with its version filled in, no-cache and the strict CSP;
// any change to any file of the web app gives a new version.
func TestServiceWorkerRoute(t *testing.T) {
	t.Parallel()
	web := fstest.MapFS{
		"index.html": {Data: []byte("<!doctype html><title>Mend</title>")},
		"sw.js":      {Data: []byte("const VERSION = '__MEND_VERSION__'; /* shell:start */ [\"index.html\"] /* shell:end */")},
	}
	v1, err := hooks.WebAppVersion(web)
	if err != nil {
		t.Fatal(err)
	}
	changed := fstest.MapFS{"index.html": {Data: []byte("<!doctype html><title>Mend 2</title>")}, "sw.js": web["sw.js"]}
	if v2, _ := hooks.WebAppVersion(changed); v2 == v1 || len(v1) != 16 {
		t.Errorf("versions %q and %q", v1, v2)
	}
	s := tests.ApiScenario{
		Name: "sw.js", Method: http.MethodGet, URL: "/sw.js", ExpectedStatus: 200,
		ExpectedContent:    []string{"const VERSION = '" + v1 + "'"},
		NotExpectedContent: []string{"__MEND_VERSION__"},
		TestAppFactory: func(t testing.TB) *tests.TestApp {
			app, err := tests.NewTestApp(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			if err := hooks.Register(app, hooks.Config{Public: web}); err != nil {
				t.Fatal(err)
			}
			return app
		},
		AfterTestFunc: func(t testing.TB, _ *tests.TestApp, res *http.Response) {
			want := map[string]string{"Cache-Control": "no-cache", "Content-Type": "text/javascript; charset=utf-8", "Content-Security-Policy": hooks.WebAppCSP}
			for k, v := range want {
				if got := res.Header.Get(k); got != v {
					t.Errorf("%s = %q, want %q", k, got, v)
				}
			}
		},
	}
	s.Test(t)
}

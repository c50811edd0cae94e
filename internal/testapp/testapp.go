// Package testapp builds a fresh Mend app for API tests: a temporary data
// dir, every migration applied and hooks.Register called, exactly as main.go
// wires production.
package testapp

import (
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	webpush "github.com/SherClockHolmes/webpush-go"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/mend-app/mend/hooks"
	"github.com/mend-app/mend/internal/pdf"
	_ "github.com/mend-app/mend/migrations" // registers Mend's migrations
)

// Options tune a test app; the zero value is a normal app.
type Options struct {
	// Now fixes the clock the hooks see.
	Now func() time.Time
	// RateLimits keeps the shipped rate limits on (they are off by default in
	// tests so scenario tables are not throttled by each other).
	RateLimits bool
	// Seed names a template seeded once per test binary and cloned for
	// every app: "" (migrations only) or "world" (SeedUsers + SeedRecords).
	Seed string
	// Printer replaces the default PDF printer (e.g. one with a bogus
	// ExecPath, to test the answer when Chromium is missing).
	Printer *pdf.Printer
	// PushClient replaces the Web Push HTTP client (e.g. one trusting a
	// stub push service's test certificate).
	PushClient webpush.HTTPClient
	// Gates replaces the fairness gates (e.g. with slots already held, to
	// test the answer to a busy user).
	Gates *hooks.Gates
}

// New returns a fresh, migrated app that is cleaned up when t ends.
func New(t testing.TB) *tests.TestApp {
	return NewWith(t, Options{})
}

// NewWorld returns a fresh app holding Alice, Bob and their seeded records.
// Seeding happens once per test binary (password hashing is slow on
// purpose); each call clones the result.
func NewWorld(t testing.TB) *tests.TestApp {
	return NewWith(t, Options{Seed: "world"})
}

// NewWith is New with options.
func NewWith(t testing.TB, opts Options) *tests.TestApp {
	t.Helper()
	app, err := tests.NewTestApp(template(t, opts.Seed))
	if err != nil {
		t.Fatalf("testapp: unable to create app: %v", err)
	}
	if err := hooks.Register(app, config(opts)); err != nil {
		t.Fatalf("testapp: unable to register hooks: %v", err)
	}
	if !opts.RateLimits {
		app.Settings().RateLimits.Enabled = false
	}
	t.Cleanup(app.Cleanup)
	return app
}

func config(opts Options) hooks.Config {
	public := fstest.MapFS{"index.html": {Data: []byte("<!doctype html><title>Mend</title>")}}
	if js := echartsJS(); js != nil {
		public[echartsPath] = &fstest.MapFile{Data: js}
	}
	return hooks.Config{Now: opts.Now, Public: public, Printer: opts.Printer, PushClient: opts.PushClient, Gates: opts.Gates}
}

// echartsPath is where hooks look for ECharts in Config.Public.
const echartsPath = "vendor/echarts@5.6.0/echarts.min.js"

// echartsJS is the repository's vendored ECharts, read once, so report
// tests draw real charts; nil when the file is missing (HTML and PDF
// reports then answer 503, which those tests will show).
var echartsJS = sync.OnceValue(func() []byte {
	_, self, _, ok := runtime.Caller(0)
	if !ok {
		return nil
	}
	b, err := os.ReadFile(filepath.Join(filepath.Dir(self), "..", "..", "pb_public", filepath.FromSlash(echartsPath)))
	if err != nil {
		return nil
	}
	return b
})

// Factory adapts New to tests.ApiScenario's TestAppFactory; seed, when not
// nil, runs on each new app.
func Factory(seed func(t testing.TB, app *tests.TestApp)) func(t testing.TB) *tests.TestApp {
	return func(t testing.TB) *tests.TestApp {
		app := New(t)
		if seed != nil {
			seed(t, app)
		}
		return app
	}
}

// WorldFactory is a TestAppFactory for apps made with NewWorld.
func WorldFactory(t testing.TB) *tests.TestApp { return NewWorld(t) }

var (
	templatesMu sync.Mutex
	templates   = map[string]string{}
)

// template returns a data dir with every migration applied (and the named
// seed), built once per test binary; tests.NewTestApp clones it, which is
// much faster than migrating and seeding for every scenario. It is never an
// empty string: with no directory PocketBase would load its own fixture
// database, which is not Mend's schema. The dirs live in the OS temp dir
// for the life of the test binary.
func template(t testing.TB, seed string) string {
	t.Helper()
	templatesMu.Lock()
	defer templatesMu.Unlock()
	if dir, ok := templates[seed]; ok {
		return dir
	}
	dir, err := os.MkdirTemp("", "mend-testapp-template-")
	if err != nil {
		t.Fatalf("testapp: unable to create template dir: %v", err)
	}
	app := core.NewBaseApp(core.BaseAppConfig{DataDir: dir, EncryptionEnv: "pb_test_env"})
	if err := app.Bootstrap(); err != nil {
		t.Fatalf("testapp: unable to bootstrap template: %v", err)
	}
	defer app.ResetBootstrapState()
	if err := app.RunAllMigrations(); err != nil {
		t.Fatalf("testapp: unable to migrate template: %v", err)
	}
	if seed == "world" {
		if err := hooks.Register(app, config(Options{})); err != nil {
			t.Fatal(err)
		}
		// Serve once, as production would, so the terminate below records a
		// clean stop and clones do not start with a full flare-up repair
		// (which would replace the flare-up fixture).
		r, err := apis.NewRouter(app)
		if err != nil {
			t.Fatal(err)
		}
		if err := app.OnServe().Trigger(&core.ServeEvent{App: app, Router: r}, func(e *core.ServeEvent) error { return nil }); err != nil {
			t.Fatal(err)
		}
		SeedUsers(t, app)
		SeedRecords(t, app)
		// Finish the flare-up work the seed started and mark a clean stop,
		// as a real shutdown would, before the template is closed.
		if err := app.OnTerminate().Trigger(&core.TerminateEvent{App: app}); err != nil {
			t.Fatal(err)
		}
	}
	templates[seed] = dir
	return dir
}

// User creates a user with a known password and returns it with a token.
func User(t testing.TB, app core.App, email string, fields map[string]any) (*core.Record, string) {
	t.Helper()
	return saveUser(t, app, "", email, fields)
}

// saveUser creates a verified user with Password; a non-empty id also fixes
// the record id and token key, so its tokens are valid in every cloned app.
func saveUser(t testing.TB, app core.App, id, email string, fields map[string]any) (*core.Record, string) {
	t.Helper()
	users, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		t.Fatal(err)
	}
	u := core.NewRecord(users)
	if id != "" {
		u.Id = id
		u.SetTokenKey(id + "-fixed-token-key-for-tests-only")
	}
	u.SetEmail(email)
	u.SetPassword(Password)
	u.SetVerified(true)
	u.Load(fields)
	if err := app.Save(u); err != nil {
		t.Fatalf("testapp: unable to save user %s: %v", email, err)
	}
	token, err := u.NewAuthToken()
	if err != nil {
		t.Fatal(err)
	}
	return u, token
}

// Record saves a record of collection with fields and fails t on error.
func Record(t testing.TB, app core.App, collection string, fields map[string]any) *core.Record {
	t.Helper()
	c, err := app.FindCollectionByNameOrId(collection)
	if err != nil {
		t.Fatal(err)
	}
	r := core.NewRecord(c)
	r.Load(fields)
	if err := app.Save(r); err != nil {
		t.Fatalf("testapp: unable to save %s: %v", collection, err)
	}
	return r
}

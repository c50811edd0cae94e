// Package testapp builds a fresh Mend app for API tests: a temporary data
// dir, every migration applied and hooks.Register called, exactly as main.go
// wires production.
package testapp

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/mend-app/mend/hooks"
	_ "github.com/mend-app/mend/migrations" // registers Mend's migrations
)

// Options tune a test app; the zero value is a normal app.
type Options struct {
	// Now fixes the clock the hooks see.
	Now func() time.Time
	// RateLimits keeps the shipped rate limits on (they are off by default in
	// tests so scenario tables are not throttled by each other).
	RateLimits bool
}

// New returns a fresh app that is cleaned up when t ends.
func New(t testing.TB) *tests.TestApp {
	return NewWith(t, Options{})
}

// NewWith is New with options.
func NewWith(t testing.TB, opts Options) *tests.TestApp {
	t.Helper()
	// An empty directory, never none: with no directory PocketBase loads its
	// own fixture database, which is not Mend's schema.
	app, err := tests.NewTestApp(t.TempDir())
	if err != nil {
		t.Fatalf("testapp: unable to create app: %v", err)
	}
	cfg := hooks.Config{Now: opts.Now, Public: fstest.MapFS{
		"index.html": {Data: []byte("<!doctype html><title>Mend</title>")},
	}}
	if err := hooks.Register(app, cfg); err != nil {
		t.Fatalf("testapp: unable to register hooks: %v", err)
	}
	if !opts.RateLimits {
		app.Settings().RateLimits.Enabled = false
	}
	t.Cleanup(app.Cleanup)
	return app
}

// Factory adapts New to tests.ApiScenario's TestAppFactory.
func Factory(seed func(t testing.TB, app *tests.TestApp)) func(t testing.TB) *tests.TestApp {
	return func(t testing.TB) *tests.TestApp {
		app := New(t)
		if seed != nil {
			seed(t, app)
		}
		return app
	}
}

// User creates a user with a known password and returns it with a token.
func User(t testing.TB, app core.App, email string, fields map[string]any) (*core.Record, string) {
	t.Helper()
	users, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		t.Fatal(err)
	}
	u := core.NewRecord(users)
	u.SetEmail(email)
	u.SetPassword("correct horse battery")
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

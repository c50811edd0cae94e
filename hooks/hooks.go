// Package hooks wires Mend's rules, routes and background work onto a
// PocketBase app. Handlers are thin adapters: they read records through
// internal/store, call the pure packages and write the answer.
package hooks

import (
	"errors"
	"io/fs"
	"time"

	webpush "github.com/SherClockHolmes/webpush-go"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"github.com/mend-app/mend/internal/pdf"
	"github.com/mend-app/mend/internal/store"
)

// Config holds what the hooks need from the outside world, so tests can
// pass a fixed clock and a public folder of their own.
type Config struct {
	// Public is the web app (pb_public), served at / with security headers.
	Public fs.FS
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Printer prints PDF reports; nil means pdf.New(pdf.Options{}), which
	// finds Chromium on first use. Register closes it when the app stops.
	Printer *pdf.Printer
	// LongPrinter prints reports of more than longPrintDays; nil means a
	// background printer (pdf.Options.Background) when Printer is nil too,
	// else Printer itself (tests pass one warm browser for everything).
	LongPrinter *pdf.Printer
	// PushClient sends Web Push requests; nil means a client that refuses
	// private and loopback addresses. Tests pass one that trusts their stub.
	PushClient webpush.HTTPClient
	// Gates bound the expensive routes per user and the printer overall;
	// nil means DefaultGates() (see limits.go).
	Gates *Gates
}

const flareWorkerKey = "mend.flareWorker"

// FlushFlareups finishes every pending flare-up recompute of app now. Tests
// and tools use it instead of waiting for the background worker.
func FlushFlareups(app core.App) {
	if fw, ok := app.Store().Get(flareWorkerKey).(*flareWorker); ok {
		fw.flush()
	}
}

const handlersKey = "mend.handlers"

var errNotRegistered = errors.New("hooks: Register was not called on this app")

type handlers struct {
	cfg  Config
	push *pusher
	docs *docCache
}

func (h *handlers) now() time.Time {
	if h.cfg.Now != nil {
		return h.cfg.Now()
	}
	return time.Now()
}

// Register binds every Mend hook and route on app. main.go and every test
// app call it, so tests exercise the production wiring.
func Register(app core.App, cfg Config) error {
	if cfg.Printer == nil {
		cfg.Printer = pdf.New(pdf.Options{})
		if cfg.LongPrinter == nil {
			cfg.LongPrinter = pdf.New(pdf.Options{Background: true})
		}
	}
	if cfg.LongPrinter == nil {
		cfg.LongPrinter = cfg.Printer
	}
	if cfg.PushClient == nil {
		cfg.PushClient = publicOnlyClient()
	}
	if cfg.Gates == nil {
		cfg.Gates = DefaultGates()
	}
	h := &handlers{cfg: cfg, push: &pusher{client: cfg.PushClient}, docs: newDocCache(time.Now)}
	app.Store().Set(handlersKey, h)
	scores := []string{store.PainScores, store.MoodScores, store.StressScores}
	h.bindDocCache(app, store.JournalCollections, store.Users)

	// Data rules that hold for every save, through the API or from Go.
	app.OnRecordValidate(store.Users).BindFunc(h.validateUser)
	app.OnRecordValidate(store.Entries).BindFunc(h.validateEntry)
	app.OnRecordValidate(scores...).BindFunc(h.validateScore)
	app.OnRecordCreate(store.Users).BindFunc(h.defaultUser)
	app.OnRecordCreate(store.Entries).BindFunc(h.defaultEntryDay)
	app.OnRecordCreate(scores...).BindFunc(h.defaultScoreTime)
	app.OnRecordCreate(store.Articles, store.Exercises).BindFunc(sanitizeRichText)
	app.OnRecordUpdate(store.Articles, store.Exercises).BindFunc(sanitizeRichText)
	app.OnRecordCreate(store.Articles, store.Exercises).BindFunc(h.publishNow)
	app.OnRecordUpdate(store.Articles, store.Exercises).BindFunc(h.publishNow)

	// Flare-ups follow every committed journal change (see flareWorker).
	fw := newFlareWorker(app)
	app.Store().Set(flareWorkerKey, fw)
	app.OnRecordAfterCreateSuccess(store.JournalCollections...).BindFunc(fw.onJournalChange)
	app.OnRecordAfterUpdateSuccess(store.JournalCollections...).BindFunc(fw.onJournalChange)
	app.OnRecordAfterDeleteSuccess(store.JournalCollections...).BindFunc(fw.onJournalChange)
	app.OnServe().BindFunc(fw.onServe)
	app.OnTerminate().BindFunc(fw.onTerminate)
	app.OnTerminate().BindFunc(h.closePrinter)

	// HTTP-only concerns.
	app.OnFileDownloadRequest(store.Reports).BindFunc(noStoreReportFile)
	app.OnRecordCreateRequest(scores...).BindFunc(requireScore)
	app.OnRecordUpdateRequest(scores...).BindFunc(requireScore)
	app.OnRecordCreateRequest(store.Users).BindFunc(plainDuplicateEmail)
	app.OnRecordUpdateRequest(store.Users).BindFunc(plainDuplicateEmail)
	app.OnRecordCreateRequest(store.Users).BindFunc(refuseAccountFiles)
	app.OnRealtimeSubscribeRequest().BindFunc(boundRealtimeFilters)
	app.OnRecordUpdateRequest(store.Users).BindFunc(refuseAccountFiles)

	// Mend's routes; every one but the share link needs a signed-in user.
	app.OnServe().BindFunc(h.bindRoutes)
	app.OnServe().BindFunc(h.bindListFilterBounds) // search patterns that could hold the database

	// Reminders (issue 11): the schedule follows every profile save, the
	// job runs every minute, devices are checked before they are stored.
	app.OnRecordCreate(store.Users).BindFunc(h.scheduleReminder)
	app.OnRecordUpdate(store.Users).BindFunc(h.scheduleReminder)
	app.OnRecordValidate(store.PushSubscriptions).BindFunc(validatePushSubscription)
	app.OnServe().BindFunc(h.onServeKeys)
	app.OnServe().BindFunc(bindServiceWorker(cfg.Public))
	h.bindReminders(app)

	// Web app and headers.
	app.OnServe().BindFunc(bindSecurityHeaders)
	app.OnServe().Bind(staticHandler(cfg.Public))
	return nil
}

func (h *handlers) bindRoutes(se *core.ServeEvent) error {
	g := se.Router.Group("/api/mend")
	g.Bind(apis.RequireAuth(store.Users))
	g.BindFunc(h.fairShare) // bounded per-user share of heavy routes and the printer
	g.GET("/insights", h.getInsights)
	g.GET("/charts/{name}", h.getChart)
	g.GET("/report", h.getReport)
	g.POST("/reports", h.createReport)
	g.DELETE("/reports/{id}/share", h.revokeShare)
	g.DELETE("/reports/shares", h.revokeAllShares)
	g.GET("/export", h.getExport)
	g.GET("/push/key", h.getPushKey)
	// The share link is the one route without sign-in: the token is the key.
	se.Router.GET("/r/{token}", h.getShared)
	se.Router.Bind(shareRedactor())
	return se.Next()
}

package hooks

import (
	"sync"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
)

// docCache keeps each user's last computed period (her journal rows and
// insights document) for a short while, so the requests that read the same
// period one after another compute it once: the Insights screen asks for
// the document and six charts of one period at once, and an account that
// asks for the same five-year insights in a loop (make bench-scale's greedy
// user) then costs a copy, not a computation, each time. That is what kept
// another user's insights within twice their idle time.
//
// An entry is served only for the same period, day, journal version and
// profile: every committed write to the user's journal or account bumps her
// version (bindDocCache) before the write's answer is sent, so a parent who
// saves and then opens Insights always sees what she saved. One entry per
// user, at most docCacheUsers users, each for at most docCacheTTL: the
// memory held stays bounded (a five-year journal with long notes is about
// 10 MB).
type docCache struct {
	mu       sync.Mutex
	versions map[string]uint64
	entries  map[string]docEntry
	now      func() time.Time
}

const (
	docCacheTTL   = time.Minute
	docCacheUsers = 16
)

// docKey is what a cached document depends on besides the user.
type docKey struct {
	from, to, today journal.Day
	version         uint64
	profile         string // the account record's updated timestamp
}

type docEntry struct {
	key     docKey
	stored  time.Time
	journal journal.Journal
	doc     insights.Document
}

func newDocCache(now func() time.Time) *docCache {
	return &docCache{versions: map[string]uint64{}, entries: map[string]docEntry{}, now: now}
}

// version is the user's journal version, read before her rows are loaded:
// a write that commits later bumps it, so a document computed from older
// rows is never served after that write's answer.
func (c *docCache) version(user string) uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.versions[user]
}

// bump records a committed change to the user's journal or account.
func (c *docCache) bump(user string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.versions[user]++
	delete(c.entries, user)
}

// get returns the user's entry for key, if it is fresh.
func (c *docCache) get(user string, key docKey) (docEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[user]
	if !ok || e.key != key || c.now().Sub(e.stored) > docCacheTTL {
		return docEntry{}, false
	}
	return e, true
}

// put stores the user's entry unless her version moved on meanwhile,
// dropping expired entries and then the oldest to stay within
// docCacheUsers.
func (c *docCache) put(user string, key docKey, j journal.Journal, doc insights.Document) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.versions[user] != key.version {
		return
	}
	now := c.now()
	c.entries[user] = docEntry{key: key, stored: now, journal: j, doc: doc}
	for len(c.entries) > docCacheUsers {
		oldest := ""
		for u, e := range c.entries {
			if oldest == "" || e.stored.Before(c.entries[oldest].stored) {
				oldest = u
			}
		}
		delete(c.entries, oldest)
	}
	for u, e := range c.entries {
		if now.Sub(e.stored) > docCacheTTL {
			delete(c.entries, u)
		}
	}
}

// bindDocCache bumps a user's version on every committed change to her
// journal rows (also the former owner's, should a row move) or her account.
func (h *handlers) bindDocCache(app core.App, journals []string, users string) {
	onJournal := func(e *core.RecordEvent) error {
		h.docs.bump(e.Record.GetString("user"))
		if orig := e.Record.Original(); orig != nil && orig.GetString("user") != e.Record.GetString("user") {
			h.docs.bump(orig.GetString("user"))
		}
		return e.Next()
	}
	onUser := func(e *core.RecordEvent) error {
		h.docs.bump(e.Record.Id)
		return e.Next()
	}
	app.OnRecordAfterCreateSuccess(journals...).BindFunc(onJournal)
	app.OnRecordAfterUpdateSuccess(journals...).BindFunc(onJournal)
	app.OnRecordAfterDeleteSuccess(journals...).BindFunc(onJournal)
	app.OnRecordAfterUpdateSuccess(users).BindFunc(onUser)
	app.OnRecordAfterDeleteSuccess(users).BindFunc(onUser)
}

// periodDoc is loadPeriod with the period's insights document, from the
// cache when the same user asked for the same period, on the same day and
// data, within docCacheTTL. The returned values are shared: read them only.
func (h *handlers) periodDoc(e *core.RequestEvent) (*period, insights.Document, error) {
	if e.Auth == nil {
		return h.loadPeriodAndDoc(e)
	}
	user := e.Auth.Id
	version := h.docs.version(user)
	q := e.Request.URL.Query()
	p, err := h.periodBounds(e, q.Get("from"), q.Get("to"))
	if err != nil {
		return nil, insights.Document{}, err
	}
	key := docKey{from: p.from, to: p.to, today: journal.Today(h.now(), p.profile.Location), version: version, profile: e.Auth.GetString("updated")}
	if c, ok := h.docs.get(user, key); ok {
		p.journal = c.journal
		return p, c.doc, nil
	}
	if p.journal, err = loadCoveringFlareups(e.App, p.userID, p.from, p.to); err != nil {
		return nil, insights.Document{}, err
	}
	doc := insights.Compute(p.journal, p.profile, p.from, p.to)
	h.docs.put(user, key, p.journal, doc)
	return p, doc, nil
}

// loadPeriodAndDoc is periodDoc without the cache.
func (h *handlers) loadPeriodAndDoc(e *core.RequestEvent) (*period, insights.Document, error) {
	p, err := h.loadPeriod(e)
	if err != nil {
		return nil, insights.Document{}, err
	}
	return p, insights.Compute(p.journal, p.profile, p.from, p.to), nil
}

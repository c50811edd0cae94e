package hooks

import (
	"testing"
	"time"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
)

// The cache serves an entry only for its exact key and within its time,
// drops a user's entry when her data changes, refuses an entry computed
// from an older version, and holds at most docCacheUsers users.
func TestDocCache(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)
	c := newDocCache(func() time.Time { return now })
	key := docKey{from: 100, to: 190, today: 190, version: c.version("ann"), profile: "p1"}
	doc := insights.Document{From: 100, To: 190}
	c.put("ann", key, journal.Journal{}, doc)
	if got, ok := c.get("ann", key); !ok || got.doc.To != 190 {
		t.Fatal("a fresh entry was not served")
	}
	for name, other := range map[string]docKey{
		"another period":  {from: 101, to: 190, today: 190, profile: "p1"},
		"another day":     {from: 100, to: 190, today: 191, profile: "p1"},
		"another profile": {from: 100, to: 190, today: 190, profile: "p2"},
		"another version": {from: 100, to: 190, today: 190, version: 1, profile: "p1"},
	} {
		if _, ok := c.get("ann", other); ok {
			t.Errorf("%s: served", name)
		}
	}
	if _, ok := c.get("bea", key); ok {
		t.Error("another user was served ann's entry")
	}
	now = now.Add(docCacheTTL + time.Second)
	if _, ok := c.get("ann", key); ok {
		t.Error("an expired entry was served")
	}

	c.put("ann", key, journal.Journal{}, doc)
	c.bump("ann")
	if _, ok := c.get("ann", key); ok {
		t.Error("served after a write")
	}
	c.put("ann", key, journal.Journal{}, doc) // computed before the write
	key.version = c.version("ann")
	if _, ok := c.get("ann", key); ok {
		t.Error("an entry computed from rows older than the last write was stored")
	}

	for i := range docCacheUsers + 5 {
		now = now.Add(time.Millisecond)
		u := string(rune('a' + i))
		c.put(u, docKey{version: c.version(u)}, journal.Journal{}, doc)
	}
	if n := len(c.entries); n != docCacheUsers {
		t.Errorf("%d entries held, want at most %d", n, docCacheUsers)
	}
	if _, ok := c.get(string(rune('a'+docCacheUsers+4)), docKey{}); !ok {
		t.Error("the newest entry was evicted")
	}
}

package store_test

import (
	"path/filepath"
	"strconv"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"github.com/mend-app/mend/internal/store"
)

// pragmaValues reads the connection settings that PocketBase's DSN sets.
func pragmaValues(t *testing.T, db *dbx.DB) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, p := range []string{"busy_timeout", "journal_mode", "journal_size_limit", "synchronous", "foreign_keys", "temp_store", "cache_size", "wal_autocheckpoint"} {
		var v string
		if err := db.NewQuery("PRAGMA " + p).Row(&v); err != nil {
			t.Fatalf("PRAGMA %s: %v", p, err)
		}
		out[p] = v
	}
	return out
}

// Mend's connection is PocketBase's own with one change, the checkpoint
// window: a PocketBase upgrade that changes its defaults fails here rather
// than being silently undone by Mend's copy of the DSN.
func TestDBConnectKeepsPocketBasePragmas(t *testing.T) {
	dir := t.TempDir()
	theirs, err := core.DefaultDBConnect(filepath.Join(dir, "theirs.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer theirs.Close()
	ours, err := store.DBConnect(filepath.Join(dir, "ours.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer ours.Close()
	want, got := pragmaValues(t, theirs), pragmaValues(t, ours)
	if want["wal_autocheckpoint"] != "1000" {
		t.Errorf("PocketBase's wal_autocheckpoint = %s; revisit store.WALAutocheckpoint", want["wal_autocheckpoint"])
	}
	want["wal_autocheckpoint"] = strconv.Itoa(store.WALAutocheckpoint)
	for k, v := range want {
		if got[k] != v {
			t.Errorf("PRAGMA %s = %s, want %s (PocketBase's, except the checkpoint window)", k, got[k], v)
		}
	}
	// Foreign keys and defensive mode matter to PocketBase's cascades and
	// to its schema safety; check the flag that PRAGMA cannot show works.
	if _, err := ours.NewQuery("PRAGMA writable_schema = ON").Execute(); err != nil {
		t.Fatal(err)
	}
	if _, err := ours.NewQuery("UPDATE sqlite_master SET sql = sql").Execute(); err == nil {
		t.Error("defensive mode is off: sqlite_master could be written")
	}
}

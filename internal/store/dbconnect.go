package store

import "github.com/pocketbase/dbx"

// WALAutocheckpoint is the WAL size, in 4 KiB pages, at which the writing
// connection copies the WAL back into the database (SQLite's default is
// 1,000 pages, about 4 MB).
//
// Why larger: a journal record's random id lands on a random leaf of its
// collection's id index, so on a server with thousands of journals each
// create dirties a page that no other recent create touched, and every
// default checkpoint copies about a thousand scattered pages back into a
// gigabyte file. A window ten times longer lets the interior pages and the
// per-user index pages that creates share be copied once instead of ten
// times. In `make bench-scale` (2,000 users, 4.4 million records, creates
// at concurrency 50) creates per second at scale went from 0.79–0.90 to
// 0.91–0.92 of the one-user figure; the WAL file then peaks near 40 MB,
// well inside PocketBase's 200 MB journal_size_limit, and insights reads
// were unchanged.
const WALAutocheckpoint = 10000

// dsnPragmas are PocketBase v0.40's own connection pragmas (core's
// DefaultDBConnect; TestDBConnectKeepsPocketBasePragmas compares the two)
// plus the checkpoint window above.
const dsnPragmas = "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=journal_size_limit(200000000)" +
	"&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(ON)&_pragma=temp_store(MEMORY)&_pragma=cache_size(-32000)" +
	"&_pragma=wal_autocheckpoint(10000)&_defensive=1"

// DBConnect opens Mend's SQLite databases (pocketbase.Config.DBConnect):
// PocketBase's default connection with a longer WAL checkpoint window. The
// "sqlite" driver is modernc's, registered by PocketBase's core package.
func DBConnect(dbPath string) (*dbx.DB, error) {
	return dbx.Open("sqlite", dbPath+dsnPragmas)
}

// Package scale writes a Mend data dir with many users and a year of
// journal each, for `make bench-scale` (issue 13). It writes through the
// app in one process: Mend's migrations build the schema, each row is a
// PocketBase record (so every column is encoded as the app encodes it) and
// rows go to SQLite with a prepared INSERT in large transactions, skipping
// HTTP, hooks and validation, so millions of rows take minutes. Flare-ups
// are computed with the same store and insights code the server uses, and
// the dir is marked as cleanly stopped.
//
// Unlike package benchdata it imports PocketBase; it is used only by
// cmd/mendbench.
package scale

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/mend-app/mend/internal/benchdata"
	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
	"github.com/mend-app/mend/internal/store"
	_ "github.com/mend-app/mend/migrations" // Mend's schema
)

// Version keys cached data dirs: bump it whenever the generated data changes.
const Version = 1

// Password is every generated user's password.
const Password = "bench-password-long-enough"

// Email is the address of generated user i (0-based).
func Email(i int) string { return fmt.Sprintf("scale%05d@bench.example", i) }

// GreedyEmail is the user with five years of journal and long notes (the
// review's "greedy account"), added when Options.Greedy is set.
const GreedyEmail = "greedy@bench.example"

// FiveYears is the greedy user's journal length in days.
const FiveYears = 5*365 + 1

// Options say what to generate.
type Options struct {
	Dir    string      // the data dir to write (created; must not hold a database)
	Users  int         // users with a year of journal each
	Days   int         // days of journal per user
	Last   journal.Day // the last journal day
	Greedy bool        // add GreedyEmail with FiveYears of long notes
}

// Result is what Generate wrote.
type Result struct {
	Users, Rows int
	Took        time.Duration
}

// Generate writes the data dir of o.
func Generate(o Options) (Result, error) {
	start := time.Now()
	if err := os.MkdirAll(o.Dir, 0o755); err != nil {
		return Result{}, err
	}
	app := pocketbase.NewWithConfig(pocketbase.Config{DefaultDataDir: o.Dir, DefaultDev: false})
	if err := app.Bootstrap(); err != nil {
		return Result{}, fmt.Errorf("scale: bootstrap: %w", err)
	}
	defer app.ResetBootstrapState()
	if err := app.RunAllMigrations(); err != nil {
		return Result{}, fmt.Errorf("scale: migrate: %w", err)
	}
	w, err := newWriter(app)
	if err != nil {
		return Result{}, err
	}
	res := Result{}
	users := make([]string, 0, o.Users+1)
	const perTx = 10 // users per transaction: about 20,000 rows
	for first := 0; first < o.Users; first += perTx {
		err := w.tx(func() error {
			for i := first; i < min(first+perTx, o.Users); i++ {
				id, n, err := w.user(Email(i), o.Last, o.Days, uint64(i)+1, false)
				if err != nil {
					return err
				}
				users = append(users, id)
				res.Rows += n
			}
			return nil
		})
		if err != nil {
			return res, err
		}
	}
	if o.Greedy {
		err := w.tx(func() error {
			id, n, err := w.user(GreedyEmail, o.Last, FiveYears, 999_999, true)
			users, res.Rows = append(users, id), res.Rows+n
			return err
		})
		if err != nil {
			return res, err
		}
	}
	res.Users = len(users)
	for _, id := range users {
		j, err := store.LoadJournal(app, id, journal.MustDay("1900-01-01"), journal.MustDay("2999-12-31"))
		if err != nil {
			return res, err
		}
		flares := insights.DetectFlareups(j, journal.MustDay("1900-01-01"), journal.MustDay("2999-12-31"))
		if err := store.ReplaceFlareups(app, id, journal.MustDay("1900-01-01"), journal.MustDay("2999-12-31"), flares); err != nil {
			return res, err
		}
	}
	// The server reads this file (hooks/flareups.go): flare-ups are current.
	if err := os.WriteFile(filepath.Join(o.Dir, "mend_flareups.state"), []byte("clean"), 0o600); err != nil {
		return res, err
	}
	res.Took = time.Since(start)
	return res, nil
}

// writer inserts records with one prepared statement per collection.
type writer struct {
	app      core.App
	db       *sql.DB
	sqlTx    *sql.Tx
	cols     map[string][]string
	stmts    map[string]*sql.Stmt
	pwHash   string
	now      types.DateTime
	longNote string
}

func newWriter(app core.App) (*writer, error) {
	db, ok := app.NonconcurrentDB().(*dbx.DB)
	if !ok {
		return nil, fmt.Errorf("scale: unexpected database type %T", app.NonconcurrentDB())
	}
	users, err := app.FindCollectionByNameOrId(store.Users)
	if err != nil {
		return nil, err
	}
	probe := core.NewRecord(users)
	probe.SetPassword(Password) // bcrypt once: every user shares the hash
	pw, ok := probe.GetRaw("password").(*core.PasswordFieldValue)
	if !ok || pw.Hash == "" {
		return nil, fmt.Errorf("scale: no password hash (%T)", probe.GetRaw("password"))
	}
	return &writer{app: app, db: db.DB(), cols: map[string][]string{}, pwHash: pw.Hash,
		now: types.NowDateTime(), longNote: longNote()}, nil
}

// tx runs fn inside one SQL transaction.
func (w *writer) tx(fn func() error) error {
	tx, err := w.db.Begin()
	if err != nil {
		return err
	}
	w.sqlTx, w.stmts = tx, map[string]*sql.Stmt{}
	if err := fn(); err != nil {
		_ = tx.Rollback() // the error that matters is fn's
		return err
	}
	return tx.Commit()
}

// user writes one user and her journal; it returns her id and the number
// of journal rows.
func (w *writer) user(email string, last journal.Day, days int, seed uint64, long bool) (string, int, error) {
	u, err := w.record(store.Users, map[string]any{
		"email": email, "verified": true, "name": "Scale " + email[:strings.IndexByte(email, '@')],
		"timezone": "UTC", "delivery_type": "unspecified",
		"delivery_date": last.AddDays(-days - 20).String(),
	})
	if err != nil {
		return "", 0, err
	}
	rows := benchdata.JournalN(last, days, seed, 3)
	for _, r := range rows {
		r.Fields["user"] = u
		switch {
		case long && r.Collection == store.Entries:
			r.Fields["notes"], r.Fields["sleep_notes"] = w.longNote, w.longNote
		case long:
			r.Fields["note"] = w.longNote
		}
		if _, err := w.record(r.Collection, r.Fields); err != nil {
			return "", 0, err
		}
	}
	return u, len(rows), nil
}

// record inserts one record of collection with fields and returns its id.
func (w *writer) record(collection string, fields map[string]any) (string, error) {
	col, err := w.app.FindCachedCollectionByNameOrId(collection)
	if err != nil {
		return "", err
	}
	rec := core.NewRecord(col)
	rec.Id = core.GenerateDefaultRandomId()
	rec.Load(fields)
	rec.SetRaw("created", w.now)
	rec.SetRaw("updated", w.now)
	if collection == store.Users {
		rec.SetRaw("password", &core.PasswordFieldValue{Hash: w.pwHash})
		rec.RefreshTokenKey()
	}
	row, err := rec.DBExport(w.app)
	if err != nil {
		return "", fmt.Errorf("scale: export %s: %w", collection, err)
	}
	stmt, cols, err := w.stmt(col.Name, row)
	if err != nil {
		return "", err
	}
	args := make([]any, len(cols))
	for i, c := range cols {
		args[i] = row[c]
	}
	if _, err := stmt.Exec(args...); err != nil {
		return "", fmt.Errorf("scale: insert %s: %w", collection, err)
	}
	return rec.Id, nil
}

func (w *writer) stmt(table string, row map[string]any) (*sql.Stmt, []string, error) {
	cols, ok := w.cols[table]
	if !ok {
		for c := range row {
			cols = append(cols, c)
		}
		w.cols[table] = cols
	}
	if s, ok := w.stmts[table]; ok {
		return s, cols, nil
	}
	quoted := make([]string, len(cols))
	for i, c := range cols {
		quoted[i] = `"` + c + `"`
	}
	q := `INSERT INTO "` + table + `" (` + strings.Join(quoted, ",") + `) VALUES (` +
		strings.TrimSuffix(strings.Repeat("?,", len(cols)), ",") + `)`
	s, err := w.sqlTx.Prepare(q)
	if err != nil {
		return nil, nil, fmt.Errorf("scale: prepare %s: %w", table, err)
	}
	w.stmts[table] = s
	return s, cols, nil
}

// longNote is a 2,000-character note of ordinary words, like the long notes
// of the review's five-year journal.
func longNote() string {
	words := strings.Fields("carried the car seat on one hip most of the afternoon and the lower back ached by " +
		"evening after two night feeds; heat helped a little, stretched in child's pose before bed")
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for b.Len() < 2000 {
		b.WriteString(words[rng.IntN(len(words))])
		b.WriteByte(' ')
	}
	return b.String()[:2000]
}

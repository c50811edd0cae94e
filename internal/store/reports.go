package store

import (
	"database/sql"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"github.com/mend-app/mend/internal/journal"
)

// ErrNotFound is returned (wrapped) when a report does not exist or does not
// belong to the asking user; callers answer both the same way.
var ErrNotFound = errors.New("store: not found")

// Report is a stored report: its metadata and the name of its file.
type Report struct {
	ID       string
	UserID   string
	From, To journal.Day
	Format   string
	Notes    bool
	// File is the stored file name (PocketBase adds a random suffix).
	File string
	// ShareHash is the SHA-256 of the share token (hex), "" when not shared.
	// The token itself is never stored.
	ShareHash    string
	ShareExpires time.Time
}

// SaveReport stores r with body as its file, named filename, and returns it
// with its new id and stored file name. r.ID is ignored.
func SaveReport(app core.App, r Report, filename string, body []byte) (Report, error) {
	col, err := app.FindCachedCollectionByNameOrId(Reports)
	if err != nil {
		return r, fmt.Errorf("store: unable to find reports: %w", err)
	}
	f, err := filesystem.NewFileFromBytes(body, filename)
	if err != nil {
		return r, fmt.Errorf("store: unable to wrap report file: %w", err)
	}
	rec := core.NewRecord(col)
	rec.Set("user", r.UserID)
	rec.Set("from_day", r.From.String())
	rec.Set("to_day", r.To.String())
	rec.Set("format", r.Format)
	rec.Set("notes", r.Notes)
	rec.Set("file", f)
	if r.ShareHash != "" {
		rec.Set("share_token", r.ShareHash)
		rec.Set("share_expires", r.ShareExpires)
	}
	if err := app.Save(rec); err != nil {
		return r, fmt.Errorf("store: unable to save report: %w", err)
	}
	return reportFromRecord(rec), nil
}

// FindSharedReport returns the report whose share token hashes to hash.
// Expiry is the caller's to check: it depends on the caller's clock.
func FindSharedReport(app core.App, hash string) (Report, error) {
	if hash == "" {
		return Report{}, ErrNotFound
	}
	rec, err := app.FindFirstRecordByData(Reports, "share_token", hash)
	if errors.Is(err, sql.ErrNoRows) {
		return Report{}, ErrNotFound
	}
	if err != nil {
		return Report{}, fmt.Errorf("store: unable to find shared report: %w", err)
	}
	return reportFromRecord(rec), nil
}

// ClearShare removes the share token and expiry of userID's report id in
// one save. Another user's report and an unknown id both give ErrNotFound.
func ClearShare(app core.App, userID, id string) error {
	rec, err := app.FindFirstRecordByFilter(Reports, "id = {:id} && user = {:user}", dbx.Params{"id": id, "user": userID})
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("store: unable to find report: %w", err)
	}
	rec.Set("share_token", "")
	rec.Set("share_expires", "")
	if err := app.Save(rec); err != nil {
		return fmt.Errorf("store: unable to revoke share: %w", err)
	}
	return nil
}

// ReadReportFile returns the bytes of r's stored file. Reports are at most a
// few MB (the field allows 64 MB), so reading them whole is fine.
func ReadReportFile(app core.App, r Report) ([]byte, error) {
	if r.File == "" {
		return nil, ErrNotFound
	}
	fsys, err := app.NewFilesystem()
	if err != nil {
		return nil, fmt.Errorf("store: unable to open storage: %w", err)
	}
	defer fsys.Close()
	col, err := app.FindCachedCollectionByNameOrId(Reports)
	if err != nil {
		return nil, fmt.Errorf("store: unable to find reports: %w", err)
	}
	br, err := fsys.GetReader(col.Id + "/" + r.ID + "/" + r.File)
	if err != nil {
		return nil, fmt.Errorf("store: unable to open report file: %w", err)
	}
	defer br.Close()
	b, err := io.ReadAll(br)
	if err != nil {
		return nil, fmt.Errorf("store: unable to read report file: %w", err)
	}
	return b, nil
}

func reportFromRecord(rec *core.Record) Report {
	r := Report{
		ID: rec.Id, UserID: rec.GetString("user"), Format: rec.GetString("format"), Notes: rec.GetBool("notes"),
		File: rec.GetString("file"), ShareHash: rec.GetString("share_token"),
		ShareExpires: rec.GetDateTime("share_expires").Time(),
	}
	// from_day and to_day match the day pattern on every save; a row that
	// does not parse keeps the zero day, which only affects a file name.
	if d, err := journal.ParseDay(rec.GetString("from_day")); err == nil {
		r.From = d
	}
	if d, err := journal.ParseDay(rec.GetString("to_day")); err == nil {
		r.To = d
	}
	return r
}

// ClearAllShares removes the share token and expiry of every report of
// userID in one transaction and returns how many links it revoked. Other
// users' reports are never read.
func ClearAllShares(app core.App, userID string) (int, error) {
	n := 0
	err := app.RunInTransaction(func(tx core.App) error {
		recs, err := tx.FindAllRecords(Reports, dbx.HashExp{"user": userID}, dbx.Not(dbx.HashExp{"share_token": ""}))
		if err != nil {
			return fmt.Errorf("store: unable to list shared reports: %w", err)
		}
		for _, rec := range recs {
			rec.Set("share_token", "")
			rec.Set("share_expires", "")
			if err := tx.Save(rec); err != nil {
				return fmt.Errorf("store: unable to revoke share: %w", err)
			}
			n++
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

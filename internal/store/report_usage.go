package store

import (
	"errors"
	"fmt"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"
)

// ReportUsage returns how many reports userID stores and their files'
// total bytes, expired and revoked ones included (their files are still on
// disk until the owner deletes them). A file missing from storage counts as
// empty: it takes no space.
func ReportUsage(app core.App, userID string) (count int, bytes int64, err error) {
	col, err := app.FindCachedCollectionByNameOrId(Reports)
	if err != nil {
		return 0, 0, fmt.Errorf("store: unable to find reports: %w", err)
	}
	recs, err := app.FindAllRecords(col, dbx.HashExp{"user": userID})
	if err != nil {
		return 0, 0, fmt.Errorf("store: unable to list reports: %w", err)
	}
	if len(recs) == 0 {
		return 0, 0, nil
	}
	fsys, err := app.NewFilesystem()
	if err != nil {
		return 0, 0, fmt.Errorf("store: unable to open storage: %w", err)
	}
	defer fsys.Close()
	for _, rec := range recs {
		name := rec.GetString("file")
		if name == "" {
			continue
		}
		attrs, err := fsys.Attributes(col.Id + "/" + rec.Id + "/" + name)
		if err != nil {
			if errors.Is(err, filesystem.ErrNotFound) {
				continue
			}
			return 0, 0, fmt.Errorf("store: unable to stat report file: %w", err)
		}
		bytes += attrs.Size
	}
	return len(recs), bytes, nil
}

package hooks

import (
	"net/http"

	"github.com/pocketbase/pocketbase/core"

	"github.com/mend-app/mend/internal/journal"
	"github.com/mend-app/mend/internal/store"
)

// exportDocument is the body of GET /api/mend/export. Kind and version let
// a later import tell this file from any other JSON.
type exportDocument struct {
	Kind          string `json:"kind"`
	Version       int    `json:"version"`
	Exported      string `json:"exported"`
	*store.Export `json:",inline"`
}

// getExport answers GET /api/mend/export with every record of the signed-in
// user as one JSON download (data portability). Notes are included: it is
// the user's own copy of what they wrote.
func (h *handlers) getExport(e *core.RequestEvent) error {
	x, err := store.ExportUser(e.App, e.Auth.Id)
	if err != nil {
		return err
	}
	now := h.now()
	day := journal.Today(now, store.ProfileFromRecord(e.Auth).Location)
	hdr := e.Response.Header()
	hdr.Set("Content-Disposition", `attachment; filename="mend-export-`+day.String()+`.json"`)
	hdr.Set("Cache-Control", "no-store")
	return e.JSON(http.StatusOK, exportDocument{Kind: "mend-export", Version: 1, Exported: now.UTC().Format("2006-01-02T15:04:05Z"), Export: x})
}

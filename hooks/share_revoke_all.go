package hooks

import (
	"net/http"

	"github.com/pocketbase/pocketbase/core"

	"github.com/mend-app/mend/internal/store"
)

// revokeAllShares answers DELETE /api/mend/reports/shares: every share
// link of the signed-in user stops working at once (say, after sending a
// link to the wrong person), and the answer counts them: {"revoked": n}.
// The reports themselves stay.
func (h *handlers) revokeAllShares(e *core.RequestEvent) error {
	n, err := store.ClearAllShares(e.App, e.Auth.Id)
	if err != nil {
		return err
	}
	return e.JSON(http.StatusOK, map[string]int{"revoked": n})
}

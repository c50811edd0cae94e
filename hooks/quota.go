package hooks

import (
	"errors"
	"net/http"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"github.com/mend-app/mend/internal/limits"
	"github.com/mend-app/mend/internal/store"
)

// checkReportQuota answers 409 when userID may not store one more report of
// size bytes (limits.MaxReports, limits.MaxReportBytes). createReport calls
// it twice: before rendering with size 0 (a user at her count is told at
// once, before any work) and after, with the real size. The per-user share
// of fairShare keeps concurrent saves of one user to two, so the quota can
// be passed by at most one report.
func checkReportQuota(app core.App, userID string, size int64) error {
	n, used, err := store.ReportUsage(app, userID)
	if err != nil {
		return err
	}
	err = limits.CheckQuota(limits.Usage{Reports: n, Bytes: used}, size)
	var p *limits.QuotaProblem
	if !errors.As(err, &p) {
		return err
	}
	return apis.NewApiError(http.StatusConflict, p.Message,
		validation.Errors{"quota": validation.NewError(limits.QuotaCode, p.Message)})
}

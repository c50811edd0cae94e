package hooks

import (
	"errors"
	"net/http"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"github.com/mend-app/mend/internal/charts"
)

// getInsights answers GET /api/mend/insights with the signed-in user's
// insights document for the period.
func (h *handlers) getInsights(e *core.RequestEvent) error {
	_, doc, err := h.periodDoc(e)
	if err != nil {
		return err
	}
	return e.JSON(http.StatusOK, doc)
}

// getChart answers GET /api/mend/charts/{name} with an ECharts option built
// by go-echarts from the user's own data. The bytes go out as Build wrote
// them: re-encoding could undo its escaping of "<" and "__".
func (h *handlers) getChart(e *core.RequestEvent) error {
	name := e.Request.PathValue("name")
	if !knownChart(name) {
		return apis.NewNotFoundError("There is no chart called "+quote(name)+".", nil)
	}
	p, doc, err := h.periodDoc(e)
	if err != nil {
		return err
	}
	b, err := charts.Build(name, doc, p.journal)
	if errors.Is(err, charts.ErrUnknownChart) {
		return apis.NewNotFoundError("There is no chart called "+quote(name)+".", nil)
	}
	if err != nil {
		return err
	}
	e.Response.Header().Set("Cache-Control", "no-store")
	return e.Blob(http.StatusOK, "application/json", b)
}

func knownChart(name string) bool {
	for _, n := range charts.Names {
		if n == name {
			return true
		}
	}
	return false
}

func quote(s string) string {
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return "\"" + s + "\""
}

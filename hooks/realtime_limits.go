package hooks

import (
	"encoding/json"
	"errors"
	"net/url"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/spf13/cast"

	"github.com/mend-app/mend/internal/limits"
)

// boundRealtimeFilters applies the list-filter bounds (limits.CheckFilter)
// to realtime subscriptions. A topic such as
// users/ID?options={"query":{"filter":"entries_via_user.notes ~ '…'"}} runs
// its filter as a query on every matching record event, so without this a
// subscription could do in the background what a list request may not.
// Topics are read as PocketBase reads them (tools/subscriptions.Subscribe).
func boundRealtimeFilters(e *core.RealtimeSubscribeRequestEvent) error {
	if e.HasSuperuserAuth() {
		return e.Next()
	}
	for _, topic := range e.Subscriptions {
		if err := limits.CheckFilter(topicFilter(topic)); err != nil {
			var p *limits.FilterProblem
			if errors.As(err, &p) {
				return apis.NewBadRequestError(p.Message, validation.Errors{"filter": validation.NewError(p.Code, p.Message)})
			}
			return err
		}
	}
	return e.Next()
}

// topicFilter is the query filter a realtime topic carries in its options,
// or "" when it has none.
func topicFilter(topic string) string {
	u, err := url.Parse(topic)
	if err != nil {
		return ""
	}
	raw := u.Query().Get("options")
	if raw == "" {
		return ""
	}
	var options struct {
		Query map[string]any `json:"query"`
	}
	if json.Unmarshal([]byte(raw), &options) != nil {
		return ""
	}
	return cast.ToString(options.Query["filter"])
}

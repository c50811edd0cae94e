package hooks_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/subscriptions"

	"github.com/mend-app/mend/internal/testapp"
)

// A realtime topic's filter runs as a query on every matching record event,
// so it is held to the same bounds as a list filter.
func TestRealtimeFiltersAreBounded(t *testing.T) {
	t.Parallel()
	alice, _ := testapp.Tokens(t)
	topic := func(filter string) string {
		opts, _ := json.Marshal(map[string]any{"query": map[string]any{"filter": filter}})
		b, _ := json.Marshal("users/" + testapp.AliceID + "?options=" + url.QueryEscape(string(opts))) // as the JS SDK sends it
		return string(b)
	}
	huge := "%" + strings.Repeat("a", 1000) + "b%"
	scenarios := []struct {
		name, topic string
		status      int
		want        []string
	}{
		{"1,000-character search through a back-relation", topic(`entries_via_user.notes ~ "` + huge + `"`), 400, []string{"filter_search_too_long"}},
		{"too many wildcards", topic(`entries_via_user.notes ~ "%a%a%a%a%a%b%"`), 400, []string{"filter_search_too_many_wildcards"}},
		{"a short search is fine", topic(`entries_via_user.notes ~ "car seat"`), 204, nil},
		{"no options", `"entries"`, 204, nil},
	}
	for _, s := range scenarios {
		client := subscriptions.NewDefaultClient()
		(&tests.ApiScenario{
			Name:            s.name,
			Method:          http.MethodPost,
			URL:             "/api/realtime",
			Body:            strings.NewReader(`{"clientId":"` + client.Id() + `","subscriptions":[` + s.topic + `]}`),
			Headers:         map[string]string{"Authorization": alice},
			ExpectedStatus:  s.status,
			ExpectedContent: s.want,
			TestAppFactory:  func(t testing.TB) *tests.TestApp { return testapp.NewWorld(t) },
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
				app.SubscriptionsBroker().Register(client)
			},
			ExpectedEvents: map[string]int{"*": 0, "OnRealtimeSubscribeRequest": 1},
		}).Test(t)
	}
}

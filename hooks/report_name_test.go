package hooks_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"github.com/mend-app/mend/internal/testapp"
)

// The name on a report is the parent's choice, validated and escaped, on
// the download and on a stored report, and never the account's email.
func TestReportName(t *testing.T) {
	t.Parallel()
	aliceToken, bobToken := testapp.Tokens(t)
	alice := map[string]string{"Authorization": aliceToken}
	bob := map[string]string{"Authorization": bobToken}
	const base = "/api/mend/report?from=2026-11-01&to=2026-11-23&format=html"
	named := url.Values{"name": {`Sam <i>Lee</i> #4711`}}.Encode()
	scenarios := []tests.ApiScenario{
		{Name: "owner with a name", Method: http.MethodGet, URL: base + "&" + named, Headers: alice, ExpectedStatus: 200,
			ExpectedContent:    []string{`<dd id="identifier">Sam &lt;i&gt;Lee&lt;/i&gt; #4711</dd>`, testapp.AliceSecret},
			NotExpectedContent: []string{"<i>Lee</i>", testapp.AliceEmail, testapp.BobSecret}},
		{Name: "owner without a name", Method: http.MethodGet, URL: base, Headers: alice, ExpectedStatus: 200,
			NotExpectedContent: []string{`id="identifier"`, testapp.AliceEmail}},
		{Name: "other user", Method: http.MethodGet, URL: base + "&" + named, Headers: bob, ExpectedStatus: 200,
			ExpectedContent: []string{"Sam &lt;i&gt;Lee", testapp.BobSecret}, NotExpectedContent: []string{testapp.AliceSecret}},
		{Name: "guest", Method: http.MethodGet, URL: base + "&" + named, ExpectedStatus: 401,
			NotExpectedContent: []string{testapp.AliceSecret, "Sam"}},
		{Name: "too long", Method: http.MethodGet, URL: base + "&name=" + strings.Repeat("a", 81), Headers: alice, ExpectedStatus: 400,
			ExpectedContent: []string{`"name":{`, "validation_name_too_long", "at most 80 characters"}, NotExpectedContent: []string{testapp.AliceSecret}},
		{Name: "two lines", Method: http.MethodGet, URL: base + "&name=Sam%0ALee", Headers: alice, ExpectedStatus: 400,
			ExpectedContent: []string{"validation_invalid_name"}},
		{Name: "stored with a name", Method: http.MethodPost, URL: "/api/mend/reports", Headers: alice,
			Body: strings.NewReader(`{"from":"2026-11-01","to":"2026-11-23","format":"html","name":"Sam Lee","share_days":1}`), ExpectedStatus: 200,
			ExpectedContent: []string{`"share_url":"/r/`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				recs, err := app.FindAllRecords("reports")
				if err != nil || len(recs) == 0 {
					t.Fatalf("no stored report (%v)", err)
				}
				body := readStored(t, app, recs[len(recs)-1])
				if !strings.Contains(body, `<dd id="identifier">Sam Lee</dd>`) || strings.Contains(body, testapp.AliceEmail) {
					t.Error("the stored report lacks the chosen name or names the email")
				}
			}},
		{Name: "stored with a bad name", Method: http.MethodPost, URL: "/api/mend/reports", Headers: alice,
			Body: strings.NewReader(`{"format":"csv","name":42}`), ExpectedStatus: 400, ExpectedContent: []string{`"name":{`, "validation_invalid_name"}},
		{Name: "stored with a long name", Method: http.MethodPost, URL: "/api/mend/reports", Headers: alice,
			Body: strings.NewReader(`{"format":"csv","name":"` + strings.Repeat("é", 81) + `"}`), ExpectedStatus: 400, ExpectedContent: []string{"validation_name_too_long"}},
	}
	for _, s := range scenarios {
		s.TestAppFactory = reportWorld
		s.Test(t)
	}
}

// readStored returns a stored report's file as text.
func readStored(t testing.TB, app *tests.TestApp, rec *core.Record) string {
	t.Helper()
	fsys, err := app.NewFilesystem()
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	r, err := fsys.GetReader(rec.BaseFilesPath() + "/" + rec.GetString("file"))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

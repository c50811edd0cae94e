package hooks

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// The production push client refuses loopback and private addresses: the
// endpoint comes from a user, who must not make the server POST into its
// own network. (A plain-HTTP loopback server, so only the guard can fail it.)
func TestPublicOnlyClientRefusesPrivateAddresses(t *testing.T) {
	t.Parallel()
	hit := false
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { hit = true }))
	defer srv.Close()
	for _, u := range []string{srv.URL, strings.Replace(srv.URL, "127.0.0.1", "[::1]", 1), "http://10.1.2.3:9/", "http://169.254.169.254/", "http://0.0.0.0:9/",
		"http://100.100.100.200/", "http://198.18.0.1:9/", "http://192.0.0.8:9/", "http://[64:ff9b::a9fe:a9fe]/", "http://[::ffff:127.0.0.1]:9/"} {
		res, err := publicOnlyClient().Post(u, "text/plain", nil)
		if err == nil {
			res.Body.Close()
			t.Errorf("POST %s went through", u)
			continue
		}
		if !strings.Contains(err.Error(), "is not public") {
			t.Errorf("POST %s: %v, want the not-public refusal", u, err)
		}
	}
	if hit {
		t.Error("the loopback server was reached")
	}
}

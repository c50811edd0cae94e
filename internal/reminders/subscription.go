package reminders

import (
	"crypto/ecdh"
	"encoding/base64"
	"net/url"
	"strings"

	"github.com/mend-app/mend/internal/journal"
)

// MaxEndpointLen bounds a push endpoint; real ones are a few hundred bytes.
const MaxEndpointLen = 2000

// CheckSubscription validates a browser PushSubscription before it is
// stored. The server later POSTs to the endpoint, so only an https URL is
// accepted (the sender also refuses private addresses at dial time), and the
// keys must be what RFC 8291 needs: p256dh an uncompressed P-256 point,
// auth 16 bytes, both base64url.
func CheckSubscription(endpoint, p256dh, auth string) journal.Problems {
	p := journal.Problems{}
	u, err := url.Parse(endpoint)
	switch {
	case len(endpoint) > MaxEndpointLen || err != nil || u.Scheme != "https" || u.Host == "" || u.User != nil:
		p["endpoint"] = journal.Problem{Code: "validation_invalid_endpoint", Message: "This browser gave a push address Mend cannot use. Try turning notifications off and on again."}
	}
	if key, err := decodeKey(p256dh); err != nil || len(key) != 65 {
		p["p256dh"] = journal.Problem{Code: "validation_invalid_key", Message: "This browser gave a notification key Mend cannot use. Try turning notifications off and on again."}
	} else if _, err := ecdh.P256().NewPublicKey(key); err != nil {
		p["p256dh"] = journal.Problem{Code: "validation_invalid_key", Message: "This browser gave a notification key Mend cannot use. Try turning notifications off and on again."}
	}
	if key, err := decodeKey(auth); err != nil || len(key) != 16 {
		p["auth"] = journal.Problem{Code: "validation_invalid_key", Message: "This browser gave a notification secret Mend cannot use. Try turning notifications off and on again."}
	}
	return p
}

// decodeKey reads base64url with or without padding, as browsers send it.
func decodeKey(s string) ([]byte, error) {
	return base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))
}

package hooks_test

import (
	"bytes"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/google/fhir/go/fhirversion"
	"github.com/google/fhir/go/jsonformat"

	"github.com/mend-app/mend/internal/testapp"
)

// The FHIR bundle is valid R4 by an outside parser (Google's FHIR library,
// whose unmarshaller checks structure, required fields, codes and primitive
// formats), names Mend's code systems under the server's Application URL
// and no placeholder domain, and uses LOINC for pain and sleep duration.
func TestFHIRBundleIsValidR4(t *testing.T) {
	t.Parallel()
	app := testapp.NewWith(t, testapp.Options{Seed: "world", Now: reportNow})
	app.Settings().Meta.AppURL = "https://mend.hospital-a.org/"
	mux := router(t, app)
	alice, _ := testapp.Tokens(t)
	// A back-filled reading (no time), a timed one, a sleepless night.
	for _, body := range []string{
		`{"user":"` + testapp.AliceID + `","day":"2026-11-18","score":3,"areas":["pelvis_front"],"activity":"lifting"}`,
		`{"user":"` + testapp.AliceID + `","day":"2026-11-24","score":5}`,
	} {
		if b, res := request(t, mux, http.MethodPost, "/api/collections/pain_scores/records", alice, body); res.StatusCode != 200 {
			t.Fatalf("creating a reading: %d %s", res.StatusCode, b)
		}
	}
	if b, res := request(t, mux, http.MethodPost, "/api/collections/entries/records", alice,
		`{"user":"`+testapp.AliceID+`","day":"2026-11-19","sleep_hours":0,"sleep_quality":1,"night_wakings":6}`); res.StatusCode != 200 {
		t.Fatalf("creating an entry: %d %s", res.StatusCode, b)
	}
	bundle, res := request(t, mux, http.MethodGet, "/api/mend/report?from=2026-11-01&to=2026-11-24&format=fhir", alice, "")
	if res.StatusCode != 200 {
		t.Fatalf("FHIR report: %d %s", res.StatusCode, bundle)
	}

	parser, err := jsonformat.NewUnmarshaller("UTC", fhirversion.R4)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parser.Unmarshal(bundle); err != nil {
		t.Fatalf("the bundle is not valid FHIR R4: %v", err)
	}
	// The parser does reject what R4 forbids, so its silence above counts.
	broken := bytes.Replace(bundle, []byte(`"status": "final"`), []byte(`"status": "finished-ish"`), 1)
	if _, err := parser.Unmarshal(broken); err == nil {
		t.Fatal("the R4 parser accepted an unknown Observation.status; it proves nothing")
	}

	if bytes.Contains(bundle, []byte("mend.example")) {
		t.Error("the bundle names the placeholder domain mend.example")
	}
	for _, sys := range regexp.MustCompile(`"system":\s*"([^"]+)"`).FindAllSubmatch(bundle, -1) {
		s := string(sys[1])
		known := strings.HasPrefix(s, "https://mend.hospital-a.org/fhir/CodeSystem/") || s == "http://loinc.org" ||
			s == "http://unitsofmeasure.org" || s == "http://terminology.hl7.org/CodeSystem/observation-category"
		if !known {
			t.Errorf("code system %q is neither standard nor under the Application URL", s)
		}
	}
	for _, code := range []string{`"code": "72514-3"`, `"code": "93832-4"`} {
		if !bytes.Contains(bundle, []byte(code)) {
			t.Errorf("the bundle lacks LOINC %s", code)
		}
	}
}

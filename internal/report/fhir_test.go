package report_test

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mend-app/mend/internal/report"
	"github.com/mend-app/mend/internal/report/reporttest"
)

type bundle struct {
	ResourceType, Type, Timestamp string
	Entry                         []struct {
		FullURL  string                     `json:"fullUrl"`
		Resource map[string]json.RawMessage `json:"resource"`
	}
}

func fhir(t *testing.T, notes bool) (bundle, string) {
	t.Helper()
	in := reporttest.Sample(20, nil)
	in.Notes = notes
	var b bytes.Buffer
	if err := report.FHIR(&b, in); err != nil {
		t.Fatal(err)
	}
	var out bundle
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	return out, b.String()
}

var uuidURN = regexp.MustCompile(`^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestFHIRStructure(t *testing.T) {
	t.Parallel()
	b, _ := fhir(t, true)
	if b.ResourceType != "Bundle" || b.Type != "collection" {
		t.Fatalf("bundle %q of type %q", b.ResourceType, b.Type)
	}
	patient := b.Entry[0]
	if string(patient.Resource["resourceType"]) != `"Patient"` || len(patient.Resource) != 2 {
		t.Errorf("the patient stub must hold only resourceType and id: %v", patient.Resource)
	}
	seen := map[string]bool{}
	counts := map[string]int{}
	for _, e := range b.Entry {
		if !uuidURN.MatchString(e.FullURL) || seen[e.FullURL] {
			t.Fatalf("fullUrl %q is not a fresh urn:uuid", e.FullURL)
		}
		seen[e.FullURL] = true
		if id := strings.Trim(string(e.Resource["id"]), `"`); "urn:uuid:"+id != e.FullURL {
			t.Errorf("id %s does not match fullUrl %s", id, e.FullURL)
		}
		if string(e.Resource["resourceType"]) != `"Observation"` {
			continue
		}
		var o struct {
			Status  string
			Subject struct{ Reference string }
			Code    struct {
				Coding []struct{ System, Code string }
				Text   string
			}
			EffectiveDateTime string
			ValueQuantity     *struct {
				Value      float64
				Unit, Code string
			}
			ValueInteger *int
		}
		raw, _ := json.Marshal(e.Resource)
		if err := json.Unmarshal(raw, &o); err != nil {
			t.Fatal(err)
		}
		if o.Status != "final" || o.Subject.Reference != patient.FullURL {
			t.Errorf("observation %s: status %q subject %q", e.FullURL, o.Status, o.Subject.Reference)
		}
		code := o.Code.Coding[0]
		counts[code.Code]++
		switch code.Code {
		case "72514-3":
			if code.System != "http://loinc.org" || o.ValueQuantity == nil || o.ValueQuantity.Unit != "{score}" || o.ValueQuantity.Value > 10 {
				t.Errorf("pain observation %+v", o)
			}
			if _, err := time.Parse(time.RFC3339, o.EffectiveDateTime); err != nil {
				t.Errorf("pain is timed to the reading: %q", o.EffectiveDateTime)
			}
		case "93832-4":
			if o.ValueQuantity == nil || o.ValueQuantity.Code != "h" {
				t.Errorf("sleep observation %+v", o)
			}
		case "mood", "stress":
			if _, err := time.Parse("2006-01-02", o.EffectiveDateTime); err != nil || o.ValueInteger == nil {
				t.Errorf("%s is dated by day with an integer: %+v", code.Code, o)
			}
		}
	}
	for _, c := range []string{"72514-3", "93832-4", "mood", "stress", "journal-note"} {
		if counts[c] == 0 {
			t.Errorf("no %s observation", c)
		}
	}
}

func TestFHIRNotesOff(t *testing.T) {
	t.Parallel()
	_, on := fhir(t, true)
	_, off := fhir(t, false)
	if !strings.Contains(on, `"note"`) {
		t.Fatal("no Observation.note with notes on")
	}
	for _, bad := range []string{`"note"`, `"valueString"`, "journal-note", "sleep-note"} {
		if strings.Contains(off, bad) {
			t.Errorf("%s present with notes off", bad)
		}
	}
}

package report

import (
	"cmp"
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/mend-app/mend/internal/journal"
)

// Code systems of the FHIR export. LOINC and UCUM are used where a standard
// code fits what is measured (pain 0-10: LOINC 72514-3; sleep duration:
// LOINC 93832-4). Mend's own self-rating scales (mood 1-5, stress 0-10,
// sleep quality 1-5, night wakings) and its pain areas and activities have
// no exact standard code, so they live in Mend's code systems under the
// server's Application URL (Input.AppURL): the operator's own domain.
const (
	FHIRCodeSystemPath = "/fhir/CodeSystem/self-report"
	FHIRPainAreaPath   = "/fhir/CodeSystem/pain-area"
	FHIRActivityPath   = "/fhir/CodeSystem/pain-activity"
	// fhirNoAppURL prefixes Mend's systems when no Application URL is set:
	// a URN, so no made-up domain is ever named.
	fhirNoAppURL     = "urn:mend-app"
	loincSystem      = "http://loinc.org"
	ucumSystem       = "http://unitsofmeasure.org"
	categorySystem   = "http://terminology.hl7.org/CodeSystem/observation-category"
	loincPain        = "72514-3"
	loincPainDisplay = "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
	loincSleep       = "93832-4"
)

type (
	fhirCoding struct {
		System  string `json:"system"`
		Code    string `json:"code"`
		Display string `json:"display,omitempty"`
	}
	fhirConcept struct {
		Coding []fhirCoding `json:"coding,omitempty"`
		Text   string       `json:"text,omitempty"`
	}
	fhirQuantity struct {
		Value  float64 `json:"value"`
		Unit   string  `json:"unit"`
		System string  `json:"system"`
		Code   string  `json:"code"`
	}
	fhirComponent struct {
		Code                 fhirConcept `json:"code"`
		ValueCodeableConcept fhirConcept `json:"valueCodeableConcept"`
	}
	fhirObservation struct {
		ResourceType      string              `json:"resourceType"`
		ID                string              `json:"id"`
		Status            string              `json:"status"`
		Category          []fhirConcept       `json:"category"`
		Code              fhirConcept         `json:"code"`
		Subject           map[string]string   `json:"subject"`
		EffectiveDateTime string              `json:"effectiveDateTime"`
		ValueQuantity     *fhirQuantity       `json:"valueQuantity,omitempty"`
		ValueInteger      *int                `json:"valueInteger,omitempty"`
		ValueString       string              `json:"valueString,omitempty"`
		Component         []fhirComponent     `json:"component,omitempty"`
		Note              []map[string]string `json:"note,omitempty"`

		day journal.Day
		at  time.Time
	}
	fhirEntry struct {
		FullURL  string `json:"fullUrl"`
		Resource any    `json:"resource"`
	}
)

// FHIR writes a FHIR R4 Bundle of type "collection": a Patient stub with no
// name and no identifier (the bundle is handed over in person or shared by
// link, and must not identify anyone on its own), then one Observation per
// reading and measure, ordered by day and time. Pain uses LOINC 72514-3 and
// is timed to the reading; sleep duration uses LOINC 93832-4; mood, stress,
// sleep quality and night wakings are self-rated survey observations with
// Mend codes. Observations that only share a day are dated by the day.
// Ids are name-based UUIDs of the record ids, so the same data always gives
// the same bundle.
func FHIR(w io.Writer, in Input) error {
	in, err := in.redacted()
	if err != nil {
		return err
	}
	loc := in.location()
	scope := in.Doc.From.String() + "/" + in.Doc.To.String()
	patient := uuid5("patient|" + scope)
	subject := map[string]string{"reference": "urn:uuid:" + patient}
	obs := observations(in, subject, loc)

	entries := []fhirEntry{{FullURL: "urn:uuid:" + patient, Resource: map[string]string{"resourceType": "Patient", "id": patient}}}
	for _, o := range obs {
		entries = append(entries, fhirEntry{FullURL: "urn:uuid:" + o.ID, Resource: o})
	}
	bundle := map[string]any{
		"resourceType": "Bundle",
		"id":           uuid5("bundle|" + scope + "|" + in.Generated.UTC().Format(time.RFC3339Nano)),
		"type":         "collection",
		"timestamp":    in.Generated.In(loc).Format(time.RFC3339),
		"entry":        entries,
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(bundle); err != nil {
		return fmt.Errorf("report: write fhir: %w", err)
	}
	return nil
}

// obsBuilder collects the observations of one bundle.
type obsBuilder struct {
	in      Input
	base    string // Mend's code systems live under it (see FHIRBase)
	subject map[string]string
	loc     *time.Location
	out     []*fhirObservation
}

var survey = []fhirConcept{{Coding: []fhirCoding{{System: categorySystem, Code: "survey", Display: "Survey"}}}}

// FHIRBase is where Mend's code systems live for a server whose Application
// URL is appURL (trailing slashes dropped), or a URN when it is not set.
func FHIRBase(appURL string) string {
	if base := strings.TrimRight(strings.TrimSpace(appURL), "/"); base != "" {
		return base
	}
	return fhirNoAppURL
}

// mend is a concept in Mend's own self-report code system.
func (b *obsBuilder) mend(code, text string) fhirConcept {
	return fhirConcept{Coding: []fhirCoding{{System: b.base + FHIRCodeSystemPath, Code: code, Display: text}}, Text: text}
}

// add appends an observation dated by its reading time, or by day when at is zero.
func (b *obsBuilder) add(key string, day journal.Day, at time.Time, code fhirConcept) *fhirObservation {
	o := &fhirObservation{
		ResourceType: "Observation", ID: uuid5(key), Status: "final", Category: survey,
		Code: code, Subject: b.subject, EffectiveDateTime: day.String(), day: day, at: at,
	}
	if !at.IsZero() {
		o.EffectiveDateTime = at.In(b.loc).Format(time.RFC3339)
	}
	b.out = append(b.out, o)
	return o
}

// note attaches free text as Observation.note, only with notes on.
func (b *obsBuilder) note(o *fhirObservation, text string) {
	if b.in.Notes && strings.TrimSpace(text) != "" {
		o.Note = []map[string]string{{"text": text}}
	}
}

func observations(in Input, subject map[string]string, loc *time.Location) []*fhirObservation {
	b := &obsBuilder{in: in, subject: subject, loc: loc, base: FHIRBase(in.AppURL)}
	painCode := fhirConcept{Coding: []fhirCoding{{System: loincSystem, Code: loincPain, Display: loincPainDisplay}}, Text: "Pain severity (0-10)"}
	for i, s := range in.Journal.Pain {
		o := b.add(recordKey("pain", s.ID, s.Day, i), s.Day, s.At, painCode)
		o.ValueQuantity = &fhirQuantity{Value: float64(s.Score), Unit: "{score}", System: ucumSystem, Code: "{score}"}
		for _, a := range s.Areas {
			o.Component = append(o.Component, b.component(FHIRPainAreaPath, "pain-area", "Where it hurts", a))
		}
		if s.Activity != "" {
			o.Component = append(o.Component, b.component(FHIRActivityPath, "pain-activity", "Activity at the time", s.Activity))
		}
		b.note(o, s.Note)
	}
	for _, sc := range []struct {
		kind, text string
		list       []journal.Score
	}{{"mood", "Mood (1-5, self-rated)", in.Journal.Mood}, {"stress", "Stress (0-10, self-rated)", in.Journal.Stress}} {
		for i, s := range sc.list {
			o := b.add(recordKey(sc.kind, s.ID, s.Day, i), s.Day, time.Time{}, b.mend(sc.kind, sc.text))
			o.ValueInteger = new(s.Score)
			b.note(o, s.Note)
		}
	}
	for i, e := range in.Journal.Entries {
		b.entry(e, recordKey("entry", e.ID, e.Day, i))
	}
	slices.SortStableFunc(b.out, func(x, y *fhirObservation) int {
		return cmp.Or(cmp.Compare(x.day, y.day), x.at.Compare(y.at))
	})
	return b.out
}

// entry adds the sleep measures of an entry and, with notes on, its three
// free-text notes as text observations, so that no note is lost.
func (b *obsBuilder) entry(e journal.Entry, key string) {
	if e.SleepHours != nil { // 0 is a night without sleep

		o := b.add(key+"|sleep_hours", e.Day, time.Time{}, fhirConcept{Coding: []fhirCoding{{System: loincSystem, Code: loincSleep, Display: "Sleep duration"}}, Text: "Sleep duration (night before)"})
		o.ValueQuantity = &fhirQuantity{Value: *e.SleepHours, Unit: "h", System: ucumSystem, Code: "h"}
	}
	if e.SleepQuality > 0 {
		b.add(key+"|sleep_quality", e.Day, time.Time{}, b.mend("sleep-quality", "Sleep quality (1-5, self-rated)")).ValueInteger = new(e.SleepQuality)
	}
	if e.HasSleep() {
		b.add(key+"|night_wakings", e.Day, time.Time{}, b.mend("night-wakings", "Night wakings (count)")).ValueInteger = new(e.NightWakings)
	}
	if !b.in.Notes {
		return
	}
	for _, n := range []struct{ field, code, text, value string }{
		{"notes", "journal-note", "Journal note", e.Notes},
		{"sleep_notes", "sleep-note", "Sleep note", e.SleepNotes},
		{"stress_notes", "stress-note", "Stress note", e.StressNotes},
	} {
		if strings.TrimSpace(n.value) != "" {
			b.add(key+"|"+n.field, e.Day, time.Time{}, b.mend(n.code, n.text)).ValueString = n.value
		}
	}
}

func (b *obsBuilder) component(systemPath, code, text, value string) fhirComponent {
	return fhirComponent{
		Code:                 b.mend(code, text),
		ValueCodeableConcept: fhirConcept{Coding: []fhirCoding{{System: b.base + systemPath, Code: value}}, Text: label(value)},
	}
}

// recordKey names a record for its UUID; a record without an id (never
// from the store, but possible from a caller) falls back to its position.
func recordKey(kind, id string, day journal.Day, i int) string {
	if id != "" {
		return kind + "|" + id
	}
	return fmt.Sprintf("%s|%s|#%d", kind, day, i)
}

// uuid5 is an RFC 9562 name-based (SHA-1) UUID in Mend's namespace: stable
// for the same name, so golden files and re-exports agree.
func uuid5(name string) string {
	h := sha1.New()
	h.Write([]byte("mend-app/mend fhir export\x00"))
	h.Write([]byte(name))
	b := h.Sum(nil)[:16]
	b[6] = b[6]&0x0f | 0x50
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

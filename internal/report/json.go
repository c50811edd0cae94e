package report

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
)

// jsonExport is the body of the JSON format: the insights document as the
// insights route serves it, plus the raw records behind it.
type jsonExport struct {
	Generated string            `json:"generated"`
	Notes     bool              `json:"notes"`
	Insights  insights.Document `json:"insights"`
	Records   journal.Journal   `json:"records"`
}

// JSON writes {"generated", "notes", "insights", "records"}, indented for
// people who open it. With notes off every note field is "" and flare-up
// links are empty lists. Empty lists are written as [] rather than null so
// that readers need no special case.
func JSON(w io.Writer, in Input) error {
	in, err := in.redacted()
	if err != nil {
		return err
	}
	doc := in.Doc
	doc.Days = orEmpty(doc.Days)
	doc.Flareups = slices.Clone(orEmpty(doc.Flareups)) // a copy: Links are set below
	doc.Associations = orEmpty(doc.Associations)
	doc.Milestones = orEmpty(doc.Milestones)
	doc.Guidance = orEmpty(doc.Guidance)
	for i := range doc.Flareups {
		doc.Flareups[i].Links = orEmpty(doc.Flareups[i].Links)
	}
	rec := journal.Journal{
		Entries: orEmpty(in.Journal.Entries),
		Pain:    orEmpty(in.Journal.Pain),
		Mood:    orEmpty(in.Journal.Mood),
		Stress:  orEmpty(in.Journal.Stress),
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	err = enc.Encode(jsonExport{
		Generated: in.Generated.In(in.location()).Format(time.RFC3339),
		Notes:     in.Notes,
		Insights:  doc,
		Records:   rec,
	})
	if err != nil {
		return fmt.Errorf("report: write json: %w", err)
	}
	return nil
}

// orEmpty returns s, or an empty non-nil slice so it encodes as [].
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

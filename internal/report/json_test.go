package report_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
	"github.com/mend-app/mend/internal/report"
	"github.com/mend-app/mend/internal/report/reporttest"
)

func TestJSON(t *testing.T) {
	t.Parallel()
	for _, notes := range []bool{true, false} {
		in := reporttest.Sample(60, nil)
		in.Notes = notes
		var b bytes.Buffer
		if err := report.JSON(&b, in); err != nil {
			t.Fatal(err)
		}
		var out struct {
			Generated string
			Notes     bool
			Insights  insights.Document
			Records   journal.Journal
		}
		if err := json.Unmarshal(b.Bytes(), &out); err != nil {
			t.Fatal(err)
		}
		if out.Generated != "2026-11-23T14:05:00+01:00" || out.Notes != notes {
			t.Errorf("generated %q notes %v", out.Generated, out.Notes)
		}
		if len(out.Records.Pain) != len(in.Journal.Pain) || len(out.Insights.Days) != 60 {
			t.Errorf("records or days lost: %d pain, %d days", len(out.Records.Pain), len(out.Insights.Days))
		}
		links, texts := 0, 0
		for _, f := range out.Insights.Flareups {
			links += len(f.Links)
		}
		for _, e := range out.Records.Entries {
			texts += len(e.Notes + e.SleepNotes + e.StressNotes)
		}
		for _, s := range out.Records.Pain {
			texts += len(s.Note)
		}
		if notes != (links > 0 && texts > 0) {
			t.Errorf("notes=%v: %d links, %d note characters", notes, links, texts)
		}
	}
}

func TestJSONEmptyListsNotNull(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := report.JSON(&b, report.Input{}); err != nil {
		t.Fatal(err)
	}
	for _, list := range []string{"days", "flareups", "associations", "milestones", "guidance", "entries", "pain_scores", "mood_scores", "stress_scores"} {
		if !bytes.Contains(b.Bytes(), []byte(`"`+list+`": []`)) {
			t.Errorf("empty export: %s is not []", list)
		}
	}
}

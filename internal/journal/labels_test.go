package journal_test

import (
	"os"
	"strings"
	"testing"

	"github.com/mend-app/mend/internal/journal"
)

// Every select value the app offers has a label of its own, free of
// underscores, and an unknown code still reads as words.
func TestLabels(t *testing.T) {
	t.Parallel()
	for _, list := range [][]string{journal.PainAreas, journal.Activities, journal.Reliefs, journal.RedFlags, journal.DeliveryTypes, journal.Formats} {
		for _, code := range list {
			l, ok := journal.Labels[code]
			if !ok || l == "" || strings.Contains(l, "_") || strings.ToUpper(l[:1]) != l[:1] {
				t.Errorf("Labels[%q] = %q, want a capitalised label", code, l)
			}
		}
	}
	for code, want := range map[string]string{
		"wrists_thumbs": "Wrists and thumbs", "cesarean_scar": "Cesarean scar", "cesarean": "Cesarean (C-section)",
		"new_area": "New area", "": "Unspecified", "  ": "Unspecified",
	} {
		if got := journal.Label(code); got != want {
			t.Errorf("Label(%q) = %q, want %q", code, got, want)
		}
	}
	// One spelling of the operation in every label.
	for code, l := range journal.Labels {
		if strings.Contains(strings.ToLower(l), "caesarean") || strings.Contains(l, " / thumbs") {
			t.Errorf("Labels[%q] = %q uses a second spelling", code, l)
		}
	}
}

// The web app's labels.js carries the generated block unchanged, so the app
// shows the same words as the charts and the report.
func TestLabelsJSMatchesGo(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("../../pb_public/js/lib/labels.js")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), journal.LabelsJS()) {
		t.Error("pb_public/js/lib/labels.js drifted from internal/journal's labels: run `go generate ./internal/journal`")
	}
}

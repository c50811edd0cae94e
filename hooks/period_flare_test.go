package hooks_test

import (
	"encoding/json"
	"math/rand/v2"
	"net/http/httptest"
	"reflect"
	"testing"

	"github.com/mend-app/mend/hooks"
	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
	"github.com/mend-app/mend/internal/testapp"
)

// A flare-up that began before the requested period is reported as it is
// stored (from a computation over all data), not cut or re-judged with part
// of its baseline missing. Sparse logging and long flare-ups make the days
// before from matter.
func TestInsightsFlareupsCrossingFromMatchStored(t *testing.T) {
	t.Parallel()
	aliceToken, _ := testapp.Tokens(t)
	for seed := range uint64(5) {
		app := testapp.NewWith(t, testapp.Options{Seed: "world", Now: fixedNow})
		rng := rand.New(rand.NewPCG(seed, 11))
		first, last := journal.MustDay("2026-03-01"), journal.MustDay("2026-11-10")
		high := 0
		for d := first; d <= last; d++ {
			if high == 0 && rng.IntN(20) == 0 {
				high = 4 // a four-day flare-up
			}
			if high == 0 && rng.IntN(5) != 0 {
				continue // sparse: a baseline reaches 8 weeks back
			}
			score := rng.IntN(3)
			if high > 0 {
				score, high = 7+rng.IntN(3), high-1
			}
			testapp.Record(t, app, "pain_scores", map[string]any{"user": testapp.AliceID, "day": d.String(), "score": score})
		}
		hooks.FlushFlareups(app)
		all := fromScratch(t, app, testapp.AliceID)
		h := router(t, app)
		to := journal.MustDay("2026-11-10")
		checked := 0
		for _, f := range all {
			if f.EndDay.DaysSince(f.StartDay) < 2 || f.StartDay < first.AddDays(60) {
				continue
			}
			checked++
			from := f.EndDay // the period starts on the flare-up's last day
			req := httptest.NewRequest("GET", "/api/mend/insights?from="+from.String()+"&to="+to.String(), nil)
			req.Header.Set("Authorization", aliceToken)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			var doc insights.Document
			if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil || rec.Code != 200 {
				t.Fatalf("insights: %d %v", rec.Code, err)
			}
			if len(doc.Flareups) == 0 || !reflect.DeepEqual(doc.Flareups[0], f) {
				t.Fatalf("seed %d, from %s: document's first flare-up %+v, want the stored %+v", seed, from, first1(doc.Flareups), f)
			}
		}
		if checked == 0 {
			t.Fatalf("seed %d: no flare-up of 3 days or more to check", seed)
		}
	}
}

func first1(fs []insights.Flareup) any {
	if len(fs) == 0 {
		return nil
	}
	return fs[0]
}

// The same, on a journal built so the difference is certain: the only calm
// days are 50 to 56 days before a four-day flare-up, so judging its first
// day needs rows from before the period's usual baseline window.
func TestInsightsFlareupStartingLongBeforeFrom(t *testing.T) {
	t.Parallel()
	aliceToken, _ := testapp.Tokens(t)
	app := testapp.NewWith(t, testapp.Options{Seed: "world", Now: fixedNow})
	d0 := journal.MustDay("2026-10-01")
	for i := 50; i <= 56; i++ {
		testapp.Record(t, app, "pain_scores", map[string]any{"user": testapp.AliceID, "day": d0.AddDays(-i).String(), "score": 3})
	}
	for i := range 4 {
		testapp.Record(t, app, "pain_scores", map[string]any{"user": testapp.AliceID, "day": d0.AddDays(i).String(), "score": 8})
	}
	hooks.FlushFlareups(app)
	want := fromScratch(t, app, testapp.AliceID)
	if len(want) != 1 || want[0].StartDay != d0 {
		t.Fatalf("fixture: from-scratch flare-ups %+v, want one starting %s", want, d0)
	}
	req := httptest.NewRequest("GET", "/api/mend/insights?from="+d0.AddDays(3).String()+"&to=2026-10-10", nil)
	req.Header.Set("Authorization", aliceToken)
	rec := httptest.NewRecorder()
	router(t, app).ServeHTTP(rec, req)
	var doc insights.Document
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil || rec.Code != 200 {
		t.Fatalf("insights: %d %v", rec.Code, err)
	}
	if !reflect.DeepEqual(doc.Flareups, want) {
		t.Fatalf("document flare-ups %+v, want the stored %+v", doc.Flareups, want)
	}
}

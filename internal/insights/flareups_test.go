package insights_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
)

var d0 = day("2026-03-01")

func TestDocumentBaseline(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		name  string
		peaks []int // from d0, -1 = nothing logged
		want  *float64
	}{
		{"empty", nil, nil},
		{"six logged days: no baseline yet", []int{1, 2, 3, 4, 5, 6}, nil},
		{"seven logged days: median", []int{1, 7, 2, 6, 3, 5, 4}, ptr(4.0)},
		{"even count: mean of the middle two", []int{1, 2, 3, 4, 5, 6, 7, 8}, ptr(4.5)},
		{"ties", []int{3, 5, 3, 5, 2, 5, 3, 5}, ptr(4.0)},
		{"constant series", repeat(3, 30), ptr(3.0)},
		{"only the last 14 logged days", append(repeat(9, 6), repeat(2, 14)...), ptr(2.0)},
		{"gaps are skipped, not zeros", []int{4, -1, -1, 4, -1, 4, 4, -1, -1, -1, 4, 4, -1, 4}, ptr(4.0)},
		{"logged days older than the lookback do not count", append(repeat(5, 10), append(repeat(-1, 50), 1, 1, 1)...), nil},
		{"lookback is 56 days inclusive", append([]int{9}, append(repeat(-1, 49), 1, 1, 1, 1, 1, 1)...), ptr(1.0)},
		{"one day more and it drops out", append([]int{9}, append(repeat(-1, 50), 1, 1, 1, 1, 1, 1)...), nil},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			to := d0 + journal.Day(max(len(sc.peaks), 1)-1)
			doc := insights.Compute((&builder{}).peaks(d0, sc.peaks...).journal(), journal.Profile{}, to, to)
			if !reflect.DeepEqual(doc.Baseline.Pain, sc.want) {
				t.Fatalf("baseline %v, want %v", deref(doc.Baseline.Pain), deref(sc.want))
			}
			if doc.Baseline.Method != insights.BaselineMethod || doc.Baseline.Method == "" {
				t.Fatalf("method %q", doc.Baseline.Method)
			}
		})
	}
}

func TestBaselineMethodInStep(t *testing.T) {
	t.Parallel()
	want := fmt.Sprintf("median peak pain of the previous %d logged days (at least %d, within %d days)",
		insights.BaselineDays, insights.BaselineMinDays, insights.BaselineLookbackDays)
	if insights.BaselineMethod != want {
		t.Fatalf("method %q, want %q", insights.BaselineMethod, want)
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

type run struct {
	start, end journal.Day
	peak       int
	base       float64
}

func runsOf(fs []insights.Flareup) []run {
	out := []run{}
	for _, f := range fs {
		out = append(out, run{f.StartDay, f.EndDay, f.Peak, f.Baseline})
	}
	return out
}

func TestFlareRules(t *testing.T) {
	t.Parallel()
	base2 := repeat(2, 7)
	s := d0 + 7 // first day after seven days of 2
	scenarios := []struct {
		name  string
		peaks []int
		want  []run
	}{
		{"empty journal", nil, []run{}},
		{"single day", []int{9}, []run{}},
		{"no baseline before seven logged days", []int{1, 1, 1, 1, 1, 1, 9}, []run{}},
		{"two above baseline and at least 4", append(base2, 4), []run{{s, s, 4, 2}}},
		{"one point short", append(base2, 3), []run{}},
		{"below 4 is never a flare", append(repeat(0, 7), 3), []run{}},
		{"half-point baseline: 5.5 is not reached by 5", append([]int{3, 3, 3, 3, 4, 4, 4, 4}, 5), []run{}},
		{"half-point baseline: 6 is a flare", append([]int{3, 3, 3, 3, 4, 4, 4, 4}, 6), []run{{d0 + 8, d0 + 8, 6, 3.5}}},
		{"constant series has no flare", repeat(6, 40), []run{}},
		{"consecutive flare days are one flare-up", append(base2, 7, 8, 6, 2), []run{{s, s + 2, 8, 2}}},
		{"a gap day ends a flare-up", append(base2, 7, -1, 8), []run{{s, s, 7, 2}, {s + 2, s + 2, 8, 2}}},
		{"a calm logged day ends a flare-up", append(base2, 7, 2, 8), []run{{s, s, 7, 2}, {s + 2, s + 2, 8, 2}}},
		{"gaps before a flare are not zeros", append([]int{2, -1, 2, -1, 2, -1, 2, -1, 2, -1, 2, -1, 2}, 4), []run{{d0 + 13, d0 + 13, 4, 2}}},
		{"a long flare raises the baseline until it ends", append(base2, repeat(8, 12)...), []run{{s, s + 7, 8, 2}}},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			j := (&builder{}).peaks(d0, sc.peaks...).journal()
			got := insights.DetectFlareups(j, d0-100, d0+100)
			if got == nil {
				t.Fatal("nil flare-ups")
			}
			if !reflect.DeepEqual(runsOf(got), sc.want) {
				t.Fatalf("got %+v, want %+v", runsOf(got), sc.want)
			}
		})
	}
}

func TestFlareContext(t *testing.T) {
	t.Parallel()
	b := &builder{}
	b.peaks(d0, 3, 3, 3, 3, 3, 3, 3, 3)
	for i, h := range []*float64{new(7.0), new(7.5), new(6.0), new(8.0), nil, new(7.0), new(6.5), new(5.0)} { // nil: sleep not logged
		b.entry(journal.Entry{Day: d0 + journal.Day(i), SleepHours: h})
		b.stress(d0+journal.Day(i), 3+i%2)
	}
	f := d0 + 8
	b.entry(journal.Entry{Day: f, SleepHours: new(4.0), SleepNotes: "up every hour  ", StressNotes: "   ", Notes: "bad day"})
	b.stress(f, 8, 6)
	b.painNote(f, 8, "lifting the car seat")
	b.painNote(f, 6, "")
	b.painNote(f+1, 7, "still sore")
	b.entry(journal.Entry{Day: f + 1, StressNotes: "work email"})
	b.entry(journal.Entry{Day: f + 2, Notes: "after the flare"}) // not linked
	b.pain(f+2, 2)
	got := insights.DetectFlareups(b.journal(), f, f)
	if len(got) != 1 {
		t.Fatalf("got %+v", got)
	}
	fl := got[0]
	if fl.StartDay != f || fl.EndDay != f+1 || fl.Peak != 8 || fl.Baseline != 3 {
		t.Fatalf("got %+v", fl)
	}
	if *fl.PriorSleepHours != 4 || *fl.TypicalSleepHours != 7 || *fl.StressLevel != 7 || *fl.TypicalStress != 3.5 {
		t.Fatalf("sleep %v/%v stress %v/%v", *fl.PriorSleepHours, *fl.TypicalSleepHours, *fl.StressLevel, *fl.TypicalStress)
	}
	want := []insights.Link{
		{Day: f, Kind: "sleep", Text: "up every hour  "},
		{Day: f, Kind: "note", Text: "bad day"},
		{Day: f, Kind: "pain", Text: "lifting the car seat"},
		{Day: f + 1, Kind: "stress", Text: "work email"},
		{Day: f + 1, Kind: "pain", Text: "still sore"},
	}
	if !reflect.DeepEqual(fl.Links, want) {
		t.Fatalf("links %+v", fl.Links)
	}
}

func TestFlareLinksDayBefore(t *testing.T) {
	t.Parallel()
	b := (&builder{}).peaks(d0, repeat(2, 10)...)
	b.entry(journal.Entry{Day: d0 + 9, SleepNotes: "baby teething", Notes: "<script>alert(1)</script>"})
	b.entry(journal.Entry{Day: d0 + 8, Notes: "two days before: not linked"})
	b.pain(d0+10, 6)
	got := insights.DetectFlareups(b.journal(), d0, d0+20)
	if len(got) != 1 || got[0].PriorSleepHours != nil || got[0].StressLevel != nil {
		t.Fatalf("got %+v", got)
	}
	want := []insights.Link{
		{Day: d0 + 9, Kind: "sleep", Text: "baby teething"},
		{Day: d0 + 9, Kind: "note", Text: "<script>alert(1)</script>"},
	}
	if !reflect.DeepEqual(got[0].Links, want) {
		t.Fatalf("links %+v", got[0].Links)
	}
}

func TestFlareNoNotesHasEmptyLinks(t *testing.T) {
	t.Parallel()
	j := (&builder{}).peaks(d0, append(repeat(1, 7), 5)...).journal()
	got := insights.DetectFlareups(j, d0, d0+7)
	if len(got) != 1 || got[0].Links == nil || len(got[0].Links) != 0 || got[0].TypicalSleepHours != nil {
		t.Fatalf("got %+v", got)
	}
}

func TestFlareWindow(t *testing.T) {
	t.Parallel()
	// Flares on days 7-9 and 15-16 (a calm day at 10-14 between).
	peaks := append(repeat(1, 7), 6, 6, 6, 1, 1, 1, 1, 1, 7, 7, 1)
	j := (&builder{}).peaks(d0, peaks...).journal()
	scenarios := []struct {
		name     string
		from, to journal.Day
		want     []journal.Day // start days
	}{
		{"whole", d0, d0 + 20, []journal.Day{d0 + 7, d0 + 15}},
		{"window inside a run reports it whole", d0 + 8, d0 + 8, []journal.Day{d0 + 7}},
		{"window touching the last day", d0 + 9, d0 + 14, []journal.Day{d0 + 7}},
		{"window between runs", d0 + 10, d0 + 14, nil},
		{"window after all", d0 + 17, d0 + 40, nil},
		{"window crossing the second start", d0 + 14, d0 + 15, []journal.Day{d0 + 15}},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			var starts []journal.Day
			for _, f := range insights.DetectFlareups(j, sc.from, sc.to) {
				starts = append(starts, f.StartDay)
				if f.StartDay == d0+7 && f.EndDay != d0+9 {
					t.Errorf("run cut short: %+v", f)
				}
			}
			if !reflect.DeepEqual(starts, sc.want) {
				t.Fatalf("starts %v, want %v", starts, sc.want)
			}
		})
	}
	// Compute ignores data after `to`: a run still going at `to` ends there.
	doc := insights.Compute(j, journal.Profile{}, d0, d0+8)
	if len(doc.Flareups) != 1 || doc.Flareups[0].EndDay != d0+8 {
		t.Fatalf("compute flare-ups %+v", doc.Flareups)
	}
}

// TestFlareRowOrder: shuffling the rows (as a database may return them)
// changes nothing.
func TestFlareRowOrder(t *testing.T) {
	t.Parallel()
	j := simJournal(7, simConfig{days: 200, shortRate: 0.15, effect: 3})
	want := insights.DetectFlareups(j, 0, 1<<30)
	r := rand.New(rand.NewPCG(1, 2))
	for range 5 {
		r.Shuffle(len(j.Pain), func(a, b int) { j.Pain[a], j.Pain[b] = j.Pain[b], j.Pain[a] })
		r.Shuffle(len(j.Entries), func(a, b int) { j.Entries[a], j.Entries[b] = j.Entries[b], j.Entries[a] })
		r.Shuffle(len(j.Stress), func(a, b int) { j.Stress[a], j.Stress[b] = j.Stress[b], j.Stress[a] })
		if got := insights.DetectFlareups(j, 0, 1<<30); !reflect.DeepEqual(got, want) {
			t.Fatal("result depends on row order")
		}
	}
}

// A flare-up's links are bounded, so its record can always be stored.
func TestFlareLinksAreBounded(t *testing.T) {
	t.Parallel()
	var j journal.Journal
	first := journal.MustDay("2026-09-01")
	for i := range 20 {
		j.Pain = append(j.Pain, journal.Score{Day: first.AddDays(i), Score: 1})
	}
	flare := first.AddDays(20)
	long := strings.Repeat("\x01", 2000)
	for i := range 180 {
		j.Pain = append(j.Pain, journal.Score{Day: flare, Score: 9, Note: long, At: flare.Time().Add(time.Duration(i) * time.Minute)})
	}
	got := insights.DetectFlareups(j, first, flare)
	if len(got) != 1 {
		t.Fatalf("flare-ups = %d, want 1", len(got))
	}
	size := 0
	for _, l := range got[0].Links {
		size += len(l.Text)
	}
	if n := len(got[0].Links); n == 0 || n > insights.MaxLinks || size > insights.MaxLinkBytes {
		t.Fatalf("links: %d notes, %d bytes; want 1..%d notes within %d bytes", n, size, insights.MaxLinks, insights.MaxLinkBytes)
	}
}

package insights_test

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
)

const (
	minDay journal.Day = -1 << 30
	maxDay journal.Day = 1 << 30
)

// TestDetectFlareupsSubWindow: flare-ups computed on the full history and
// restricted to a window equal those computed on data sliced to the window
// (from DataStart of the earliest run touching it), which is all a bounded
// query gives the hook.
func TestDetectFlareupsSubWindow(t *testing.T) {
	t.Parallel()
	for seed := range uint64(40) {
		full := simJournal(seed, simConfig{days: 400, skip: 0.1, shortRate: 0.2, effect: 3})
		r := rand.New(rand.NewPCG(seed, 99))
		for range 25 {
			from := simStart + journal.Day(r.IntN(420)) - 10
			to := from + journal.Day(r.IntN(90))
			want := insights.DetectFlareups(full, from, to)
			lo, hi := from, to
			for _, f := range want {
				lo, hi = min(lo, f.StartDay), max(hi, f.EndDay)
			}
			got := insights.DetectFlareups(slice(full, insights.DataStart(lo), hi), from, to)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("seed %d window %v..%v:\n got %+v\nwant %+v", seed, from, to, runsOf(got), runsOf(want))
			}
		}
	}
}

// TestRecomputeSpanKeepsStoredEqual replays what the hook does after random
// edits and deletes: recompute RecomputeSpan's window from a bounded slice of
// data and replace the stored flare-ups there. The stored set must always
// equal a computation from scratch.
func TestRecomputeSpanKeepsStoredEqual(t *testing.T) {
	t.Parallel()
	for seed := range uint64(20) {
		j := simJournal(seed, simConfig{days: 300, skip: 0.1, shortRate: 0.2, effect: 3})
		stored := insights.DetectFlareups(j, minDay, maxDay)
		r := rand.New(rand.NewPCG(seed, 7))
		for step := range 60 {
			lo := simStart + journal.Day(r.IntN(300))
			hi := lo + journal.Day(r.IntN(3)*r.IntN(4)) // mostly one day, sometimes a bulk sync
			j = edit(j, r, lo, hi)
			from, to := insights.RecomputeSpan(lo, hi, stored)
			fresh := insights.DetectFlareups(slice(j, insights.DataStart(from), to), from, to)
			stored = slices.DeleteFunc(stored, func(f insights.Flareup) bool {
				return f.EndDay >= from && f.StartDay <= to
			})
			stored = append(stored, fresh...)
			slices.SortFunc(stored, func(a, b insights.Flareup) int { return int(a.StartDay - b.StartDay) })
			if want := insights.DetectFlareups(j, minDay, maxDay); !reflect.DeepEqual(stored, want) {
				t.Fatalf("seed %d step %d edit %v..%v span %v..%v:\nstored %+v\n  want %+v",
					seed, step, lo, hi, from, to, runsOf(stored), runsOf(want))
			}
		}
	}
}

// edit changes the rows of days lo..hi: deletes pain, adds a high or low
// reading, or rewrites the entry's notes.
func edit(j journal.Journal, r *rand.Rand, lo, hi journal.Day) journal.Journal {
	for d := lo; d <= hi; d++ {
		switch r.IntN(4) {
		case 0:
			j.Pain = slices.DeleteFunc(slices.Clone(j.Pain), func(s journal.Score) bool { return s.Day == d })
		case 1:
			j.Pain = append(slices.Clone(j.Pain), journal.Score{ID: "x", Day: d, At: d.Time(), Score: 6 + r.IntN(5), Note: "edit"})
		case 2:
			j.Pain = append(slices.Clone(j.Pain), journal.Score{ID: "y", Day: d, At: d.Time(), Score: r.IntN(3)})
		case 3:
			j.Entries = slices.Clone(j.Entries)
			for i := range j.Entries {
				if j.Entries[i].Day == d {
					j.Entries[i].Notes = "edited"
					j.Entries[i].SleepHours = new(4.0)
				}
			}
		}
	}
	return j
}

func TestRecomputeSpan(t *testing.T) {
	t.Parallel()
	L := journal.Day(insights.BaselineLookbackDays)
	stored := []insights.Flareup{
		{StartDay: 90, EndDay: 99},   // ends the day before the change: may merge
		{StartDay: 120, EndDay: 125}, // inside
		{StartDay: 150, EndDay: 170}, // crosses the end
		{StartDay: 300, EndDay: 301}, // far away
	}
	scenarios := []struct {
		name             string
		lo, hi           journal.Day
		stored           []insights.Flareup
		wantFrom, wantTo journal.Day
	}{
		{"nothing stored", 100, 100, nil, 100, 100 + L},
		{"bulk range", 100, 110, nil, 100, 110 + L},
		{"widened by touching runs", 100, 100, stored, 90, 170},
		{"adjacent after the end", 200, 200, []insights.Flareup{{StartDay: 257, EndDay: 260}}, 200, 260},
		{"gap of one day does not widen", 200, 200, []insights.Flareup{{StartDay: 258, EndDay: 260}, {StartDay: 190, EndDay: 198}}, 200, 256},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			from, to := insights.RecomputeSpan(sc.lo, sc.hi, sc.stored)
			if from != sc.wantFrom || to != sc.wantTo {
				t.Fatalf("got %v..%v, want %v..%v", int(from), int(to), int(sc.wantFrom), int(sc.wantTo))
			}
		})
	}
	if got := insights.DataStart(100); got != 100-L-1 {
		t.Fatalf("DataStart = %d", got)
	}
}

package insights

import (
	"strings"

	"github.com/mend-app/mend/internal/journal"
)

// Flare thresholds. DESIGN.md: on the 0–10 scale a change of about 2 points
// (or 30 %) is the usual threshold for a change that matters to a patient, so
// a flare day is at least FlareRise above the user's own baseline. FlareMin
// keeps a rise from 0 to 2 (still mild pain) from counting as a flare: 4 is
// where "moderate" starts on the app's scale.
const (
	FlareRise = 2
	FlareMin  = 4
)

// Kinds of Link, in the order they are listed within a day.
const (
	LinkSleep  = "sleep"
	LinkStress = "stress"
	LinkNote   = "note"
	LinkPain   = "pain"
)

// DetectFlareups returns the flare-ups that have at least one day in
// [from, to], in day order, never nil.
//
// A day's flare status depends only on its own pain and the
// BaselineLookbackDays before it, so every day from `from`-1 on is judged
// exactly when j holds all rows from DataStart(from) on. Runs are followed
// over all the data j holds, so one that crosses `from` or `to` is reported
// whole as far as that data goes; RecomputeSpan widens a window so that no
// reported run is cut short. The result does not depend on row order.
func DetectFlareups(j journal.Journal, from, to journal.Day) []Flareup {
	lo, hi, ok := dataSpan(&j)
	if !ok {
		return []Flareup{}
	}
	return newIndex(&j, lo, hi).flareups(from, to)
}

// RecomputeSpan tells the flare-up hook which days to recompute after rows on
// days changedFrom..changedTo were created, updated or deleted, given the
// flare-ups currently stored. A change on day d can alter flare days only in
// d..d+BaselineLookbackDays (their baselines look back that far) and the
// links and typical values of flare-ups starting in that span; stored
// flare-ups touching the span (or adjacent to it, as they may merge) widen it
// so every affected run is replaced whole.
//
// The hook then loads rows from DataStart(from) to `to`, calls
// DetectFlareups(j, from, to), deletes the stored flare-ups that intersect
// [from, to] and inserts the result; the outcome equals a computation from
// scratch (a property the tests check).
func RecomputeSpan(changedFrom, changedTo journal.Day, stored []Flareup) (from, to journal.Day) {
	from, to = changedFrom, changedTo+BaselineLookbackDays
	for grown := true; grown; {
		grown = false
		for _, f := range stored {
			if f.EndDay >= from-1 && f.StartDay <= to+1 && (f.StartDay < from || f.EndDay > to) {
				from, to = min(from, f.StartDay), max(to, f.EndDay)
				grown = true
			}
		}
	}
	return from, to
}

// flareups judges every logged day of the index and groups consecutive
// calendar flare days into runs; a gap day, logged or not, ends a run.
func (x *index) flareups(from, to journal.Day) []Flareup {
	out := []Flareup{}
	var cur *Flareup
	for _, d := range x.logged {
		base, ok := x.baselineAt(d)
		peak, _ := x.peak(d)
		if !ok || peak < FlareMin || float64(peak) < base+FlareRise {
			continue
		}
		if cur != nil && cur.EndDay == d-1 {
			cur.EndDay, cur.Peak = d, max(cur.Peak, peak)
			continue
		}
		x.finish(cur, from, to, &out)
		cur = x.startFlare(d, base, peak)
	}
	x.finish(cur, from, to, &out)
	return out
}

func (x *index) finish(f *Flareup, from, to journal.Day, out *[]Flareup) {
	if f == nil || f.EndDay < from || f.StartDay > to {
		return
	}
	f.Links = x.links(f.StartDay-1, f.EndDay)
	*out = append(*out, *f)
}

// startFlare records what preceded a flare: the sleep logged on its first day
// (the night before it) and that day's stress, next to their medians over the
// same logged days the baseline came from, so "usual" means one thing.
func (x *index) startFlare(d journal.Day, base float64, peak int) *Flareup {
	f := &Flareup{StartDay: d, EndDay: d, Peak: peak, Baseline: base}
	if v, ok := x.sleepHours(d); ok {
		f.PriorSleepHours = &v
	}
	if v, ok := x.stress(d); ok {
		f.StressLevel = &v
	}
	s, k, _ := x.baseWindow(d)
	if v, ok := x.medianOver(s, k, x.sleepHours); ok {
		f.TypicalSleepHours = &v
	}
	if v, ok := x.medianOver(s, k, x.stress); ok {
		f.TypicalStress = &v
	}
	return f
}

// Bounds on one flare-up's links. A long run of days with many long notes
// would otherwise grow without limit (and past what the flareups record can
// store, which would stop that user's flare-ups from updating). The first
// notes, which are the night and day before and the flare's first days,
// matter most; 60 notes is more than a clinician reads. Even if every
// character needed a 6-byte JSON escape, MaxLinkBytes stays under the
// record's 2 MB limit.
const (
	MaxLinks     = 60
	MaxLinkBytes = 256 << 10
)

// links collects the notes of days from..to: per day the entry's sleep,
// stress and general notes, then each pain reading's note in time order,
// up to MaxLinks and MaxLinkBytes. Texts are kept exactly as written; blank
// ones say nothing and are skipped.
func (x *index) links(from, to journal.Day) []Link {
	out := []Link{}
	size := 0
	add := func(d journal.Day, kind, text string) {
		if strings.TrimSpace(text) == "" || len(out) >= MaxLinks || size+len(text) > MaxLinkBytes {
			return
		}
		size += len(text)
		out = append(out, Link{Day: d, Kind: kind, Text: text})
	}
	for d := from; d <= to; d++ {
		if e := x.entry(d); e != nil {
			add(d, LinkSleep, e.SleepNotes)
			add(d, LinkStress, e.StressNotes)
			add(d, LinkNote, e.Notes)
		}
		for _, s := range x.painRows(d) {
			add(d, LinkPain, s.Note)
		}
	}
	return out
}

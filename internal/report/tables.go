package report

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
)

// count is one row of a frequency table.
type count struct {
	Code    string
	Label   string
	N       int
	Percent int // of the table's base, rounded
	Flare   int // for relief: days of use that were flare days
}

// label turns a stored code into the words the app shows for it
// (journal.Label): one vocabulary for the app, the charts and the report.
func label(code string) string { return journal.Label(code) }

// tally counts codes and orders them by frequency, then code, so equal
// counts always print in the same order.
func tally(codes map[string]int, base int) []count {
	out := make([]count, 0, len(codes))
	for c, n := range codes {
		row := count{Code: c, Label: label(c), N: n}
		if base > 0 {
			row.Percent = (100*n + base/2) / base
		}
		out = append(out, row)
	}
	slices.SortFunc(out, func(a, b count) int {
		return cmp.Or(cmp.Compare(b.N, a.N), cmp.Compare(a.Code, b.Code))
	})
	return out
}

// painTables counts where it hurt and what the parent was doing, as shares
// of all pain readings (a reading can name several areas).
func painTables(pain []journal.Score) (areas, activities []count) {
	a, act := map[string]int{}, map[string]int{}
	for _, s := range pain {
		for _, code := range s.Areas {
			a[code]++
		}
		if s.Activity != "" {
			act[s.Activity]++
		}
	}
	return tally(a, len(pain)), tally(act, len(pain))
}

// flareDays is the set of days inside any flare-up.
func flareDays(doc insights.Document) map[journal.Day]bool {
	set := map[journal.Day]bool{}
	for _, f := range doc.Flareups {
		for d := f.StartDay; d <= f.EndDay; d++ {
			set[d] = true
		}
	}
	return set
}

// careTables counts exercise days and relief use. Relief is split into
// flare days and other days and shown as counts only: people reach for
// relief because they hurt, so it is never presented as an association.
func careTables(in Input, flares map[journal.Day]bool) (exercises, relief []count, exerciseDays int) {
	ex, rel, relFlare := map[string]int{}, map[string]int{}, map[string]int{}
	for _, e := range in.Journal.Entries {
		if len(e.Exercises) > 0 {
			exerciseDays++
		}
		for _, id := range e.Exercises {
			ex[in.exerciseName(id)]++
		}
		for _, r := range e.Relief {
			rel[r]++
			if flares[e.Day] {
				relFlare[r]++
			}
		}
	}
	exercises = tally(ex, 0)
	for i := range exercises {
		exercises[i].Label = exercises[i].Code // names are already words
	}
	relief = tally(rel, 0)
	for i := range relief {
		relief[i].Flare = relFlare[relief[i].Code]
	}
	return exercises, relief, exerciseDays
}

// redFlag is one day on which warning signs were ticked.
type redFlag struct {
	Day   journal.Day
	Flags []string // labels
}

func redFlags(entries []journal.Entry) []redFlag {
	var out []redFlag
	for _, e := range entries {
		if len(e.RedFlags) == 0 {
			continue
		}
		rf := redFlag{Day: e.Day}
		for _, c := range e.RedFlags {
			rf.Flags = append(rf.Flags, label(c))
		}
		out = append(out, rf)
	}
	slices.SortStableFunc(out, func(a, b redFlag) int { return cmp.Compare(a.Day, b.Day) })
	return out
}

// note is one free-text note as printed in the notes table.
type note struct {
	Day  journal.Day
	Time string // local HH:MM for readings; empty for a day's entry
	Kind string
	Text string
	at   time.Time
}

// notes lists every note of the journal by day and time. Kinds follow the
// insights' link kinds (note, sleep, stress, pain) plus mood.
func notes(j journal.Journal, loc *time.Location) []note {
	var out []note
	for _, e := range j.Entries {
		for _, n := range []note{{Kind: "note", Text: e.Notes}, {Kind: "sleep", Text: e.SleepNotes}, {Kind: "stress", Text: e.StressNotes}} {
			if strings.TrimSpace(n.Text) != "" {
				n.Day = e.Day
				out = append(out, n)
			}
		}
	}
	for _, list := range []struct {
		kind   string
		scores []journal.Score
	}{{"pain", j.Pain}, {"mood", j.Mood}, {"stress", j.Stress}} {
		for _, s := range list.scores {
			if strings.TrimSpace(s.Note) == "" {
				continue
			}
			out = append(out, note{Day: s.Day, Time: s.At.In(loc).Format("15:04"), Kind: list.kind, Text: s.Note, at: s.At})
		}
	}
	// Entry notes (no time) come first in a day, then readings by time.
	slices.SortStableFunc(out, func(a, b note) int {
		return cmp.Or(cmp.Compare(a.Day, b.Day), a.at.Compare(b.at))
	})
	return out
}

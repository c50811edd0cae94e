package insights

import (
	"fmt"
	"slices"

	"github.com/mend-app/mend/internal/journal"
)

// Guidance levels, most pressing first.
const (
	LevelUrgent = "urgent"
	LevelPrompt = "prompt"
	LevelInfo   = "info"
)

// SeekCareArticle is the slug of the library piece on when to seek care,
// which every guidance entry points to.
const SeekCareArticle = "when-to-seek-care"

// Persistent pain: DESIGN.md says pain still there at about 6 weeks should be
// raised with the OB-GYN (and a pelvic-floor physical therapy referral asked
// for), and pain lingering past about 6 months needs an evaluation. "Still
// there" is judged on the last PersistLogged logged days on or after the
// milestone: at least PersistDays of them with peak ≥ FlareMin (moderate
// pain). Five of seven rather than all seven, so one good day does not hide
// weeks of pain; and at least five logged days are needed to say anything.
const (
	PersistLogged = 7
	PersistDays   = 5
)

type redFlag struct {
	level, what, advice string
}

// redFlags maps DESIGN.md's "when to seek care" onto the entry's red flags:
// bladder or bowel changes, fever with back pain and severe pain at night are
// urgent there; leg weakness is a neurological sign and a fall can injure the
// spine, so both are treated as urgent too; radiating pain and numbness or
// tingling call for a prompt visit.
var redFlags = map[string]redFlag{
	"bladder_bowel": {LevelUrgent, "new bladder or bowel changes",
		"Together with back or pelvic pain this needs urgent care: call your doctor or midwife today, or go to urgent care."},
	"fever": {LevelUrgent, "a fever",
		"A fever with back pain after birth needs urgent care: call your doctor or midwife today, or go to urgent care."},
	"leg_weakness": {LevelUrgent, "weakness in a leg",
		"New weakness in a leg needs urgent care: call your doctor or midwife today, or go to urgent care."},
	"night_pain": {LevelUrgent, "severe pain at night",
		"Severe pain at night needs urgent care: call your doctor or midwife today, or go to urgent care."},
	"after_fall": {LevelUrgent, "pain after a fall",
		"Pain after a fall needs urgent care so an injury can be ruled out: call your doctor today, or go to urgent care."},
	"leg_radiating": {LevelPrompt, "pain radiating down a leg",
		"Please see a clinician soon (within days) so it can be checked."},
	"numbness_tingling": {LevelPrompt, "numbness or tingling",
		"Please see a clinician soon (within days) so it can be checked."},
}

// guidance lists one entry per red flag logged in [from, to] (urgent first,
// then in the app's red-flag order) and at most one persistent-pain entry.
func (x *index) guidance(p journal.Profile, from, to journal.Day) []Guidance {
	type seen struct {
		n    int
		last journal.Day
	}
	flags := map[string]*seen{}
	var codes []string
	for d := from; d <= to; d++ {
		e := x.entry(d)
		if e == nil {
			continue
		}
		for _, c := range e.RedFlags {
			if flags[c] == nil {
				flags[c] = &seen{}
				codes = append(codes, c)
			}
			flags[c].n++
			flags[c].last = d
		}
	}
	slices.SortStableFunc(codes, func(a, b string) int {
		if c := levelRank(flagOf(a).level) - levelRank(flagOf(b).level); c != 0 {
			return c
		}
		return flagRank(a) - flagRank(b)
	})
	out := []Guidance{}
	for _, c := range codes {
		f, s := flagOf(c), flags[c]
		out = append(out, Guidance{
			Level: f.level, Code: "red_flag_" + c, Article: SeekCareArticle,
			Message: fmt.Sprintf("You noted %s on %s in this period, most recently on %s. %s",
				f.what, days(s.n), sentenceDate(s.last, to), f.advice),
		})
	}
	if g, ok := x.persistentPain(p, from, to); ok {
		out = append(out, g)
	}
	return out
}

// sentenceDate is a day as a sentence says it: "25 November", with the
// year when it is not the year the period ends in.
func sentenceDate(d, to journal.Day) string {
	if d.Time().Year() == to.Time().Year() {
		return d.Time().Format("2 January")
	}
	return d.Time().Format("2 January 2006")
}

func flagOf(code string) redFlag {
	if f, ok := redFlags[code]; ok {
		return f
	}
	return redFlag{LevelPrompt, "a warning sign (" + code + ")",
		"Please see a clinician soon so it can be checked."}
}

func levelRank(l string) int {
	return slices.Index([]string{LevelUrgent, LevelPrompt, LevelInfo}, l)
}

func flagRank(code string) int {
	if i := slices.Index(journal.RedFlags, code); i >= 0 {
		return i
	}
	return len(journal.RedFlags)
}

// persistentPain checks the latest milestone reached by `to` first: once pain
// is judged against 6 months, the 6-week message would only repeat it. When
// too few days were logged since 6 months, the 6-week check still speaks.
func (x *index) persistentPain(p journal.Profile, from, to journal.Day) (Guidance, bool) {
	if p.DeliveryDate == nil {
		return Guidance{}, false
	}
	checks := []struct {
		milestone journal.Day
		g         Guidance
	}{
		{sixMonths(*p.DeliveryDate), Guidance{Level: LevelPrompt, Code: "persistent_pain_6_months",
			Message: "Your pain has stayed at moderate or higher on most logged days more than 6 months after giving birth. " +
				"Pain that lingers this long deserves an evaluation: please book an appointment with your doctor or a physical therapist."}},
		{*p.DeliveryDate + 42, Guidance{Level: LevelInfo, Code: "persistent_pain_6_weeks",
			Message: "Your pain has stayed at moderate or higher on most logged days since 6 weeks after giving birth. " +
				"Tell your OB-GYN or midwife, and ask about a pelvic-floor or postpartum physical therapy referral (you can often refer yourself)."}},
	}
	for _, c := range checks {
		if c.milestone > to {
			continue
		}
		if x.persists(max(c.milestone, from), to) {
			c.g.Article = SeekCareArticle
			return c.g, true
		}
	}
	return Guidance{}, false
}

// persists reports whether at least PersistDays of the last PersistLogged
// logged days in [from, to] had a peak of at least FlareMin.
func (x *index) persists(from, to journal.Day) bool {
	logged, high := 0, 0
	for d := to; d >= from && logged < PersistLogged; d-- {
		if p, ok := x.peak(d); ok {
			logged++
			if p >= FlareMin {
				high++
			}
		}
	}
	return high >= PersistDays
}

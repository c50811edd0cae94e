package insights

import (
	"github.com/mend-app/mend/internal/journal"
)

// Compute builds the insights document for [from, to]. j may hold rows before
// from (the route loads from DataStart(from) so that baselines and flare-ups
// near the start of the period are right); rows after to are ignored, so a
// past period reads as it stood at its end and a flare-up still running at
// to ends there. Associations use the days of the period only.
func Compute(j journal.Journal, p journal.Profile, from, to journal.Day) Document {
	lo := from - 1 // lag-1 factors read the day before the period
	if l, _, ok := dataSpan(&j); ok {
		lo = min(lo, l)
	}
	x := newIndex(&j, lo, max(to, lo))
	c := x.curves(from, to)
	tz := "UTC"
	if p.Location != nil {
		tz = p.Location.String()
	}
	return Document{
		From:            from,
		To:              to,
		Timezone:        tz,
		WeeksPostpartum: WeeksPostpartum(p, to),
		Days:            x.series(from, to),
		Baseline:        x.documentBaseline(to),
		Flareups:        x.flareups(from, to),
		Associations:    c.associations(),
		Usual:           c.usualDays(),
		Milestones:      Milestones(p),
		Guidance:        x.guidance(p, from, to),
	}
}

// Milestones are the postpartum landmarks of DESIGN.md: 6 weeks (the usual
// postpartum check-up), 12 weeks, and 6 calendar months after the delivery
// date. All three are listed whether or not they fall in the period, so a
// chart can show what is coming; never nil, empty without a delivery date.
func Milestones(p journal.Profile) []Milestone {
	if p.DeliveryDate == nil {
		return []Milestone{}
	}
	d := *p.DeliveryDate
	return []Milestone{
		{Name: "6 weeks postpartum", Day: d + 42},
		{Name: "12 weeks postpartum", Day: d + 84},
		{Name: "6 months postpartum", Day: sixMonths(d)},
	}
}

// sixMonths is six calendar months after d, as time.AddDate counts them (so
// 31 August is followed by 3 March, or 2 March in a leap year: AddDate
// normalises "31 February").
func sixMonths(d journal.Day) journal.Day {
	return journal.DayOf(d.Time().AddDate(0, 6, 0))
}

// WeeksPostpartum is the number of whole weeks from the delivery date to day,
// or nil without a delivery date or before it.
func WeeksPostpartum(p journal.Profile, day journal.Day) *int {
	if p.DeliveryDate == nil || day < *p.DeliveryDate {
		return nil
	}
	w := int(day-*p.DeliveryDate) / 7
	return &w
}

package insights_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
)

func TestMilestones(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		delivery string
		want     []string
	}{
		{"2026-01-15", []string{"2026-02-26", "2026-04-09", "2026-07-15"}},
		// Six calendar months from 31 August is "31 February", which
		// time.AddDate normalises to 3 March.
		{"2026-08-31", []string{"2026-10-12", "2026-11-23", "2027-03-03"}},
		{"2027-08-31", []string{"2027-10-12", "2027-11-23", "2028-03-02"}}, // leap year
	}
	for _, sc := range scenarios {
		t.Run(sc.delivery, func(t *testing.T) {
			t.Parallel()
			ms := insights.Milestones(journal.Profile{DeliveryDate: ptr(day(sc.delivery))})
			var got []string
			for _, m := range ms {
				got = append(got, m.Day.String())
			}
			if !reflect.DeepEqual(got, sc.want) || ms[0].Name != "6 weeks postpartum" || ms[2].Name != "6 months postpartum" {
				t.Fatalf("got %v %+v", got, ms)
			}
		})
	}
	if ms := insights.Milestones(journal.Profile{}); ms == nil || len(ms) != 0 {
		t.Fatalf("no delivery date: %#v", ms)
	}
}

func TestWeeksPostpartum(t *testing.T) {
	t.Parallel()
	dd := day("2026-06-01")
	p := journal.Profile{DeliveryDate: &dd}
	for _, sc := range []struct {
		p    journal.Profile
		on   journal.Day
		want *int
	}{
		{journal.Profile{}, dd, nil},
		{p, dd - 1, nil},
		{p, dd, ptr(0)},
		{p, dd + 6, ptr(0)},
		{p, dd + 42, ptr(6)},
		{p, dd + 48, ptr(6)},
	} {
		if got := insights.WeeksPostpartum(sc.p, sc.on); !reflect.DeepEqual(got, sc.want) {
			t.Errorf("day %v: got %v, want %v", sc.on, got, sc.want)
		}
	}
}

func TestRedFlagGuidance(t *testing.T) {
	t.Parallel()
	from, to := d0, d0+30
	b := &builder{}
	b.entry(journal.Entry{Day: from + 2, RedFlags: []string{"leg_radiating", "fever"}})
	b.entry(journal.Entry{Day: from + 9, RedFlags: []string{"fever", "numbness_tingling"}})
	b.entry(journal.Entry{Day: from + 10, RedFlags: []string{"bladder_bowel", "night_pain", "leg_weakness"}})
	b.entry(journal.Entry{Day: from - 1, RedFlags: []string{"after_fall"}}) // before the period
	b.entry(journal.Entry{Day: to + 1, RedFlags: []string{"after_fall"}})   // after it
	doc := insights.Compute(b.journal(), journal.Profile{}, from, to)
	var got []string
	for _, g := range doc.Guidance {
		got = append(got, g.Level+" "+g.Code)
		if g.Article != "when-to-seek-care" || g.Message == "" || strings.Contains(strings.ToLower(g.Message), "you have ") {
			t.Errorf("guidance %+v", g)
		}
	}
	want := []string{
		"urgent red_flag_leg_weakness", "urgent red_flag_bladder_bowel", "urgent red_flag_fever", "urgent red_flag_night_pain",
		"prompt red_flag_leg_radiating", "prompt red_flag_numbness_tingling",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v\nwant %v", got, want)
	}
	fever := doc.Guidance[2].Message
	// The day reads as a date ("on 25 November"), never as 2026-11-25.
	if !strings.Contains(fever, "on 2 days") || !strings.Contains(fever, "most recently on "+(from+9).Time().Format("2 January")+".") ||
		strings.Contains(fever, (from+9).String()) {
		t.Fatalf("fever message %q", fever)
	}
	// A fall is urgent too.
	doc = insights.Compute(b.journal(), journal.Profile{}, from-1, from-1)
	if len(doc.Guidance) != 1 || doc.Guidance[0].Level != "urgent" || doc.Guidance[0].Code != "red_flag_after_fall" {
		t.Fatalf("after a fall: %+v", doc.Guidance)
	}
}

func TestPersistentPainGuidance(t *testing.T) {
	t.Parallel()
	dd := day("2026-01-10")
	p := journal.Profile{DeliveryDate: &dd}
	w6, m6 := dd+42, day("2026-07-10")
	scenarios := []struct {
		name     string
		start    journal.Day
		peaks    []int
		from, to journal.Day
		want     []string
	}{
		{"five of the last seven past 6 weeks", w6, []int{5, 4, 2, 6, 7, 1, 4}, w6 - 30, w6 + 6, []string{"info persistent_pain_6_weeks"}},
		{"gaps are skipped", w6, []int{5, -1, 4, 2, -1, 6, 7, -1, 1, 4}, w6 - 30, w6 + 9, []string{"info persistent_pain_6_weeks"}},
		{"four of seven is not persistent", w6, []int{5, 4, 2, 6, 3, 1, 4}, w6 - 30, w6 + 6, nil},
		{"days before the milestone do not count", w6 - 3, []int{5, 5, 5, 5, 5, 5, 1}, w6 - 30, w6 + 3, nil},
		{"days before the period do not count", w6, []int{5, 5, 5, 5, 5, 1, 1}, w6 + 3, w6 + 6, nil},
		{"before 6 weeks there is nothing to say", w6 - 20, repeat(8, 10), w6 - 20, w6 - 11, nil},
		{"past 6 months only the later message", m6, repeat(6, 7), m6 - 60, m6 + 6, []string{"prompt persistent_pain_6_months"}},
		{"just past 6 months the 6-week check still speaks", m6 - 5, repeat(6, 8), m6 - 60, m6 + 2, []string{"info persistent_pain_6_weeks"}},
		{"no delivery date", w6, repeat(8, 7), w6, w6 + 6, nil},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			prof := p
			if sc.name == "no delivery date" {
				prof = journal.Profile{}
			}
			doc := insights.Compute((&builder{}).peaks(sc.start, sc.peaks...).journal(), prof, sc.from, sc.to)
			var got []string
			for _, g := range doc.Guidance {
				got = append(got, g.Level+" "+g.Code)
			}
			if !reflect.DeepEqual(got, sc.want) {
				t.Fatalf("got %v, want %v", got, sc.want)
			}
		})
	}
}

// TestComputeEmpty pins the document's shape for a user with nothing logged:
// every list is [] (never null) and the baseline explains itself.
func TestComputeEmpty(t *testing.T) {
	t.Parallel()
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err) // tzdata is embedded (internal/journal), so this cannot happen
	}
	doc := insights.Compute(journal.Journal{}, journal.Profile{Location: loc}, d0, d0+1)
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"timezone":"America/New_York"`, `"weeks_postpartum":null`, `"flareups":[]`,
		`"associations":[]`, `"milestones":[]`, `"guidance":[]`, `"baseline":{"pain":null,"method":"median peak pain`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("missing %s in %s", want, b)
		}
	}
	if len(doc.Days) != 2 {
		t.Fatalf("days %d", len(doc.Days))
	}
	if doc := insights.Compute(journal.Journal{}, journal.Profile{}, d0, d0); doc.Timezone != "UTC" {
		t.Fatalf("default timezone %q", doc.Timezone)
	}
}

// TestLongDate: the year appears only when it differs from the period's end.
func TestLongDate(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ d, ref, want string }{
		{"2026-11-25", "2026-11-30", "25 November"},
		{"2026-01-01", "2026-12-31", "1 January"},
		{"2025-12-31", "2026-01-02", "31 December 2025"},
	} {
		if got := insights.LongDate(day(c.d), day(c.ref)); got != c.want {
			t.Errorf("LongDate(%s, %s) = %q, want %q", c.d, c.ref, got, c.want)
		}
	}
}

package journal_test

import (
	"math"
	"regexp"
	"slices"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/mend-app/mend/internal/journal"
)

// The validators are the last word on what reaches the database, so the
// fuzzers check the strong direction: whatever they accept is really valid.

func FuzzCheckScore(f *testing.F) {
	f.Add("pain", "2026-11-24", 6.0, "lower_back", "feeding", "note")
	f.Add("mood", "2026-11-25", 0.0, "", "", "")
	f.Add("stress", "2026-02-30", 10.5, "knee", "dancing", "\xff")
	f.Add("", "1899-12-31", math.Inf(1), "", "", "")
	f.Fuzz(func(t *testing.T, kind, day string, score float64, area, activity, note string) {
		s := journal.RawScore{Kind: journal.Kind(kind), Day: day, Score: score, Areas: []string{area}, Activity: activity, Note: note}
		p := journal.CheckScore(s, today)
		for field, problem := range p {
			if problem.Code == "" || problem.Message == "" {
				t.Fatalf("%s: empty problem %+v", field, problem)
			}
		}
		if len(p) > 0 {
			return
		}
		lo, hi, _ := journal.ScoreRange(s.Kind)
		if score != math.Trunc(score) || score < float64(lo) || score > float64(hi) {
			t.Fatalf("accepted score %v outside %d–%d", score, lo, hi)
		}
		if d, err := journal.ParseDay(day); err != nil || d > today {
			t.Fatalf("accepted day %q (%v)", day, err)
		}
		if !utf8.ValidString(note) || utf8.RuneCountInString(note) > journal.MaxScoreNoteChars {
			t.Fatalf("accepted a note of %d bytes that is invalid or too long", len(note))
		}
		if s.Kind == journal.KindPain && !slices.Contains(journal.PainAreas, area) {
			t.Fatalf("accepted pain area %q", area)
		}
	})
}

// reminderPattern is the users.reminder_time pattern in the migration; the
// Go check must never accept what the schema would then refuse.
var reminderPattern = regexp.MustCompile(`^([01]\d|2[0-3]):[0-5]\d$`)

func FuzzCheckUser(f *testing.F) {
	f.Add("2026-08-01", "cesarean", "Europe/Berlin", "20:30")
	f.Add("2026-11-25", "twins", "Mars/Olympus", "24:00")
	f.Add("", "", "", "9:30")
	f.Add("2026-02-29", "vaginal", "../../etc/passwd", "+9:30")
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, delivery, kind, zone, reminder string) {
		p := journal.CheckUser(journal.RawUser{DeliveryDate: delivery, DeliveryType: kind, Timezone: zone, ReminderTime: reminder}, now)
		for field, problem := range p {
			if problem.Code == "" || problem.Message == "" {
				t.Fatalf("%s: empty problem %+v", field, problem)
			}
		}
		if _, bad := p["timezone"]; !bad {
			if _, err := journal.LoadZone(zone); err != nil {
				t.Fatalf("accepted zone %q: %v", zone, err)
			}
		}
		if _, bad := p["reminder_time"]; !bad && reminder != "" && !reminderPattern.MatchString(reminder) {
			t.Fatalf("accepted reminder %q that the schema refuses", reminder)
		}
		if _, bad := p["delivery_date"]; !bad && delivery != "" {
			if d, err := journal.ParseDay(delivery); err != nil || d > journal.DayOf(now.Add(14*time.Hour)) {
				t.Fatalf("accepted delivery date %q (%v)", delivery, err)
			}
		}
		if _, bad := p["delivery_type"]; !bad && kind != "" && !slices.Contains(journal.DeliveryTypes, kind) {
			t.Fatalf("accepted delivery type %q", kind)
		}
	})
}

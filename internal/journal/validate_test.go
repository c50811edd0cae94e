package journal_test

import (
	"strings"
	"testing"
	"time"

	"github.com/mend-app/mend/internal/journal"
)

var today = journal.MustDay("2026-11-24")

func TestCheckEntry(t *testing.T) {
	t.Parallel()
	valid := journal.RawEntry{Day: "2026-11-24", SleepHours: []byte("5.75"), SleepQuality: 3, NightWakings: 4,
		Relief: []string{"heat"}, RedFlags: []string{"fever"}}
	scenarios := []struct {
		name  string
		edit  func(e *journal.RawEntry)
		field string
		code  string
	}{
		{"valid", func(e *journal.RawEntry) {}, "", ""},
		{"empty optional fields", func(e *journal.RawEntry) { *e = journal.RawEntry{Day: "2026-11-20"} }, "", ""},
		{"missing day", func(e *journal.RawEntry) { e.Day = "" }, "day", "validation_required"},
		{"impossible day", func(e *journal.RawEntry) { e.Day = "2026-02-30" }, "day", "validation_invalid_day"},
		{"future day", func(e *journal.RawEntry) { e.Day = "2026-11-25" }, "day", "validation_day_in_future"},
		{"sleep over 24", func(e *journal.RawEntry) { e.SleepHours = []byte("24.25") }, "sleep_hours", "validation_sleep_hours_range"},
		{"negative sleep", func(e *journal.RawEntry) { e.SleepHours = []byte("-1") }, "sleep_hours", "validation_sleep_hours_range"},
		{"sleep not in quarter hours", func(e *journal.RawEntry) { e.SleepHours = []byte("6.1") }, "sleep_hours", "validation_sleep_hours_step"},
		{"no sleep at all", func(e *journal.RawEntry) { e.SleepHours = []byte("0") }, "", ""},
		{"sleep not logged", func(e *journal.RawEntry) { e.SleepHours = []byte("null") }, "", ""},
		{"sleep blank form field", func(e *journal.RawEntry) { e.SleepHours = []byte(`""`) }, "", ""},
		{"sleep as text", func(e *journal.RawEntry) { e.SleepHours = []byte(`"six"`) }, "sleep_hours", "validation_sleep_hours_type"},
		{"sleep as quoted number", func(e *journal.RawEntry) { e.SleepHours = []byte(`"6"`) }, "sleep_hours", "validation_sleep_hours_type"},
		{"sleep as list", func(e *journal.RawEntry) { e.SleepHours = []byte(`[6]`) }, "sleep_hours", "validation_sleep_hours_type"},
		{"sleep as object", func(e *journal.RawEntry) { e.SleepHours = []byte(`{"h":6}`) }, "sleep_hours", "validation_sleep_hours_type"},
		{"sleep as bool", func(e *journal.RawEntry) { e.SleepHours = []byte(`true`) }, "sleep_hours", "validation_sleep_hours_type"},
		{"quality 6", func(e *journal.RawEntry) { e.SleepQuality = 6 }, "sleep_quality", "validation_out_of_range"},
		{"quality fraction", func(e *journal.RawEntry) { e.SleepQuality = 2.5 }, "sleep_quality", "validation_out_of_range"},
		{"wakings 31", func(e *journal.RawEntry) { e.NightWakings = 31 }, "night_wakings", "validation_out_of_range"},
		{"long note", func(e *journal.RawEntry) { e.Notes = strings.Repeat("é", 5001) }, "notes", "validation_too_long"},
		{"note at limit", func(e *journal.RawEntry) { e.SleepNotes = strings.Repeat("é", 5000) }, "", ""},
		{"invalid utf8", func(e *journal.RawEntry) { e.StressNotes = "\xff\xfe" }, "stress_notes", "validation_invalid_text"},
		{"unknown relief", func(e *journal.RawEntry) { e.Relief = []string{"wine"} }, "relief", "validation_invalid_value"},
		{"unknown red flag", func(e *journal.RawEntry) { e.RedFlags = []string{"headache"} }, "red_flags", "validation_invalid_value"},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			e := valid
			s.edit(&e)
			p := journal.CheckEntry(e, today)
			assertProblem(t, p, s.field, s.code)
		})
	}
}

func TestCheckScore(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		name  string
		in    journal.RawScore
		field string
		code  string
	}{
		{"pain 0 is valid", journal.RawScore{Kind: journal.KindPain, Day: "2026-11-24", Score: 0}, "", ""},
		{"pain 10 with areas", journal.RawScore{Kind: journal.KindPain, Day: "2026-11-24", Score: 10, Areas: []string{"lower_back", "pelvis_front"}, Activity: "lifting"}, "", ""},
		{"pain 11", journal.RawScore{Kind: journal.KindPain, Day: "2026-11-24", Score: 11}, "score", "validation_out_of_range"},
		{"pain -1", journal.RawScore{Kind: journal.KindPain, Day: "2026-11-24", Score: -1}, "score", "validation_out_of_range"},
		{"pain 4.5", journal.RawScore{Kind: journal.KindPain, Day: "2026-11-24", Score: 4.5}, "score", "validation_out_of_range"},
		{"unknown area", journal.RawScore{Kind: journal.KindPain, Day: "2026-11-24", Score: 3, Areas: []string{"knee"}}, "areas", "validation_invalid_value"},
		{"unknown activity", journal.RawScore{Kind: journal.KindPain, Day: "2026-11-24", Score: 3, Activity: "running"}, "activity", "validation_invalid_value"},
		{"mood 0", journal.RawScore{Kind: journal.KindMood, Day: "2026-11-24", Score: 0}, "score", "validation_out_of_range"},
		{"mood 5", journal.RawScore{Kind: journal.KindMood, Day: "2026-11-24", Score: 5}, "", ""},
		{"stress 0", journal.RawScore{Kind: journal.KindStress, Day: "2026-11-24", Score: 0}, "", ""},
		{"stress 11", journal.RawScore{Kind: journal.KindStress, Day: "2026-11-24", Score: 11}, "score", "validation_out_of_range"},
		{"note too long", journal.RawScore{Kind: journal.KindPain, Day: "2026-11-24", Score: 1, Note: strings.Repeat("a", 2001)}, "note", "validation_too_long"},
		{"future day", journal.RawScore{Kind: journal.KindStress, Day: "2027-01-01", Score: 2}, "day", "validation_day_in_future"},
		// 21:00 in Los Angeles on 2026-03-10, now judged in Berlin (06:00 on the 11th).
		{"time off its day in the current zone", journal.RawScore{Kind: journal.KindPain, Day: "2026-03-10", Score: 3, At: laEvening, Location: berlin}, "at", "validation_at_outside_day"},
		{"settled time off its day in the current zone", journal.RawScore{Kind: journal.KindPain, Day: "2026-03-10", Score: 3, At: laEvening, Location: berlin, Settled: true}, "", ""},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			assertProblem(t, journal.CheckScore(s.in, today), s.field, s.code)
		})
	}
}

var (
	berlin, _ = time.LoadLocation("Europe/Berlin")
	laEvening = time.Date(2026, 3, 11, 5, 0, 0, 0, time.UTC)
)

func TestCheckUser(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 24, 23, 30, 0, 0, time.UTC)
	scenarios := []struct {
		name  string
		in    journal.RawUser
		field string
		code  string
	}{
		{"valid", journal.RawUser{DeliveryDate: "2026-08-01", DeliveryType: "cesarean", Timezone: "Europe/Berlin", ReminderTime: "20:30"}, "", ""},
		{"tomorrow in UTC is today in Tokyo", journal.RawUser{DeliveryDate: "2026-11-25", Timezone: "Asia/Tokyo"}, "", ""},
		{"future delivery", journal.RawUser{DeliveryDate: "2026-11-25", Timezone: "UTC"}, "delivery_date", "validation_day_in_future"},
		{"bad zone", journal.RawUser{Timezone: "Mars/Olympus"}, "timezone", "validation_invalid_timezone"},
		{"empty zone", journal.RawUser{}, "timezone", "validation_invalid_timezone"},
		{"Local zone", journal.RawUser{Timezone: "Local"}, "timezone", "validation_invalid_timezone"},
		{"path zone", journal.RawUser{Timezone: "../../etc/passwd"}, "timezone", "validation_invalid_timezone"},
		{"bad delivery type", journal.RawUser{Timezone: "UTC", DeliveryType: "forceps"}, "delivery_type", "validation_invalid_value"},
		{"bad reminder", journal.RawUser{Timezone: "UTC", ReminderTime: "25:00"}, "reminder_time", "validation_invalid_time"},
		{"short reminder", journal.RawUser{Timezone: "UTC", ReminderTime: "8:00"}, "reminder_time", "validation_invalid_time"},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			assertProblem(t, journal.CheckUser(s.in, now), s.field, s.code)
		})
	}
}

func assertProblem(t *testing.T, p journal.Problems, field, code string) {
	t.Helper()
	if field == "" {
		if len(p) != 0 {
			t.Fatalf("want no problems, got %v", p)
		}
		return
	}
	got, ok := p[field]
	if !ok {
		t.Fatalf("want a problem on %s, got %v", field, p)
	}
	if got.Code != code {
		t.Fatalf("%s code = %s, want %s", field, got.Code, code)
	}
	if got.Message == "" || p.Err() == nil {
		t.Fatalf("%s has no message", field)
	}
}

func FuzzCheckEntry(f *testing.F) {
	f.Add("2026-11-24", "6.5", 3.0, 2.0, "note", "heat")
	f.Add("2026-02-30", "-1", 9.0, 99.0, "\xff", "wine")
	f.Add("2026-11-24", "null", 3.0, 2.0, "", "heat")
	f.Add("2026-11-24", `{"a":[1e999]}`, 3.0, 2.0, "", "heat")
	f.Fuzz(func(t *testing.T, day, sleep string, quality, wakings float64, note, relief string) {
		p := journal.CheckEntry(journal.RawEntry{Day: day, SleepHours: []byte(sleep), SleepQuality: quality,
			NightWakings: wakings, Notes: note, Relief: []string{relief}}, today)
		for field, problem := range p {
			if problem.Code == "" || problem.Message == "" {
				t.Fatalf("%s: empty problem %+v", field, problem)
			}
		}
	})
}

func FuzzLoadZone(f *testing.F) {
	for _, s := range []string{"UTC", "Europe/Berlin", "", "Local", "../x", "America/Argentina/Buenos_Aires"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		loc, err := journal.LoadZone(name)
		if err == nil && loc == nil {
			t.Fatal("nil location without error")
		}
	})
}

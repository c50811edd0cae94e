package insights_test

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
)

func TestBuildSeries(t *testing.T) {
	t.Parallel()
	d0 := day("2026-05-01")
	scenarios := []struct {
		name     string
		j        journal.Journal
		from, to journal.Day
		check    func(t *testing.T, s []insights.DayStat)
	}{
		{"empty journal gives unlogged days", journal.Journal{}, d0, d0 + 2, func(t *testing.T, s []insights.DayStat) {
			if len(s) != 3 {
				t.Fatalf("len = %d, want 3", len(s))
			}
			for i, d := range s {
				want := insights.DayStat{Day: d0 + journal.Day(i), Relief: []string{}, RedFlags: []string{}}
				if !reflect.DeepEqual(d, want) {
					t.Errorf("day %d = %+v, want %+v", i, d, want)
				}
			}
		}},
		{"to before from is empty, not nil", journal.Journal{}, d0, d0 - 1, func(t *testing.T, s []insights.DayStat) {
			if s == nil || len(s) != 0 {
				t.Fatalf("got %#v, want empty slice", s)
			}
		}},
		{"single day: peak, mean to one decimal, count", (&builder{}).pain(d0, 2, 6, 5).journal(), d0, d0, func(t *testing.T, s []insights.DayStat) {
			d := s[0]
			if !d.Logged || *d.PainPeak != 6 || *d.PainMean != 4.3 || d.PainCount != 3 {
				t.Fatalf("got peak %v mean %v count %d", *d.PainPeak, *d.PainMean, d.PainCount)
			}
			if d.Mood != nil || d.Stress != nil || d.SleepHours != nil || d.NightWakings != nil {
				t.Fatalf("unlogged measures must be nil: %+v", d)
			}
		}},
		{"pain of 0 is a logged zero", (&builder{}).pain(d0, 0).journal(), d0, d0, func(t *testing.T, s []insights.DayStat) {
			if !s[0].Logged || s[0].PainPeak == nil || *s[0].PainPeak != 0 {
				t.Fatalf("got %+v", s[0])
			}
		}},
		{"mood and stress are means of the day's readings", (&builder{}).mood(d0, 2, 3, 3).stress(d0, 7, 4).journal(), d0, d0, func(t *testing.T, s []insights.DayStat) {
			if *s[0].Mood != 2.7 || *s[0].Stress != 5.5 || s[0].PainPeak != nil || !s[0].Logged {
				t.Fatalf("got %+v", s[0])
			}
		}},
		{"entry only: logged, sleep from entry, empty lists", (&builder{}).entry(journal.Entry{Day: d0, SleepHours: new(5.5), SleepQuality: 3, NightWakings: 4, Exercises: []string{"a", "b"}}).journal(), d0, d0, func(t *testing.T, s []insights.DayStat) {
			d := s[0]
			if !d.Logged || *d.SleepHours != 5.5 || *d.SleepQuality != 3 || *d.NightWakings != 4 || d.Exercises != 2 {
				t.Fatalf("got %+v", d)
			}
			if d.Relief == nil || d.RedFlags == nil || d.PainPeak != nil {
				t.Fatalf("relief/red flags must be empty, not nil: %+v", d)
			}
		}},
		{"sleep 0 and quality 0 mean not logged, wakings untrusted", (&builder{}).entry(journal.Entry{Day: d0, NightWakings: 0, Relief: []string{"heat"}, RedFlags: []string{"fever"}}).journal(), d0, d0, func(t *testing.T, s []insights.DayStat) {
			d := s[0]
			if d.SleepHours != nil || d.SleepQuality != nil || d.NightWakings != nil {
				t.Fatalf("got %+v", d)
			}
			if !reflect.DeepEqual(d.Relief, []string{"heat"}) || !reflect.DeepEqual(d.RedFlags, []string{"fever"}) {
				t.Fatalf("got %+v", d)
			}
		}},
		{"quality alone makes zero wakings a real answer", (&builder{}).entry(journal.Entry{Day: d0, SleepQuality: 2}).journal(), d0, d0, func(t *testing.T, s []insights.DayStat) {
			if s[0].NightWakings == nil || *s[0].NightWakings != 0 || s[0].SleepHours != nil {
				t.Fatalf("got %+v", s[0])
			}
		}},
		{"gap between logged days stays unlogged", (&builder{}).peaks(d0, 3, -1, 5).journal(), d0, d0 + 2, func(t *testing.T, s []insights.DayStat) {
			if !s[0].Logged || s[1].Logged || s[1].PainPeak != nil || s[1].PainCount != 0 || !s[2].Logged {
				t.Fatalf("got %+v", s)
			}
		}},
		{"rows outside the range are ignored", (&builder{}).peaks(d0-1, 9, 2, 9).journal(), d0, d0, func(t *testing.T, s []insights.DayStat) {
			if len(s) != 1 || *s[0].PainPeak != 2 {
				t.Fatalf("got %+v", s)
			}
		}},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			sc.check(t, insights.BuildSeries(sc.j, sc.from, sc.to))
		})
	}
}

// TestBuildSeriesDST logs readings around the DST changes of zones east and
// west of UTC: days are integers, so each calendar day appears exactly once
// and a 23- or 25-hour day holds its own readings.
func TestBuildSeriesDST(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		zone, change string
	}{
		{"Europe/Berlin", "2026-03-29"},
		{"Europe/Berlin", "2026-10-25"},
		{"America/New_York", "2026-03-08"},
		{"America/New_York", "2026-11-01"},
	}
	for _, sc := range scenarios {
		t.Run(sc.zone+" "+sc.change, func(t *testing.T) {
			t.Parallel()
			loc, err := time.LoadLocation(sc.zone)
			if err != nil {
				t.Fatalf("tzdata is embedded, yet: %v", err)
			}
			c := day(sc.change).Time()
			b := &builder{}
			// Every 6 hours across three local days: the 00:30, 06:30, 12:30 and 18:30 wall times.
			start := time.Date(c.Year(), c.Month(), c.Day()-1, 0, 30, 0, 0, loc)
			for at := start; journal.DayOf(at.In(loc)) <= day(sc.change)+1; at = at.Add(6 * time.Hour) {
				d := journal.DayOf(at.In(loc))
				b.j.Pain = append(b.j.Pain, journal.Score{ID: b.id(), Day: d, At: at, Score: int(d - day(sc.change) + 5)})
			}
			s := insights.BuildSeries(b.journal(), day(sc.change)-1, day(sc.change)+1)
			if len(s) != 3 {
				t.Fatalf("len = %d", len(s))
			}
			for i, d := range s {
				if d.Day != day(sc.change)+journal.Day(i-1) || *d.PainPeak != 4+i {
					t.Errorf("day %v peak %v", d.Day, *d.PainPeak)
				}
				if d.PainCount < 3 || d.PainCount > 5 {
					t.Errorf("day %v count %d: a DST day has 23 or 25 hours, never 0 or 2 readings", d.Day, d.PainCount)
				}
			}
		})
	}
}

// TestZonesEastAndWest: the same instant is a different journal day east and
// west of UTC; the store assigns the day, and insights keep it.
func TestZonesEastAndWest(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 5, 1, 23, 30, 0, 0, time.UTC)
	for _, sc := range []struct {
		zone string
		want string
	}{{"Asia/Tokyo", "2026-05-02"}, {"Europe/Berlin", "2026-05-02"}, {"America/Los_Angeles", "2026-05-01"}, {"UTC", "2026-05-01"}} {
		t.Run(sc.zone, func(t *testing.T) {
			t.Parallel()
			loc, err := time.LoadLocation(sc.zone)
			if err != nil {
				t.Fatalf("tzdata is embedded, yet: %v", err)
			}
			j := journal.Journal{Pain: []journal.Score{{ID: "p", Day: journal.DayOf(at.In(loc)), At: at, Score: 7}}}
			doc := insights.Compute(j, journal.Profile{Location: loc}, day("2026-04-30"), day("2026-05-03"))
			if doc.Timezone != sc.zone {
				t.Errorf("timezone %q", doc.Timezone)
			}
			for _, s := range doc.Days {
				if s.Logged != (s.Day == day(sc.want)) {
					t.Errorf("day %v logged %v, want only %s", s.Day, s.Logged, sc.want)
				}
			}
		})
	}
}

// TestDayStatJSON pins the contract: unlogged measures are null, lists are [].
func TestDayStatJSON(t *testing.T) {
	t.Parallel()
	s := insights.BuildSeries(journal.Journal{}, day("2026-08-26"), day("2026-08-26"))
	b, err := json.Marshal(s[0])
	if err != nil {
		t.Fatal(err)
	}
	want := `{"day":"2026-08-26","logged":false,"pain_peak":null,"pain_mean":null,"pain_count":0,"mood":null,"stress":null,"sleep_hours":null,"sleep_quality":null,"night_wakings":null,"exercises":0,"relief":[],"red_flags":[]}`
	if string(b) != want {
		t.Fatalf("got %s", b)
	}
}

package journal_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/mend-app/mend/internal/journal"
)

func TestParseDay(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		in   string
		ok   bool
		want string
	}{
		{"2026-11-24", true, "2026-11-24"},
		{"2024-02-29", true, "2024-02-29"},
		{"1970-01-01", true, "1970-01-01"},
		{"1969-12-31", true, "1969-12-31"},
		{"2026-02-29", false, ""},
		{"2026-13-01", false, ""},
		{"2026-1-01", false, ""},
		{"2026-11-24T00:00:00Z", false, ""},
		{"", false, ""},
		{"24.11.2026", false, ""},
	}
	for _, s := range scenarios {
		t.Run(s.in, func(t *testing.T) {
			d, err := journal.ParseDay(s.in)
			if (err == nil) != s.ok {
				t.Fatalf("ParseDay(%q) err = %v, want ok %v", s.in, err, s.ok)
			}
			if s.ok && d.String() != s.want {
				t.Fatalf("ParseDay(%q) = %s, want %s", s.in, d, s.want)
			}
		})
	}
}

func TestLogicalDay(t *testing.T) {
	t.Parallel()
	berlin, _ := time.LoadLocation("Europe/Berlin")
	ny, _ := time.LoadLocation("America/New_York")
	tokyo, _ := time.LoadLocation("Asia/Tokyo")
	scenarios := []struct {
		name string
		at   string
		loc  *time.Location
		want string
	}{
		{"3:59 Berlin is yesterday", "2026-11-24T02:59:00Z", berlin, "2026-11-23"},
		{"4:00 Berlin is today", "2026-11-24T03:00:00Z", berlin, "2026-11-24"},
		{"late evening New York is the same local day", "2026-11-24T03:30:00Z", ny, "2026-11-23"},
		{"Tokyo is ahead of UTC", "2026-11-24T20:00:00Z", tokyo, "2026-11-25"},
		{"DST spring forward night in Berlin", "2026-03-29T01:30:00Z", berlin, "2026-03-28"},
		{"DST fall back night in New York", "2026-11-01T06:30:00Z", ny, "2026-10-31"},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			at, _ := time.Parse(time.RFC3339, s.at)
			if got := journal.LogicalDay(at, s.loc).String(); got != s.want {
				t.Fatalf("LogicalDay = %s, want %s", got, s.want)
			}
		})
	}
}

func TestDayArithmeticAcrossDST(t *testing.T) {
	t.Parallel()
	d := journal.MustDay("2026-03-28")
	if got := d.AddDays(2).String(); got != "2026-03-30" {
		t.Fatalf("AddDays across DST = %s", got)
	}
	if n := journal.MustDay("2026-12-31").DaysSince(journal.MustDay("2026-01-01")); n != 364 {
		t.Fatalf("DaysSince = %d, want 364", n)
	}
}

func TestDayJSON(t *testing.T) {
	t.Parallel()
	b, err := json.Marshal(journal.MustDay("2026-08-26"))
	if err != nil || string(b) != `"2026-08-26"` {
		t.Fatalf("marshal = %s, %v", b, err)
	}
	var d journal.Day
	if err := json.Unmarshal([]byte(`"2026-02-30"`), &d); err == nil {
		t.Fatal("unmarshal accepted an impossible date")
	}
}

func FuzzParseDay(f *testing.F) {
	for _, s := range []string{"2026-11-24", "2026-02-29", "0000-00-00", "9999-12-31", "", "2026-11-2\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := journal.ParseDay(s)
		if err != nil {
			return
		}
		if d.String() != s {
			t.Fatalf("round trip %q -> %q", s, d.String())
		}
	})
}

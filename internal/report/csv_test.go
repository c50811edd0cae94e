package report_test

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mend-app/mend/internal/report"
	"github.com/mend-app/mend/internal/report/reporttest"
)

func readCSV(t *testing.T, in report.Input) (raw string, rows [][]string) {
	t.Helper()
	var b bytes.Buffer
	if err := report.CSV(&b, in); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(b.String())).ReadAll()
	if err != nil {
		t.Fatalf("the export is not valid CSV: %v", err)
	}
	return b.String(), rows
}

var kinds = []string{"pain", "mood", "stress", "sleep_hours", "sleep_quality", "night_wakings", "exercise", "relief", "red_flag", "notes", "sleep_notes", "stress_notes"}

func TestCSVTidy(t *testing.T) {
	t.Parallel()
	raw, rows := readCSV(t, reporttest.Sample(30, reporttest.Hostile))
	if !strings.HasPrefix(raw, "kind,day,time,value,areas,activity,note\r\n") {
		t.Errorf("header or line end wrong: %q", raw[:50])
	}
	if !slices.Equal(rows[0], report.CSVHeader) {
		t.Errorf("header = %v", rows[0])
	}
	prevDay := ""
	for i, r := range rows[1:] {
		kind, day, at, value := r[0], r[1], r[2], r[3]
		if !slices.Contains(kinds, kind) {
			t.Fatalf("row %d: unknown kind %q", i, kind)
		}
		if day < prevDay {
			t.Fatalf("row %d: day %s before %s: rows are not in day order", i, day, prevDay)
		}
		prevDay = day
		switch kind {
		case "pain", "mood", "stress":
			if _, err := time.Parse(time.RFC3339, at); err != nil || !strings.HasPrefix(at, day) {
				t.Errorf("row %d: time %q is not RFC 3339 local time on %s", i, at, day)
			}
			if _, err := strconv.Atoi(value); err != nil {
				t.Errorf("row %d: %s value %q is not an integer code", i, kind, value)
			}
		case "sleep_hours", "sleep_quality", "night_wakings":
			if _, err := strconv.ParseFloat(value, 64); err != nil || at != "" {
				t.Errorf("row %d: %s row = %v", i, kind, r)
			}
		}
		if kind == "pain" && (r[4] == "" || strings.Contains(r[4], " ")) {
			t.Errorf("row %d: areas %q are not ;-joined codes", i, r[4])
		}
	}
}

func TestCSVQuotingAndInjection(t *testing.T) {
	t.Parallel()
	raw, rows := readCSV(t, reporttest.Sample(30, reporttest.Hostile))
	var notes []string
	for _, r := range rows[1:] {
		if r[6] != "" {
			notes = append(notes, r[6])
		}
	}
	for _, want := range []string{`'=HYPERLINK("http://example.invalid","x")`, "\"quoted\", comma; and a\nnew line"} {
		if !slices.Contains(notes, want) {
			t.Errorf("note %q not read back", want)
		}
	}
	if !strings.Contains(raw, `"'=HYPERLINK(""http://example.invalid"",""x"")"`) {
		t.Error("quotes inside a cell are not doubled as RFC 4180 says")
	}
	for _, r := range rows {
		for _, c := range r {
			if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
				t.Errorf("cell %q starts a formula", c)
			}
		}
	}
}

func TestCSVNotesOff(t *testing.T) {
	t.Parallel()
	in := reporttest.Sample(30, nil)
	in.Notes = false
	_, rows := readCSV(t, in)
	for _, r := range rows[1:] {
		if r[6] != "" || strings.HasSuffix(r[0], "notes") {
			t.Errorf("row %v holds a note with notes off", r)
		}
	}
}

func FuzzCSVCell(f *testing.F) {
	for _, s := range []string{"", "=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "\nx", "plain", "'=x", "５", "  =1+1", " ",
		"\u00a0=1", "\u3000+1", "＝1", "＠x", "\u200b-1", "\u00a0text"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := report.SafeCell(s)
		if startsFormula(got) {
			t.Fatalf("SafeCell(%q) = %q starts a formula, spaces aside", s, got)
		}
		if got != s && got != "'"+s {
			t.Fatalf("SafeCell(%q) = %q: only a leading quote may be added", s, got)
		}
		if got != s && !startsFormula(s) {
			t.Fatalf("SafeCell(%q) changed a harmless cell", s)
		}
	})
}

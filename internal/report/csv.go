package report

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/mend-app/mend/internal/journal"
)

// CSVHeader is the header row of the CSV export. The file is tidy: one row
// per observation, one column per variable.
//
//   - kind: pain, mood or stress for a reading; for a daily entry one of
//     sleep_hours, sleep_quality, night_wakings, exercise, relief, red_flag,
//     notes, sleep_notes, stress_notes (one row per measure, one per exercise,
//     relief or red flag ticked).
//   - day: the journal day, YYYY-MM-DD (sleep is the night before it).
//   - time: for readings, the local time in the user's zone as RFC 3339 with
//     its offset (2026-09-02T07:15:00+02:00), which reads as the clock the
//     parent saw and still converts exactly; empty for entry rows.
//   - value: the score or measure as stored: numbers, codes (lower_back,
//     heat, leg_radiating) rather than labels, exercise names (record ids
//     mean nothing outside the database; the id when the name is unknown).
//   - areas: pain areas as codes joined by ';'. activity: the pain activity code.
//   - note: the free text; empty when notes are off, and entry rows that hold
//     only a note (notes, sleep_notes, stress_notes) are then left out whole.
var CSVHeader = []string{"kind", "day", "time", "value", "areas", "activity", "note"}

type csvRow struct {
	day    journal.Day
	at     time.Time // zero for entry rows, which sort first in their day
	fields []string
}

// CSV writes the journal as RFC 4180 CSV (CRLF line ends, quotes where
// needed) with every cell made safe for spreadsheets (see safeCell).
func CSV(w io.Writer, in Input) error {
	in, err := in.redacted()
	if err != nil {
		return err
	}
	rows := csvRows(in)
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // RFC 4180 line ends
	if err := cw.Write(CSVHeader); err != nil {
		return fmt.Errorf("report: write csv: %w", err)
	}
	for _, r := range rows {
		for i, f := range r.fields {
			r.fields[i] = safeCell(f)
		}
		if err := cw.Write(r.fields); err != nil {
			return fmt.Errorf("report: write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("report: write csv: %w", err)
	}
	return nil
}

func csvRows(in Input) []csvRow {
	loc := in.location()
	var rows []csvRow
	for _, e := range in.Journal.Entries {
		add := func(kind, value, note string) {
			rows = append(rows, csvRow{day: e.Day, fields: []string{kind, e.Day.String(), "", value, "", "", note}})
		}
		if e.HasSleep() {
			if e.SleepHours != nil { // 0 is a night without sleep
				add("sleep_hours", strconv.FormatFloat(*e.SleepHours, 'f', -1, 64), "")
			}
			if e.SleepQuality > 0 {
				add("sleep_quality", strconv.Itoa(e.SleepQuality), "")
			}
			add("night_wakings", strconv.Itoa(e.NightWakings), "")
		}
		for _, id := range e.Exercises {
			add("exercise", in.exerciseName(id), "")
		}
		for _, r := range e.Relief {
			add("relief", r, "")
		}
		for _, f := range e.RedFlags {
			add("red_flag", f, "")
		}
		for _, n := range [][2]string{{"notes", e.Notes}, {"sleep_notes", e.SleepNotes}, {"stress_notes", e.StressNotes}} {
			if in.Notes && strings.TrimSpace(n[1]) != "" {
				add(n[0], "", n[1])
			}
		}
	}
	for _, list := range []struct {
		kind   journal.Kind
		scores []journal.Score
	}{{journal.KindPain, in.Journal.Pain}, {journal.KindMood, in.Journal.Mood}, {journal.KindStress, in.Journal.Stress}} {
		for _, s := range list.scores {
			at := ""
			if !s.At.IsZero() {
				at = s.At.In(loc).Format(time.RFC3339)
			}
			rows = append(rows, csvRow{day: s.Day, at: s.At, fields: []string{
				string(list.kind), s.Day.String(), at, strconv.Itoa(s.Score),
				strings.Join(s.Areas, ";"), s.Activity, s.Note,
			}})
		}
	}
	slices.SortStableFunc(rows, func(a, b csvRow) int {
		return cmp.Or(cmp.Compare(a.day, b.day), a.at.Compare(b.at))
	})
	return rows
}

// safeCell defuses spreadsheet formulas (OWASP "CSV Injection"): a cell
// that starts with =, +, -, @ (or their full-width and small forms, or the
// minus sign), tab, carriage return or line feed gets a leading single
// quote, so Excel, LibreOffice and Sheets show it as text instead of running
// it. Leading spaces of any kind (ASCII, no-break, ideographic and the
// other Unicode spaces, zero-width ones too) are looked through first,
// because spreadsheets trim or normalise them before deciding whether a
// cell is a formula. The export writes no negative numbers, so no number is
// ever changed.
func safeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '\t', '\r', '\n':
		return "'" + s
	}
	t := strings.TrimLeftFunc(s, isCellSpace)
	if t == "" {
		return s
	}
	r, _ := utf8.DecodeRuneInString(t)
	if strings.ContainsRune(formulaStarts, r) {
		return "'" + s
	}
	return s
}

// formulaStarts are the characters a spreadsheet may read as the start of
// a formula: ASCII, full-width (＝＋－＠), small (﹦﹢﹣) and U+2212 minus,
// and the line breaks some importers skip.
const formulaStarts = "=+-@\t\r\n\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\u2212"

// isCellSpace is any Unicode space plus the zero-width characters that
// render as nothing (U+200B, U+2060, U+FEFF, U+180E).
func isCellSpace(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Zs, r) || r == '\u200b' || r == '\u2060' || r == '\ufeff' || r == '\u180e'
}

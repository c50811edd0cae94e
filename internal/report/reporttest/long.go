package reporttest

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"

	mendcharts "github.com/mend-app/mend/internal/charts"
	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
	"github.com/mend-app/mend/internal/report"
)

// LongJournal is the journal issue 13 measured: days of daily logs ending
// at End, four records a day (the day's entry and one pain, mood and stress
// reading), each with a long note, as a parent can write within the create
// limit. 1,826 days give 7,304 records. The profile's delivery is the day
// before the first log.
func LongJournal(days, noteChars int) (journal.Journal, journal.Profile) {
	loc := berlin()
	r := rand.New(rand.NewPCG(uint64(days), 7))
	from := End.AddDays(-(days - 1))
	delivery := from.AddDays(-1)
	words := strings.Fields("baby fed at night back ached after lifting the car seat slept two hours then woke pelvis sore walking stairs physio said keep going with the tilts heat helped a little")
	note := func(i int) string {
		var b strings.Builder
		fmt.Fprintf(&b, "Day %d. ", i)
		for b.Len() < noteChars {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteByte(' ')
		}
		return b.String()[:noteChars]
	}
	var j journal.Journal
	for i := range days {
		d := from.AddDays(i)
		base := 6 - 4*float64(i)/float64(days)
		j.Entries = append(j.Entries, journal.Entry{
			ID: fmt.Sprintf("e%05d", i), Day: d, SleepHours: new(float64(3*4+r.IntN(20)) / 4),
			SleepQuality: 1 + r.IntN(5), NightWakings: r.IntN(5), Notes: note(i),
			Relief: []string{"heat", "rest", "support_belt"}[:r.IntN(3)],
		})
		j.Pain = append(j.Pain, journal.Score{ID: fmt.Sprintf("p%05d", i), Day: d, At: clock(d, 9, r.IntN(60), loc),
			Score: min(10, max(0, int(base)+r.IntN(4)-1+4*boolInt(r.IntN(30) == 0))), Areas: []string{"lower_back", "pelvis_front"}[:1+r.IntN(2)],
			Activity: journal.Activities[r.IntN(len(journal.Activities))], Note: note(i)})
		j.Mood = append(j.Mood, journal.Score{ID: fmt.Sprintf("m%05d", i), Day: d, At: clock(d, 20, 0, loc), Score: 1 + r.IntN(5), Note: note(i)})
		j.Stress = append(j.Stress, journal.Score{ID: fmt.Sprintf("s%05d", i), Day: d, At: clock(d, 21, 0, loc), Score: r.IntN(11), Note: note(i)})
	}
	return j, journal.Profile{DeliveryDate: &delivery, DeliveryType: "vaginal", Location: loc}
}

// LongInput is a report input of LongJournal with the real insights and
// chart options, as the report route builds them.
func LongInput(days, noteChars int) report.Input {
	j, p := LongJournal(days, noteChars)
	from := End.AddDays(-(days - 1))
	doc := insights.Compute(j, p, from, End)
	opts := map[string]json.RawMessage{}
	for _, name := range mendcharts.Names {
		if raw, err := mendcharts.Build(name, doc, j); err == nil {
			opts[name] = raw
		}
	}
	return report.Input{Doc: doc, Journal: j, Profile: p, Charts: opts, Notes: true, Generated: Generated}
}

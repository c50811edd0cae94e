package insights_test

import (
	"fmt"
	"time"

	"github.com/mend-app/mend/internal/journal"
)

func day(s string) journal.Day { return journal.MustDay(s) }

// builder assembles a journal in tests; IDs are sequential so runs repeat.
type builder struct {
	j    journal.Journal
	next int
}

func (b *builder) id() string {
	b.next++
	return fmt.Sprintf("r%05d", b.next)
}

func (b *builder) score(d journal.Day, v int, note string) journal.Score {
	return journal.Score{ID: b.id(), Day: d, At: d.Time().Add(time.Duration(8+len(b.j.Pain)%12) * time.Hour), Score: v, Note: note}
}

func (b *builder) pain(d journal.Day, scores ...int) *builder {
	for _, s := range scores {
		b.j.Pain = append(b.j.Pain, b.score(d, s, ""))
	}
	return b
}

func (b *builder) painNote(d journal.Day, s int, note string) *builder {
	b.j.Pain = append(b.j.Pain, b.score(d, s, note))
	return b
}

// peaks logs one pain score per consecutive day from start; -1 skips a day.
func (b *builder) peaks(start journal.Day, peaks ...int) *builder {
	for i, p := range peaks {
		if p >= 0 {
			b.pain(start+journal.Day(i), p)
		}
	}
	return b
}

func (b *builder) mood(d journal.Day, scores ...int) *builder {
	for _, s := range scores {
		b.j.Mood = append(b.j.Mood, b.score(d, s, ""))
	}
	return b
}

func (b *builder) stress(d journal.Day, scores ...int) *builder {
	for _, s := range scores {
		b.j.Stress = append(b.j.Stress, b.score(d, s, ""))
	}
	return b
}

func (b *builder) entry(e journal.Entry) *builder {
	e.ID = b.id()
	b.j.Entries = append(b.j.Entries, e)
	return b
}

func (b *builder) journal() journal.Journal { return b.j }

func ptr[T any](v T) *T { return &v }

func repeat(v, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = v
	}
	return out
}

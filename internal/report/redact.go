package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
)

// StripNotes returns a copy of doc without the free text of flare-up links.
// The links are dropped, not blanked: an empty link would still tell a reader
// that a note of that kind was written on that day. Build charts from the
// result when a report is made with notes off.
func StripNotes(doc insights.Document) insights.Document {
	out := doc
	out.Flareups = make([]insights.Flareup, len(doc.Flareups))
	for i, f := range doc.Flareups {
		f.Links = []insights.Link{}
		out.Flareups[i] = f
	}
	return out
}

// stripJournal returns a copy of j with every note blanked. Slices are
// copied so the caller's records are never changed.
func stripJournal(j journal.Journal) journal.Journal {
	out := journal.Journal{
		Entries: make([]journal.Entry, len(j.Entries)),
		Pain:    stripScores(j.Pain),
		Mood:    stripScores(j.Mood),
		Stress:  stripScores(j.Stress),
	}
	for i, e := range j.Entries {
		e.Notes, e.SleepNotes, e.StressNotes = "", "", ""
		out.Entries[i] = e
	}
	return out
}

func stripScores(s []journal.Score) []journal.Score {
	out := make([]journal.Score, len(s))
	for i, v := range s {
		v.Note = ""
		out[i] = v
	}
	return out
}

// redacted applies in.Notes to the whole input: with notes off, the journal,
// the flare-up links and the chart options lose their free text. Every
// renderer starts from it, so no format can forget a field.
func (in Input) redacted() (Input, error) {
	if in.Notes {
		return in, nil
	}
	texts := noteTexts(in)
	out := in
	out.Doc = StripNotes(in.Doc)
	out.Journal = stripJournal(in.Journal)
	out.Charts = make(map[string]json.RawMessage, len(in.Charts))
	for name, raw := range in.Charts {
		clean, err := scrubChart(raw, texts)
		if err != nil {
			return Input{}, fmt.Errorf("report: chart %q: %w", name, err)
		}
		out.Charts[name] = clean
	}
	return out, nil
}

// noteTexts lists every distinct non-blank note of the input.
func noteTexts(in Input) []string {
	var texts []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			texts = append(texts, s)
		}
	}
	for _, e := range in.Journal.Entries {
		add(e.Notes)
		add(e.SleepNotes)
		add(e.StressNotes)
	}
	for _, list := range [][]journal.Score{in.Journal.Pain, in.Journal.Mood, in.Journal.Stress} {
		for _, s := range list {
			add(s.Note)
		}
	}
	for _, f := range in.Doc.Flareups {
		for _, l := range f.Links {
			add(l.Text)
		}
	}
	slices.Sort(texts)
	return slices.Compact(texts)
}

// noteKeys are object keys under which chart builders carry notes; their
// values are removed whatever they hold.
var noteKeys = map[string]bool{"links": true, "note": true, "notes": true, "sleep_notes": true, "stress_notes": true}

// minPrefix is the shortest chart string that is treated as a shortened
// note when a note contains it. Shorter strings (series names, "Pain") are
// too likely to occur inside a note by chance.
const minPrefix = 16

// scrubChart removes note text from an ECharts option: values under noteKeys
// go, and any string that contains a note, or is a long enough piece of one
// (a tooltip may shorten a note and add an ellipsis), becomes "".
func scrubChart(raw json.RawMessage, texts []string) (json.RawMessage, error) {
	var v any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber() // keep numbers exactly as the builder wrote them
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("option is not JSON: %w", err)
	}
	v = scrubValue(v, texts)
	return json.Marshal(v)
}

func scrubValue(v any, texts []string) any {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			if noteKeys[k] {
				delete(x, k)
				continue
			}
			x[k] = scrubValue(val, texts)
		}
	case []any:
		for i, val := range x {
			x[i] = scrubValue(val, texts)
		}
	case string:
		if isNoteText(x, texts) {
			return ""
		}
	}
	return v
}

func isNoteText(s string, texts []string) bool {
	core := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), "….")) // a shortened note ends in an ellipsis
	for _, t := range texts {
		if strings.Contains(s, t) || (len(core) >= minPrefix && strings.Contains(t, core)) {
			return true
		}
	}
	return false
}

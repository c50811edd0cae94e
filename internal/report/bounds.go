package report

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/mend-app/mend/internal/insights"
)

// Fixed sizes that keep a report of any period, up to the five years a
// report may cover, readable and small (under 3 MB of HTML and 40 printed
// pages for five years of long notes): the newest notes up to a budget,
// each shortened past a length, and the most recent flare-ups. Everything
// left out is in the CSV and JSON exports, and the report says how much.
const (
	maxNotes       = 100
	noteBudget     = 20000 // characters of note text in the notes section
	maxNoteChars   = 1500  // a longer note is shortened
	maxFlareRows   = 20
	maxFlareLinks  = 3   // linked notes shown per flare-up
	maxLinkChars   = 200 // a flare-up's linked note, as its table cell shows it
	shortenedMark  = "…"
	exportPointer  = "the CSV and JSON exports"
	captionMaxText = 300
)

// recentNotes keeps the newest notes (newest first) within maxNotes and
// noteBudget characters and returns how many were left out.
func recentNotes(all []note) (shown []note, more int) {
	budget := noteBudget
	for i := len(all) - 1; i >= 0; i-- {
		n := all[i]
		n.Text = shorten(n.Text, maxNoteChars)
		size := len([]rune(n.Text))
		if len(shown) == maxNotes || size > budget {
			return shown, i + 1
		}
		budget -= size
		shown = append(shown, n)
	}
	return shown, 0
}

// flareRow is a flare-up as the report's table shows it: its first linked
// notes, shortened, and how many more there are.
type flareRow struct {
	insights.Flareup
	MoreLinks int
}

// recentFlareups keeps the last maxFlareRows flare-ups, each with its first
// maxFlareLinks linked notes shortened, and returns how many earlier
// flare-ups were left out.
func recentFlareups(all []insights.Flareup) (shown []flareRow, earlier int) {
	if len(all) > maxFlareRows {
		earlier = len(all) - maxFlareRows
	}
	for _, f := range all[earlier:] {
		row := flareRow{Flareup: f}
		links := slices.Clone(f.Links[:min(len(f.Links), maxFlareLinks)])
		for i := range links {
			links[i].Text = shorten(links[i].Text, maxLinkChars)
		}
		row.Links, row.MoreLinks = links, len(f.Links)-len(links)
		shown = append(shown, row)
	}
	return shown, earlier
}

// shorten cuts s to at most n characters, ending in an ellipsis when cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + shortenedMark
}

// caption is a chart's own title and subtitle, printed by the report under
// its section heading instead of inside the chart, so a heading is never
// repeated and a long title is never cut at the chart's edge.
type caption struct{ Title, Sub string }

// chartCaption reads a chart option's title, if any.
func chartCaption(raw json.RawMessage) caption {
	var opt struct {
		Title json.RawMessage `json:"title"`
	}
	if json.Unmarshal(raw, &opt) != nil || len(opt.Title) == 0 {
		return caption{}
	}
	var t struct {
		Text    string `json:"text"`
		Subtext string `json:"subtext"`
	}
	if json.Unmarshal(opt.Title, &t) != nil {
		var list []struct {
			Text    string `json:"text"`
			Subtext string `json:"subtext"`
		}
		if json.Unmarshal(opt.Title, &list) != nil || len(list) == 0 {
			return caption{}
		}
		t = list[0]
	}
	return caption{Title: shorten(t.Text, captionMaxText), Sub: shorten(t.Subtext, captionMaxText)}
}

// moreLine says how much a bounded section left out.
func moreLine(n int, one, many string) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("%s not shown here; every one is in %s.", plural(n, one, many), exportPointer)
}

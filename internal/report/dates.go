package report

import (
	"fmt"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
)

// oneYear reports whether the document's period lies in one calendar year,
// where "25 November" needs no year (the header gives it).
func oneYear(doc insights.Document) bool {
	return doc.From.Time().Year() == doc.To.Time().Year()
}

// longDate is a day as a sentence says it: "25 November", with the year
// when the period spans more than one calendar year.
func longDate(d journal.Day, doc insights.Document) string {
	if oneYear(doc) {
		return d.Time().Format("2 January")
	}
	return d.Time().Format("2 January 2006")
}

// shortDate is a day in a table cell: "Mon 25 Nov", or "25 Nov 2026" when
// the period spans more than one calendar year.
func shortDate(d journal.Day, doc insights.Document) string {
	if oneYear(doc) {
		return d.Time().Format("Mon 2 Jan")
	}
	return d.Time().Format("2 Jan 2006")
}

// periodText is the header's period: "26 August to 23 November 2026".
func periodText(doc insights.Document) string {
	layout := "2 January 2006"
	if oneYear(doc) {
		layout = "2 January"
	}
	return fmt.Sprintf("%s to %s", doc.From.Time().Format(layout), doc.To.Time().Format("2 January 2006"))
}

// plural is "1 day" or "3 days".
func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// Date and Day give the template the two date forms for this report.
func (p *page) Date(d journal.Day) string { return longDate(d, p.In.Doc) }

// Day is a day in a table cell; see shortDate.
func (p *page) Day(d journal.Day) string { return shortDate(d, p.In.Doc) }

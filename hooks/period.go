package hooks

import (
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"github.com/mend-app/mend/internal/insights"
	"github.com/mend-app/mend/internal/journal"
	"github.com/mend-app/mend/internal/store"
)

// Period bounds from DESIGN.md: the default view is the last 90 days, and a
// request may span at most about five years (which also bounds the work a
// single request can cause).
const (
	defaultPeriodDays = 90
	maxPeriodDays     = 5*366 + 1
)

// period is one user's data for a requested range, loaded once per request.
type period struct {
	userID   string
	profile  journal.Profile
	from, to journal.Day
	journal  journal.Journal
}

// loadPeriod reads from= and to= (days in the user's zone; default the last
// 90 days ending today) and the user's rows from the baseline window before
// from up to to, through indexed queries.
func (h *handlers) loadPeriod(e *core.RequestEvent) (*period, error) {
	q := e.Request.URL.Query()
	return h.loadPeriodOf(e, q.Get("from"), q.Get("to"))
}

// loadPeriodOf is loadPeriod for a period given as text, from a query
// string or a request body.
func (h *handlers) loadPeriodOf(e *core.RequestEvent, fromText, toText string) (*period, error) {
	p, err := h.periodBounds(e, fromText, toText)
	if err != nil {
		return nil, err
	}
	p.journal, err = loadCoveringFlareups(e.App, p.userID, p.from, p.to)
	if err != nil {
		return nil, err
	}
	return p, nil
}

// periodBounds is loadPeriodOf without the rows: the signed-in user, her
// profile and the validated period.
func (h *handlers) periodBounds(e *core.RequestEvent, fromText, toText string) (*period, error) {
	if e.Auth == nil || e.Auth.Collection().Name != store.Users {
		return nil, apis.NewUnauthorizedError("Sign in to see your journal.", nil)
	}
	p := &period{userID: e.Auth.Id, profile: store.ProfileFromRecord(e.Auth)}
	var err error
	p.from, p.to, err = parsePeriod(fromText, toText, journal.Today(h.now(), p.profile.Location))
	if err != nil {
		return nil, err
	}
	return p, nil
}

// loadCoveringFlareups loads the rows a period needs: from the baseline
// window before from, and further back while a flare-up that reaches into
// the period started earlier, because each of its days is judged against
// the 8 weeks before that day. Without this a run crossing from would be
// cut or misjudged, and differ from the stored flare-ups. Bounded: a
// flare-up is a run of consecutive days, so a few steps always settle.
func loadCoveringFlareups(app core.App, userID string, from, to journal.Day) (journal.Journal, error) {
	start := insights.DataStart(from)
	for range 8 {
		j, err := store.LoadJournal(app, userID, start, to)
		if err != nil {
			return j, err
		}
		fl := insights.DetectFlareups(j, from, to)
		if len(fl) == 0 || insights.DataStart(fl[0].StartDay) >= start || to.DaysSince(fl[0].StartDay) > maxPeriodDays {
			return j, nil
		}
		start = insights.DataStart(fl[0].StartDay)
	}
	return store.LoadJournal(app, userID, start, to)
}

// parsePeriod validates a from/to pair; it is pure so it can be fuzzed.
func parsePeriod(fromText, toText string, today journal.Day) (from, to journal.Day, err error) {
	problems := validation.Errors{}
	to = today
	if toText != "" {
		if to, err = journal.ParseDay(toText); err != nil {
			problems["to"] = validation.NewError("validation_invalid_day", "to must be a real date in the form YYYY-MM-DD.")
		}
	}
	from = to.AddDays(-(defaultPeriodDays - 1))
	if fromText != "" {
		if from, err = journal.ParseDay(fromText); err != nil {
			problems["from"] = validation.NewError("validation_invalid_day", "from must be a real date in the form YYYY-MM-DD.")
		}
	}
	if len(problems) > 0 {
		return 0, 0, apis.NewBadRequestError("The period is not valid.", problems)
	}
	if from > to {
		return 0, 0, apis.NewBadRequestError("The period is not valid.", validation.Errors{
			"from": validation.NewError("validation_from_after_to", "from must be on or before to."),
		})
	}
	if to.DaysSince(from)+1 > maxPeriodDays {
		return 0, 0, apis.NewBadRequestError("The period is not valid.", validation.Errors{
			"from": validation.NewError("validation_period_too_long", "Choose a period of at most 5 years."),
		})
	}
	return from, to, nil
}

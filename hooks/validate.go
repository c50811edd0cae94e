package hooks

import (
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"
	"github.com/pocketbase/pocketbase/tools/types"

	"github.com/mend-app/mend/internal/journal"
	"github.com/mend-app/mend/internal/store"
)

// validationErrors turns journal problems into PocketBase's per-field error
// shape, so clients get a 400 with {field: {code, message}}.
func validationErrors(p journal.Problems) error {
	errs := validation.Errors{}
	for field, problem := range p {
		errs[field] = validation.NewError(problem.Code, problem.Message)
	}
	return errs
}

// validateUser runs on every users save, before PocketBase's own checks.
func (h *handlers) validateUser(e *core.RecordEvent) error {
	r := e.Record
	p := journal.CheckUser(journal.RawUser{
		DeliveryDate: r.GetString("delivery_date"),
		DeliveryType: r.GetString("delivery_type"),
		Timezone:     r.GetString("timezone"),
		ReminderTime: r.GetString("reminder_time"),
	}, h.now())
	if len(p) > 0 {
		return validationErrors(p)
	}
	return e.Next()
}

// validateEntry runs on every entries save; "today" is the owner's today.
func (h *handlers) validateEntry(e *core.RecordEvent) error {
	r := e.Record
	loc := store.UserLocation(e.App, r.GetString("user"))
	p := journal.CheckEntry(journal.RawEntry{
		Day:          r.GetString("day"),
		SleepHours:   sleepRaw(r),
		SleepQuality: r.GetFloat("sleep_quality"),
		NightWakings: r.GetFloat("night_wakings"),
		Notes:        r.GetString("notes"),
		SleepNotes:   r.GetString("sleep_notes"),
		StressNotes:  r.GetString("stress_notes"),
		Relief:       r.GetStringSlice("relief"),
		RedFlags:     r.GetStringSlice("red_flags"),
	}, journal.Today(h.now(), loc))
	if sleep, ok := journal.ParseSleepHours(sleepRaw(r)); ok {
		r.Set("sleep_hours", sleep) // canonical: JSON null or a plain number
	}
	hidden, err := linksHiddenExercise(e.App, r)
	if err != nil {
		return err
	}
	if hidden {
		if p == nil {
			p = journal.Problems{}
		}
		p["exercises"] = journal.Problem{Code: "validation_exercise_not_available",
			Message: "This exercise is not available to log. Choose one from the exercise list."}
	}
	if len(p) > 0 {
		return validationErrors(p)
	}
	return e.Next()
}

// sleepRaw is the stored JSON of entries.sleep_hours.
func sleepRaw(r *core.Record) []byte {
	switch v := r.Get("sleep_hours").(type) {
	case types.JSONRaw:
		return v
	case nil:
		return nil
	default: // set from Go before PocketBase normalised it
		b, err := json.Marshal(v)
		if err != nil {
			return []byte("{}") // refused as not a number
		}
		return b
	}
}

// linksHiddenExercise reports a newly linked exercise that the user cannot
// read (draft, archived or scheduled): its id could only have been guessed
// or leaked, and reports must not carry it. Links saved while a piece was
// public stay, so retiring an exercise never blocks editing old entries.
func linksHiddenExercise(app core.App, r *core.Record) (bool, error) {
	before := r.Original().GetStringSlice("exercises")
	var added []string
	for _, id := range r.GetStringSlice("exercises") {
		if r.IsNew() || !slices.Contains(before, id) {
			added = append(added, id)
		}
	}
	hidden, err := store.NotPublicExercises(app, added)
	return len(hidden) > 0, err
}

// validateScore runs on every pain, mood and stress save.
func (h *handlers) validateScore(e *core.RecordEvent) error {
	r := e.Record
	kind, _ := store.ScoreKind(r.Collection().Name)
	loc := store.UserLocation(e.App, r.GetString("user"))
	p := journal.CheckScore(journal.RawScore{
		Kind:     kind,
		Day:      r.GetString("day"),
		Score:    r.GetFloat("score"),
		Areas:    r.GetStringSlice("areas"),
		Activity: r.GetString("activity"),
		Note:     r.GetString("note"),
		At:       r.GetDateTime("at").Time(),
		Location: loc,
		Settled:  scoreTimeSettled(r),
	}, journal.Today(h.now(), loc))
	if len(p) > 0 {
		return validationErrors(p)
	}
	return e.Next()
}

// scoreTimeSettled reports an update that changes neither the reading's time
// nor its day, so the "time inside its day" rule, which depends on the
// user's current zone, is not re-run on a reading saved in another zone.
func scoreTimeSettled(r *core.Record) bool {
	if r.IsNew() {
		return false
	}
	old := r.Original()
	return old.GetDateTime("at").Equal(r.GetDateTime("at")) && old.GetString("day") == r.GetString("day")
}

// defaultUser gives a new account UTC until the web app sets the real zone.
func (h *handlers) defaultUser(e *core.RecordEvent) error {
	if e.Record.GetString("timezone") == "" {
		e.Record.Set("timezone", store.DefaultZone)
	}
	return e.Next()
}

// defaultEntryDay files an entry without a day under the logical day: a log
// at 3 a.m. belongs to the night it ends.
func (h *handlers) defaultEntryDay(e *core.RecordEvent) error {
	if e.Record.GetString("day") == "" {
		loc := store.UserLocation(e.App, e.Record.GetString("user"))
		e.Record.Set("day", journal.LogicalDay(h.now(), loc).String())
	}
	return e.Next()
}

// defaultScoreTime fills in a new reading's day from its time, or its time
// from now when it is logged for the current logical day (or has no day).
func (h *handlers) defaultScoreTime(e *core.RecordEvent) error {
	r := e.Record
	if !r.GetDateTime("at").IsZero() {
		if r.GetString("day") == "" {
			loc := store.UserLocation(e.App, r.GetString("user"))
			r.Set("day", journal.LogicalDay(r.GetDateTime("at").Time(), loc).String())
		}
		return e.Next()
	}
	// Without a time, a reading logged for today's logical day is taken
	// now; one back-filled for an earlier day keeps no time at all, so no
	// export dates it today (its day alone is what is known).
	now := h.now()
	loc := store.UserLocation(e.App, r.GetString("user"))
	current := journal.LogicalDay(now, loc)
	if day := r.GetString("day"); day == "" || day == current.String() {
		at, err := types.ParseDateTime(now)
		if err != nil {
			return err
		}
		r.Set("at", at)
		r.Set("day", current.String())
	}
	return e.Next()
}

// requireScore rejects an API create without a numeric score, and an
// update that sends a score that is not a number. PocketBase cannot mark
// the field Required (that would forbid 0, a real answer) and by the time a
// request hook runs, a missing, null or text score has been normalised to
// 0: a pain of 6 would silently become "no pain". So the check reads the
// raw request body (PocketBase keeps it re-readable).
func requireScore(e *core.RecordRequestEvent) error {
	switch sentScore(e.Request) {
	case scoreNumber:
		return e.Next()
	case scoreAbsent:
		if e.Record != nil && !e.Record.IsNew() {
			return e.Next() // an update that leaves the score alone
		}
	}
	kind, _ := store.ScoreKind(e.Collection.Name)
	lo, hi, words := journal.ScoreRange(kind)
	return apis.NewBadRequestError("A score is required.", validation.Errors{
		"score": validation.NewError("validation_required",
			"Choose a score from "+itoa(lo)+" to "+itoa(hi)+words+"."),
	})
}

// maxScoreBody bounds what is read to find the score; record bodies are
// small and PocketBase's own body limit applies before this.
const maxScoreBody = 1 << 20

type scoreSent int

const (
	scoreAbsent scoreSent = iota
	scoreNumber
	scoreNotNumber
)

// sentScore reports what the request body says about "score".
func sentScore(r *http.Request) scoreSent {
	ct := r.Header.Get("Content-Type")
	if strings.HasPrefix(ct, "multipart/") || strings.HasPrefix(ct, "application/x-www-form-urlencoded") {
		if r.MultipartForm != nil {
			if v := r.MultipartForm.Value["score"]; len(v) > 0 {
				return numberOrNot(isNumber(v[0]))
			}
			if v := r.MultipartForm.Value["@jsonPayload"]; len(v) > 0 {
				return jsonScore([]byte(v[0]))
			}
		}
		if _, ok := r.PostForm["score"]; ok {
			return numberOrNot(isNumber(r.PostFormValue("score")))
		}
		return scoreAbsent
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxScoreBody))
	if rr, ok := r.Body.(router.Rereader); ok {
		rr.Reread() // leave the body whole for PocketBase and later hooks
	}
	if err != nil {
		return scoreNotNumber
	}
	return jsonScore(body)
}

func jsonScore(body []byte) scoreSent {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil {
		return scoreNotNumber // PocketBase refuses the body anyway
	}
	raw, ok := fields["score"]
	if !ok {
		return scoreAbsent
	}
	var n json.Number
	return numberOrNot(json.Unmarshal(raw, &n) == nil && n != "")
}

func numberOrNot(ok bool) scoreSent {
	if ok {
		return scoreNumber
	}
	return scoreNotNumber
}

// isNumber accepts a form value that reads as a number.
func isNumber(v string) bool {
	_, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	return err == nil
}

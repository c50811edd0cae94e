// Package insights turns one user's journal into the insights document of
// DESIGN.md: a daily series, a pain baseline, flare-ups linked to the notes
// that preceded them, associations with honest statistics, milestones and
// safety guidance. It is pure: no PocketBase, no clock, no time zone lookups.
package insights

import "github.com/mend-app/mend/internal/journal"

// Document is the body of GET /api/mend/insights; its JSON names are a contract.
type Document struct {
	From            journal.Day   `json:"from"`
	To              journal.Day   `json:"to"`
	Timezone        string        `json:"timezone"`
	WeeksPostpartum *int          `json:"weeks_postpartum"`
	Days            []DayStat     `json:"days"`
	Baseline        Baseline      `json:"baseline"`
	Flareups        []Flareup     `json:"flareups"`
	Associations    []Association `json:"associations"`
	// Usual is for the charts, which are built in the same process; it is
	// not sent with the document (three years of it would add a third to
	// the insights response, which has a speed budget, for no reader).
	Usual      []UsualDay  `json:"-"`
	Milestones []Milestone `json:"milestones"`
	Guidance   []Guidance  `json:"guidance"`
}

// DayStat summarises one calendar day. A day with nothing logged has
// Logged false and every measure nil: a missing day is never a zero.
type DayStat struct {
	Day          journal.Day `json:"day"`
	Logged       bool        `json:"logged"`
	PainPeak     *int        `json:"pain_peak"`
	PainMean     *float64    `json:"pain_mean"`
	PainCount    int         `json:"pain_count"`
	Mood         *float64    `json:"mood"`
	Stress       *float64    `json:"stress"`
	SleepHours   *float64    `json:"sleep_hours"`
	SleepQuality *int        `json:"sleep_quality"`
	NightWakings *int        `json:"night_wakings"`
	Exercises    int         `json:"exercises"`
	Relief       []string    `json:"relief"`
	RedFlags     []string    `json:"red_flags"`
}

// Baseline is the user's usual peak pain at the end of the period, and how it
// was computed, so the document explains itself.
type Baseline struct {
	Pain   *float64 `json:"pain"`
	Method string   `json:"method"`
}

// Flareup is a run of consecutive flare days with what preceded it.
type Flareup struct {
	StartDay          journal.Day `json:"start_day"`
	EndDay            journal.Day `json:"end_day"`
	Peak              int         `json:"peak"`
	Baseline          float64     `json:"baseline"`
	PriorSleepHours   *float64    `json:"prior_sleep_hours"`
	TypicalSleepHours *float64    `json:"typical_sleep_hours"`
	StressLevel       *float64    `json:"stress_level"`
	TypicalStress     *float64    `json:"typical_stress"`
	Links             []Link      `json:"links"`
}

// Link is one note written on a flare day or the day before it, verbatim.
// Kind is one of "sleep", "stress", "note" (the entry's general notes) or
// "pain" (a pain reading's note).
type Link struct {
	Day  journal.Day `json:"day"`
	Kind string      `json:"kind"`
	Text string      `json:"text"`
}

// Association compares peak pain on exposed and other days for one factor,
// each day's pain taken as its difference from what is usual for the parent
// at that stage of recovery (see MethodUsualAR1 and model.go).
//
// Fields added by issue 9 (the original names are a contract and keep their
// meaning): AdjustedFor lists the overlapping factors ("stress/1" for a lag)
// the effect is adjusted for; Overlap names the factor sharing most of the
// exposed days ("" when none shares half of them) and Inseparable says the
// model could not adjust for it; LevelOther and LevelExposed are the model's
// pain above usual on other and on exposed days (the charts draw them);
// Memory is the estimated day-to-day correlation the model allowed for.
type Association struct {
	Factor       string   `json:"factor"`
	Outcome      string   `json:"outcome"`
	LagDays      int      `json:"lag_days"`
	Method       string   `json:"method"`
	Exposed      string   `json:"exposed"`
	Effect       float64  `json:"effect"`
	CILow        float64  `json:"ci_low"`
	CIHigh       float64  `json:"ci_high"`
	N            int      `json:"n"`
	NExposed     int      `json:"n_exposed"`
	P            float64  `json:"p"`
	Q            float64  `json:"q"`
	Significant  bool     `json:"significant"`
	Rho          *float64 `json:"rho"`
	Sentence     string   `json:"sentence"`
	AdjustedFor  []string `json:"adjusted_for"`
	Overlap      string   `json:"overlap"`
	Inseparable  bool     `json:"inseparable"`
	LevelOther   float64  `json:"level_other"`
	LevelExposed float64  `json:"level_exposed"`
	Memory       float64  `json:"memory"`
}

// UsualDay is what is usual for the parent on one day of the period: the
// value of her usual curve (a robust recovery curve, see usual.go) for peak
// pain, sleep and stress; nil where too little was logged to say. The
// sleep-pain and stress-pain charts plot each day against these.
type UsualDay struct {
	Day        journal.Day `json:"day"`
	PainPeak   *float64    `json:"pain_peak"`
	SleepHours *float64    `json:"sleep_hours"`
	Stress     *float64    `json:"stress"`
}

// Milestone is a postpartum landmark day (6 weeks, 12 weeks, 6 months).
type Milestone struct {
	Name string      `json:"name"`
	Day  journal.Day `json:"day"`
}

// Guidance is one safety message; Level is "urgent", "prompt" or "info",
// Article the slug of the library piece that explains it.
type Guidance struct {
	Level   string `json:"level"`
	Code    string `json:"code"`
	Message string `json:"message"`
	Article string `json:"article"`
}

package journal

// The value lists of DESIGN.md's select fields. Migrations build the schema
// from these, so the database and the pure validation can never disagree.
var (
	DeliveryTypes = []string{"vaginal", "cesarean", "unspecified"}
	Reliefs       = []string{"heat", "cold", "support_belt", "nursing_pillow", "massage", "medication", "physio", "rest", "other"}
	RedFlags      = []string{"leg_radiating", "numbness_tingling", "leg_weakness", "bladder_bowel", "fever", "night_pain", "after_fall"}
	PainAreas     = []string{"lower_back", "upper_back", "neck", "shoulders", "pelvis_front", "sacroiliac_hips", "tailbone", "wrists_thumbs", "abdomen", "cesarean_scar", "other"}
	Activities    = []string{"feeding", "lifting", "carrying", "bending", "rocking", "standing", "sleeping", "exercise", "housework", "other"}
	Categories    = []string{"causes", "relief", "exercise", "feeding_lifting", "sleep_stress", "when_to_seek_care", "lifestyle"}
	Topics        = []string{"sleep", "stress", "lifting", "feeding", "posture", "core", "pelvic_floor", "red_flags"}
	Targets       = []string{"core", "pelvic_floor", "lower_back", "upper_back", "hips", "chest", "mobility"}
	Statuses      = []string{"draft", "published", "archived"}
	Formats       = []string{"pdf", "html", "csv", "json", "fhir"}
)

// Score ranges and text limits from DESIGN.md.
const (
	PainMin, PainMax     = 0, 10
	MoodMin, MoodMax     = 1, 5
	StressMin, StressMax = 0, 10
	SleepHoursMax        = 24
	SleepQualityMin      = 1
	SleepQualityMax      = 5
	NightWakingsMax      = 30
	MaxNoteChars         = 5000
	MaxScoreNoteChars    = 2000
)

package charts

import "strings"

// labels are the readable names of the journal's codes shown on chart axes.
// Codes outside the table fall back to a tidied code (see Label).
var labels = map[string]string{
	// Pain areas.
	"lower_back":      "Lower back",
	"upper_back":      "Upper back",
	"neck":            "Neck",
	"shoulders":       "Shoulders",
	"pelvis_front":    "Front of pelvis",
	"sacroiliac_hips": "Sacroiliac joints / hips",
	"tailbone":        "Tailbone",
	"wrists_thumbs":   "Wrists and thumbs",
	"abdomen":         "Abdomen",
	"cesarean_scar":   "Cesarean scar",
	"other":           "Other",
	// Relief.
	"heat":           "Heat",
	"cold":           "Cold",
	"support_belt":   "Support belt",
	"nursing_pillow": "Nursing pillow",
	"massage":        "Massage",
	"medication":     "Medication",
	"physio":         "Physical therapy",
	"rest":           "Rest",
}

// Label returns the readable name of a pain area or relief code, such as
// "Lower back" for "lower_back". An unknown code (a value added to the schema
// later) reads as its words with the first capitalised, so a chart never
// shows an empty label.
func Label(code string) string {
	if l, ok := labels[code]; ok {
		return l
	}
	s := strings.TrimSpace(strings.ReplaceAll(code, "_", " "))
	if s == "" {
		return "Unspecified"
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

package journal

import (
	"fmt"
	"strings"
)

//go:generate go run ../../cmd/genlabels -o ../../pb_public/js/lib/labels.js

// Labels are the words shown for the select values of DESIGN.md: one label
// per code, read by the charts, the report and (through the generated
// pb_public/js/lib/labels.js) the web app, so a body area reads the same on a
// phone, on a chart and on paper. "other" is shared by areas, activities and
// relief and reads the same in each.
var Labels = map[string]string{
	// Pain areas.
	"lower_back":      "Lower back",
	"upper_back":      "Upper back",
	"neck":            "Neck",
	"shoulders":       "Shoulders",
	"pelvis_front":    "Front of pelvis",
	"sacroiliac_hips": "Hips / sacroiliac joints",
	"tailbone":        "Tailbone",
	"wrists_thumbs":   "Wrists and thumbs",
	"abdomen":         "Abdomen",
	"cesarean_scar":   "Cesarean scar",
	"other":           "Other",
	// Activities.
	"feeding":   "Feeding",
	"lifting":   "Lifting",
	"carrying":  "Carrying",
	"bending":   "Bending",
	"rocking":   "Rocking",
	"standing":  "Standing",
	"sleeping":  "Sleeping",
	"exercise":  "Exercise",
	"housework": "Housework",
	// Relief.
	"heat":           "Heat",
	"cold":           "Cold",
	"support_belt":   "Support belt",
	"nursing_pillow": "Nursing pillow",
	"massage":        "Massage",
	"medication":     "Medication",
	"physio":         "Physical therapy",
	"rest":           "Rest",
	// Red flags.
	"leg_radiating":     "Pain running down a leg",
	"numbness_tingling": "Numbness or tingling",
	"leg_weakness":      "Weakness in a leg",
	"bladder_bowel":     "New bladder or bowel changes",
	"fever":             "Fever with back pain",
	"night_pain":        "Severe pain at night",
	"after_fall":        "Pain after a fall",
	// Delivery types.
	"vaginal":     "Vaginal",
	"cesarean":    "Cesarean (C-section)",
	"unspecified": "Prefer not to say",
	// Report formats.
	"pdf":  "PDF",
	"html": "HTML",
	"csv":  "CSV",
	"json": "JSON",
	"fhir": "FHIR",
}

// Label returns the words for a code, such as "Lower back" for "lower_back".
// An unknown code (a value added to the schema later) reads as its words
// with the first capitalised, so nothing ever shows an empty label or an
// underscore.
func Label(code string) string {
	if l, ok := Labels[code]; ok {
		return l
	}
	s := strings.TrimSpace(strings.ReplaceAll(code, "_", " "))
	if s == "" {
		return "Unspecified"
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// LabelsJS is the generated part of pb_public/js/lib/labels.js: the value
// lists and their labels as ES module exports, under the names the web app
// has always imported. cmd/genlabels writes it; a test fails when the file
// drifts from this.
func LabelsJS() string {
	var b strings.Builder
	b.WriteString(GeneratedBegin + "\n")
	b.WriteString("// Generated from internal/journal (values.go, labels.go) by `go generate ./internal/journal`. Do not edit.\n\n")
	for _, l := range []struct {
		name  string
		codes []string
	}{
		{"AREAS", PainAreas}, {"ACTIVITIES", Activities}, {"RELIEF", Reliefs}, {"RED_FLAGS", RedFlags},
		{"DELIVERY_TYPES", DeliveryTypes}, {"FORMATS", Formats},
	} {
		fmt.Fprintf(&b, "export const %s = /** @type {const} */ ([%s]);\n", l.name, jsList(l.codes))
	}
	b.WriteString("\n/** @type {Record<string,string>} */\nexport const LABELS = {\n")
	seen := map[string]bool{}
	for _, list := range [][]string{PainAreas, Activities, Reliefs, RedFlags, DeliveryTypes, Formats} {
		for _, c := range list {
			if !seen[c] {
				seen[c] = true
				fmt.Fprintf(&b, "  %s: %s,\n", c, jsString(Label(c)))
			}
		}
	}
	b.WriteString("};\n" + GeneratedEnd + "\n")
	return b.String()
}

// The markers around the generated block of labels.js; what lies outside
// them (moods, red-flag guidance, helpers) is written by hand.
const (
	GeneratedBegin = "// BEGIN GENERATED VOCABULARY"
	GeneratedEnd   = "// END GENERATED VOCABULARY"
)

func jsList(codes []string) string {
	q := make([]string, len(codes))
	for i, c := range codes {
		q[i] = jsString(c)
	}
	return strings.Join(q, ", ")
}

// jsString quotes s for JavaScript with single quotes, as the web app's
// code style has it; labels hold no quotes or backslashes, but escape anyway.
func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`).Replace(s) + "'"
}

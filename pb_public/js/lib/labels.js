// The value lists of DESIGN.md's select fields and the words the app shows
// for them. The block between the markers is generated from
// internal/journal (values.go, labels.go), the one place the charts and the
// report read too: change labels there and run `go generate ./internal/journal`.

// BEGIN GENERATED VOCABULARY
// Generated from internal/journal (values.go, labels.go) by `go generate ./internal/journal`. Do not edit.

export const AREAS = /** @type {const} */ (['lower_back', 'upper_back', 'neck', 'shoulders', 'pelvis_front', 'sacroiliac_hips', 'tailbone', 'wrists_thumbs', 'abdomen', 'cesarean_scar', 'other']);
export const ACTIVITIES = /** @type {const} */ (['feeding', 'lifting', 'carrying', 'bending', 'rocking', 'standing', 'sleeping', 'exercise', 'housework', 'other']);
export const RELIEF = /** @type {const} */ (['heat', 'cold', 'support_belt', 'nursing_pillow', 'massage', 'medication', 'physio', 'rest', 'other']);
export const RED_FLAGS = /** @type {const} */ (['leg_radiating', 'numbness_tingling', 'leg_weakness', 'bladder_bowel', 'fever', 'night_pain', 'after_fall']);
export const DELIVERY_TYPES = /** @type {const} */ (['vaginal', 'cesarean', 'unspecified']);
export const FORMATS = /** @type {const} */ (['pdf', 'html', 'csv', 'json', 'fhir']);

/** @type {Record<string,string>} */
export const LABELS = {
  lower_back: 'Lower back',
  upper_back: 'Upper back',
  neck: 'Neck',
  shoulders: 'Shoulders',
  pelvis_front: 'Front of pelvis',
  sacroiliac_hips: 'Hips / sacroiliac joints',
  tailbone: 'Tailbone',
  wrists_thumbs: 'Wrists and thumbs',
  abdomen: 'Abdomen',
  cesarean_scar: 'Cesarean scar',
  other: 'Other',
  feeding: 'Feeding',
  lifting: 'Lifting',
  carrying: 'Carrying',
  bending: 'Bending',
  rocking: 'Rocking',
  standing: 'Standing',
  sleeping: 'Sleeping',
  exercise: 'Exercise',
  housework: 'Housework',
  heat: 'Heat',
  cold: 'Cold',
  support_belt: 'Support belt',
  nursing_pillow: 'Nursing pillow',
  massage: 'Massage',
  medication: 'Medication',
  physio: 'Physical therapy',
  rest: 'Rest',
  leg_radiating: 'Pain running down a leg',
  numbness_tingling: 'Numbness or tingling',
  leg_weakness: 'Weakness in a leg',
  bladder_bowel: 'New bladder or bowel changes',
  fever: 'Fever with back pain',
  night_pain: 'Severe pain at night',
  after_fall: 'Pain after a fall',
  vaginal: 'Vaginal',
  cesarean: 'Cesarean (C-section)',
  unspecified: 'Prefer not to say',
  pdf: 'PDF',
  html: 'HTML',
  csv: 'CSV',
  json: 'JSON',
  fhir: 'FHIR',
};
// END GENERATED VOCABULARY

/** @param {string} v */
export function label(v) {
  return LABELS[v] ?? v.replace(/_/g, ' ');
}

/** Mood faces, 1 very low … 5 very good. */
export const MOODS = /** @type {const} */ ([
  { value: 1, word: 'Very low' }, { value: 2, word: 'Low' }, { value: 3, word: 'Okay' },
  { value: 4, word: 'Good' }, { value: 5, word: 'Very good' },
]);

/**
 * Safety guidance per red flag (DESIGN.md "When to seek care"). "urgent"
 * means today, now; "prompt" means book a clinician within days.
 * @type {Record<string, {level: 'urgent'|'prompt', message: string}>}
 */
export const RED_FLAG_GUIDANCE = {
  bladder_bowel: { level: 'urgent', message: 'New bladder or bowel changes with back pain need urgent care. Call your doctor or emergency services now; do not wait to see if it passes.' },
  fever: { level: 'urgent', message: 'Fever together with back pain needs urgent care today. Call your doctor, midwife or an urgent care line now.' },
  leg_weakness: { level: 'urgent', message: 'New weakness in a leg needs urgent care. Call your doctor or emergency services now.' },
  night_pain: { level: 'urgent', message: 'Severe pain at night needs urgent care. Call your doctor or an urgent care line today.' },
  after_fall: { level: 'urgent', message: 'Pain after a fall needs urgent care. Get checked today, sooner if you cannot bear weight or the pain is severe.' },
  leg_radiating: { level: 'prompt', message: 'Pain running down a leg should be seen by a clinician promptly. Book an appointment with your doctor or physical therapist in the next few days.' },
  numbness_tingling: { level: 'prompt', message: 'Numbness or tingling should be seen by a clinician promptly. Book an appointment in the next few days; get urgent care if it spreads or comes with weakness.' },
};

/**
 * The guidance for ticked flags, urgent first.
 * @param {readonly string[]} flags
 */
export function guidanceFor(flags) {
  const out = flags.filter((f) => RED_FLAG_GUIDANCE[f]).map((f) => ({ flag: f, ...RED_FLAG_GUIDANCE[f] }));
  return out.sort((a, b) => (a.level === b.level ? 0 : a.level === 'urgent' ? -1 : 1));
}

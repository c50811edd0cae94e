// Parsing of the daily log form into the records DESIGN.md describes. Pure:
// it takes FormData (or any iterable of [name, value] pairs) and returns
// values plus per-field messages a person can act on; it never throws.

/**
 * @typedef {object} ParsedLog
 * @property {number|null} pain        0–10
 * @property {string[]} areas
 * @property {string} activity          "" when not said
 * @property {string} painNote
 * @property {number|null} mood        1–5
 * @property {number|null} stress      0–10
 * @property {number|null} sleep_hours  null = not logged, 0 = no sleep, else quarter hours
 * @property {number} sleep_quality     0 = not logged, else 1–5
 * @property {number} night_wakings
 * @property {string} notes
 * @property {string} sleep_notes
 * @property {string} stress_notes
 * @property {string[]} exercises
 * @property {string[]} relief
 * @property {string[]} red_flags
 * @property {Record<string,string>} errors  field name -> message
 */

export const MAX_NOTE_CHARS = 5000;
export const MAX_SCORE_NOTE_CHARS = 2000;

/**
 * Groups pairs by name: single values as strings, repeated names as arrays.
 * @param {Iterable<[string, FormDataEntryValue]>} pairs
 * @returns {Record<string, string[]>}
 */
export function collect(pairs) {
  /** @type {Record<string, string[]>} */
  const out = {};
  for (const [k, v] of pairs) {
    if (typeof v !== 'string') continue;
    (out[k] ??= []).push(v);
  }
  return out;
}

/**
 * Reads an optional integer in [min, max]. "" is null; anything else that is
 * not a whole number in range is an error message.
 * @param {unknown} v
 * @param {number} min
 * @param {number} max
 * @returns {{value: number|null, error?: string}}
 */
export function parseIntInRange(v, min, max) {
  const s = typeof v === 'string' ? v.trim() : v === undefined || v === null ? '' : String(v);
  if (s === '') return { value: null };
  if (!/^[+-]?\d+$/.test(s)) return { value: null, error: `Enter a whole number from ${min} to ${max}.` };
  const n = Number(s);
  if (n < min || n > max) return { value: null, error: `Enter a whole number from ${min} to ${max}.` };
  return { value: n };
}

/**
 * Reads hours of sleep as typed by a tired person: "7", "7.5", "7,5", "7:30",
 * "7h30", "7 h". Rounds to the nearest quarter hour; 0–24. "" is null.
 * @param {unknown} v
 * @returns {{value: number|null, error?: string}}
 */
export function parseHours(v) {
  const s = typeof v === 'string' ? v.trim().toLowerCase() : v === undefined || v === null ? '' : String(v);
  if (s === '') return { value: null };
  const msg = 'Enter hours between 0 and 24, like 6.5 or 6:30.';
  let hours;
  let m;
  if ((m = /^(\d{1,2})\s*(?::|h)\s*(\d{1,2})?\s*(?:m|min)?$/.exec(s))) {
    const min = m[2] ? Number(m[2]) : 0;
    if (min >= 60) return { value: null, error: msg };
    hours = Number(m[1]) + min / 60;
  } else if ((m = /^(\d{1,2})(?:[.,](\d+))?\s*(?:h|hours?)?$/.exec(s))) {
    hours = Number(`${m[1]}.${m[2] ?? '0'}`);
  } else {
    return { value: null, error: msg };
  }
  if (!Number.isFinite(hours) || hours < 0 || hours > 24) return { value: null, error: msg };
  return { value: Math.round(hours * 4) / 4 };
}

/**
 * Keeps only values from allowed, in allowed's order, without duplicates.
 * @param {string[]|undefined} values
 * @param {readonly string[]} allowed
 */
export function pickAllowed(values, allowed) {
  const set = new Set(values ?? []);
  return allowed.filter((a) => set.has(a));
}

/**
 * @param {string|undefined} v
 * @param {number} max
 * @param {string} label
 * @returns {{value: string, error?: string}}
 */
function text(v, max, label) {
  const s = (v ?? '').replace(/\r\n/g, '\n').trim();
  if (s.length > max) return { value: s, error: `${label} is ${s.length - max} characters too long (at most ${max}).` };
  return { value: s };
}

/**
 * Parses the daily log form.
 * @param {Iterable<[string, FormDataEntryValue]>} pairs
 * @param {{areas: readonly string[], activities: readonly string[], relief: readonly string[], redFlags: readonly string[]}} lists
 * @returns {ParsedLog}
 */
export function parseLogForm(pairs, lists) {
  const f = collect(pairs);
  const one = (/** @type {string} */ k) => f[k]?.[f[k].length - 1] ?? '';
  /** @type {Record<string,string>} */
  const errors = {};
  const num = (/** @type {string} */ k, /** @type {number} */ min, /** @type {number} */ max) => {
    const r = parseIntInRange(one(k), min, max);
    if (r.error) errors[k] = r.error;
    return r.value;
  };
  const txt = (/** @type {string} */ k, /** @type {number} */ max, /** @type {string} */ label) => {
    const r = text(one(k), max, label);
    if (r.error) errors[k] = r.error;
    return r.value;
  };

  const pain = num('pain', 0, 10);
  const mood = num('mood', 1, 5);
  const stress = num('stress', 0, 10);
  const sleepQuality = num('sleep_quality', 1, 5);
  const wakings = num('night_wakings', 0, 30);
  // Typed hours (sleep_exact, under "Sleep details") win over the range chip
  // (sleep_hours); neither given is null, "not logged", and 0 is a night
  // without sleep (brief contract 1).
  const exact = one('sleep_exact').trim();
  const hours = parseHours(exact || one('sleep_hours'));
  if (hours.error) errors[exact ? 'sleep_exact' : 'sleep_hours'] = hours.error;
  const sleepHours = hours.value;

  const activity = one('activity');
  if (activity && !lists.activities.includes(activity)) errors.activity = 'Choose one of the listed activities.';

  return {
    pain,
    areas: pickAllowed(f.areas, lists.areas),
    activity: lists.activities.includes(activity) ? activity : '',
    painNote: txt('pain_note', MAX_SCORE_NOTE_CHARS, 'The pain note'),
    mood,
    stress,
    sleep_hours: sleepHours,
    sleep_quality: sleepQuality ?? 0,
    night_wakings: wakings ?? 0,
    notes: txt('notes', MAX_NOTE_CHARS, 'The note'),
    sleep_notes: txt('sleep_notes', MAX_NOTE_CHARS, 'The sleep note'),
    stress_notes: txt('stress_notes', MAX_NOTE_CHARS, 'The stress note'),
    exercises: [...new Set((f.exercises ?? []).filter((id) => /^[a-z0-9]{1,32}$/.test(id)))],
    relief: pickAllowed(f.relief, lists.relief),
    red_flags: pickAllowed(f.red_flags, lists.redFlags),
    errors,
  };
}

/**
 * Whether the parsed log carries anything that belongs in the day's entry.
 * @param {ParsedLog} p
 */
export function hasEntryData(p) {
  return p.sleep_hours !== null || p.sleep_quality > 0 || p.night_wakings > 0 || !!p.notes ||
    !!p.sleep_notes || !!p.stress_notes || p.exercises.length > 0 || p.relief.length > 0 ||
    p.red_flags.length > 0;
}

// The daily log's decisions, apart from the page (pure): stepper arithmetic,
// record <-> form pairs, what a Save must check and send, and how a refused
// save maps back onto the form's fields. Used by <mend-today>.

import { hasEntryData } from './form.js';
import { errorSummary, fieldErrors } from './errors.js';
import { AREAS, ACTIVITIES, RELIEF, RED_FLAGS } from './labels.js';
import { sleepPairs } from './sleep.js';

/** @typedef {import('./form.js').ParsedLog} ParsedLog */
/** @typedef {import('../journal.js').EntryRecord} EntryRecord */
/** @typedef {import('../journal.js').ScoreRecord} ScoreRecord */
/** @typedef {import('../journal.js').Op} Op */
/** @typedef {[string, string]} Pair */

/** The lists parseLogForm checks the form's chips against. */
export const LOG_LISTS = { areas: AREAS, activities: ACTIVITIES, relief: RELIEF, redFlags: RED_FLAGS };

/** Fields of one reading: cleared after each save so the next is a new one. */
export const SCORE_FIELDS = ['pain', 'areas', 'activity', 'pain_note', 'mood', 'stress'];

/** Human names of fields, for error sentences. */
export const FIELD_LABELS = {
  pain: 'Pain', mood: 'Mood', stress: 'Stress', areas: 'Where it hurts', activity: 'What you were doing',
  pain_note: 'Pain note', sleep_hours: 'Hours slept', sleep_exact: 'Exact hours slept', sleep_quality: 'Sleep quality',
  night_wakings: 'Night wakings', notes: 'Note', sleep_notes: 'Sleep note', stress_notes: 'Stress note',
  exercises: 'Exercises', relief: 'Relief', red_flags: 'Warning signs', day: 'Day',
};

/** @param {string} name */
function fieldLabel(name) {
  return FIELD_LABELS[/** @type {keyof typeof FIELD_LABELS} */ (name)] ?? name;
}

/**
 * The value a − or + stepper button gives: hours slept move by half an hour
 * (0–24, in quarters), night wakings by one (0–30). An empty or unreadable
 * field starts from a likely value.
 * @param {string} name 'sleep_exact' (or 'sleep_hours') or 'night_wakings'
 * @param {string} value the field's current text
 * @param {number} dir -1 or 1
 * @returns {number}
 */
export function stepValue(name, value, dir) {
  const cur = Number(String(value).replace(',', '.'));
  const unset = value === '' || Number.isNaN(cur);
  if (name === 'sleep_hours' || name === 'sleep_exact') {
    return unset ? (dir > 0 ? 7 : 6) : Math.min(24, Math.max(0, Math.round((cur + dir * 0.5) * 4) / 4));
  }
  return unset ? (dir > 0 ? 1 : 0) : Math.min(30, Math.max(0, Math.round(cur) + dir));
}

/**
 * An entry record as form pairs.
 * @param {EntryRecord} e
 * @returns {Pair[]}
 */
export function entryPairs(e) {
  /** @type {Pair[]} */
  const out = [];
  out.push(...sleepPairs(e.sleep_hours));
  if (e.sleep_quality > 0) out.push(['sleep_quality', String(e.sleep_quality)]);
  if (typeof e.sleep_hours === 'number' || e.sleep_quality > 0 || e.night_wakings > 0) out.push(['night_wakings', String(e.night_wakings ?? 0)]);
  for (const k of /** @type {const} */ (['notes', 'sleep_notes', 'stress_notes'])) if (e[k]) out.push([k, e[k]]);
  for (const k of /** @type {const} */ (['exercises', 'relief', 'red_flags'])) for (const v of e[k] ?? []) out.push([k, v]);
  return out;
}

/**
 * "Same as yesterday": the last log before a day as form pairs. Notes and
 * warning signs are about one day only, so they are not copied.
 * @param {{entry: EntryRecord|null, pain: ScoreRecord|null, mood: ScoreRecord|null, stress: ScoreRecord|null}} last
 * @returns {Pair[]}
 */
export function lastLogPairs(last) {
  /** @type {Pair[]} */
  const pairs = [];
  if (last.pain) {
    pairs.push(['pain', String(last.pain.score)]);
    for (const a of last.pain.areas ?? []) pairs.push(['areas', a]);
    pairs.push(['activity', last.pain.activity ?? '']);
  }
  if (last.mood) pairs.push(['mood', String(last.mood.score)]);
  if (last.stress) pairs.push(['stress', String(last.stress.score)]);
  const e = last.entry;
  if (e) {
    pairs.push(...sleepPairs(e.sleep_hours));
    if (e.sleep_quality > 0) pairs.push(['sleep_quality', String(e.sleep_quality)]);
    if (typeof e.sleep_hours === 'number' || e.sleep_quality > 0) pairs.push(['night_wakings', String(e.night_wakings ?? 0)]);
    for (const x of e.exercises ?? []) pairs.push(['exercises', x]);
    for (const r of e.relief ?? []) pairs.push(['relief', r]);
  }
  return pairs;
}

/**
 * Why a parsed log cannot be saved yet, or null when it can: messages per
 * field, a status sentence and the field to focus.
 * @param {ParsedLog} p
 * @param {boolean} dayHasPain the day already has a pain reading
 * @returns {{fields: Record<string, string>, status: string, focus: string}|null}
 */
export function logProblems(p, dayHasPain) {
  const names = Object.keys(p.errors);
  if (names.length) {
    return { fields: p.errors, status: `Not saved: please check ${names.map(fieldLabel).join(', ')}.`, focus: names[0] };
  }
  if (p.pain === null && !dayHasPain) {
    return {
      fields: { pain: 'Choose a pain score to save this day (0 if you have no pain).' },
      status: 'Not saved: a day needs one pain score.',
      focus: 'pain',
    };
  }
  return null;
}

/**
 * The writes one Save makes: a reading per score given (with this form's
 * client ids, so a retry cannot double them) and the day's entry when there
 * is something to write. A day that loaded replaces its entry (so clearing a
 * field clears it); one that could not load merges into whatever is there.
 * @param {ParsedLog} p
 * @param {object} o
 * @param {string} o.day
 * @param {{pain: string, mood: string, stress: string}} o.ids
 * @param {string} [o.at] ISO time of the readings, when logging the current day
 * @param {boolean} o.loaded the day's records were loaded
 * @param {boolean} o.hasEntry the loaded day has an entry
 * @returns {Op[]}
 */
export function saveOps(p, { day, ids, at, loaded, hasEntry }) {
  const when = at ? { at } : {};
  /** @type {Op[]} */
  const ops = [];
  if (p.pain !== null) {
    ops.push({ kind: 'score', collection: 'pain_scores', data: { id: ids.pain, day, score: p.pain, areas: p.areas, activity: p.activity, note: p.painNote, ...when } });
  }
  if (p.mood !== null) ops.push({ kind: 'score', collection: 'mood_scores', data: { id: ids.mood, day, score: p.mood, ...when } });
  if (p.stress !== null) ops.push({ kind: 'score', collection: 'stress_scores', data: { id: ids.stress, day, score: p.stress, ...when } });
  const entry = {
    sleep_hours: p.sleep_hours, sleep_quality: p.sleep_quality, night_wakings: p.night_wakings,
    notes: p.notes, sleep_notes: p.sleep_notes, stress_notes: p.stress_notes,
    exercises: p.exercises, relief: p.relief, red_flags: p.red_flags,
  };
  if (loaded ? hasEntry || hasEntryData(p) : hasEntryData(p)) {
    ops.push({ kind: 'entry', day, data: entry, mode: loaded ? 'replace' : 'merge' });
  }
  return ops;
}

/**
 * A refused save as form fields and a status sentence. A reading's "score"
 * and "note" are the form's pain/mood/stress and pain_note.
 * @param {any} err as thrown by journal.save, with the failed op on err.op
 * @returns {{fields: Pair[], status: string}}
 */
export function saveFailure(err) {
  const scoreField = err?.op?.kind === 'score' ? { pain_scores: 'pain', mood_scores: 'mood', stress_scores: 'stress' }[/** @type {'pain_scores'} */ (err.op.collection)] : '';
  /** @type {Pair[]} */
  const fields = Object.entries(fieldErrors(err)).map(([k, msg]) => [k === 'score' && scoreField ? scoreField : k === 'note' ? 'pain_note' : k, msg]);
  const labels = { ...FIELD_LABELS, ...(scoreField ? { score: FIELD_LABELS[/** @type {'pain'} */ (scoreField)], note: 'Pain note' } : {}) };
  return { fields, status: `Not saved. ${errorSummary(err, labels)} Your log is still here.` };
}

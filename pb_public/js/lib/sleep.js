// Last night's sleep in one tap (pure): a few ranges instead of a stepper.
// Each range stores its middle, so "4–5 h" is 4.5 h and a day's sleep stays
// on the right side of the "less than 6 h" line insights compares. An exact
// number can still be typed under "Sleep details"; it wins over a range.
// null is "not logged", 0 is a night without sleep (brief contract 1).

/** @typedef {{value: number, text: string, from: number, to: number}} SleepChoice */

/** @type {readonly SleepChoice[]} */
export const SLEEP_CHOICES = [
  { value: 0, text: 'No sleep', from: 0, to: 0 },
  { value: 2, text: 'Under 3 h', from: 0.25, to: 2.75 },
  { value: 3.5, text: '3–4 h', from: 3, to: 3.75 },
  { value: 4.5, text: '4–5 h', from: 4, to: 4.75 },
  { value: 5.5, text: '5–6 h', from: 5, to: 5.75 },
  { value: 6.5, text: '6–7 h', from: 6, to: 6.75 },
  { value: 7.5, text: '7–8 h', from: 7, to: 7.75 },
  { value: 8.5, text: '8 h or more', from: 8, to: 24 },
];

/**
 * The range a number of hours falls in, or null for "not logged".
 * @param {unknown} hours
 * @returns {SleepChoice|null}
 */
export function sleepChoiceFor(hours) {
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0 || hours > 24) return null;
  return SLEEP_CHOICES.find((c) => hours >= c.from && hours <= c.to) ?? null;
}

/**
 * Form pairs for a stored number of hours: the range's chip, and the exact
 * field when the number is not the range's own value (so re-saving keeps it).
 * @param {unknown} hours
 * @returns {[string, string][]}
 */
export function sleepPairs(hours) {
  const c = sleepChoiceFor(hours);
  if (!c) return [];
  /** @type {[string, string][]} */
  const out = [['sleep_hours', String(c.value)]];
  if (c.value !== hours) out.push(['sleep_exact', String(hours)]);
  return out;
}

/**
 * Sleep in words for a sentence: "No sleep", "4.5 h".
 * @param {number|null|undefined} hours
 */
export function sleepWords(hours) {
  if (typeof hours !== 'number') return '';
  return hours === 0 ? 'No sleep' : `${hours} h`;
}

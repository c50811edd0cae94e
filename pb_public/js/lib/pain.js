// Words for the 0–10 numeric rating scale, as DESIGN.md fixes them.

/** @typedef {'no pain'|'mild'|'moderate'|'severe'} PainBand */

/**
 * The band word for a pain score, or "" when score is not an integer 0–10.
 * @param {unknown} score
 * @returns {PainBand|''}
 */
export function painBand(score) {
  if (typeof score === 'string' && score.trim() !== '') score = Number(score);
  if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > 10) return '';
  if (score === 0) return 'no pain';
  if (score <= 3) return 'mild';
  if (score <= 6) return 'moderate';
  return 'severe';
}

/**
 * A CSS-friendly band key ("none", "mild", "moderate", "severe") or "".
 * @param {unknown} score
 */
export function painBandKey(score) {
  const b = painBand(score);
  return b === 'no pain' ? 'none' : b;
}

/**
 * "4, moderate" — the spoken and printed form of a score.
 * @param {unknown} score
 */
export function painLabel(score) {
  const b = painBand(score);
  return b ? `${Number(score)}, ${b}` : '';
}

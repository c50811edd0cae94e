// Choosing and ordering library pieces for one parent. Pure.

/**
 * @typedef {{id: string, topics?: string[], category?: string, weeks_from?: number, weeks_to?: number, published_at?: string}} Article
 * @typedef {{id: string, earliest_week?: number, earliest_week_cesarean?: number, name?: string}} Exercise
 */

/**
 * Whether an article suits weeks postpartum (weeks_to 0 = open-ended). With
 * weeks unknown (no birth date yet) everything suits.
 * @param {Article} a
 * @param {number|null} weeks
 */
export function articleSuits(a, weeks) {
  if (weeks === null) return true;
  const from = Number(a.weeks_from) || 0;
  const to = Number(a.weeks_to) || 0;
  return weeks >= from && (to === 0 || weeks <= to);
}

/**
 * The earliest postpartum week an exercise is offered, by delivery type
 * (a cesarean recovery uses earliest_week_cesarean when it is set).
 * @param {Exercise} e
 * @param {string} deliveryType
 */
export function exerciseEarliestWeek(e, deliveryType) {
  const base = Number(e.earliest_week) || 0;
  const ces = Number(e.earliest_week_cesarean) || 0;
  return deliveryType === 'cesarean' && ces > 0 ? Math.max(ces, base) : base;
}

/**
 * @param {Exercise} e
 * @param {number|null} weeks
 * @param {string} deliveryType
 */
export function exerciseSuits(e, weeks, deliveryType) {
  if (weeks === null) return true;
  return weeks >= exerciseEarliestWeek(e, deliveryType);
}

/** Flare-up link kind -> article topic. */
export const KIND_TOPIC = /** @type {Record<string,string>} */ ({ sleep: 'sleep', stress: 'stress' });

/**
 * The topics a parent's flare-ups point to, from their links' kinds.
 * @param {{links?: {kind?: string}[]|null}[]} flareups
 * @returns {string[]}
 */
export function flareTopics(flareups) {
  const set = new Set();
  for (const f of flareups ?? []) {
    for (const l of Array.isArray(f?.links) ? f.links : []) {
      const t = KIND_TOPIC[l?.kind ?? ''];
      if (t) set.add(t);
    }
  }
  return [...set];
}

/**
 * Whether an article matches any of topics (by its topics, or the
 * sleep_stress category).
 * @param {Article} a
 * @param {string[]} topics
 */
export function articleMatches(a, topics) {
  if (!topics.length) return false;
  const own = new Set(a.topics ?? []);
  if (topics.some((t) => own.has(t))) return true;
  return a.category === 'sleep_stress' && topics.some((t) => t === 'sleep' || t === 'stress');
}

/**
 * Articles that suit weeks, those matching topics first, each group newest
 * first. Returns [article, matched] pairs.
 * @param {Article[]} articles
 * @param {number|null} weeks
 * @param {string[]} topics
 * @returns {[Article, boolean][]}
 */
export function orderArticles(articles, weeks, topics) {
  const byDate = (/** @type {Article} */ a, /** @type {Article} */ b) => String(b.published_at ?? '').localeCompare(String(a.published_at ?? ''));
  const suit = articles.filter((a) => articleSuits(a, weeks));
  const hit = suit.filter((a) => articleMatches(a, topics)).sort(byDate);
  const rest = suit.filter((a) => !articleMatches(a, topics)).sort(byDate);
  return [...hit.map((a) => /** @type {[Article, boolean]} */ ([a, true])), ...rest.map((a) => /** @type {[Article, boolean]} */ ([a, false]))];
}

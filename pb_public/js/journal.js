// Reading and writing the journal collections (entries, pain_scores,
// mood_scores, stress_scores) for the signed-in user, with an offline outbox.
// Every write is idempotent so a retry can never double a reading: scores get
// a client-made id (a second create answers "already exists"), and the day's
// entry is looked up by (user, day) and updated, or created once.

import { pb, currentUser, filter } from './api.js';
import { createQueue, newRecordID } from './lib/queue.js';
import { ENTRY_FIELDS, mergeEntry, outboxID, isOwnItem, userKeys, tryLock, unlock } from './lib/outbox.js';
import { fieldErrors, isNetworkError } from './lib/errors.js';

export const SCORE_COLLECTIONS = /** @type {const} */ (['pain_scores', 'mood_scores', 'stress_scores']);
export { ENTRY_FIELDS, mergeEntry };

/** @typedef {{id: string, day: string, at?: string, score: number, areas?: string[], activity?: string, note?: string, created?: string}} ScoreRecord */
/** @typedef {{id: string, day: string, sleep_hours: number|null, sleep_quality: number, night_wakings: number, notes: string, sleep_notes: string, stress_notes: string, exercises: string[], relief: string[], red_flags: string[]}} EntryRecord */
/** @typedef {{entry: EntryRecord|null, pain: ScoreRecord[], mood: ScoreRecord[], stress: ScoreRecord[]}} DayData */

const queue = createQueue(localStorage, 'mend.outbox');

function uid() {
  const u = currentUser();
  if (!u) throw Object.assign(new Error('Please sign in again.'), { status: 401 });
  return u.id;
}

/**
 * Everything logged from from to to (inclusive), sorted by day then time.
 * @param {string} from
 * @param {string} to
 */
export async function loadRange(from, to) {
  const f = filter('user = {:u} && day >= {:from} && day <= {:to}', { u: uid(), from, to });
  const [entries, pain, mood, stress] = await Promise.all([
    pb.collection('entries').getFullList({ filter: f, sort: 'day' }),
    pb.collection('pain_scores').getFullList({ filter: f, sort: 'day,at,created' }),
    pb.collection('mood_scores').getFullList({ filter: f, sort: 'day,at,created' }),
    pb.collection('stress_scores').getFullList({ filter: f, sort: 'day,at,created' }),
  ]);
  return {
    entries: /** @type {EntryRecord[]} */ (/** @type {unknown} */ (entries)),
    pain: /** @type {ScoreRecord[]} */ (/** @type {unknown} */ (pain)),
    mood: /** @type {ScoreRecord[]} */ (/** @type {unknown} */ (mood)),
    stress: /** @type {ScoreRecord[]} */ (/** @type {unknown} */ (stress)),
  };
}

/**
 * One day's entry and readings.
 * @param {string} day
 * @returns {Promise<DayData>}
 */
export async function loadDay(day) {
  const r = await loadRange(day, day);
  return { entry: r.entries[0] ?? null, pain: r.pain, mood: r.mood, stress: r.stress };
}

/**
 * The latest entry and readings before day, for "same as yesterday".
 * @param {string} day
 */
export async function loadLatestBefore(day) {
  const u = uid();
  const f = filter('user = {:u} && day < {:d}', { u, d: day });
  /** @param {string} c */
  const first = (c) => pb.collection(c).getList(1, 1, { filter: f, sort: '-day,-at,-created', skipTotal: true })
    .then((r) => r.items[0] ?? null);
  const [entry, pain, mood, stress] = await Promise.all([first('entries'), first('pain_scores'), first('mood_scores'), first('stress_scores')]);
  return {
    entry: /** @type {EntryRecord|null} */ (/** @type {unknown} */ (entry)),
    pain: /** @type {ScoreRecord|null} */ (/** @type {unknown} */ (pain)),
    mood: /** @type {ScoreRecord|null} */ (/** @type {unknown} */ (mood)),
    stress: /** @type {ScoreRecord|null} */ (/** @type {unknown} */ (stress)),
  };
}

/**
 * Creates a record with a client id; "already exists" counts as done.
 * @param {string} collection
 * @param {Record<string, any> & {id: string}} data
 */
async function createOnce(collection, data) {
  try {
    return await pb.collection(collection).create(data);
  } catch (/** @type {any} */ err) {
    if (err?.status === 400 && fieldErrors(err).id) {
      try {
        return await pb.collection(collection).getOne(data.id);
      } catch { /* fall through to the original error */ }
    }
    throw err;
  }
}

/**
 * Creates or updates the (user, day) entry. mode "merge" (used when the day
 * could not be read first, i.e. offline) only adds what was typed and never
 * blanks a field the server already has.
 * @param {string} day
 * @param {Partial<EntryRecord>} data
 * @param {'replace'|'merge'} mode
 */
async function upsertEntry(day, data, mode) {
  const u = uid();
  const find = () => pb.collection('entries')
    .getFirstListItem(filter('user = {:u} && day = {:d}', { u, d: day }))
    .catch((/** @type {any} */ e) => (e?.status === 404 ? null : Promise.reject(e)));
  let existing = await find();
  if (!existing) {
    try {
      return await pb.collection('entries').create({ ...data, user: u, day });
    } catch (/** @type {any} */ err) {
      // Another tab or a queued save created it in between: update that one.
      existing = err?.status === 400 ? await find() : null;
      if (!existing) throw err;
    }
  }
  // mergeEntry is idempotent, so a retried merge (lost response, two tabs)
  // never appends the same note twice.
  const body = mode === 'merge' ? mergeEntry(/** @type {any} */ (existing), /** @type {any} */ (data)) : data;
  return pb.collection('entries').update(existing.id, body);
}

/**
 * @typedef {{kind: 'score', collection: string, data: Record<string, any> & {id: string}}
 *   | {kind: 'entry', day: string, data: Partial<EntryRecord>, mode: 'replace'|'merge'}} Op
 */

/** @param {Op} op */
async function run(op) {
  if (op.kind === 'score') return createOnce(op.collection, { ...op.data, user: uid() });
  return upsertEntry(op.day, op.data, op.mode);
}

/**
 * The id of the account this phone is signed in as, even when its token has
 * expired (the saves are still that person's), or "".
 */
function authUserID() {
  const id = /** @type {any} */ (pb.authStore.record)?.id;
  return typeof id === 'string' ? id : '';
}

/**
 * Runs ops in order. On a network failure the op and all after it go to the
 * outbox and the result is "queued"; a refusal (4xx) throws with the
 * server's error so the form can show it.
 * @param {Op[]} ops
 * @returns {Promise<'saved'|'queued'>}
 */
export async function save(ops) {
  for (let i = 0; i < ops.length; i++) {
    if (!navigator.onLine) return enqueue(ops.slice(i));
    try {
      await run(ops[i]);
    } catch (err) {
      if (isNetworkError(err)) return enqueue(ops.slice(i));
      throw Object.assign(/** @type {object} */ (err), { op: ops[i] });
    }
  }
  return 'saved';
}

/** @param {Op[]} ops @returns {'queued'} */
function enqueue(ops) {
  // Never queue an item without an owner: it could be sent as someone else.
  const user = authUserID();
  if (!user) throw Object.assign(new Error('Please sign in again to save.'), { status: 401 });
  for (const op of ops) queue.add(op.kind, { ...op, user }, outboxID(op, user));
  notify();
  return 'queued';
}

/** How many of this account's saves are waiting in the outbox. */
export function pendingCount() {
  const user = authUserID();
  return queue.list().filter((i) => isOwnItem(i, user)).length;
}

/** Removes this account's drafts (free-text notes) from this phone. */
export function forgetDrafts() {
  for (const k of userKeys(Object.keys(localStorage), authUserID(), { draftsOnly: true })) localStorage.removeItem(k);
}

/** Whether this account has a draft kept on this phone. */
export function hasDrafts() {
  return userKeys(Object.keys(localStorage), authUserID(), { draftsOnly: true }).length > 0;
}

/**
 * Removes everything this account kept on this phone: its drafts, its
 * per-user flags and its outbox items. Other accounts' items stay.
 * @param {string} [user] the account id (default: the one signed in)
 */
export function forgetLocalData(user = authUserID()) {
  if (!user) return;
  for (const k of userKeys(Object.keys(localStorage), user)) localStorage.removeItem(k);
  queue.removeWhere((i) => isOwnItem(i, user));
  notify();
}

/** @type {Set<() => void>} */
const listeners = new Set();
/** @param {() => void} fn @returns {() => void} */
export function onOutboxChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
function notify() {
  for (const fn of listeners) fn();
}

let flushing = false;
const LOCK_KEY = 'mend.outbox.lock';
const TAB_ID = newRecordID();
/**
 * Sends this account's outbox items; other accounts' items (and items with
 * no owner) are skipped and kept for their owner. Items the server refuses
 * for good (see isPermanentFailure in lib/queue.js) are reported and
 * dropped; anything else stays for a later try.
 * Two tabs: a short lock in localStorage (30 s expiry) keeps a second tab
 * from flushing at the same time; should both still run (the lock is not
 * atomic), score creates use client ids and the entry merge is idempotent.
 * @returns {Promise<{sent: number, failed: {item: any, error: any}[], pending: number}>}
 */
export async function flushOutbox() {
  const user = currentUser()?.id;
  if (flushing || !user || !pendingCount()) return { sent: 0, failed: [], pending: pendingCount() };
  if (!tryLock(localStorage, LOCK_KEY, TAB_ID, Date.now(), 30_000)) return { sent: 0, failed: [], pending: pendingCount() };
  flushing = true;
  try {
    const r = await queue.flush(async (item) => {
      // Checked again at send time: the account may have changed mid-flush.
      if (!isOwnItem(item, currentUser()?.id)) throw Object.assign(new Error('Please sign in again.'), { status: 401 });
      await run(item.payload);
    }, isNetworkError, { skip: (item) => !isOwnItem(item, user) });
    return { ...r, pending: pendingCount() };
  } finally {
    flushing = false;
    unlock(localStorage, LOCK_KEY, TAB_ID);
    notify();
  }
}

/** A fresh id for a score record. */
export { newRecordID };

/**
 * @param {string} collection one of SCORE_COLLECTIONS
 * @param {string} id
 * @param {Record<string, any>} data
 */
export function updateScore(collection, id, data) {
  return pb.collection(collection).update(id, data);
}

/** @param {string} collection @param {string} id */
export function deleteRecord(collection, id) {
  return pb.collection(collection).delete(id);
}

/** Published exercises for the "exercises done" list, by name. */
export function listExercises() {
  return pb.collection('exercises').getFullList({ sort: 'name', fields: 'id,name,slug,earliest_week,earliest_week_cesarean' });
}

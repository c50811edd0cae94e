// Pure rules for the offline outbox (journal.js uses them; tests run in node).
//
// Ownership: every outbox item carries the id of the account that made it
// (payload.user) and its outbox id starts with that id, so two accounts on
// one phone never replace or send each other's items. An item with no owner
// (made by an older version) is treated as foreign: never sent, never dropped.
//
// Retrying: see isPermanentFailure in queue.js.

export const ENTRY_FIELDS = /** @type {const} */ (['sleep_hours', 'sleep_quality', 'night_wakings', 'notes', 'sleep_notes', 'stress_notes', 'exercises', 'relief', 'red_flags']);

/**
 * The outbox id of an op: one per (user, score id) or (user, day).
 * @param {{kind: string, data?: any, day?: string}} op
 * @param {string} user
 */
export function outboxID(op, user) {
  if (!user) throw new Error('outboxID needs a user');
  return op.kind === 'score' ? `${user}:score:${op.data.id}` : `${user}:entry:${op.day}`;
}

/**
 * Whether a queued item belongs to user. Items without an owner belong to no one.
 * @param {{payload?: any}} item
 * @param {string|null|undefined} user
 */
export function isOwnItem(item, user) {
  const owner = item?.payload?.user;
  return Boolean(user) && typeof owner === 'string' && owner !== '' && owner === user;
}

/**
 * Joins text typed offline (add) to what the server has (old) without ever
 * losing either, and idempotently: when old already holds add as whole
 * lines (a retried merge, or two tabs flushing the same item), nothing is
 * appended again.
 * @param {unknown} old
 * @param {unknown} add
 */
export function mergeText(old, add) {
  const o = typeof old === 'string' ? old : '';
  const a = typeof add === 'string' ? add : '';
  if (!a) return o;
  if (!o || o === a) return a;
  const norm = (/** @type {string} */ s) => s.replace(/\r\n?/g, '\n');
  if (`\n${norm(o)}\n`.includes(`\n${norm(a)}\n`)) return o;
  return `${o}\n${a}`;
}

/**
 * The update for an entry saved offline in "merge" mode: only adds what was
 * typed and never blanks a field the server already has. Idempotent:
 * mergeEntry({...old, ...mergeEntry(old, add)}, add) changes nothing more.
 * @param {Record<string, any>} old
 * @param {Record<string, any>} add
 */
export function mergeEntry(old, add) {
  /** @type {Record<string, any>} */
  const out = {};
  for (const k of ENTRY_FIELDS) {
    const a = add[k];
    const o = old[k];
    if (Array.isArray(a)) out[k] = [...new Set([...(o ?? []), ...a])];
    // Sleep: null is "not logged" (keep the server's), 0 a night without sleep.
    else if (k === 'sleep_hours') out[k] = typeof a === 'number' ? a : o;
    else if (typeof a === 'number') out[k] = a > 0 ? a : o;
    else if (typeof a === 'string') out[k] = mergeText(o, a);
  }
  return out;
}

/**
 * localStorage keys that hold this user's own data on this phone: drafts
 * (mend.draft.<id>.<day>), per-user flags (mend.onboarded.<id>), share links
 * and the report name (see shares.js). The
 * outbox is shared and is cleaned item by item (see queue.removeWhere).
 * @param {string[]} keys
 * @param {string} user
 * @param {{draftsOnly?: boolean}} [o]
 */
export function userKeys(keys, user, o = {}) {
  if (!user) return [];
  const drafts = keys.filter((k) => k.startsWith(`mend.draft.${user}.`));
  if (o.draftsOnly) return drafts;
  // Share links (mend.share.<id>.<report>) open a report without sign-in,
  // and the report name is hers: both leave with the account.
  return [...drafts, ...keys.filter((k) => k === `mend.onboarded.${user}` || k === `mend.reportname.${user}` || k.startsWith(`mend.share.${user}.`))];
}

/**
 * A short cross-tab lock kept in storage, with an expiry so a closed tab
 * never holds it for good. Not atomic (two tabs can race in the same
 * millisecond); the merge and score creates are idempotent, so the lock
 * only avoids duplicate work. Returns true when owner now holds the lock.
 * @param {{getItem(k: string): string|null, setItem(k: string, v: string): void}} storage
 * @param {string} key
 * @param {string} owner
 * @param {number} now ms
 * @param {number} ttl ms
 */
export function tryLock(storage, key, owner, now, ttl) {
  let cur = null;
  try { cur = JSON.parse(storage.getItem(key) || 'null'); } catch { cur = null; }
  if (cur && cur.owner !== owner && typeof cur.until === 'number' && cur.until > now) return false;
  storage.setItem(key, JSON.stringify({ owner, until: now + ttl }));
  return true;
}

/**
 * @param {{getItem(k: string): string|null, removeItem(k: string): void}} storage
 * @param {string} key
 * @param {string} owner
 */
export function unlock(storage, key, owner) {
  try {
    const cur = JSON.parse(storage.getItem(key) || 'null');
    if (cur?.owner === owner) storage.removeItem(key);
  } catch { /* nothing held */ }
}

/**
 * How many days the waiting items are for. One Save queues up to four
 * items (pain, mood, stress, the entry), so counting items told a parent
 * "4 logs" for one log; a day is what she logged.
 * @param {{payload?: any}[]} items
 */
export function pendingDays(items) {
  const days = new Set();
  for (const i of items) {
    const d = i?.payload?.kind === 'entry' ? i.payload.day : i?.payload?.data?.day;
    if (typeof d === 'string' && d) days.add(d);
  }
  return days.size;
}

/**
 * The offline banner's words for n pending days.
 * @param {number} n
 * @param {boolean} online
 */
export function pendingWords(n, online) {
  const what = `your log${n === 1 ? '' : 's'} for ${n} day${n === 1 ? '' : 's'}`;
  if (!online) return n ? `You are offline. Mend keeps ${what} on this phone and sends ${n === 1 ? 'it' : 'them'} when you are back.` : 'You are offline. You can still log; Mend sends it when you are back.';
  return n ? `Sending ${what}…` : '';
}

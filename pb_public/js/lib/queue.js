// A small persistent outbox for saves made while offline. Storage is
// injected (localStorage in the app, a Map-backed stub in tests), so the
// logic is pure. Items are replayed in order; an item is removed only after
// the send function resolves, so nothing accepted is lost.

/**
 * @typedef {{id: string, kind: string, payload: any, queuedAt: string, attempts: number}} QueueItem
 * @typedef {{getItem(k: string): string|null, setItem(k: string, v: string): void}} KVStorage
 */

/**
 * @param {KVStorage} storage
 * @param {string} key
 */
export function createQueue(storage, key) {
  /** @returns {QueueItem[]} */
  function list() {
    try {
      const v = JSON.parse(storage.getItem(key) || '[]');
      return Array.isArray(v) ? v : [];
    } catch {
      return [];
    }
  }
  /** @param {QueueItem[]} items */
  function save(items) {
    storage.setItem(key, JSON.stringify(items));
  }
  return {
    list,
    size: () => list().length,
    /**
     * @param {string} kind
     * @param {any} payload
     * @param {string} id unique per item (replaces an item with the same id)
     * @param {Date} [now]
     */
    add(kind, payload, id, now = new Date()) {
      const items = list().filter((i) => i.id !== id);
      items.push({ id, kind, payload, queuedAt: now.toISOString(), attempts: 0 });
      save(items);
    },
    /**
     * Removes every item for which pred is true (e.g. one account's items).
     * @param {(item: QueueItem) => boolean} pred
     */
    removeWhere(pred) {
      save(list().filter((i) => !pred(i)));
    },
    /**
     * Sends every item in order. Items for which skip() is true (another
     * account's) are left untouched and the flush goes on. On a failure:
     * - isPermanentFailure(err) (a 4xx that can never succeed): the item is
     *   dropped and reported in the returned failed list;
     * - a network failure, 401, 403 or 429: the item is kept (attempts + 1)
     *   and the flush stops (offline, signed out or throttled: the rest
     *   would fail the same way);
     * - anything else (5xx, 408, unknown): the item is kept (attempts + 1)
     *   and the flush goes on with the next item.
     * Nothing is lost unless the server said it will never accept it.
     * @param {(item: QueueItem) => Promise<void>} send
     * @param {(err: any) => boolean} isNetworkError
     * @param {{skip?: (item: QueueItem) => boolean}} [o]
     * @returns {Promise<{sent: number, failed: {item: QueueItem, error: any}[], pending: number, kept: number}>}
     */
    async flush(send, isNetworkError, o = {}) {
      let sent = 0;
      let kept = 0;
      /** @type {{item: QueueItem, error: any}[]} */
      const failed = [];
      for (const item of list()) {
        if (o.skip?.(item)) continue;
        if (!list().some((i) => i.id === item.id && i.queuedAt === item.queuedAt)) continue; // sent or replaced meanwhile
        try {
          await send(item);
          sent++;
          save(list().filter((i) => !(i.id === item.id && i.queuedAt === item.queuedAt)));
        } catch (error) {
          if (!isNetworkError(error) && isPermanentFailure(error)) {
            failed.push({ item, error });
            save(list().filter((i) => !(i.id === item.id && i.queuedAt === item.queuedAt)));
            continue;
          }
          kept++;
          save(list().map((i) => (i.id === item.id ? { ...i, attempts: (i.attempts ?? 0) + 1 } : i)));
          if (isNetworkError(error) || STOP_STATUSES.has(/** @type {any} */ (error)?.status)) break;
        }
      }
      return { sent, failed, pending: list().length, kept };
    },
  };
}

/** Statuses after which the rest of the outbox would fail the same way. */
const STOP_STATUSES = new Set([401, 403, 429]);

/**
 * Whether an error means the item can never be accepted as it is, so it may
 * be dropped (and reported). Only a 4xx answer counts, and not all of them:
 * 401/403 (the session may come back), 408 (timeout) and 429 (throttled)
 * are retried, as are 5xx, network failures and anything without a status.
 * @param {any} err
 */
export function isPermanentFailure(err) {
  const s = err?.status;
  if (typeof s !== 'number' || s < 400 || s > 499) return false;
  return ![401, 403, 408, 429].includes(s);
}

/**
 * A PocketBase-compatible record id: 15 characters of [a-z0-9]. Client ids
 * make a retried create idempotent (the second attempt is "already exists").
 * @param {() => number} [rand]
 */
export function newRecordID(rand = Math.random) {
  const abc = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  if (rand === Math.random && globalThis.crypto?.getRandomValues) {
    const b = new Uint8Array(15);
    globalThis.crypto.getRandomValues(b);
    for (const x of b) s += abc[x % 36];
    return s;
  }
  for (let i = 0; i < 15; i++) s += abc[Math.floor(rand() * 36)];
  return s;
}

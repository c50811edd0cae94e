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
     * Sends every item in order. Stops at the first network failure (still
     * offline); an item the server rejects for good (4xx) is kept aside in
     * the returned failed list and dropped, so one bad item cannot block the rest.
     * @param {(item: QueueItem) => Promise<void>} send
     * @param {(err: any) => boolean} isNetworkError
     * @returns {Promise<{sent: number, failed: {item: QueueItem, error: any}[], pending: number}>}
     */
    async flush(send, isNetworkError) {
      let sent = 0;
      /** @type {{item: QueueItem, error: any}[]} */
      const failed = [];
      for (const item of list()) {
        try {
          await send(item);
          sent++;
          save(list().filter((i) => i.id !== item.id));
        } catch (error) {
          if (isNetworkError(error)) {
            save(list().map((i) => (i.id === item.id ? { ...i, attempts: i.attempts + 1 } : i)));
            break;
          }
          failed.push({ item, error });
          save(list().filter((i) => i.id !== item.id));
        }
      }
      return { sent, failed, pending: list().length };
    },
  };
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

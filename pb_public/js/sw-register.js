// Registers the service worker (sw.js), offers "Update" when a new version
// waits, asks for Background Sync when logs are queued, answers the worker's
// messages, and subscribes this device to Web Push for reminders.
//
// Usage: import './sw-register.js' once (app.js); Settings uses the push
// functions below.

import { pb, currentUser } from './api.js';
import { flushOutbox, onOutboxChange, pendingCount } from './journal.js';
import { keyBytes, subscriptionRecord } from './lib/push.js';

const SYNC_TAG = 'mend-outbox';
const supported = 'serviceWorker' in navigator;

/** @type {Promise<ServiceWorkerRegistration|null>} */
export const registration = supported
  ? navigator.serviceWorker.register('/sw.js', { scope: '/', updateViaCache: 'none' }).catch((err) => {
      console.warn('Mend works without offline support here:', err?.message ?? err);
      return null;
    })
  : Promise.resolve(null);

if (supported) {
  navigator.serviceWorker.addEventListener('message', (e) => {
    if (e.origin && e.origin !== location.origin) return;
    const msg = e.data ?? {};
    // The browser fires sync when it has a connection again, which is
    // the moment to send, whatever navigator.onLine says in this tab.
    if (msg.type === 'flush-outbox' && pendingCount()) void flushOutbox();
    if (msg.type === 'open' && typeof msg.hash === 'string' && msg.hash.startsWith('#/')) location.hash = msg.hash;
  });
  void registration.then((reg) => {
    if (!reg) return;
    watchForUpdate(reg);
    onOutboxChange(() => {
      // Background Sync fires when the connection returns even if this tab
      // sleeps; where it is missing, app.js's online event does the same.
      if (pendingCount() && 'sync' in reg) /** @type {any} */ (reg).sync.register(SYNC_TAG).catch(() => {});
    });
  });
}

/** @param {ServiceWorkerRegistration} reg */
function watchForUpdate(reg) {
  const offer = () => {
    // Only an update: on the very first install nothing controls the page.
    if (reg.waiting && navigator.serviceWorker.controller) showUpdate(reg.waiting);
  };
  offer();
  reg.addEventListener('updatefound', () => {
    const w = reg.installing;
    w?.addEventListener('statechange', () => { if (w.state === 'installed') offer(); });
  });
}

let reloading = false;
/** @param {ServiceWorker} waiting */
function showUpdate(waiting) {
  if (document.getElementById('sw-update')) return;
  const p = document.createElement('p');
  p.id = 'sw-update';
  p.className = 'notice row';
  p.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.textContent = 'A new version of Mend is ready.';
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'btn small primary';
  b.textContent = 'Update';
  b.addEventListener('click', () => {
    b.disabled = true;
    // Reload once the new worker controls the page, so every file after
    // the reload comes from the new version and none from the old.
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (reloading) return;
      reloading = true;
      location.reload();
    });
    waiting.postMessage({ type: 'skip-waiting' });
  });
  p.append(text, b);
  document.getElementById('net-banner')?.after(p);
}

/** Whether this browser can receive push at all. */
export function pushEnv() {
  return {
    secure: window.isSecureContext,
    push: supported && 'PushManager' in window && 'Notification' in window,
    permission: 'Notification' in window ? Notification.permission : 'denied',
  };
}

/**
 * Subscribes this device and stores it for the signed-in user. Asks for
 * notification permission first (the browser shows its own prompt).
 * @returns {Promise<'ok'|'denied'>}
 */
export async function subscribePush() {
  const user = currentUser()?.id;
  if (!user) throw new Error('Sign in first.');
  const reg = await navigator.serviceWorker.ready;
  if ((await Notification.requestPermission()) !== 'granted') return 'denied';
  const { public_key: key } = await pb.send('/api/mend/push/key', { method: 'GET' });
  let sub = await reg.pushManager.getSubscription();
  if (sub && !sameKey(sub, key)) {
    await sub.unsubscribe(); // made with another server key: useless now
    sub = null;
  }
  sub ??= await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(key) });
  const body = subscriptionRecord(/** @type {any} */ (sub.toJSON()), user, navigator.userAgent);
  const existing = await pb.collection('push_subscriptions').getList(1, 1, { filter: pb.filter('user = {:u} && endpoint = {:e}', { u: user, e: body.endpoint }), skipTotal: true });
  if (!existing.items.length) await pb.collection('push_subscriptions').create(body);
  return 'ok';
}

/** Forgets this device: the browser subscription and the stored row. */
export async function unsubscribePush() {
  const user = currentUser()?.id;
  if (!supported || !user) return;
  const reg = await registration;
  const sub = await reg?.pushManager?.getSubscription();
  if (!sub) return;
  const found = await pb.collection('push_subscriptions').getList(1, 10, { filter: pb.filter('user = {:u} && endpoint = {:e}', { u: user, e: sub.endpoint }), skipTotal: true });
  for (const r of found.items) await pb.collection('push_subscriptions').delete(r.id);
  await sub.unsubscribe();
}

/**
 * @param {PushSubscription} sub
 * @param {string} key
 */
function sameKey(sub, key) {
  const have = sub.options?.applicationServerKey;
  if (!have) return true;
  const a = new Uint8Array(have);
  const b = keyBytes(key);
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

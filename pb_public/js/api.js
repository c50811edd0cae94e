// The single PocketBase client of the web app. The auth store (token and
// user record, kept by the SDK in localStorage) is reached only through this
// module; components call the functions below.

import { PocketBase } from './deps.js';
import { browserTimeZone, calendarDay, logicalDay, toDay } from './lib/dates.js';
import { filenameFromDisposition } from './lib/download.js';

/** @typedef {{id: string, email: string, name?: string, delivery_date?: string, delivery_type?: string, timezone?: string, reminder_time?: string, verified?: boolean}} User */

export const pb = new PocketBase('/');
// Pages load several lists at once; the SDK's auto-cancellation of duplicate
// requests would cancel the earlier of two same-collection lists.
pb.autoCancellation(false);

/** @returns {User|null} */
export function currentUser() {
  return pb.authStore.isValid ? /** @type {User} */ (/** @type {unknown} */ (pb.authStore.record)) : null;
}

/** @param {(user: User|null) => void} fn @returns {() => void} unsubscribe */
export function onAuthChange(fn) {
  return pb.authStore.onChange(() => fn(currentUser()));
}

/** The user's IANA time zone (users.timezone), else the browser's. */
export function userTimeZone() {
  const tz = currentUser()?.timezone;
  return tz || browserTimeZone();
}

/** Today's calendar day for the user: the latest day that may be logged. */
export function todayDay(now = new Date()) {
  return calendarDay(now, userTimeZone());
}

/** The day a log made now belongs to by default (before 4 a.m.: yesterday). */
export function defaultLogDay(now = new Date()) {
  return logicalDay(now, userTimeZone());
}

/** The user's delivery (birth) day, or "". */
export function deliveryDay() {
  return toDay(currentUser()?.delivery_date ?? '');
}

/** @param {string} email @param {string} password */
export async function signIn(email, password) {
  await pb.collection('users').authWithPassword(email, password);
  return currentUser();
}

/** @param {string} email @param {string} password */
export async function signUp(email, password) {
  await pb.collection('users').create({
    email, password, passwordConfirm: password, timezone: browserTimeZone(), delivery_type: 'unspecified',
  });
  return signIn(email, password);
}

export function signOut() {
  pb.authStore.clear();
}

/** @param {string} email */
export async function requestPasswordReset(email) {
  await pb.collection('users').requestPasswordReset(email);
}

/** Re-reads the signed-in user (and renews the token); signs out when rejected. */
export async function refreshAuth() {
  if (!pb.authStore.isValid) return null;
  try {
    await pb.collection('users').authRefresh();
  } catch (/** @type {any} */ err) {
    if (err?.status === 401 || err?.status === 403 || err?.status === 404) pb.authStore.clear();
  }
  return currentUser();
}

/** @param {Partial<User>} data */
export async function updateProfile(data) {
  const u = currentUser();
  if (!u) throw new Error('Not signed in.');
  await pb.collection('users').update(u.id, data);
  return currentUser();
}

/** Deletes the account; the database removes every record that belongs to it. */
export async function deleteAccount() {
  const u = currentUser();
  if (!u) throw new Error('Not signed in.');
  await pb.collection('users').delete(u.id);
  pb.authStore.clear();
}

/**
 * GET one of Mend's own JSON routes.
 * @param {string} path e.g. "/api/mend/insights"
 * @param {Record<string,string>} [query]
 * @param {AbortSignal} [signal]
 */
export function mendGet(path, query = {}, signal) {
  return pb.send(path, { method: 'GET', query, signal, requestKey: null });
}

/**
 * POST/DELETE one of Mend's routes.
 * @param {'POST'|'DELETE'} method
 * @param {string} path
 * @param {any} [body]
 */
export function mendSend(method, path, body) {
  return pb.send(path, { method, body, requestKey: null });
}

/**
 * Fetches an authenticated download and saves it under the server's filename.
 * Throws an Error whose message is the server's when the answer is not 2xx.
 * @param {string} url same-origin path
 * @param {string} fallbackName
 * @param {AbortSignal} [signal]
 */
export async function download(url, fallbackName, signal) {
  const res = await fetch(url, { headers: { Authorization: pb.authStore.token }, signal, credentials: 'same-origin' });
  if (!res.ok) {
    let message = `The server answered ${res.status}.`;
    try {
      const body = await res.json();
      if (body?.message) message = body.message;
    } catch { /* not JSON */ }
    const err = /** @type {Error & {status?: number}} */ (new Error(message));
    err.status = res.status;
    throw err;
  }
  const blob = await res.blob();
  const name = filenameFromDisposition(res.headers.get('Content-Disposition'), fallbackName);
  saveBlob(blob, name);
  return name;
}

/**
 * Offers blob to the user as a file download.
 * @param {Blob} blob
 * @param {string} name
 */
export function saveBlob(blob, name) {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/**
 * The URL of a record's file; protected files get a short-lived file token.
 * @param {any} record
 * @param {string} filename
 * @param {{protected?: boolean, thumb?: string}} [opts]
 */
export async function fileURL(record, filename, opts = {}) {
  /** @type {Record<string,string>} */
  const q = {};
  if (opts.thumb) q.thumb = opts.thumb;
  if (opts.protected) q.token = await pb.files.getToken();
  return pb.files.getURL(record, filename, q);
}

/**
 * A PocketBase filter with bound parameters (values are escaped by the SDK).
 * @param {string} expr
 * @param {Record<string, unknown>} params
 */
export function filter(expr, params) {
  return pb.filter(expr, params);
}

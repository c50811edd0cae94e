// Pure helpers for Web Push subscriptions (sw-register.js uses them; tests
// run in node).

/**
 * Turns the server's base64url VAPID public key into the bytes
 * PushManager.subscribe wants as applicationServerKey.
 * @param {string} b64url
 * @returns {Uint8Array}
 */
export function keyBytes(b64url) {
  if (typeof b64url !== 'string' || !/^[A-Za-z0-9_-]+={0,2}$/.test(b64url)) throw new Error('not a base64url key');
  const b64 = b64url.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/**
 * The push_subscriptions record for a browser subscription: the endpoint
 * and the two keys the server encrypts with, owned by user. The user agent
 * only helps her tell her devices apart, so it is cut short.
 * @param {{endpoint: string, keys?: {p256dh?: string, auth?: string}}} sub PushSubscription.toJSON()
 * @param {string} user
 * @param {string} [userAgent]
 */
export function subscriptionRecord(sub, user, userAgent = '') {
  if (!user) throw new Error('subscriptionRecord needs a user');
  if (!sub?.endpoint || !sub.keys?.p256dh || !sub.keys?.auth) throw new Error('incomplete push subscription');
  return { user, endpoint: sub.endpoint, p256dh: sub.keys.p256dh, auth: sub.keys.auth, user_agent: String(userAgent).slice(0, 300) };
}

/**
 * What Settings says about push on this browser.
 * @param {{secure: boolean, push: boolean, permission: string}} env
 * @returns {''|'insecure'|'unsupported'|'denied'}
 */
export function pushBlocker(env) {
  if (!env.secure) return 'insecure';
  if (!env.push) return 'unsupported';
  if (env.permission === 'denied') return 'denied';
  return '';
}

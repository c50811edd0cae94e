// Mend's service worker (scope /, registered by js/sw-register.js).
//
// - The app shell (below) is cached on install, so Mend opens and logs with
//   no network; ECharts is cached the first time Insights loads it.
// - Cache names carry the version, which the server fills in with a hash of
//   the whole web app (hooks/sw.go): any change makes a new worker that
//   installs beside the old one and waits until the page's "Update" button
//   asks it to take over, so one page never mixes files of two versions.
// - API responses, the dashboard and share links are never touched: they are
//   private and must be fresh. Logs saved offline wait in the page's outbox
//   (js/lib/outbox.js); a Background Sync event asks open pages to send it.
// - A push message shows a reminder; tapping it opens Today.

const VERSION = '__MEND_VERSION__';
const SHELL_CACHE = `mend-shell-${VERSION}`;
const RUNTIME_CACHE = `mend-runtime-${VERSION}`;
const SYNC_TAG = 'mend-outbox';

// Every file the app needs to start and log offline. Keep this list in step
// with pb_public: hooks/sw_test.go fails when a listed file is missing or a
// file is neither listed nor knowingly left out.
const SHELL = /* shell:start */ [
  "index.html",
  "app.css",
  "log.css",
  "manifest.webmanifest",
  "icons/icon.svg",
  "icons/icon-192.png",
  "icons/icon-512.png",
  "js/theme.js",
  "js/app.js",
  "js/api.js",
  "js/confirm.js",
  "js/deps.js",
  "js/disclosure.js",
  "js/form-state.js",
  "js/journal.js",
  "js/sanitize.js",
  "js/sw-register.js",
  "js/theme-switch.js",
  "js/today-logged.js",
  "js/today-sleep.js",
  "js/lib/chart-safe.js",
  "js/lib/dates.js",
  "js/lib/download.js",
  "js/lib/errors.js",
  "js/lib/form.js",
  "js/lib/html.js",
  "js/lib/labels.js",
  "js/lib/library.js",
  "js/lib/outbox.js",
  "js/lib/pain.js",
  "js/lib/push.js",
  "js/lib/queue.js",
  "js/lib/safeurl.js",
  "js/lib/shares.js",
  "js/lib/sleep.js",
  "js/lib/today-view.js",
  "js/lib/today.js",
  "js/components/mend-article.js",
  "js/components/mend-auth.js",
  "js/components/mend-chart.js",
  "js/components/mend-day.js",
  "js/components/mend-export.js",
  "js/components/mend-history.js",
  "js/components/mend-insights.js",
  "js/components/mend-library.js",
  "js/components/mend-mood.js",
  "js/components/mend-onboarding.js",
  "js/components/mend-profile-fields.js",
  "js/components/mend-red-flags.js",
  "js/components/mend-reminders.js",
  "js/components/mend-revoke-all.js",
  "js/components/mend-safety.js",
  "js/components/mend-saved-reports.js",
  "js/components/mend-scale.js",
  "js/components/mend-settings.js",
  "js/components/mend-today.js",
  "vendor/pocketbase@0.28.1/pocketbase.es.mjs"
] /* shell:end */;

// Fetched only when a page needs them, then kept for this version.
const RUNTIME = [/^\/vendor\/echarts@[^/]+\/echarts\.esm\.min\.js$/];

// The server answers /index.html with a redirect to / (Go's file server),
// and a browser refuses a redirected answer for a page load, so the page is
// kept under / itself.
const PAGE = './';
const shellURL = (/** @type {string} */ p) => (p === 'index.html' ? PAGE : p);

self.addEventListener('install', (event) => {
  // cache: 'reload' skips the HTTP cache, so the shell is this version's files.
  event.waitUntil(caches.open(SHELL_CACHE).then((c) => c.addAll(SHELL.map((p) => new Request(shellURL(p), { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('mend-') && key !== SHELL_CACHE && key !== RUNTIME_CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'skip-waiting') self.skipWaiting();
});

/** Paths the worker never answers: private, dynamic or its own script. */
function bypass(/** @type {URL} */ url) {
  const p = url.pathname;
  return p.startsWith('/api/') || p.startsWith('/_/') || p.startsWith('/r/') || p === '/sw.js';
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || bypass(url)) return;
  // The app is one page with a hash router: every page load is index.html.
  if (req.mode === 'navigate' && (url.pathname === '/' || url.pathname === '/index.html')) {
    event.respondWith(fromCache(new Request(PAGE), req));
    return;
  }
  event.respondWith(fromCache(req, req));
});

/**
 * This version's cached copy, else the network (keeping runtime files).
 * @param {Request} key
 * @param {Request} req
 */
async function fromCache(key, req) {
  const shell = await caches.open(SHELL_CACHE);
  const hit = (await shell.match(key, { ignoreSearch: true })) ?? (await caches.open(RUNTIME_CACHE).then((c) => c.match(req)));
  if (hit) return hit;
  const res = await fetch(req);
  const path = new URL(req.url).pathname;
  if (res.ok && RUNTIME.some((re) => re.test(path))) {
    const c = await caches.open(RUNTIME_CACHE);
    await c.put(req, res.clone());
  }
  return res;
}

// Background Sync: the outbox lives in the page's storage, which a worker
// cannot read, so the worker asks every open Mend page to send it. With no
// page open the logs wait; the app sends them when it opens.
self.addEventListener('sync', (event) => {
  if (event.tag !== SYNC_TAG) return;
  event.waitUntil(self.clients.matchAll({ type: 'window' }).then((wins) => {
    for (const w of wins) w.postMessage({ type: 'flush-outbox' });
  }));
});

self.addEventListener('push', (event) => {
  /** @type {{title?: unknown, body?: unknown, url?: unknown, tag?: unknown}} */
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = {};
  }
  const text = (/** @type {unknown} */ v, /** @type {string} */ d) => (typeof v === 'string' && v ? v : d);
  event.waitUntil(self.registration.showNotification(text(data.title, 'Mend'), {
    body: text(data.body, 'A moment to log how today went?'),
    tag: text(data.tag, 'mend-reminder'),
    icon: 'icons/icon-192.png',
    badge: 'icons/icon-192.png',
    data: { url: todayURL(data.url) },
  }));
});

/** Only a page of this app may be opened from a notification. */
function todayURL(/** @type {unknown} */ u) {
  try {
    const url = new URL(typeof u === 'string' ? u : '/#/today', self.location.origin);
    if (url.origin === self.location.origin) return url.href;
  } catch { /* fall through */ }
  return new URL('/#/today', self.location.origin).href;
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const href = todayURL(event.notification.data?.url);
  event.waitUntil((async () => {
    const wins = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    const open = wins.find((w) => new URL(w.url).origin === self.location.origin);
    if (open) {
      open.postMessage({ type: 'open', hash: new URL(href).hash || '#/today' });
      await open.focus();
      return;
    }
    await self.clients.openWindow(href);
  })());
});

// Mend's entry module: registers the custom elements, routes by URL hash,
// keeps the header and tab bar in step with the session, and sends the
// offline outbox when the connection returns.
//
// Routes (hash):
//   #/today[/<day>]  #/day/<day>  #/history[/<list|calendar>[/<YYYY-MM>]]
//   #/insights[/<days>|/birth]  #/library[/all]  #/library/<article|exercise>/<slug>
//   #/export  #/settings  #/safety  #/signin  #/signup  #/reset  #/welcome
// Only hashes starting with "#/" are routes; "#main" (the skip link) is not.

import { currentUser, onAuthChange, refreshAuth } from './api.js';
import { flushOutbox, onOutboxChange, pendingCount, pendingDays } from './journal.js';
import { pendingWords } from './lib/outbox.js';
import { getTheme, nextTheme, setTheme } from './theme-switch.js';
import { toDay } from './lib/dates.js';
import './components/mend-auth.js';
import './components/mend-onboarding.js';
import './components/mend-today.js';
import './components/mend-history.js';
import './components/mend-day.js';
import './components/mend-library.js';
import './components/mend-article.js';
import './components/mend-export.js';
import './components/mend-settings.js';
import './components/mend-safety.js';
import './sw-register.js'; // offline app shell, updates, push (issue 11)

/** @typedef {{tag: string, title: string, nav?: string, public?: boolean, attrs?: Record<string,string>, load?: () => Promise<unknown>}} Route */

/**
 * Maps a hash to the element to show.
 * @param {string} hash
 * @returns {Route}
 */
export function resolve(hash) {
  const parts = hash.replace(/^#\/?/, '').split('/').map((p) => { try { return decodeURIComponent(p); } catch { return ''; } });
  const [head, a = '', b = ''] = parts;
  switch (head) {
    case '':
    case 'today':
      return { tag: 'mend-today', title: 'Today', nav: 'today', attrs: toDay(a) ? { day: a } : {} };
    case 'day':
      return { tag: 'mend-day', title: 'Day', nav: 'history', attrs: { day: a } };
    case 'history':
      return { tag: 'mend-history', title: 'History', nav: 'history', attrs: { view: a === 'list' ? 'list' : 'calendar', month: b } };
    case 'insights':
      // ECharts and the insights element load only here.
      return { tag: 'mend-insights', title: 'Insights', nav: 'insights', attrs: { days: a || 'birth' }, load: () => import('./components/mend-insights.js') };
    case 'library':
      if (a === 'article' || a === 'exercise') return { tag: 'mend-article', title: 'Library', nav: 'library', public: true, attrs: { kind: a, slug: b } };
      return { tag: 'mend-library', title: 'Library', nav: 'library', public: true, attrs: a === 'all' ? { all: '' } : {} };
    case 'export':
      return { tag: 'mend-export', title: 'Export', nav: 'export' };
    case 'settings':
      return { tag: 'mend-settings', title: 'Settings' };
    case 'safety':
      return { tag: 'mend-safety', title: 'When to seek care', public: true };
    case 'signin':
      return { tag: 'mend-auth', title: 'Sign in', public: true, attrs: { mode: 'signin' } };
    case 'signup':
      return { tag: 'mend-auth', title: 'Create account', public: true, attrs: { mode: 'signup' } };
    case 'reset':
      return { tag: 'mend-auth', title: 'Reset password', public: true, attrs: { mode: 'reset' } };
    case 'welcome':
      return { tag: 'mend-onboarding', title: 'Welcome' };
    default:
      return { tag: 'mend-today', title: 'Today', nav: 'today', attrs: {} };
  }
}

const main = /** @type {HTMLElement} */ (document.getElementById('main'));
let first = true;

async function route() {
  const hash = location.hash;
  if (hash && !hash.startsWith('#/')) return; // e.g. the skip link's #main
  const r = resolve(hash);
  const user = currentUser();
  if (!r.public && !user) {
    if (hash && !/^#\/(signin|signup|reset)/.test(hash)) sessionStorage.setItem('mend.next', hash);
    location.replace(hash === '' || hash === '#/' || hash.startsWith('#/today') ? '#/signup' : '#/signin');
    return;
  }
  if (user && r.tag === 'mend-auth' && r.attrs?.mode !== 'reset') {
    location.replace('#/today');
    return;
  }
  if (user && r.tag === 'mend-today' && !user.delivery_date && !localStorage.getItem(`mend.onboarded.${user.id}`)) {
    location.replace('#/welcome');
    return;
  }
  try {
    await r.load?.();
  } catch {
    main.textContent = 'This page could not be loaded. Check your connection and try again.';
    return;
  }
  const el = document.createElement(r.tag);
  for (const [k, v] of Object.entries(r.attrs ?? {})) el.setAttribute(k, v);
  const flash = sessionStorage.getItem('mend.flash');
  main.replaceChildren();
  if (flash) {
    sessionStorage.removeItem('mend.flash');
    const p = document.createElement('p');
    p.className = 'notice ok';
    p.setAttribute('role', 'status');
    p.textContent = flash;
    main.append(p);
  }
  main.append(el);
  document.title = `${r.title} · Mend`;
  for (const a of document.querySelectorAll('#tabbar a')) {
    if (/** @type {HTMLElement} */ (a).dataset.route === r.nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  // Move focus to the new page's heading so screen readers announce it;
  // not on first load, where the browser's own focus is right.
  if (!first) {
    const h1 = /** @type {HTMLElement|null} */ (main.querySelector('h1'));
    (h1 ?? main).focus({ preventScroll: true });
    main.scrollTo(0, 0);
  }
  first = false;
}

function syncChrome() {
  const user = currentUser();
  /** @type {HTMLElement} */ (document.getElementById('settings-link')).hidden = !user;
  /** @type {HTMLElement} */ (document.getElementById('tabbar')).hidden = !user;
  document.body.classList.toggle('signed-out', !user);
}

function syncNet() {
  const banner = /** @type {HTMLElement} */ (document.getElementById('net-banner'));
  const words = pendingWords(pendingDays(), navigator.onLine);
  banner.hidden = !words;
  banner.textContent = words;
}

async function flush() {
  if (!navigator.onLine || !pendingCount()) return syncNet();
  const r = await flushOutbox();
  const banner = /** @type {HTMLElement} */ (document.getElementById('net-banner'));
  if (r.failed.length) {
    banner.hidden = false;
    banner.textContent = `${r.failed.length} log${r.failed.length === 1 ? '' : 's'} saved offline could not be stored: ${r.failed[0].error?.response?.message ?? 'the server refused it'}. Please log it again.`;
  } else {
    syncNet();
  }
}

function syncThemeButton() {
  const b = /** @type {HTMLButtonElement} */ (document.getElementById('theme-toggle'));
  const t = getTheme();
  b.setAttribute('aria-label', `Colour theme: ${t === 'system' ? 'follow system' : t}. Change theme`);
}

function start() {
  syncChrome();
  syncThemeButton();
  document.getElementById('theme-toggle')?.addEventListener('click', () => {
    setTheme(nextTheme(getTheme()));
    syncThemeButton();
  });
  document.addEventListener('mend-theme', syncThemeButton);
  onAuthChange((user) => {
    syncChrome();
    if (!user) void route(); // signed out or session rejected: leave private pages
    else void flush();
  });
  onOutboxChange(syncNet);
  addEventListener('online', () => void flush());
  addEventListener('offline', syncNet);
  addEventListener('hashchange', () => void route());
  setInterval(() => void flush(), 60_000);
  void route();
  // Renew the session and pick up profile changes made elsewhere.
  void refreshAuth().then(() => {
    syncChrome();
    void flush();
  });
}

start();

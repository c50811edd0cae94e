// The colour theme choice: "system" (follow prefers-color-scheme), "light"
// or "dark", kept in localStorage and applied as <html data-theme>.

/** @typedef {'system'|'light'|'dark'} Theme */

const KEY = 'mend.theme';

/** @returns {Theme} */
export function getTheme() {
  try {
    const t = localStorage.getItem(KEY);
    return t === 'light' || t === 'dark' ? t : 'system';
  } catch {
    return 'system';
  }
}

/** @param {Theme} t */
export function setTheme(t) {
  try {
    if (t === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, t);
  } catch { /* not persisted, still applied */ }
  if (t === 'system') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', t);
  document.dispatchEvent(new CustomEvent('mend-theme', { detail: { theme: t } }));
}

/** Whether the page is dark right now. */
export function isDark() {
  const t = getTheme();
  if (t !== 'system') return t === 'dark';
  return matchMedia('(prefers-color-scheme: dark)').matches;
}

/** The next theme in the header toggle's cycle. @param {Theme} t @returns {Theme} */
export function nextTheme(t) {
  return t === 'system' ? (isDarkSystem() ? 'light' : 'dark') : t === 'dark' ? 'light' : 'system';
}

function isDarkSystem() {
  return matchMedia('(prefers-color-scheme: dark)').matches;
}

// A system light/dark switch while the page is open: when the app follows
// the system, tell every listener (charts redraw with the new palette).
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
  if (getTheme() === 'system') document.dispatchEvent(new CustomEvent('mend-theme', { detail: { theme: 'system' } }));
});

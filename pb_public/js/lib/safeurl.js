// URL checks for rich text from the CMS. The server sanitizes on save; the
// app still refuses anything but plain links and same-origin images.

/**
 * A link target that is safe to keep: http(s), mailto, tel, a relative path
 * or a fragment. Returns the URL or "".
 * @param {unknown} href
 */
export function safeHref(href) {
  if (typeof href !== 'string') return '';
  const s = href.trim();
  // eslint-disable-next-line no-control-regex
  if (!s || /[\u0000-\u001f\u007f\\]/.test(s) || s.startsWith('//')) return '';
  if (s.startsWith('#') || (s.startsWith('/') && !s.startsWith('//'))) return s;
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(s);
  if (!m) return /^[\w./?=&%-]+$/.test(s) ? s : '';
  return ['http', 'https', 'mailto', 'tel'].includes(m[1].toLowerCase()) ? s : '';
}

/**
 * An image source that stays on this origin (the CSP would block others
 * anyway): a root-relative path, or an absolute URL whose origin is origin.
 * @param {unknown} src
 * @param {string} origin e.g. "https://mend.example"
 */
export function safeImageSrc(src, origin) {
  if (typeof src !== 'string') return '';
  const s = src.trim();
  // Browsers read "\" as "/" and drop tabs and newlines inside URLs, so
  // "/\\evil.example/x.png" or "/<TAB>/evil.example" is protocol-relative.
  // eslint-disable-next-line no-control-regex
  if (!s || /[\u0000-\u001f\u007f-\u009f\\]/.test(s)) return '';
  if (s.startsWith('/')) {
    const base = 'http://x.invalid';
    try {
      return !s.startsWith('//') && new URL(s, base).origin === base ? s : '';
    } catch {
      return '';
    }
  }
  try {
    const u = new URL(s);
    return u.origin === origin && (u.protocol === 'https:' || u.protocol === 'http:') ? s : '';
  } catch {
    return '';
  }
}

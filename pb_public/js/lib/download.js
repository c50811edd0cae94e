// Helpers for file downloads that need no DOM.

/**
 * The filename in a Content-Disposition header, preferring RFC 5987
 * filename*=UTF-8''…, made safe to save (no path separators or control
 * characters). Returns fallback when none is usable.
 * @param {string|null|undefined} header
 * @param {string} fallback
 */
export function filenameFromDisposition(header, fallback) {
  let name = '';
  if (header) {
    const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
    if (star) {
      try { name = decodeURIComponent(star[2].trim().replace(/^"|"$/g, '')); } catch { name = ''; }
    }
    if (!name) {
      const q = /filename\s*=\s*"((?:\\.|[^"\\])*)"/i.exec(header);
      const u = /filename\s*=\s*([^;"\s]+)/i.exec(header);
      name = q ? q[1].replace(/\\(.)/g, '$1') : u ? u[1] : '';
    }
  }
  // Path separators and C0/C1 controls become "_"; bidi controls (which can
  // make "evil\u202Efdp.exe" show as "evilexe.pdf") are removed.
  // eslint-disable-next-line no-control-regex
  name = name.replace(/[\u0000-\u001f\u007f-\u009f/\\]/g, '_').replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/^\.+/, '').trim();
  return name || fallback;
}

/** File extension per report format. */
export const FORMAT_EXT = /** @type {const} */ ({
  pdf: 'pdf', html: 'html', csv: 'csv', json: 'json', fhir: 'fhir.json',
});

/**
 * The report URL for a period and format; name (the "Name on the report")
 * is sent only when given.
 * @param {{from: string, to: string, format: string, notes: boolean, name?: string}} o
 */
export function reportURL(o) {
  const q = new URLSearchParams({ from: o.from, to: o.to, format: o.format, notes: o.notes ? '1' : '0' });
  if (o.name) q.set('name', o.name);
  return `/api/mend/report?${q}`;
}

// Stored reports and their share links (pure). The server keeps only a
// hash of a link's token, so the link itself can only be found again on
// the phone that made it: it is kept in localStorage under shareKey.

/** @param {string} user @param {string} id */
export const shareKey = (user, id) => `mend.share.${user}.${id}`;

/** @param {string} user */
export const reportNameKey = (user) => `mend.reportname.${user}`;

/** The longest "Name on the report" (the server prints it as given). */
export const MAX_REPORT_NAME = 80;

/**
 * Whether a share link still works: its expiry (PocketBase "YYYY-MM-DD
 * HH:MM:SS.sssZ" or ISO) lies after now.
 * @param {unknown} expires
 * @param {Date} now
 */
export function isLive(expires, now) {
  if (typeof expires !== 'string' || !expires) return false;
  const t = Date.parse(expires.replace(' ', 'T'));
  return Number.isFinite(t) && t > now.getTime();
}

/**
 * The reports to delete to make room: those without a live link, oldest
 * first, at most n. Live links are kept: a clinician may be reading one.
 * @template {{id: string, created?: string, share_expires?: string}} R
 * @param {R[]} reports
 * @param {Date} now
 * @param {number} n
 * @returns {R[]}
 */
export function oldestDeletable(reports, now, n) {
  return reports.filter((r) => !isLive(r.share_expires, now))
    .sort((a, b) => String(a.created ?? '').localeCompare(String(b.created ?? '')))
    .slice(0, Math.max(0, n));
}

/**
 * The report name as sent: trimmed, inner whitespace folded, at most
 * MAX_REPORT_NAME characters; "" means none.
 * @param {unknown} v
 */
export function cleanReportName(v) {
  return (typeof v === 'string' ? v : '').replace(/\s+/g, ' ').trim().slice(0, MAX_REPORT_NAME);
}

/**
 * The stored-report quota refusal of POST /api/mend/reports (409 with
 * data.quota.code "quota_reports"), as its message, or "".
 * @param {any} err
 */
export function quotaMessage(err) {
  const q = err?.status === 409 ? (err?.response?.data?.quota ?? err?.data?.data?.quota) : null;
  if (q?.code !== 'quota_reports') return '';
  return String(q.message || err?.response?.message || 'You have as many saved reports as Mend keeps. Delete an older one to save a new report.');
}

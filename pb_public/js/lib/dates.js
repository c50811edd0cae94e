// Calendar days as "YYYY-MM-DD" strings, the form every Mend collection and
// route uses. Arithmetic runs on UTC midnights so a day is always 24 hours,
// whatever the user's time zone does on a DST change; the user's zone is only
// consulted (through Intl) to read what day and hour it is for them now.

/** @typedef {string} Day  a calendar day, "YYYY-MM-DD" */

/** The hour before which a log belongs to the day before (night feeds). */
export const LOGICAL_DAY_CUTOFF_HOUR = 4;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86400000;

/**
 * Reports whether s is a strict, real calendar day ("2026-02-30" is not).
 * @param {unknown} s
 * @returns {s is Day}
 */
export function isValidDay(s) {
  if (typeof s !== 'string') return false;
  const m = DAY_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/**
 * Normalises a day-ish value from the server ("2026-01-02" or a PocketBase
 * datetime such as "2026-01-02 00:00:00.000Z") to a Day, or "" when invalid.
 * @param {unknown} v
 * @returns {Day|''}
 */
export function toDay(v) {
  if (typeof v !== 'string') return '';
  const s = v.slice(0, 10);
  return isValidDay(s) ? s : '';
}

/** @param {Day} day */
function toUTC(day) {
  if (!isValidDay(day)) throw new RangeError(`not a day: ${String(day)}`);
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

/** @param {number} ms */
function fromUTC(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The day n days after day (before it when n < 0).
 * @param {Day} day
 * @param {number} n
 * @returns {Day}
 */
export function addDays(day, n) {
  return fromUTC(toUTC(day) + Math.trunc(n) * MS_PER_DAY);
}

/**
 * How many days a is after b (negative when before).
 * @param {Day} a
 * @param {Day} b
 */
export function diffDays(a, b) {
  return Math.round((toUTC(a) - toUTC(b)) / MS_PER_DAY);
}

/**
 * Every day from from to to, inclusive; empty when to is before from.
 * @param {Day} from
 * @param {Day} to
 * @returns {Day[]}
 */
export function daysBetween(from, to) {
  const n = diffDays(to, from);
  const out = [];
  for (let i = 0; i <= n; i++) out.push(addDays(from, i));
  return out;
}

/**
 * Wall-clock parts of instant in the IANA zone tz (falls back to UTC when the
 * zone is unknown to this browser, rather than throwing mid-save).
 * @param {Date} instant
 * @param {string} tz
 */
export function zonedParts(instant, tz) {
  let fmt;
  try {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: tz || 'UTC', hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
  } catch {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: 'UTC', hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
  }
  /** @type {Record<string,string>} */
  const p = {};
  for (const part of fmt.formatToParts(instant)) p[part.type] = part.value;
  // Some engines print midnight as "24" even with h23; treat it as 0.
  const hour = Number(p.hour) % 24;
  return {
    day: `${p.year}-${p.month}-${p.day}`,
    hour,
    minute: Number(p.minute),
  };
}

/**
 * The calendar day of instant in the zone tz.
 * @param {Date} instant
 * @param {string} tz
 * @returns {Day}
 */
export function calendarDay(instant, tz) {
  return zonedParts(instant, tz).day;
}

/**
 * The journal day a log made at instant belongs to by default: before 4 a.m.
 * in the user's zone it is still "last night", so the day before.
 * @param {Date} instant
 * @param {string} tz
 * @returns {Day}
 */
export function logicalDay(instant, tz) {
  const { day, hour } = zonedParts(instant, tz);
  return hour < LOGICAL_DAY_CUTOFF_HOUR ? addDays(day, -1) : day;
}

/** @returns {string} the browser's IANA time zone, or "UTC" */
export function browserTimeZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/**
 * Whole weeks from delivery to today, or null when either is missing or
 * delivery lies in the future.
 * @param {Day|''|undefined|null} delivery
 * @param {Day} today
 * @returns {number|null}
 */
export function weeksPostpartum(delivery, today) {
  const d = toDay(delivery);
  if (!d || !isValidDay(today)) return null;
  const n = diffDays(today, d);
  return n < 0 ? null : Math.floor(n / 7);
}

/**
 * A human label for day, e.g. "Tue 3 Feb", in the given locale.
 * @param {Day} day
 * @param {{weekday?: 'short'|'long', year?: boolean}} [opts]
 * @param {string} [locale]
 */
export function formatDay(day, opts = {}, locale = undefined) {
  const f = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC', weekday: opts.weekday ?? 'short', day: 'numeric', month: 'short',
    ...(opts.year ? { year: 'numeric' } : {}),
  });
  return f.format(new Date(toUTC(day)));
}

/**
 * The weeks (Monday first) of the month containing day, each a list of 7 days
 * or "" for cells outside the month.
 * @param {Day} day any day in the month
 * @returns {(Day|'')[][]}
 */
export function monthGrid(day) {
  const first = `${day.slice(0, 8)}01`;
  const next = addDays(first, 32);
  const last = addDays(`${next.slice(0, 8)}01`, -1);
  const lead = (new Date(toUTC(first)).getUTCDay() + 6) % 7; // Monday = 0
  /** @type {(Day|'')[]} */
  const cells = Array(lead).fill('');
  for (const d of daysBetween(first, last)) cells.push(d);
  while (cells.length % 7) cells.push('');
  const weeks = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/**
 * The first day of the month before (n = -1) or after (n = 1) day's month.
 * @param {Day} day
 * @param {number} n
 * @returns {Day}
 */
export function addMonths(day, n) {
  const [y, m] = day.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1 + n, 1));
  return fromUTC(t.getTime());
}

/**
 * The wall-clock time ("09:05") of a PocketBase datetime in zone tz, or "".
 * @param {unknown} at e.g. "2026-01-02 09:05:00.000Z"
 * @param {string} tz
 * @param {string} [locale]
 */
export function formatTime(at, tz, locale = undefined) {
  if (typeof at !== 'string' || !at) return '';
  const t = new Date(at.replace(' ', 'T'));
  if (Number.isNaN(t.getTime())) return '';
  try {
    return new Intl.DateTimeFormat(locale, { timeZone: tz || 'UTC', hour: '2-digit', minute: '2-digit' }).format(t);
  } catch {
    return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', hour: '2-digit', minute: '2-digit' }).format(t);
  }
}

/**
 * When a reading was taken, for its row and its buttons' names. A reading
 * back-filled for an earlier day carries no time (`at` empty), and the time
 * it was typed (`created`) is not when it happened, so it says so instead.
 * @param {{at?: string}} r a pain, mood or stress record
 * @param {string} tz
 * @returns {{text: string, label: string}} e.g. {"09:05", "at 09:05"}
 */
export function readingWhen(r, tz) {
  const t = formatTime(r.at, tz);
  return t ? { text: t, label: `at ${t}` } : { text: 'No time', label: 'without a time' };
}

/**
 * A sentence with its YYYY-MM-DD days written as dates a person reads
 * ("on 25 November"; the year only when it is not this year's). Server
 * sentences (insights, guidance) carry days in ISO form.
 * @param {unknown} text
 * @param {string} today the calendar day, for the year rule
 * @param {string|undefined} [locale]
 */
export function readableDays(text, today, locale = undefined) {
  if (typeof text !== 'string') return '';
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m) => {
    if (!isValidDay(m)) return m;
    const f = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', ...(m.slice(0, 4) !== today.slice(0, 4) ? { year: 'numeric' } : {}) });
    return f.format(new Date(toUTC(m)));
  });
}

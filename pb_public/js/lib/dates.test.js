import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isValidDay, toDay, addDays, diffDays, daysBetween, calendarDay, logicalDay, weeksPostpartum,
  monthGrid, addMonths, zonedParts, readableDays,
} from './dates.js';

test('isValidDay accepts only strict real days', () => {
  for (const ok of ['2026-01-01', '2024-02-29', '1999-12-31']) assert.equal(isValidDay(ok), true, ok);
  for (const bad of ['2026-02-30', '2025-02-29', '2026-1-01', '2026-13-01', '2026-00-10', '', ' 2026-01-01', '2026-01-01T00:00', null, 20260101, undefined]) {
    assert.equal(isValidDay(bad), false, String(bad));
  }
});

test('toDay reads PocketBase datetimes and rejects junk', () => {
  assert.equal(toDay('2026-03-04 00:00:00.000Z'), '2026-03-04');
  assert.equal(toDay('2026-03-04'), '2026-03-04');
  assert.equal(toDay('nope'), '');
  assert.equal(toDay(undefined), '');
});

test('addDays and diffDays cross months, years and leap days', () => {
  assert.equal(addDays('2026-01-31', 1), '2026-02-01');
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2025-12-31', 1), '2026-01-01');
  assert.equal(addDays('2026-03-01', -1), '2026-02-28');
  assert.equal(addDays('2026-03-29', 1), '2026-03-30'); // Europe's DST day is still one day
  assert.equal(diffDays('2026-03-30', '2026-03-28'), 2);
  assert.equal(diffDays('2026-01-01', '2025-01-01'), 365);
  assert.equal(diffDays('2026-01-01', '2026-01-05'), -4);
  assert.throws(() => addDays('2026-02-30', 1), RangeError);
});

test('daysBetween is inclusive and empty when reversed', () => {
  assert.deepEqual(daysBetween('2026-02-27', '2026-03-02'), ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  assert.deepEqual(daysBetween('2026-03-02', '2026-03-01'), []);
});

const at = (/** @type {string} */ iso) => new Date(iso);

test('logicalDay: before 4 a.m. is yesterday, from 4 a.m. is today', () => {
  const cases = [
    // [instant, zone, calendar day, logical day]
    ['2026-01-01T02:00:00Z', 'UTC', '2026-01-01', '2025-12-31'],
    ['2026-01-01T03:59:00Z', 'UTC', '2026-01-01', '2025-12-31'],
    ['2026-01-01T04:00:00Z', 'UTC', '2026-01-01', '2026-01-01'],
    ['2026-01-01T00:00:00Z', 'UTC', '2026-01-01', '2025-12-31'],
    ['2026-01-01T23:59:00Z', 'UTC', '2026-01-01', '2026-01-01'],
    // East: Auckland is UTC+13 in January.
    ['2026-01-10T14:00:00Z', 'Pacific/Auckland', '2026-01-11', '2026-01-10'],
    ['2026-01-10T15:00:00Z', 'Pacific/Auckland', '2026-01-11', '2026-01-11'],
    // Far east: Kiritimati is UTC+14.
    ['2026-01-10T13:30:00Z', 'Pacific/Kiritimati', '2026-01-11', '2026-01-10'],
    // West: Los Angeles is UTC-8 in January.
    ['2026-01-10T11:59:00Z', 'America/Los_Angeles', '2026-01-10', '2026-01-09'],
    ['2026-01-10T12:00:00Z', 'America/Los_Angeles', '2026-01-10', '2026-01-10'],
    ['2026-01-11T07:00:00Z', 'America/Los_Angeles', '2026-01-10', '2026-01-10'],
    // Half-hour zone: India is UTC+5:30.
    ['2026-01-09T22:29:00Z', 'Asia/Kolkata', '2026-01-10', '2026-01-09'],
    ['2026-01-09T22:30:00Z', 'Asia/Kolkata', '2026-01-10', '2026-01-10'],
  ];
  for (const [iso, tz, cal, logical] of cases) {
    assert.equal(calendarDay(at(iso), tz), cal, `${iso} ${tz} calendar`);
    assert.equal(logicalDay(at(iso), tz), logical, `${iso} ${tz} logical`);
  }
});

test('logicalDay on DST days', () => {
  const cases = [
    // Berlin springs forward 2026-03-29 at 01:00Z (02:00 CET -> 03:00 CEST).
    ['2026-03-29T00:30:00Z', 'Europe/Berlin', '2026-03-28'], // 01:30 CET
    ['2026-03-29T01:30:00Z', 'Europe/Berlin', '2026-03-28'], // 03:30 CEST
    ['2026-03-29T02:00:00Z', 'Europe/Berlin', '2026-03-29'], // 04:00 CEST
    // Berlin falls back 2026-10-25 at 01:00Z (03:00 CEST -> 02:00 CET).
    ['2026-10-25T01:30:00Z', 'Europe/Berlin', '2026-10-24'], // 02:30 CET (second time)
    ['2026-10-25T02:59:00Z', 'Europe/Berlin', '2026-10-24'], // 03:59 CET
    ['2026-10-25T03:00:00Z', 'Europe/Berlin', '2026-10-25'], // 04:00 CET
    // New York springs forward 2026-03-08 at 07:00Z.
    ['2026-03-08T07:30:00Z', 'America/New_York', '2026-03-07'], // 03:30 EDT
    ['2026-03-08T08:00:00Z', 'America/New_York', '2026-03-08'], // 04:00 EDT
    // New York falls back 2026-11-01 at 06:00Z (02:00 EDT -> 01:00 EST).
    ['2026-11-01T08:59:00Z', 'America/New_York', '2026-10-31'], // 03:59 EST
    ['2026-11-01T09:00:00Z', 'America/New_York', '2026-11-01'], // 04:00 EST
  ];
  for (const [iso, tz, logical] of cases) assert.equal(logicalDay(at(iso), tz), logical, `${iso} ${tz}`);
});

test('midnight reads as hour 0, and an unknown zone falls back to UTC', () => {
  assert.equal(zonedParts(at('2026-01-01T00:00:00Z'), 'UTC').hour, 0);
  assert.equal(logicalDay(at('2026-01-01T05:00:00Z'), 'Not/AZone'), '2026-01-01');
  assert.equal(logicalDay(at('2026-01-01T05:00:00Z'), ''), '2026-01-01');
});

test('weeksPostpartum counts whole weeks and refuses the future', () => {
  assert.equal(weeksPostpartum('2026-01-01', '2026-01-01'), 0);
  assert.equal(weeksPostpartum('2026-01-01', '2026-01-07'), 0);
  assert.equal(weeksPostpartum('2026-01-01', '2026-01-08'), 1);
  assert.equal(weeksPostpartum('2026-01-01', '2026-02-12'), 6);
  assert.equal(weeksPostpartum('2026-01-01 00:00:00.000Z', '2026-02-12'), 6);
  assert.equal(weeksPostpartum('2026-03-01', '2026-02-12'), null);
  assert.equal(weeksPostpartum('', '2026-02-12'), null);
  assert.equal(weeksPostpartum(null, '2026-02-12'), null);
});

test('monthGrid lays out Monday-first weeks', () => {
  const g = monthGrid('2026-02-14'); // Feb 2026 starts on a Sunday
  assert.equal(g[0].length, 7);
  assert.deepEqual(g[0], ['', '', '', '', '', '', '2026-02-01']);
  assert.equal(g.flat().filter(Boolean).length, 28);
  assert.equal(g.at(-1)?.at(-1), '');
  const j = monthGrid('2024-01-31'); // Jan 2024 starts on a Monday
  assert.equal(j[0][0], '2024-01-01');
});

test('addMonths returns the first of the month', () => {
  assert.equal(addMonths('2026-01-31', 1), '2026-02-01');
  assert.equal(addMonths('2026-01-15', -1), '2025-12-01');
  assert.equal(addMonths('2026-12-15', 1), '2027-01-01');
});

test('formatTime reads PocketBase datetimes in the user zone', async () => {
  const { formatTime } = await import('./dates.js');
  assert.equal(formatTime('2026-01-10 14:05:00.000Z', 'Pacific/Auckland', 'en-GB'), '03:05');
  assert.equal(formatTime('2026-01-10T14:05:00Z', 'UTC', 'en-GB'), '14:05');
  assert.equal(formatTime('', 'UTC'), '');
  assert.equal(formatTime('garbage', 'UTC'), '');
  assert.equal(formatTime('2026-01-10 14:05:00.000Z', 'Bad/Zone', 'en-GB'), '14:05');
});

test('readableDays writes ISO days in sentences as dates', () => {
  assert.equal(readableDays('Flare-up on 2026-11-25, after 2026-11-24.', '2026-12-03', 'en-GB'), 'Flare-up on 25 November, after 24 November.');
  assert.equal(readableDays('Since 2025-12-30.', '2026-12-03', 'en-GB'), 'Since 30 December 2025.');
  assert.equal(readableDays('Not a day: 2026-13-45, id 12026-11-250.', '2026-12-03', 'en-GB'), 'Not a day: 2026-13-45, id 12026-11-250.');
  assert.equal(readableDays(null, '2026-12-03'), '');
});

test('readingWhen: a back-filled reading has no time, never the time it was typed', async () => {
  const { readingWhen } = await import('./dates.js');
  const at = readingWhen({ at: '2026-01-10 14:05:00.000Z' }, 'UTC');
  assert.match(at.text, /^(14:05|0?2:05 PM)$/);
  assert.equal(at.label, `at ${at.text}`);
  assert.deepEqual(readingWhen({ at: '' }, 'UTC'), { text: 'No time', label: 'without a time' });
  assert.deepEqual(readingWhen({}, 'UTC'), { text: 'No time', label: 'without a time' });
});

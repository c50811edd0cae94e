import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isLive, oldestDeletable, cleanReportName, quotaMessage, shareKey, MAX_REPORT_NAME } from './shares.js';

const now = new Date('2026-12-03T12:00:00Z');

test('isLive: only an expiry after now', () => {
  assert.equal(isLive('2026-12-04 10:00:00.000Z', now), true);
  assert.equal(isLive('2026-12-03T11:59:59Z', now), false);
  for (const v of ['', null, undefined, 'soon', 5]) assert.equal(isLive(v, now), false);
});

test('oldestDeletable keeps live links and takes the oldest first', () => {
  const reports = [
    { id: 'new', created: '2026-12-01 09:00:00.000Z' },
    { id: 'live', created: '2026-10-01 09:00:00.000Z', share_expires: '2026-12-05 00:00:00.000Z' },
    { id: 'old', created: '2026-11-01 09:00:00.000Z', share_expires: '2026-11-02 00:00:00.000Z' },
    { id: 'mid', created: '2026-11-15 09:00:00.000Z' },
  ];
  assert.deepEqual(oldestDeletable(reports, now, 2).map((r) => r.id), ['old', 'mid']);
  assert.deepEqual(oldestDeletable(reports, now, 0), []);
  assert.deepEqual(oldestDeletable(reports, now, 9).map((r) => r.id), ['old', 'mid', 'new']);
});

test('cleanReportName folds whitespace and caps the length', () => {
  assert.equal(cleanReportName('  Anna   K.\n'), 'Anna K.');
  assert.equal(cleanReportName(null), '');
  assert.equal(cleanReportName('x'.repeat(200)).length, MAX_REPORT_NAME);
});

test('quotaMessage reads only a 409 quota_reports refusal', () => {
  const quota = { status: 409, response: { message: 'Too many.', data: { quota: { code: 'quota_reports', message: 'You have 20 saved reports.' } } } };
  assert.equal(quotaMessage(quota), 'You have 20 saved reports.');
  assert.equal(quotaMessage({ ...quota, status: 400 }), '');
  assert.equal(quotaMessage({ status: 409, response: { data: {} } }), '');
  assert.equal(quotaMessage(undefined), '');
});

test('shareKey is per user and report', () => {
  assert.equal(shareKey('u1', 'r1'), 'mend.share.u1.r1');
});

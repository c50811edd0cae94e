import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldErrors, errorSummary, isNetworkError } from './errors.js';
import { filenameFromDisposition, reportURL } from './download.js';
import { createQueue, newRecordID } from './queue.js';
import { guidanceFor, label } from './labels.js';
import { articleSuits, exerciseSuits, exerciseEarliestWeek, flareTopics, orderArticles } from './library.js';
import { safeHref, safeImageSrc } from './safeurl.js';

test('fieldErrors and errorSummary read PocketBase errors', () => {
  const err = { status: 400, response: { message: 'Failed to create record.', data: { sleep_hours: { code: 'validation_max_number_constraint', message: 'Must be less than 24.' }, day: { code: 'x', message: 'Day is in the future.' } } } };
  assert.deepEqual(fieldErrors(err), { sleep_hours: 'Must be less than 24.', day: 'Day is in the future.' });
  assert.equal(errorSummary(err, { sleep_hours: 'Hours slept' }), 'Failed to create record. Hours slept: Must be less than 24. day: Day is in the future.');
  assert.deepEqual(fieldErrors(null), {});
  assert.deepEqual(fieldErrors({ response: { data: null } }), {});
  assert.equal(isNetworkError({ status: 0 }), true);
  assert.equal(isNetworkError({ status: 0, isAbort: true }), false);
  assert.equal(isNetworkError(new TypeError('Failed to fetch')), true);
  assert.equal(isNetworkError({ status: 400 }), false);
  assert.match(errorSummary({ status: 0 }), /connection/);
  assert.match(errorSummary({ status: 401, response: {} }), /sign in/);
});

test('reportURL sends the name only when given', () => {
  const o = { from: '2026-11-01', to: '2026-11-30', format: 'pdf', notes: true };
  assert.equal(reportURL(o), '/api/mend/report?from=2026-11-01&to=2026-11-30&format=pdf&notes=1');
  assert.equal(new URL(reportURL({ ...o, name: 'Anna & K.' }), 'http://x').searchParams.get('name'), 'Anna & K.');
});

test('filenameFromDisposition', () => {
  assert.equal(filenameFromDisposition('attachment; filename="mend-report 2026.pdf"', 'x'), 'mend-report 2026.pdf');
  assert.equal(filenameFromDisposition('attachment; filename=report.csv', 'x'), 'report.csv');
  assert.equal(filenameFromDisposition("attachment; filename=\"a.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf", 'x'), 'résumé.pdf');
  assert.equal(filenameFromDisposition('attachment; filename="../../etc/passwd"', 'x'), '_.._etc_passwd');
  assert.equal(filenameFromDisposition("attachment; filename*=UTF-8''%E0%A4%A", 'fallback.pdf'), 'fallback.pdf');
  assert.equal(filenameFromDisposition(null, 'fallback.pdf'), 'fallback.pdf');
  assert.equal(filenameFromDisposition('inline', 'f'), 'f');
  assert.equal(reportURL({ from: '2026-01-01', to: '2026-01-31', format: 'pdf', notes: false }), '/api/mend/report?from=2026-01-01&to=2026-01-31&format=pdf&notes=0');
});

function memStorage() {
  const m = new Map();
  return { getItem: (/** @type {string} */ k) => m.get(k) ?? null, setItem: (/** @type {string} */ k, /** @type {string} */ v) => void m.set(k, v), m };
}

test('queue keeps items until sent, stops when offline, drops rejected ones', async () => {
  const s = memStorage();
  const q = createQueue(s, 'q');
  q.add('score', { n: 1 }, 'a');
  q.add('score', { n: 2 }, 'b');
  q.add('entry', { n: 3 }, 'c');
  q.add('entry', { n: 4 }, 'c'); // same id replaces
  assert.equal(q.size(), 3);
  const offline = await q.flush(async () => { throw { status: 0 }; }, isNetworkError);
  assert.deepEqual([offline.sent, offline.pending], [0, 3]);
  assert.equal(q.list()[0].attempts, 1);
  const seen = [];
  const res = await q.flush(async (item) => {
    seen.push(item.id);
    if (item.id === 'b') throw { status: 400 };
  }, isNetworkError);
  assert.deepEqual(seen, ['a', 'b', 'c']);
  assert.deepEqual([res.sent, res.failed.length, res.pending], [2, 1, 0]);
  assert.equal(q.list().length, 0);
  s.setItem('q', 'not json');
  assert.deepEqual(q.list(), []);
});

test('newRecordID is 15 chars of [a-z0-9]', () => {
  for (let i = 0; i < 50; i++) assert.match(newRecordID(), /^[a-z0-9]{15}$/);
  assert.equal(newRecordID(() => 0), 'aaaaaaaaaaaaaaa');
});

test('red flag guidance: urgent first, prompt for leg symptoms', () => {
  const g = guidanceFor(['leg_radiating', 'fever', 'unknown']);
  assert.deepEqual(g.map((x) => [x.flag, x.level]), [['fever', 'urgent'], ['leg_radiating', 'prompt']]);
  for (const f of ['bladder_bowel', 'fever', 'leg_weakness', 'night_pain', 'after_fall']) assert.equal(guidanceFor([f])[0].level, 'urgent', f);
  for (const f of ['leg_radiating', 'numbness_tingling']) assert.equal(guidanceFor([f])[0].level, 'prompt', f);
  assert.equal(label('sacroiliac_hips'), 'Hips / sacroiliac joints');
  assert.equal(label('brand_new'), 'brand new');
});

test('library filtering by weeks and delivery type', () => {
  assert.equal(articleSuits({ id: 'a', weeks_from: 6, weeks_to: 0 }, 10), true);
  assert.equal(articleSuits({ id: 'a', weeks_from: 6, weeks_to: 0 }, 5), false);
  assert.equal(articleSuits({ id: 'a', weeks_from: 0, weeks_to: 12 }, 13), false);
  assert.equal(articleSuits({ id: 'a', weeks_from: 0, weeks_to: 12 }, null), true);
  const ex = { id: 'e', earliest_week: 2, earliest_week_cesarean: 8 };
  assert.equal(exerciseEarliestWeek(ex, 'cesarean'), 8);
  assert.equal(exerciseEarliestWeek(ex, 'vaginal'), 2);
  assert.equal(exerciseEarliestWeek({ id: 'e', earliest_week: 2 }, 'cesarean'), 2);
  assert.equal(exerciseSuits(ex, 4, 'cesarean'), false);
  assert.equal(exerciseSuits(ex, 4, 'vaginal'), true);
  const topics = flareTopics([{ links: [{ kind: 'sleep' }, { kind: 'note' }] }, { links: null }, {}]);
  assert.deepEqual(topics, ['sleep']);
  const arts = [
    { id: 'old-sleep', topics: ['sleep'], weeks_from: 0, weeks_to: 0, published_at: '2026-01-01' },
    { id: 'new-core', topics: ['core'], weeks_from: 0, weeks_to: 0, published_at: '2026-02-01' },
    { id: 'late', topics: ['sleep'], weeks_from: 20, weeks_to: 0, published_at: '2026-03-01' },
  ];
  assert.deepEqual(orderArticles(arts, 4, topics).map(([a, m]) => `${a.id}:${m}`), ['old-sleep:true', 'new-core:false']);
  assert.deepEqual(orderArticles(arts, 4, []).map(([a]) => a.id), ['new-core', 'old-sleep']);
});

test('safe URLs for rich text', () => {
  assert.equal(safeHref('https://example.org/a'), 'https://example.org/a');
  assert.equal(safeHref('#/library'), '#/library');
  assert.equal(safeHref('/api/files/x'), '/api/files/x');
  for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,x', '//evil.example/x', 'java\tscript:x', 'vbscript:x', 42]) assert.equal(safeHref(bad), '', String(bad));
  assert.equal(safeImageSrc('/api/files/a/b/c.png', 'https://m.example'), '/api/files/a/b/c.png');
  assert.equal(safeImageSrc('https://m.example/x.png', 'https://m.example'), 'https://m.example/x.png');
  assert.equal(safeImageSrc('https://cdn.example/x.png', 'https://m.example'), '');
  assert.equal(safeImageSrc('data:image/png;base64,AAA', 'https://m.example'), '');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createQueue, isPermanentFailure } from './queue.js';
import { isNetworkError } from './errors.js';
import { outboxID, isOwnItem, mergeEntry, mergeText, userKeys, tryLock, unlock, pendingDays, pendingWords } from './outbox.js';
import { safeImageSrc } from './safeurl.js';
import { filenameFromDisposition } from './download.js';
import { stripTooltipFormatters } from './chart-safe.js';

function memStorage() {
  const m = new Map();
  return {
    getItem: (k) => (m.has(k) ? m.get(k) : null),
    setItem: (k, v) => { m.set(k, String(v)); },
    removeItem: (k) => { m.delete(k); },
    keys: () => [...m.keys()],
  };
}

test('defect 1: items without an owner are foreign and never sent, and kept', async () => {
  assert.equal(isOwnItem({ payload: { user: 'alice' } }, 'alice'), true);
  assert.equal(isOwnItem({ payload: { user: 'alice' } }, 'bob'), false);
  assert.equal(isOwnItem({ payload: { user: undefined } }, 'bob'), false);
  assert.equal(isOwnItem({ payload: {} }, 'bob'), false);
  assert.equal(isOwnItem({ payload: { user: '' } }, ''), false);
  assert.equal(isOwnItem({ payload: { user: 'alice' } }, null), false);
  const q = createQueue(memStorage(), 'q');
  q.add('entry', { kind: 'entry', day: '2026-01-01', data: { notes: 'x' } }, 'entry:2026-01-01'); // old, owner-less
  const sent = [];
  const r = await q.flush(async (i) => { sent.push(i.id); }, isNetworkError, { skip: (i) => !isOwnItem(i, 'bob') });
  assert.deepEqual(sent, []);
  assert.equal(r.pending, 1);
  assert.equal(q.size(), 1);
});

test('defect 1: outboxID refuses to make an id without a user', () => {
  assert.throws(() => outboxID({ kind: 'entry', day: '2026-01-01' }, ''));
  assert.throws(() => outboxID({ kind: 'entry', day: '2026-01-01' }, undefined));
});

test('defect 2: a foreign item is skipped, not a blocker for the signed-in account', async () => {
  const q = createQueue(memStorage(), 'q');
  q.add('score', { user: 'alice', n: 1 }, 'alice:score:1');
  q.add('score', { user: 'bob', n: 2 }, 'bob:score:2');
  q.add('score', { user: 'alice', n: 3 }, 'alice:score:3');
  const sent = [];
  const r = await q.flush(async (i) => { sent.push(i.id); }, isNetworkError, { skip: (i) => !isOwnItem(i, 'bob') });
  assert.deepEqual(sent, ['bob:score:2']);
  assert.equal(r.sent, 1);
  assert.deepEqual(q.list().map((i) => i.id), ['alice:score:1', 'alice:score:3']);
  const r2 = await q.flush(async (i) => { sent.push(i.id); }, isNetworkError, { skip: (i) => !isOwnItem(i, 'alice') });
  assert.equal(r2.sent, 2);
  assert.equal(q.size(), 0);
});

test('defect 3: outbox ids include the user, so two accounts never replace each other', () => {
  const q = createQueue(memStorage(), 'q');
  const op = { kind: 'entry', day: '2026-01-01', data: { notes: 'a' }, mode: 'merge' };
  assert.equal(outboxID(op, 'alice'), 'alice:entry:2026-01-01');
  assert.equal(outboxID({ kind: 'score', data: { id: 'abc' } }, 'bob'), 'bob:score:abc');
  q.add('entry', { ...op, user: 'alice' }, outboxID(op, 'alice'));
  q.add('entry', { ...op, data: { notes: 'b' }, user: 'bob' }, outboxID(op, 'bob'));
  assert.deepEqual(q.list().map((i) => i.payload.data.notes), ['a', 'b']);
  q.add('entry', { ...op, data: { notes: 'a2' }, user: 'alice' }, outboxID(op, 'alice')); // same user, same day: replaces
  assert.deepEqual(q.list().map((i) => i.payload.data.notes).sort(), ['a2', 'b']);
});

test('defect 4: account deletion removes only this user\'s keys and outbox items', () => {
  const keys = ['mend.theme', 'mend.outbox', 'mend.draft.alice.2026-01-01', 'mend.draft.alice.2026-01-02',
    'mend.draft.bob.2026-01-01', 'mend.onboarded.alice', 'mend.onboarded.bob', 'mend.draft.alicex.2026-01-01'];
  assert.deepEqual(userKeys(keys, 'alice').sort(), ['mend.draft.alice.2026-01-01', 'mend.draft.alice.2026-01-02', 'mend.onboarded.alice']);
  assert.deepEqual(userKeys(keys, 'alice', { draftsOnly: true }).sort(), ['mend.draft.alice.2026-01-01', 'mend.draft.alice.2026-01-02']);
  // Share links and the report name go with the account, never another's.
  const more = [...keys, 'mend.share.alice.r1', 'mend.share.bob.r2', 'mend.reportname.alice', 'mend.reportname.bob', 'mend.share.alicex.r3'];
  assert.deepEqual(userKeys(more, 'alice').filter((k) => !k.startsWith('mend.draft.')).sort(), ['mend.onboarded.alice', 'mend.reportname.alice', 'mend.share.alice.r1']);
  assert.deepEqual(userKeys(keys, ''), []);
  const q = createQueue(memStorage(), 'q');
  q.add('score', { user: 'alice' }, 'alice:score:1');
  q.add('score', { user: 'bob' }, 'bob:score:2');
  q.add('score', {}, 'score:3');
  q.removeWhere((i) => isOwnItem(i, 'alice'));
  assert.deepEqual(q.list().map((i) => i.id), ['bob:score:2', 'score:3']);
});

test('defect 5: only 4xx that can never succeed drop an item', async () => {
  for (const s of [400, 404, 409, 413, 422]) assert.equal(isPermanentFailure({ status: s }), true, String(s));
  for (const s of [0, 401, 403, 408, 429, 500, 502, 503, 504]) assert.equal(isPermanentFailure({ status: s }), false, String(s));
  assert.equal(isPermanentFailure(new TypeError('x')), false);
  assert.equal(isPermanentFailure(undefined), false);

  const q = createQueue(memStorage(), 'q');
  for (const id of ['a', 'b', 'c', 'd']) q.add('score', { user: 'u' }, id);
  const status = { a: 500, b: 422, c: 408 };
  const seen = [];
  const r = await q.flush(async (i) => { seen.push(i.id); if (status[i.id]) throw { status: status[i.id] }; }, isNetworkError);
  assert.deepEqual(seen, ['a', 'b', 'c', 'd']); // 5xx and 408 do not stop the flush
  assert.deepEqual([r.sent, r.failed.length, r.kept], [1, 1, 2]);
  assert.deepEqual(q.list().map((i) => [i.id, i.attempts]), [['a', 1], ['c', 1]]);

  for (const s of [401, 403, 429]) {
    const q2 = createQueue(memStorage(), 'q');
    q2.add('score', {}, 'x');
    q2.add('score', {}, 'y');
    const seen2 = [];
    const r2 = await q2.flush(async (i) => { seen2.push(i.id); throw { status: s }; }, isNetworkError);
    assert.deepEqual(seen2, ['x'], `${s} stops the flush`);
    assert.deepEqual([r2.failed.length, r2.pending], [0, 2], `${s} keeps items`);
    assert.equal(q2.list()[0].attempts, 1);
  }
});

test('queue: an item replaced while it was being sent is not removed', async () => {
  const q = createQueue(memStorage(), 'q');
  q.add('entry', { v: 1 }, 'e', new Date('2026-01-01T00:00:00Z'));
  await q.flush(async () => { q.add('entry', { v: 2 }, 'e', new Date('2026-01-01T00:00:01Z')); }, isNetworkError);
  assert.deepEqual(q.list().map((i) => i.payload.v), [2]);
});

test('defect 6: mergeEntry is idempotent (retries and two tabs never double a note)', () => {
  const old = { notes: 'slept badly', sleep_notes: '', exercises: ['a'], sleep_hours: 5 };
  const add = { notes: 'walked 10 min', sleep_notes: 'woke twice', exercises: ['b'], sleep_hours: null };
  const once = mergeEntry(old, add);
  assert.equal(once.notes, 'slept badly\nwalked 10 min');
  assert.equal(once.sleep_notes, 'woke twice');
  assert.deepEqual(once.exercises, ['a', 'b']);
  assert.equal(once.sleep_hours, 5);
  assert.equal(mergeEntry(old, { sleep_hours: 0 }).sleep_hours, 0, 'a night without sleep is logged, not "not given"');
  const twice = mergeEntry({ ...old, ...once }, add);
  assert.deepEqual(twice, once);
  // Multi-line additions and CRLF.
  assert.equal(mergeText('a\nb\nc', 'b\nc'), 'a\nb\nc');
  assert.equal(mergeText('a\r\nb', 'b'), 'a\r\nb');
  // Only whole lines count: a substring of a line is still appended.
  assert.equal(mergeText('walked 10 minutes', 'walked 10'), 'walked 10 minutes\nwalked 10');
  assert.equal(mergeText('', 'x'), 'x');
  assert.equal(mergeText('x', ''), 'x');
  assert.equal(mergeText(undefined, 'x'), 'x');
});

test('defect 6: the cross-tab lock expires and is held by one tab at a time', () => {
  const s = memStorage();
  assert.equal(tryLock(s, 'l', 'tab1', 1000, 30000), true);
  assert.equal(tryLock(s, 'l', 'tab2', 2000, 30000), false);
  assert.equal(tryLock(s, 'l', 'tab1', 2000, 30000), true); // renew own
  assert.equal(tryLock(s, 'l', 'tab2', 40000, 30000), true); // expired
  unlock(s, 'l', 'tab1'); // not the holder: no effect
  assert.equal(tryLock(s, 'l', 'tab1', 41000, 30000), false);
  unlock(s, 'l', 'tab2');
  assert.equal(tryLock(s, 'l', 'tab1', 41000, 30000), true);
  s.setItem('l', 'garbage');
  assert.equal(tryLock(s, 'l', 'tab3', 0, 1), true);
});

test('defect 7: safeImageSrc refuses backslash and control-character bypasses', () => {
  const o = 'https://m.example';
  for (const bad of ['/\\evil.example/x.png', '/\t/evil.example/x.png', '/\n/evil.example/x.png', '/\r/evil.example/x.png',
    '\\\\evil.example/x.png', '//evil.example/x.png', '/\u0000/evil.example', '/\u0085/evil.example', ' //evil.example/x.png',
    'https://m.example\\@evil.example/x.png']) {
    assert.equal(safeImageSrc(bad, o), '', JSON.stringify(bad));
  }
  assert.equal(safeImageSrc('/api/files/a/b/c.png', o), '/api/files/a/b/c.png');
  assert.equal(safeImageSrc('/img/x.png?v=1', o), '/img/x.png?v=1');
  assert.equal(safeImageSrc('https://m.example/x.png', o), 'https://m.example/x.png');
  assert.equal(safeImageSrc('', o), '');
});

test('download filenames lose bidi and C0/C1 control characters', () => {
  assert.equal(filenameFromDisposition("attachment; filename*=UTF-8''evil%E2%80%AEfdp.exe", 'x'), 'evilfdp.exe');
  assert.equal(filenameFromDisposition("attachment; filename*=UTF-8''a%E2%81%A6b%E2%81%A9c%C2%85d.pdf", 'x'), 'abc_d.pdf');
  assert.equal(filenameFromDisposition("attachment; filename*=UTF-8''%E2%80%AA%E2%80%AB%E2%80%AC%E2%80%AD", 'fb.pdf'), 'fb.pdf');
  assert.equal(filenameFromDisposition('attachment; filename="mend report.pdf"', 'x'), 'mend report.pdf');
});

test('chart: tooltip formatters are removed at any nesting', () => {
  const opt = {
    tooltip: { formatter: '{b}', trigger: 'axis' },
    series: [{
      tooltip: { formatter: 'x', valueFormatter: 'y' },
      data: [{ value: 1, tooltip: { formatter: '<img src=x onerror=alert(1)>{b}' } }, 2],
      markPoint: { tooltip: { formatter: 'p' }, data: [{ name: 'm', tooltip: { formatter: 'q' } }] },
      markLine: { data: [[{ tooltip: { formatter: 'r' } }, {}]] },
      markArea: { tooltip: [{ formatter: 's' }] },
      label: { formatter: '{c}' },
    }],
  };
  stripTooltipFormatters(opt);
  const s = JSON.stringify(opt);
  for (const f of ['{b}', '"x"', '"y"', 'onerror', '"p"', '"q"', '"r"', '"s"']) assert.ok(!s.includes(f), f);
  assert.equal(opt.tooltip.trigger, 'axis');
  assert.equal(opt.series[0].label.formatter, '{c}'); // labels are not tooltips (text, not HTML)
});

test('the offline banner counts days logged, not queued items', () => {
  const save = (day) => [
    { payload: { kind: 'score', collection: 'pain_scores', data: { id: 'p' + day, day } } },
    { payload: { kind: 'score', collection: 'mood_scores', data: { id: 'm' + day, day } } },
    { payload: { kind: 'entry', day, data: {} } },
  ];
  assert.equal(pendingDays(save('2026-12-01')), 1);
  assert.equal(pendingDays([...save('2026-12-01'), ...save('2026-12-02'), { payload: {} }]), 2);
  assert.equal(pendingWords(1, false), 'You are offline. Mend keeps your log for 1 day on this phone and sends it when you are back.');
  assert.equal(pendingWords(2, true), 'Sending your logs for 2 days…');
  assert.equal(pendingWords(0, true), '');
});

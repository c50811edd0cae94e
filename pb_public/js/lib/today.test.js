import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOG_LISTS, stepValue, entryPairs, lastLogPairs, logProblems, saveOps, saveFailure } from './today.js';
import { dayTitle, nightNote, logFormHTML, exercisesHTML, readingsHTML, flagAlertHTML } from './today-view.js';
import { parseLogForm } from './form.js';

/** @param {[string, string][]} pairs */
const parse = (pairs) => parseLogForm(pairs, LOG_LISTS);

test('stepValue: half hours of sleep in 0–24, whole wakings in 0–30, likely starts', () => {
  const cases = /** @type {[string, string, number, number][]} */ ([
    ['sleep_hours', '', 1, 7], ['sleep_hours', '', -1, 6], ['sleep_hours', 'abc', 1, 7],
    ['sleep_hours', '6', 1, 6.5], ['sleep_hours', '6,5', -1, 6], ['sleep_hours', '6.25', 1, 6.75],
    ['sleep_hours', '23.75', 1, 24], ['sleep_hours', '0.25', -1, 0],
    ['night_wakings', '', 1, 1], ['night_wakings', '', -1, 0], ['night_wakings', '2', 1, 3],
    ['night_wakings', '2.6', -1, 2], ['night_wakings', '0', -1, 0], ['night_wakings', '30', 1, 30],
  ]);
  for (const [name, value, dir, want] of cases) assert.equal(stepValue(name, value, dir), want, `${name} ${value} ${dir}`);
});

const entry = {
  id: 'e1', day: '2026-02-02', sleep_hours: 6.5, sleep_quality: 0, night_wakings: 2, notes: 'n', sleep_notes: '',
  stress_notes: 's', exercises: ['x1'], relief: ['heat', 'rest'], red_flags: ['fever'],
};

test('entryPairs fills the form from an entry, leaving unlogged sleep empty', () => {
  assert.deepEqual(entryPairs(entry), [
    ['sleep_hours', '6.5'], ['night_wakings', '2'], ['notes', 'n'], ['stress_notes', 's'],
    ['exercises', 'x1'], ['relief', 'heat'], ['relief', 'rest'], ['red_flags', 'fever'],
  ]);
  const bare = { ...entry, night_wakings: 0, notes: '', stress_notes: '', exercises: [], relief: [], red_flags: [] };
  assert.deepEqual(entryPairs({ ...bare, sleep_hours: null }), []);
  // 0 h is a night without sleep (logged), an odd number keeps its exact value.
  assert.deepEqual(entryPairs({ ...bare, sleep_hours: 0 }), [['sleep_hours', '0'], ['night_wakings', '0']]);
  assert.deepEqual(entryPairs({ ...bare, sleep_hours: 6 }), [['sleep_hours', '6.5'], ['sleep_exact', '6'], ['night_wakings', '0']]);
});

test('lastLogPairs copies readings, sleep, exercises and relief, never notes or warning signs', () => {
  const last = { entry, pain: { id: 'p', day: '2026-02-02', score: 4, areas: ['neck'] }, mood: null, stress: { id: 's', day: '2026-02-02', score: 8 } };
  assert.deepEqual(lastLogPairs(last), [
    ['pain', '4'], ['areas', 'neck'], ['activity', ''], ['stress', '8'],
    ['sleep_hours', '6.5'], ['night_wakings', '2'], ['exercises', 'x1'], ['relief', 'heat'], ['relief', 'rest'],
  ]);
  assert.deepEqual(lastLogPairs({ entry: null, pain: null, mood: null, stress: null }), []);
});

test('logProblems: field errors first, then a day needs one pain score', () => {
  const bad = logProblems(parse([['sleep_hours', '99'], ['mood', '9']]), false);
  assert.deepEqual(Object.keys(bad?.fields ?? {}), ['mood', 'sleep_hours']);
  assert.equal(bad?.status, 'Not saved: please check Mood, Hours slept.');
  assert.equal(bad?.focus, 'mood');
  assert.equal(logProblems(parse([['notes', 'hi']]), false)?.focus, 'pain');
  assert.equal(logProblems(parse([['notes', 'hi']]), true), null);
  assert.equal(logProblems(parse([['pain', '0']]), false), null);
});

test('saveOps: a reading per score with the form ids, the entry when there is one to write', () => {
  const ids = { pain: 'idp', mood: 'idm', stress: 'ids' };
  const ops = saveOps(parse([['pain', '5'], ['areas', 'neck'], ['stress', '3'], ['notes', 'n']]), { day: '2026-02-03', ids, at: 'T', loaded: true, hasEntry: false });
  assert.deepEqual(ops.map((o) => (o.kind === 'score' ? o.collection : o.mode)), ['pain_scores', 'stress_scores', 'replace']);
  assert.deepEqual(ops[0].data, { id: 'idp', day: '2026-02-03', score: 5, areas: ['neck'], activity: '', note: '', at: 'T' });
  assert.deepEqual(ops[1].data, { id: 'ids', day: '2026-02-03', score: 3, at: 'T' });
  const onlyPain = parse([['pain', '2']]);
  assert.equal(saveOps(onlyPain, { day: 'd', ids, loaded: true, hasEntry: false }).length, 1);
  assert.equal('at' in saveOps(onlyPain, { day: 'd', ids, loaded: true, hasEntry: false })[0].data, false);
  // A loaded entry is replaced even when every field is now empty (clearing it).
  assert.equal(saveOps(onlyPain, { day: 'd', ids, loaded: true, hasEntry: true }).at(-1)?.kind, 'entry');
  // A day that could not load only merges what there is to add.
  assert.equal(saveOps(onlyPain, { day: 'd', ids, loaded: false, hasEntry: true }).length, 1);
  const merged = saveOps(parse([['relief', 'heat']]), { day: 'd', ids, loaded: false, hasEntry: false });
  assert.deepEqual(merged.map((o) => o.kind === 'entry' && o.mode), ['merge']);
  assert.deepEqual(saveOps(parse([]), { day: 'd', ids, loaded: true, hasEntry: false }), []);
});

test('saveFailure maps a reading\'s score and note onto the form', () => {
  const err = { status: 400, op: { kind: 'score', collection: 'mood_scores' }, response: { message: 'Failed.', data: { score: { message: 'Too big.' }, note: { message: 'Too long.' } } } };
  const f = saveFailure(err);
  assert.deepEqual(f.fields, [['mood', 'Too big.'], ['pain_note', 'Too long.']]);
  assert.equal(f.status, 'Not saved. Failed. Mood: Too big. Pain note: Too long. Your log is still here.');
  const entryErr = { status: 400, op: { kind: 'entry' }, response: { message: 'Failed.', data: { sleep_hours: { message: 'Max 24.' } } } };
  assert.deepEqual(saveFailure(entryErr).fields, [['sleep_hours', 'Max 24.']]);
  assert.match(saveFailure(entryErr).status, /Hours slept: Max 24\./);
});

test('dayTitle and nightNote', () => {
  assert.equal(dayTitle('2026-02-10', '2026-02-10'), 'Today');
  assert.equal(dayTitle('2026-02-09', '2026-02-10'), 'Yesterday');
  assert.match(dayTitle('2026-02-01', '2026-02-10'), /2026|Feb|1/);
  assert.match(nightNote('2026-02-09', '2026-02-10', '2026-02-09'), /before 4 a\.m\./);
  assert.equal(nightNote('2026-02-10', '2026-02-10', '2026-02-10'), '');
  assert.equal(nightNote('2026-02-08', '2026-02-10', '2026-02-09'), '');
});

test('logFormHTML: unique ids, every error line and hint referenced, next day only in the past', () => {
  const s = String(logFormHTML('2026-02-09', '2026-02-10', '2026-02-09'));
  const ids = [...s.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(new Set(ids).size, ids.length);
  for (const [, refs] of s.matchAll(/aria-describedby="([^"]+)"/g)) for (const r of refs.split(' ')) assert.ok(ids.includes(r), r);
  for (const [, f] of s.matchAll(/ for="([^"]+)"/g)) assert.ok(ids.includes(f), f);
  assert.match(s, /aria-label="Next day"/);
  assert.match(s, /before 4 a\.m\./);
  assert.doesNotMatch(String(logFormHTML('2026-02-10', '2026-02-10', '2026-02-10')), /Next day/);
});

test('exercisesHTML, readingsHTML and flagAlertHTML escape text', () => {
  const ex = String(exercisesHTML([{ id: 'a"1', name: '<b>Tilt</b>' }], new Set(['a"1'])));
  assert.equal(ex, '<label class="opt"><input type="checkbox" name="exercises" value="a&quot;1" checked><span>&lt;b&gt;Tilt&lt;/b&gt;</span></label>');
  assert.match(String(exercisesHTML([], new Set())), /No exercises/);
  const empty = { entry: null, pain: [], mood: [], stress: [] };
  assert.match(String(readingsHTML(empty, '2026-02-10', 'UTC')), /Nothing logged/);
  const r = String(readingsHTML({ ...empty, pain: [{ id: 'p', day: 'd', score: 8, activity: '<i>' }], mood: [{ id: 'm', day: 'd', score: 2 }] }, '2026-02-10', 'UTC'));
  assert.match(r, /Pain 8/);
  assert.match(r, /&lt;i&gt;/);
  assert.match(r, /Mood 2 of 5/);
  assert.match(r, /href="#\/day\/2026-02-10"/);
  const flags = String(flagAlertHTML(['leg_radiating', 'fever']));
  assert.ok(flags.indexOf('guidance urgent') < flags.indexOf('guidance prompt'));
  assert.equal(String(flagAlertHTML([])), '');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIntInRange, parseHours, parseLogForm, hasEntryData, collect, MAX_NOTE_CHARS } from './form.js';
import { AREAS, ACTIVITIES, RELIEF, RED_FLAGS } from './labels.js';

const lists = { areas: AREAS, activities: ACTIVITIES, relief: RELIEF, redFlags: RED_FLAGS };

test('parseIntInRange', () => {
  assert.deepEqual(parseIntInRange('', 0, 10), { value: null });
  assert.deepEqual(parseIntInRange(' 7 ', 0, 10), { value: 7 });
  assert.deepEqual(parseIntInRange('0', 0, 10), { value: 0 });
  for (const bad of ['11', '-1', '2.5', 'abc', '1e1', '0x5', '5 5']) {
    assert.ok(parseIntInRange(bad, 0, 10).error, bad);
    assert.equal(parseIntInRange(bad, 0, 10).value, null);
  }
});

test('parseHours reads what tired people type', () => {
  const cases = [['7', 7], ['7.5', 7.5], ['7,5', 7.5], ['7:30', 7.5], ['7h30', 7.5], ['7 h', 7], ['6:20', 6.25], ['6.1', 6], ['6.13', 6.25], ['24', 24], ['0', 0], ['5 hours', 5]];
  for (const [s, want] of cases) assert.equal(parseHours(s).value, want, String(s));
  assert.deepEqual(parseHours(''), { value: null });
  for (const bad of ['25', '-1', 'lots', '7:75', '7..5', '1e2', '24:30']) assert.ok(parseHours(bad).error, bad);
});

test('parseLogForm builds records and drops unknown values', () => {
  const fd = new FormData();
  fd.append('pain', '6');
  fd.append('areas', 'lower_back');
  fd.append('areas', 'not_an_area');
  fd.append('areas', 'neck');
  fd.append('activity', 'lifting');
  fd.append('mood', '2');
  fd.append('stress', '');
  fd.append('sleep_hours', '5:45');
  fd.append('sleep_quality', '2');
  fd.append('night_wakings', '3');
  fd.append('notes', '  carried the car seat \r\n');
  fd.append('exercises', 'abc123');
  fd.append('exercises', 'abc123');
  fd.append('exercises', 'bad id!');
  fd.append('relief', 'heat');
  fd.append('red_flags', 'fever');
  const p = parseLogForm(fd, lists);
  assert.deepEqual(p.errors, {});
  assert.equal(p.pain, 6);
  assert.deepEqual(p.areas, ['lower_back', 'neck']);
  assert.equal(p.activity, 'lifting');
  assert.equal(p.mood, 2);
  assert.equal(p.stress, null);
  assert.equal(p.sleep_hours, 5.75);
  assert.equal(p.sleep_quality, 2);
  assert.equal(p.night_wakings, 3);
  assert.equal(p.notes, 'carried the car seat');
  assert.deepEqual(p.exercises, ['abc123']);
  assert.deepEqual(p.relief, ['heat']);
  assert.deepEqual(p.red_flags, ['fever']);
  assert.equal(hasEntryData(p), true);
});

test('parseLogForm reports bad input per field and never throws', () => {
  const p = parseLogForm(collectPairs({ pain: '12', mood: '0', stress: 'high', sleep_hours: '30', night_wakings: '-2', activity: 'skydiving', notes: 'x'.repeat(MAX_NOTE_CHARS + 3) }), lists);
  assert.deepEqual(Object.keys(p.errors).sort(), ['activity', 'mood', 'night_wakings', 'notes', 'pain', 'sleep_hours', 'stress']);
  assert.match(p.errors.notes, /3 characters too long/);
  assert.equal(p.pain, null);
  assert.equal(p.activity, '');
});

test('an empty form has no entry data and no sleep; zero hours is a night without sleep', () => {
  const empty = parseLogForm([], lists);
  assert.equal(empty.pain, null);
  assert.equal(hasEntryData(empty), false);
  assert.equal(parseLogForm(collectPairs({ sleep_hours: '0' }), lists).sleep_hours, 0);
  assert.equal(parseLogForm(collectPairs({}), lists).sleep_hours, null);
  assert.equal(hasEntryData(parseLogForm(collectPairs({ sleep_hours: '0' }), lists)), true);
  // Typed hours win over the chip; a bad typed value is an error on its own field.
  assert.equal(parseLogForm(collectPairs({ sleep_hours: '6.5', sleep_exact: '6:15' }), lists).sleep_hours, 6.25);
  assert.deepEqual(Object.keys(parseLogForm(collectPairs({ sleep_hours: '6.5', sleep_exact: 'lots' }), lists).errors), ['sleep_exact']);
  assert.equal(parseLogForm(collectPairs({ pain: '0' }), lists).pain, 0);
});

test('collect groups repeated names and skips files', () => {
  assert.deepEqual(collect([['a', '1'], ['a', '2'], ['b', '3']]), { a: ['1', '2'], b: ['3'] });
});

/** @param {Record<string,string>} o @returns {[string,string][]} */
function collectPairs(o) {
  return Object.entries(o);
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SLEEP_CHOICES, sleepChoiceFor, sleepPairs, sleepWords } from './sleep.js';

test('every quarter hour from 0 to 24 falls in exactly one range, and each range holds its own value', () => {
  for (let q = 0; q <= 96; q++) {
    const h = q / 4;
    assert.equal(SLEEP_CHOICES.filter((c) => h >= c.from && h <= c.to).length, 1, `${h} h`);
  }
  for (const c of SLEEP_CHOICES) assert.equal(sleepChoiceFor(c.value), c);
});

test('sleepChoiceFor: null and nonsense are "not logged", 0 is "No sleep"', () => {
  for (const v of [null, undefined, '6', NaN, -1, 25]) assert.equal(sleepChoiceFor(v), null);
  assert.equal(sleepChoiceFor(0)?.text, 'No sleep');
  assert.equal(sleepChoiceFor(5.75)?.text, '5–6 h');
  assert.equal(sleepChoiceFor(6)?.text, '6–7 h');
});

test('sleepPairs keeps an exact number beside its range', () => {
  assert.deepEqual(sleepPairs(null), []);
  assert.deepEqual(sleepPairs(0), [['sleep_hours', '0']]);
  assert.deepEqual(sleepPairs(4.5), [['sleep_hours', '4.5']]);
  assert.deepEqual(sleepPairs(6), [['sleep_hours', '6.5'], ['sleep_exact', '6']]);
});

test('sleepWords', () => {
  assert.equal(sleepWords(null), '');
  assert.equal(sleepWords(0), 'No sleep');
  assert.equal(sleepWords(7.25), '7.25 h');
});

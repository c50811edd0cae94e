import { test } from 'node:test';
import assert from 'node:assert/strict';
import { painBand, painBandKey, painLabel } from './pain.js';

test('pain bands follow DESIGN.md', () => {
  const want = ['no pain', 'mild', 'mild', 'mild', 'moderate', 'moderate', 'moderate', 'severe', 'severe', 'severe', 'severe'];
  for (let i = 0; i <= 10; i++) assert.equal(painBand(i), want[i], String(i));
  assert.equal(painBand('7'), 'severe');
  assert.equal(painBandKey(0), 'none');
  assert.equal(painLabel(4), '4, moderate');
});

test('bad scores have no band', () => {
  for (const bad of [-1, 11, 2.5, NaN, '', ' ', 'x', null, undefined, {}, Infinity]) {
    assert.equal(painBand(bad), '', String(bad));
    assert.equal(painLabel(bad), '');
  }
});

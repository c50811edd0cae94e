import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keyBytes, subscriptionRecord, pushBlocker } from './push.js';

test('keyBytes decodes base64url with and without padding', () => {
  assert.deepEqual([...keyBytes('BAEC_-8')], [4, 1, 2, 255, 239]);
  assert.deepEqual([...keyBytes('BAEC_-8=')], [4, 1, 2, 255, 239]);
  assert.equal(keyBytes('B'.repeat(87)).length, 65);
  assert.throws(() => keyBytes('a+b/'));
  assert.throws(() => keyBytes(''));
});

test('subscriptionRecord keeps only what the server needs', () => {
  const sub = { endpoint: 'https://push.example/x', expirationTime: null, keys: { p256dh: 'P', auth: 'A' } };
  assert.deepEqual(subscriptionRecord(sub, 'u1', 'x'.repeat(400)), { user: 'u1', endpoint: 'https://push.example/x', p256dh: 'P', auth: 'A', user_agent: 'x'.repeat(300) });
  assert.throws(() => subscriptionRecord(sub, ''));
  assert.throws(() => subscriptionRecord({ endpoint: 'https://push.example/x', keys: { p256dh: 'P' } }, 'u1'));
});

test('pushBlocker names the first reason push cannot work', () => {
  assert.equal(pushBlocker({ secure: false, push: true, permission: 'default' }), 'insecure');
  assert.equal(pushBlocker({ secure: true, push: false, permission: 'default' }), 'unsupported');
  assert.equal(pushBlocker({ secure: true, push: true, permission: 'denied' }), 'denied');
  assert.equal(pushBlocker({ secure: true, push: true, permission: 'granted' }), '');
});

// Foundation acceptance, as a new user would try it with the official
// PocketBase JS SDK: sign up, log one record of each kind, get a clear 400
// for each malformed value, see nothing of another user's, read the library
// as a guest. Usage: node foundation.mjs http://127.0.0.1:PORT
import assert from 'node:assert/strict';
import PocketBase from '../../pb_public/vendor/pocketbase@0.28.1/pocketbase.es.mjs';

const url = process.argv[2];
const today = new Date().toISOString().slice(0, 10);

async function signUp(email) {
  const pb = new PocketBase(url);
  pb.autoCancellation(false);
  await pb.collection('users').create({ email, password: 'a long passphrase', passwordConfirm: 'a long passphrase', timezone: 'UTC' });
  await pb.collection('users').authWithPassword(email, 'a long passphrase');
  return pb;
}

async function rejects(promise, field, status = 400) {
  try {
    await promise;
  } catch (err) {
    assert.equal(err.status, status, `want ${status} for ${field}, got ${err.status}: ${JSON.stringify(err.response)}`);
    if (field) {
      assert.ok(err.response.data[field], `no error on ${field}: ${JSON.stringify(err.response)}`);
      assert.ok(err.response.data[field].message.length > 10, `message for ${field} is not actionable`);
    }
    return err;
  }
  assert.fail(`accepted an invalid ${field}`);
}

const a = await signUp('a@example.com');
const b = await signUp('b@example.com');
const aid = a.authStore.record.id;
const bid = b.authStore.record.id;

// One record of each kind.
const pain = await a.collection('pain_scores').create({ user: aid, day: today, score: 0, areas: ['lower_back'], activity: 'feeding', note: 'a-private' });
assert.equal(pain.score, 0);
await a.collection('mood_scores').create({ user: aid, day: today, score: 4 });
await a.collection('stress_scores').create({ user: aid, day: today, score: 7 });
const ex = await a.collection('exercises').getFirstListItem('slug="pelvic-tilt"');
await a.collection('entries').create({ user: aid, day: today, sleep_hours: 5.5, sleep_quality: 2, night_wakings: 3,
  notes: 'a-private', exercises: [ex.id], relief: ['heat'], red_flags: [] });

// A night without sleep reads back as 0, one not logged as null, through
// the SDK's JSON and its multipart form path, and a filter finds the 0.
const sleepless = await a.collection('entries').create({ user: aid, day: '2026-01-10', sleep_hours: 0 });
assert.equal((await a.collection('entries').getOne(sleepless.id)).sleep_hours, 0);
const unlogged = await a.collection('entries').create({ user: aid, day: '2026-01-11', sleep_hours: null });
assert.equal((await a.collection('entries').getOne(unlogged.id)).sleep_hours, null);
const form = new FormData();
form.append('user', aid); form.append('day', '2026-01-12'); form.append('sleep_hours', '0');
assert.equal((await a.collection('entries').create(form)).sleep_hours, 0);
const zeros = await a.collection('entries').getFullList({ filter: 'sleep_hours = 0' });
assert.deepEqual(zeros.map((e) => e.day).sort(), ['2026-01-10', '2026-01-12']);
await rejects(a.collection('entries').create({ user: aid, day: '2026-01-13', sleep_hours: 'six' }), 'sleep_hours');

// A clear 400 for each malformed value.
await rejects(a.collection('pain_scores').create({ user: aid, day: today }), 'score');
await rejects(a.collection('pain_scores').create({ user: aid, day: today, score: 11 }), 'score');
await rejects(a.collection('pain_scores').create({ user: aid, day: '2026-02-30', score: 3 }), 'day');
await rejects(a.collection('pain_scores').create({ user: aid, day: '2999-01-01', score: 3 }), 'day');
await rejects(a.collection('pain_scores').create({ user: aid, day: today, score: 3, areas: ['knee'] }), 'areas');
await rejects(a.collection('mood_scores').create({ user: aid, day: today, score: 6 }), 'score');
await rejects(a.collection('stress_scores').create({ user: aid, day: today, score: -1 }), 'score');
await rejects(a.collection('entries').create({ user: aid, day: today }), 'day'); // one entry a day
await rejects(a.collection('entries').create({ user: aid, day: '2026-01-01', sleep_hours: 6.1 }), 'sleep_hours');
await rejects(a.collection('entries').create({ user: aid, day: '2026-01-02', sleep_quality: 9 }), 'sleep_quality');
await rejects(a.collection('entries').create({ user: aid, day: '2026-01-03', relief: ['wine'] }), 'relief');
await rejects(a.collection('entries').create({ user: aid, day: '2026-01-04', notes: 'x'.repeat(5001) }), 'notes');
await rejects(a.collection('users').update(aid, { timezone: 'Mars/Base' }), 'timezone');
await rejects(a.collection('users').update(aid, { delivery_date: '2999-01-01' }), 'delivery_date');

// Nothing of another user's: lists, filters, views, expands, writes.
for (const c of ['entries', 'pain_scores', 'mood_scores', 'stress_scores', 'flareups', 'reports']) {
  const list = await b.collection(c).getFullList({ filter: `user="${aid}"` });
  assert.equal(list.length, 0, `${c}: B sees A's records`);
}
await rejects(b.collection('pain_scores').getOne(pain.id), '', 404);
await rejects(b.collection('pain_scores').update(pain.id, { score: 9 }), '', 404);
await rejects(b.collection('pain_scores').delete(pain.id), '', 404);
await rejects(b.collection('pain_scores').create({ user: aid, day: today, score: 3 }), '', 400);
await rejects(a.collection('pain_scores').update(pain.id, { user: bid }), '', 404);
await rejects(b.collection('users').getOne(aid), '', 404);
const bEntries = await b.collection('entries').getFullList({ expand: 'user,exercises' });
assert.equal(JSON.stringify(bEntries).includes('a-private'), false);

// A guest reads the shipped library.
const guest = new PocketBase(url);
const articles = await guest.collection('articles').getFullList();
const exercises = await guest.collection('exercises').getFullList();
assert.ok(articles.length >= 8, `only ${articles.length} articles`);
assert.ok(exercises.length >= 10, `only ${exercises.length} exercises`);
assert.ok(articles.some((x) => x.slug === 'when-to-seek-care'));
const guestPains = await guest.collection('pain_scores').getFullList();
assert.equal(guestPains.length, 0);

// Repeated failed sign-ins get 429.
let limited = false;
for (let i = 0; i < 15 && !limited; i++) {
  try {
    await guest.collection('users').authWithPassword('a@example.com', 'wrong password');
  } catch (err) {
    limited = err.status === 429;
  }
}
assert.ok(limited, 'failed sign-ins were never rate limited');
console.log('foundation: ok');

// Insights acceptance with the official JS SDK: a 120-day journal with
// planted short nights (+3 points of pain on the day after the night) and
// stress planted with no effect, synced in batches as the web app's offline
// queue would. Checks: the planted days are found as flare-ups (recall ≥ 0.8,
// precision ≥ 0.7), each linked to that night's sleep note; sleep → pain is
// significant with the right sign and n; stress is not; the stored
// flare-ups equal the document's within a second.
// Usage: node insights.mjs http://127.0.0.1:PORT
import assert from 'node:assert/strict';
import PocketBase from '../../pb_public/vendor/pocketbase@0.28.1/pocketbase.es.mjs';

const url = process.argv[2];
const pb = new PocketBase(url);
pb.autoCancellation(false);
await pb.collection('users').create({ email: 'p@example.com', password: 'a long passphrase', passwordConfirm: 'a long passphrase',
  timezone: 'America/Los_Angeles', delivery_date: '2026-05-01', delivery_type: 'cesarean' });
await pb.collection('users').authWithPassword('p@example.com', 'a long passphrase');
const uid = pb.authStore.record.id;

// A seeded generator, so a failure can be replayed.
let seed = 12345;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

const days = 120;
const end = new Date(Date.UTC(2026, 10, 20));
const planted = new Set();
const ops = [];
for (let i = days - 1; i >= 0; i--) {
  const day = new Date(end.getTime() - i * 86400000).toISOString().slice(0, 10);
  const short = i < days - 20 && rand() < 0.15; // no plant in the first 20 days: the baseline needs them
  if (short) planted.add(day);
  const sleep = short ? 3.5 + Math.floor(rand() * 4) * 0.25 : 6.5 + Math.floor(rand() * 8) * 0.25;
  const pain = Math.min(10, 2 + Math.floor(rand() * 2) + (short ? 3 : 0));
  ops.push(['entries', { user: uid, day, sleep_hours: sleep, sleep_quality: short ? 2 : 4,
    sleep_notes: short ? `night of ${day}: baby up every hour` : '' }]);
  ops.push(['pain_scores', { user: uid, day, score: pain, areas: ['lower_back'] }]);
  ops.push(['stress_scores', { user: uid, day, score: Math.floor(rand() * 11) }]);
}
for (let i = 0; i < ops.length; i += 90) {
  const batch = pb.createBatch();
  for (const [c, body] of ops.slice(i, i + 90)) batch.collection(c).create(body);
  await batch.send();
}

const doc = await pb.send('/api/mend/insights', { query: { from: '2026-07-24', to: '2026-11-20' } });
assert.equal(doc.days.length, 120);
const flareDays = new Set();
for (const f of doc.flareups) {
  for (let t = Date.parse(f.start_day); t <= Date.parse(f.end_day); t += 86400000) flareDays.add(new Date(t).toISOString().slice(0, 10));
}
const hits = [...planted].filter((d) => flareDays.has(d));
const recall = hits.length / planted.size;
const precision = hits.length / flareDays.size;
console.log(`planted ${planted.size}, flare days ${flareDays.size}, recall ${recall.toFixed(2)}, precision ${precision.toFixed(2)}`);
assert.ok(recall >= 0.8, `recall ${recall}`);
assert.ok(precision >= 0.7, `precision ${precision}`);
for (const f of doc.flareups) {
  if (!planted.has(f.start_day)) continue;
  assert.ok(f.links.some((l) => l.kind === 'sleep' && l.text === `night of ${f.start_day}: baby up every hour`),
    `flare-up on ${f.start_day} is not linked to its sleep note: ${JSON.stringify(f.links)}`);
}
const sleep = doc.associations.find((a) => a.factor === 'sleep_hours' && a.lag_days === 0);
assert.ok(sleep, 'no sleep association');
assert.equal(sleep.significant, true, JSON.stringify(sleep));
assert.ok(sleep.effect > 2, `sleep effect ${sleep.effect}`);
assert.equal(sleep.n, 120);
assert.equal(sleep.n_exposed, planted.size);
assert.match(sleep.sentence, /not proof of a cause/);
assert.match(sleep.sentence, new RegExp(`${planted.size} days`));
for (const a of doc.associations.filter((x) => x.factor === 'stress')) {
  assert.equal(a.significant, false, `stress came out significant: ${a.sentence}`);
}
console.log(sleep.sentence);

// Stored flare-ups (kept by hooks) equal the document's within a second.
const want = JSON.stringify(doc.flareups.map((f) => [f.start_day, f.end_day, f.peak]));
let got = '';
for (let t = 0; t < 20 && got !== want; t++) {
  const stored = await pb.collection('flareups').getFullList({ sort: 'start_day', filter: 'start_day >= "2026-07-24"' });
  got = JSON.stringify(stored.map((f) => [f.start_day, f.end_day, f.peak]));
  if (got !== want) await new Promise((r) => setTimeout(r, 50));
}
assert.equal(got, want, 'stored flare-ups differ from the insights document after 1 s');

// Another user sees none of it.
const other = new PocketBase(url);
await other.collection('users').create({ email: 'o@example.com', password: 'a long passphrase', passwordConfirm: 'a long passphrase', timezone: 'UTC' });
await other.collection('users').authWithPassword('o@example.com', 'a long passphrase');
const theirs = await other.send('/api/mend/insights', { query: { from: '2026-07-24', to: '2026-11-20' } });
assert.equal(theirs.flareups.length, 0);
assert.equal(JSON.stringify(theirs).includes('baby up every hour'), false);
assert.equal((await other.collection('flareups').getFullList()).length, 0);
console.log('insights: ok');

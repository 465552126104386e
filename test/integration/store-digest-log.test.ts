import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Redis } from 'ioredis';
import type { DeliveredDigest, DigestRecord } from '../../src/core/ports/digest-log.ts';
import { createStores, type Stores } from '../../src/store/stores.ts';
import { cleanPrefix, REDIS_URL, testPrefix } from './queue-harness.ts';
import { commandsSentBy, resend } from './resend.ts';

let redis: Redis;
let stores: Stores;
const prefix = testPrefix('store-digest-log');

before(() => {
  redis = new Redis(REDIS_URL);
  stores = createStores(redis, prefix, { briefingTtlSeconds: 60 });
});
after(async () => {
  await cleanPrefix(prefix);
  redis.disconnect();
});

const record: DigestRecord = { claimIds: ['c1', 'c2'], sentenceRefs: ['a:1', 'b:2'], disagreementSignatures: ['d1'] };
const entry = (localDate: string, uncertain = false): DeliveredDigest => ({
  localDate,
  postedAt: `${localDate}T07:00:00.000Z`,
  claimIds: record.claimIds,
  nothingNew: false,
  uncertain,
});

test('a day is claimed by one job; the same job may resume, another may not', async () => {
  assert.equal(await stores.digests.claimDay('slack:C1', '2026-03-01', 'job-1'), 'claimed');
  assert.equal(await stores.digests.claimDay('slack:C1', '2026-03-01', 'job-1'), 'claimed', 'a retry of the same job resumes');
  assert.equal(await stores.digests.claimDay('slack:C1', '2026-03-01', 'job-2'), 'taken');
  assert.equal(await stores.digests.claimDay('slack:C1', '2026-03-02', 'job-2'), 'claimed', 'another day is free');
});

test('claiming is atomic under a race', async () => {
  const owners = Array.from({ length: 20 }, (_, i) => `job-${i}`);
  const results = await Promise.all(owners.map((o) => stores.digests.claimDay('slack:C9', '2026-03-01', o)));
  assert.equal(results.filter((r) => r === 'claimed').length, 1);
});

test('posting → commit records the claims and marks the day done, once', async () => {
  assert.equal(await stores.digests.beginPosting('slack:C1', '2026-03-01'), 'post');
  assert.equal(await stores.digests.commit('slack:C1', '2026-03-01', record, entry('2026-03-01')), true);
  assert.equal(await stores.digests.commit('slack:C1', '2026-03-01', record, entry('2026-03-01')), false, 'second commit is a no-op');
  assert.equal(await stores.digests.beginPosting('slack:C1', '2026-03-01'), 'done');
  assert.equal(await stores.digests.claimDay('slack:C1', '2026-03-01', 'job-3'), 'done');
  const delivered = await stores.digests.delivered('slack:C1');
  assert.deepEqual([...delivered.claimIds].sort(), ['c1', 'c2']);
  assert.deepEqual([...delivered.sentenceRefs].sort(), ['a:1', 'b:2']);
  assert.deepEqual([...delivered.disagreementSignatures], ['d1']);
  const history = await stores.digests.history('slack:C1');
  assert.equal(history.length, 1);
  assert.equal(history[0]?.localDate, '2026-03-01');
});

test('a failed post goes back to claimed; a crash while posting is never posted again', async () => {
  await stores.digests.claimDay('slack:C2', '2026-03-01', 'job-1');
  assert.equal(await stores.digests.beginPosting('slack:C2', '2026-03-01'), 'post');
  await stores.digests.abortPosting('slack:C2', '2026-03-01');
  assert.equal(await stores.digests.beginPosting('slack:C2', '2026-03-01'), 'post', 'after a known failure a retry may post');
  // No abort and no commit: the process died between posting and recording.
  assert.equal(await stores.digests.beginPosting('slack:C2', '2026-03-01'), 'interrupted');
  assert.equal(await stores.digests.commit('slack:C2', '2026-03-01', record, entry('2026-03-01', true)), true);
  assert.equal((await stores.digests.history('slack:C2'))[0]?.uncertain, true);
  await stores.digests.abortPosting('slack:C2', '2026-03-01');
  assert.equal(await stores.digests.beginPosting('slack:C2', '2026-03-01'), 'done', 'abort never reopens a done day');
});

test('day markers expire eventually; delivered sets do not', async () => {
  const ttl = await redis.ttl(stores.keys.digestDay('slack:C1', '2026-03-01'));
  assert.ok(ttl > 86_400 && ttl <= 14 * 86_400, `marker ttl ${ttl}`);
  assert.equal(await redis.ttl(stores.keys.digestClaims('slack:C1')), -1);
});

test('a begin-posting resent after a reconnect still posts; a later attempt finds it interrupted', async () => {
  await stores.digests.claimDay('slack:C3', '2026-03-01', 'job-1');
  let first: unknown;
  const sent = await commandsSentBy(redis, prefix, async () => (first = await stores.digests.beginPosting('slack:C3', '2026-03-01')));
  assert.equal(first, 'post');
  assert.deepEqual(await resend(redis, sent), ['post'], 'the resend is the same attempt');
  assert.equal(await stores.digests.beginPosting('slack:C3', '2026-03-01'), 'interrupted');
});

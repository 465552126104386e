import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Redis } from 'ioredis';
import type { Answer } from '../../src/core/types.ts';
import { createStores, type Stores } from '../../src/store/stores.ts';
import { cleanPrefix, REDIS_URL, testPrefix } from './queue-harness.ts';
import { commandsSentBy, resend } from './resend.ts';

let redis: Redis;
let stores: Stores;
const prefix = testPrefix('store-threads');
const answer: Answer = { question: 'q', answer: 'a', supported: true, citations: [] };

before(() => {
  redis = new Redis(REDIS_URL);
  stores = createStores(redis, prefix, { briefingTtlSeconds: 60 });
});
after(async () => {
  await cleanPrefix(prefix);
  redis.disconnect();
});

test('appending the same turn id twice stores one turn', async () => {
  const threadId = 'slack:C1:2.1';
  await stores.threads.link({ threadId, storyId: 'freedonia' });
  assert.equal(await stores.threads.appendTurn(threadId, 'answer-1', { question: 'q1', answer }), true);
  assert.equal(await stores.threads.appendTurn(threadId, 'answer-1', { question: 'q1', answer }), false);
  assert.equal(await stores.threads.appendTurn(threadId, 'answer-2', { question: 'q2', answer }), true);
  assert.deepEqual((await stores.threads.get(threadId))?.turns.map((t) => t.question), ['q1', 'q2']);
});

test('concurrent appends of one turn id store it once', async () => {
  const threadId = 'slack:C1:2.2';
  await stores.threads.link({ threadId, storyId: 'freedonia' });
  const results = await Promise.all(Array.from({ length: 50 }, () => stores.threads.appendTurn(threadId, 'answer-9', { question: 'q9', answer })));
  assert.equal(results.filter(Boolean).length, 1);
  assert.equal((await stores.threads.get(threadId))?.turns.length, 1);
});

test('turn ids are trimmed with their turns and expire with the thread', async () => {
  const threadId = 'slack:C1:2.3';
  await stores.threads.link({ threadId, storyId: 'freedonia' });
  for (let i = 0; i < 25; i++) await stores.threads.appendTurn(threadId, `answer-${i}`, { question: `q${i}`, answer });
  const ids = await redis.lrange(stores.keys.threadTurnIds(threadId), 0, -1);
  assert.deepEqual(ids, Array.from({ length: 20 }, (_, i) => `answer-${i + 5}`));
  assert.equal(await stores.threads.appendTurn(threadId, 'answer-24', { question: 'q24', answer }), false);
  assert.equal((await stores.threads.get(threadId))?.turns.length, 20);
  const [turnsTtl, idsTtl] = await Promise.all([redis.ttl(stores.keys.threadTurns(threadId)), redis.ttl(stores.keys.threadTurnIds(threadId))]);
  assert.ok(idsTtl > 0 && Math.abs(idsTtl - turnsTtl) <= 1, `ids TTL ${idsTtl}, turns TTL ${turnsTtl}`);
});

test('a thread stored before turns had ids keeps its turns and takes new ones once', async () => {
  const threadId = 'slack:C1:2.4';
  await stores.threads.link({ threadId, storyId: 'freedonia' });
  await redis.rpush(stores.keys.threadTurns(threadId), JSON.stringify({ question: 'old', answer }));
  assert.equal(await stores.threads.appendTurn(threadId, 'answer-1', { question: 'new', answer }), true);
  assert.equal(await stores.threads.appendTurn(threadId, 'answer-1', { question: 'new', answer }), false);
  assert.deepEqual((await stores.threads.get(threadId))?.turns.map((t) => t.question), ['old', 'new']);
});

test('an append resent after a reconnect, byte for byte, changes nothing', async () => {
  const threadId = 'slack:C1:2.5';
  await stores.threads.link({ threadId, storyId: 'freedonia' });
  const sent = await commandsSentBy(redis, prefix, () => stores.threads.appendTurn(threadId, 'answer-1', { question: 'q1', answer }));
  assert.deepEqual(await resend(redis, sent), [0]);
  assert.equal((await stores.threads.get(threadId))?.turns.length, 1);
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Redis } from 'ioredis';
import { createStores, type Stores } from '../../src/store/stores.ts';
import { cleanPrefix, REDIS_URL, subscription, testPrefix } from './queue-harness.ts';

let redis: Redis;
let stores: Stores;
const prefix = testPrefix('store-subscriptions');
const now = new Date('2026-03-01T10:00:00Z');

before(() => {
  redis = new Redis(REDIS_URL);
  stores = createStores(redis, prefix, { briefingTtlSeconds: 60 });
});
after(async () => {
  await cleanPrefix(prefix);
  redis.disconnect();
});

test('one subscription per channel; re-subscribing replaces it and clears its flag', async () => {
  const first = await stores.subscriptions.put(subscription({ time: '08:00' }), now);
  assert.equal(first.id, 'slack:C1');
  await stores.subscriptions.flag('slack:C1', { code: 'not_in_channel', reason: 'bot removed', at: now.toISOString() });
  assert.equal((await stores.subscriptions.get('slack:C1'))?.flag?.code, 'not_in_channel');
  assert.equal((await stores.subscriptions.get('slack:C1'))?.subscription.time, '08:00', 'flagged but kept');

  await stores.subscriptions.put(subscription({ time: '09:15' }), now);
  const replaced = await stores.subscriptions.get('slack:C1');
  assert.equal(replaced?.subscription.time, '09:15');
  assert.equal(replaced?.flag, undefined);

  await stores.subscriptions.put(subscription({ platform: 'discord', channelId: '123' }), now);
  assert.deepEqual((await stores.subscriptions.all()).map((r) => r.id), ['discord:123', 'slack:C1']);

  assert.equal(await stores.subscriptions.remove('slack:C1'), true);
  assert.equal(await stores.subscriptions.remove('slack:C1'), false);
  assert.equal(await stores.subscriptions.get('slack:C1'), undefined);
  assert.deepEqual((await stores.subscriptions.all()).map((r) => r.id), ['discord:123']);
});

test('threads keep their story and their last turns', async () => {
  await stores.threads.link({ threadId: 'slack:C1:1.1', storyId: 'freedonia', briefingId: 'b1' });
  const answer = { question: 'q', answer: 'a', supported: true, citations: [] };
  for (let i = 0; i < 25; i++) await stores.threads.appendTurn('slack:C1:1.1', `turn-${i}`, { question: `q${i}`, answer });
  const thread = await stores.threads.get('slack:C1:1.1');
  assert.equal(thread?.storyId, 'freedonia');
  assert.equal(thread?.briefingId, 'b1');
  assert.equal(thread?.turns.length, 20);
  assert.equal(thread?.turns[0]?.question, 'q5');
  assert.equal(thread?.turns.at(-1)?.question, 'q24');
  assert.equal(await stores.threads.get('slack:C1:unknown'), undefined);
});

test('briefings are cached with a TTL', async () => {
  const briefing = {
    story: 's',
    generatedAt: now.toISOString(),
    engine: 'e',
    articles: [],
    groups: [],
    topics: [],
    disagreements: [],
  };
  await stores.briefings.put('abc', briefing);
  assert.deepEqual(await stores.briefings.get('abc'), briefing);
  assert.equal(await stores.briefings.get('missing'), undefined);
  const ttl = await redis.ttl(stores.keys.briefing('abc'));
  assert.ok(ttl > 0 && ttl <= 60);
});

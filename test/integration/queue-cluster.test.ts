import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Cluster } from 'ioredis';
import { INDEPENDENT, ORIGINAL, REWRITE_A, REWRITE_B } from '../helpers/engine.ts';
import { ingest, type QueueTestEnv, queueTestEnv, subscription, waitFor } from './queue-harness.ts';
import { TestCluster } from './redis-servers.ts';

// A 3-primary Redis Cluster of our own, with the worker, the service and BullMQ on it.
const cluster = new TestCluster();
let env: QueueTestEnv;

before(async () => {
  await cluster.start();
  // REDIS_URL blank: the harness sets it, and only one of URL / cluster / sentinel may be given.
  env = await queueTestEnv('cluster', { env: { REDIS_URL: '', REDIS_CLUSTER_NODES: cluster.nodes } });
});
after(async () => {
  await env?.close();
  await cluster.stop();
});

const slotOf = async (key: string) => Number(await (env.service.redis as Cluster).cluster('KEYSLOT', key));

test('on Redis Cluster: two stories ingest, brief, answer and digest through the queue, in different slots', async () => {
  assert.equal(env.service.redis.isCluster, true);
  const keys = env.workers[0]!.stores.keys;
  assert.equal(keys.layout, 'cluster');

  await ingest(env, 'freedonia', [
    { source: 'a.txt', text: ORIGINAL },
    { source: 'b.txt', text: REWRITE_A },
  ]);
  await ingest(env, 'sylvania', [
    { source: 'c.txt', text: REWRITE_B },
    { source: 'd.txt', text: INDEPENDENT },
  ]);
  assert.deepEqual(await env.workers[0]!.stores.articles.stories(), ['freedonia', 'sylvania']);

  // Briefs: computed once on the worker, then read from the cache.
  const first = await env.service.service.brief({ storyId: 'freedonia' });
  const second = await env.service.service.brief({ storyId: 'sylvania' });
  assert.equal(first.briefing.articles.length, 2);
  assert.equal(second.briefing.articles.length, 2);
  const again = await env.service.service.brief({ storyId: 'freedonia' });
  assert.equal(again.briefingId, first.briefingId);
  assert.equal(env.runs.brief, 2, 'the second request was a cache hit');

  // A thread question: link, answer on the worker, the turn stored with the thread.
  await env.service.service.linkThread({ threadId: 'slack:C9:1.1', storyId: 'freedonia', briefingId: first.briefingId });
  const answer = await env.service.service.ask({ threadId: 'slack:C9:1.1', storyId: 'freedonia', question: 'How many factory jobs are protected?' });
  assert.equal(answer.supported, true);
  assert.match(answer.answer, /12,000/);
  assert.equal((await env.service.service.thread('slack:C9:1.1'))?.turns.length, 1);

  // A digest through the queue: claim the day, deliver, record (digest-*.lua on a cluster).
  await env.service.service.subscribe(subscription({ storyId: 'sylvania' }));
  const digest = await env.service.queue.add('digest', { subscriptionId: 'slack:C1', scheduledAt: '2026-03-02T07:30:00Z' });
  assert.equal((await env.service.queue.wait(digest, 15_000)).outcome, 'queued');
  await waitFor('the digest to be posted', () => env.delivery.posts.length === 1);
  await waitFor('the digest to be recorded', async () => (await env.workers[0]!.stores.digests.history('slack:C1')).length === 1);
  assert.equal(env.delivery.posts[0]!.digest.story, 'sylvania');
  // The same day again: already done, nothing posted twice.
  const repeat = await env.service.queue.add('digest', { subscriptionId: 'slack:C1', scheduledAt: '2026-03-02T07:30:00Z' });
  assert.notEqual((await env.service.queue.wait(repeat, 15_000)).outcome, 'queued');

  // Sources and subscriptions: their MULTIs and MGETs stay in their own slots.
  const source = await env.service.service.addSource({ storyId: 'freedonia', url: 'https://news.example/feed.xml', keywords: ['tariff'], addedBy: 'cli' });
  assert.equal(source.created, true);
  assert.deepEqual((await env.service.service.listSources('freedonia')).map((r) => r.source.url), ['https://news.example/feed.xml']);
  assert.equal(await env.service.service.removeSource('freedonia', 'https://news.example/feed.xml'), true);
  assert.deepEqual(await env.service.service.listSources('freedonia'), []);
  assert.equal(await env.service.service.unsubscribe('slack', 'C1'), true);
  assert.deepEqual(await env.service.service.subscriptions('slack', 'C1'), []);

  // Each story's keys share one slot; the two stories are in different slots.
  const storySlots = async (storyId: string) =>
    new Set(await Promise.all([keys.storyArticles(storyId), keys.storySequence(storyId), keys.storyFingerprint(storyId)].map(slotOf)));
  const [freedonia, sylvania] = [await storySlots('freedonia'), await storySlots('sylvania')];
  assert.equal(freedonia.size, 1);
  assert.equal(sylvania.size, 1);
  assert.notDeepEqual([...freedonia], [...sylvania]);
  assert.equal(await env.service.redis.exists(keys.storyArticles('freedonia'), keys.storyFingerprint('freedonia')), 2);
  // BullMQ's keys are under their own tag.
  assert.match(keys.bull(), /^\{summit-test\.cluster\.[0-9a-f]{8}-bull\}$/);
  assert.equal(await env.service.redis.exists(`${keys.bull()}:summit:meta`), 1);
});

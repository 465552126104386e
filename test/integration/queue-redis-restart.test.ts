import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ORIGINAL, REWRITE_A } from '../helpers/engine.ts';
import { ingest, type QueueTestEnv, queueTestEnv, sleep, subscription, waitFor } from './queue-harness.ts';
import { TestRedis } from './test-redis.ts';

const redis = new TestRedis();
let env: QueueTestEnv;

before(async () => {
  await redis.start();
  env = await queueTestEnv('redis-restart', { env: { REDIS_URL: redis.url } });
});
after(async () => {
  await redis.start(); // cleanup needs it, should the test have failed while it was down
  await env?.close();
  await redis.dispose();
});

test('Redis restarts under a running worker: it reconnects and no job or subscription is lost', async () => {
  await ingest(env, 'freedonia', [{ source: 'a.txt', text: ORIGINAL }]);
  await env.service.service.subscribe(subscription());
  // A job that is due while Redis is down.
  const pending = await env.service.queue.queue.add(
    'ingest',
    { storyId: 'freedonia', articles: [{ source: 'b.txt', text: REWRITE_A }] },
    { delay: 1500, attempts: 3 },
  );

  await redis.kill();
  await sleep(1000);
  await redis.start();

  // The same worker (never restarted) reconnects and runs the delayed job.
  await waitFor('the delayed ingest to complete', async () => (await env.service.queue.jobState(String(pending.id))) === 'completed', 20_000);
  assert.equal(await env.workers[0]!.stores.articles.count('freedonia'), 2);
  assert.deepEqual(await env.service.service.subscriptions('slack', 'C1'), [subscription()]);
  assert.ok(await env.service.queue.queue.getJobScheduler('digest:slack:C1'), 'the digest schedule survived');

  // New work flows through the reconnected service and worker.
  const briefing = await env.service.service.brief({ storyId: 'freedonia' });
  assert.equal(briefing.briefing.articles.length, 2);
  const digest = await env.service.queue.add('digest', { subscriptionId: 'slack:C1', scheduledAt: '2026-03-02T07:30:00Z' });
  assert.equal((await env.service.queue.wait(digest, 15_000)).outcome, 'queued');
  await waitFor('the digest to be posted', () => env.delivery.posts.length === 1);
});

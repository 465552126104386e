import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Redis } from 'ioredis';
import { ORIGINAL, REWRITE_A } from '../helpers/engine.ts';
import { ingest, type QueueTestEnv, queueTestEnv } from './queue-harness.ts';
import { TestSentinel } from './redis-servers.ts';

// A primary and one Sentinel of our own; summit finds the primary through the Sentinel.
const sentinel = new TestSentinel();
let env: QueueTestEnv;

before(async () => {
  await sentinel.start();
  env = await queueTestEnv('sentinel', {
    env: { REDIS_URL: '', REDIS_SENTINELS: `127.0.0.1:${sentinel.sentinelPort}`, REDIS_SENTINEL_NAME: sentinel.name },
  });
});
after(async () => {
  await env?.close();
  await sentinel.stop();
});

test('through Redis Sentinel: ingest, brief and answer on the primary it names, in the single-server layout', async () => {
  assert.equal(env.config.redis.kind, 'sentinel');
  await ingest(env, 'freedonia', [
    { source: 'a.txt', text: ORIGINAL },
    { source: 'b.txt', text: REWRITE_A },
  ]);
  const { briefing, briefingId } = await env.service.service.brief({ storyId: 'freedonia' });
  assert.equal(briefing.articles.length, 2);
  await env.service.service.linkThread({ threadId: 'slack:C9:1.1', storyId: 'freedonia', briefingId });
  const answer = await env.service.service.ask({ threadId: 'slack:C9:1.1', storyId: 'freedonia', question: 'How many factory jobs are protected?' });
  assert.match(answer.answer, /12,000/);

  // The data is on the primary, under the same keys a plain REDIS_URL uses.
  const primary = new Redis(sentinel.primaryPort, '127.0.0.1');
  try {
    assert.equal(await primary.zcard(`${env.prefix}:story:freedonia:articles`), 2);
    assert.equal(await primary.exists(`${env.prefix}:bull:summit:meta`), 1);
  } finally {
    primary.disconnect();
  }
});

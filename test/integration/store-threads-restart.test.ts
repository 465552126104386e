/**
 * Thread turns across Redis restarts: a burst of appends from several connections while our own
 * redis-server is killed and restarted three times. ioredis resends every command that got no
 * reply, so an append Redis ran just before dying arrives twice; the turn id makes the second a
 * no-op. SUMMIT_TEST_LEGACY_APPEND=1 runs the old MULTI append instead, to measure what it stored twice.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Redis } from 'ioredis';
import type { Answer } from '../../src/core/types.ts';
import { storeRedis } from '../../src/queue/connection.ts';
import { StoreKeys } from '../../src/store/keys.ts';
import { createStores } from '../../src/store/stores.ts';
import { sleep, testPrefix } from './queue-harness.ts';
import { TestRedis } from './test-redis.ts';

// 9,000 appends over about 3 s from 8 connections, and 300 more at once just before each kill:
// the old append stored 4–183 turns twice per run here (the issue saw 17 of 16,717 in production).
const THREADS = 600;
const TURNS_PER_THREAD = 15; // below the 20 kept, so every acknowledged turn must still be there
const CONNECTIONS = 8;
const APPENDS_PER_TICK = 30;
const TICK_MS = 10;
const SPIKE = 300;
const RESTARTS = 3;
const LEGACY = process.env.SUMMIT_TEST_LEGACY_APPEND === '1';

const server = new TestRedis();
const connections: Redis[] = [];
const prefix = testPrefix('threads-restart');
const answer: Answer = { question: 'q', answer: 'The articles say 12,000 factory jobs are protected. '.repeat(1), supported: true, citations: [] };

before(() => server.start());
after(async () => {
  for (const redis of connections) redis.disconnect();
  await server.dispose();
});

/** The append before turn ids (one MULTI), kept here only to measure the duplicates it made. */
function legacyAppend(redis: Redis, keys: StoreKeys, threadId: string, turn: { question: string; answer: Answer }) {
  const key = keys.threadTurns(threadId);
  return redis.multi().rpush(key, JSON.stringify(turn)).ltrim(key, -20, -1).expire(key, 3600).expire(keys.thread(threadId), 3600).exec();
}

test('a burst of thread appends across three Redis restarts: no turn stored twice, none acknowledged lost', { timeout: 120_000 }, async (t) => {
  // Worker connections (maxRetriesPerRequest: null): commands wait out a restart and are resent.
  for (let i = 0; i < CONNECTIONS; i++) {
    const redis = storeRedis({ kind: 'server', url: server.url }, 'worker', `threads-restart-${i}`) as Redis;
    redis.on('error', () => {});
    connections.push(redis);
  }
  const stores = connections.map((redis) => createStores(redis, prefix, { briefingTtlSeconds: 60 }));
  const keys = new StoreKeys(prefix);
  const threadIds = Array.from({ length: THREADS }, (_, i) => `slack:C1:1700000000.${String(i).padStart(4, '0')}`);
  await Promise.all(threadIds.map((threadId) => stores[0]!.threads.link({ threadId, storyId: 'freedonia' })));

  // Every turn once, threads interleaved, spread over the connections.
  const turns = threadIds.flatMap((threadId) => Array.from({ length: TURNS_PER_THREAD }, (_, n) => ({ threadId, turnId: `answer-${threadId}-${n}` })));
  turns.sort(() => Math.random() - 0.5);
  const acknowledged = new Map<string, Set<string>>(threadIds.map((id) => [id, new Set()]));
  const appends: Promise<void>[] = [];
  let next = 0;
  const send = (count: number) => {
    for (const { threadId, turnId } of turns.slice(next, next + count)) {
      const connection = next++ % CONNECTIONS;
      const turn = { question: turnId, answer };
      const write = LEGACY ? legacyAppend(connections[connection]!, keys, threadId, turn) : stores[connection]!.threads.appendTurn(threadId, turnId, turn);
      appends.push(write.then(() => void acknowledged.get(threadId)!.add(turnId)));
    }
  };
  const burst = (async () => {
    while (next < turns.length) {
      send(APPENDS_PER_TICK);
      await sleep(TICK_MS);
    }
  })();
  const restarts = (async () => {
    for (let r = 1; r <= RESTARTS; r++) {
      while (next < (turns.length * r) / (RESTARTS + 1)) await sleep(TICK_MS);
      // A spike just before the kill, so Redis dies with many commands run but not yet answered.
      send(SPIKE);
      await sleep(2);
      await server.kill();
      await sleep(300);
      await server.start();
    }
  })();
  await Promise.all([burst, restarts]);
  await Promise.all(appends);

  let duplicates = 0;
  let missing = 0;
  for (const threadId of threadIds) {
    const questions = ((await stores[0]!.threads.get(threadId))?.turns ?? []).map((turn) => turn.question);
    duplicates += questions.length - new Set(questions).size;
    for (const turnId of acknowledged.get(threadId)!) if (!questions.includes(turnId)) missing++;
  }
  const total = [...acknowledged.values()].reduce((sum, ids) => sum + ids.size, 0);
  t.diagnostic(`${LEGACY ? 'legacy MULTI' : 'turn-id script'}: ${total} acknowledged appends, ${duplicates} stored twice, ${missing} missing`);
  assert.equal(total, turns.length, 'every append was acknowledged in the end');
  assert.equal(missing, 0, 'no acknowledged turn is missing');
  assert.equal(duplicates, 0, 'no turn is stored twice');
});

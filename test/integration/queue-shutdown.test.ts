import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { ORIGINAL } from '../helpers/engine.ts';
import { type ChildWorker, ingest, type QueueTestEnv, queueTestEnv, redisUrlOf, spawnChildWorker, waitFor } from './queue-harness.ts';

let env: QueueTestEnv | undefined;
let child: ChildWorker | undefined;
afterEach(async () => {
  if (child && child.child.exitCode === null && child.child.signalCode === null) child.child.kill('SIGKILL');
  await child?.exit;
  await env?.close();
  env = child = undefined;
});

async function setUp(name: string, childEnv: Record<string, string>) {
  env = await queueTestEnv(name, { workers: 0 });
  child = await spawnChildWorker({ REDIS_URL: redisUrlOf(env.config), REDIS_KEY_PREFIX: env.prefix, ...childEnv });
  await ingest(env, 'freedonia', [{ source: 'a.txt', text: ORIGINAL }]);
  return { env, child };
}

test('SIGTERM: the worker finishes its active job and exits 0; later jobs are left for others, none lost', async () => {
  const { env, child } = await setUp('shutdown', { CHILD_BRIEF_DELAY_MS: '1500', SHUTDOWN_TIMEOUT_MS: '15000' });
  const briefing = env.service.service.brief({ storyId: 'freedonia' });
  await child.waitForLine(/^brief-started$/);
  child.child.kill('SIGTERM');
  await child.waitForLine(/^signal SIGTERM$/);
  // Queued after the signal. The worker takes no new job once closing, though one it was already
  // fetching when the signal came may still be finished before it exits: either way, none is lost.
  const later = await Promise.all(
    [1, 2, 3].map((i) =>
      env.service.queue.add('ingest', { storyId: 'freedonia', articles: [{ source: `late-${i}.txt`, text: `Late report ${i} about steel tariffs.` }] }),
    ),
  );

  const exit = await child.exit;
  assert.equal(exit.code, 0, child.output());
  assert.match(child.output(), /closed timedOut=false/);
  const result = await briefing;
  assert.equal(result.briefing.story, 'freedonia', 'the active job completed');
  const states = await Promise.all(later.map((job) => env.service.queue.jobState(String(job.id))));
  for (const state of states) assert.ok(['waiting', 'prioritized', 'completed'].includes(state), `left ${state}: ${states}`);

  // The next worker picks up whatever was left.
  const next = await spawnChildWorker({ REDIS_URL: redisUrlOf(env.config), REDIS_KEY_PREFIX: env.prefix });
  try {
    await waitFor('the late jobs', async () => {
      const now = await Promise.all(later.map((job) => env.service.queue.jobState(String(job.id))));
      return now.every((state) => state === 'completed');
    });
  } finally {
    next.child.kill('SIGTERM');
    assert.equal((await next.exit).code, 0);
  }
});

test('SIGTERM with a job that outlasts the shutdown timeout: exit anyway, the job is recovered later', async () => {
  const { env, child } = await setUp('shutdown-timeout', {
    CHILD_BRIEF_DELAY_MS: '60000',
    SHUTDOWN_TIMEOUT_MS: '500',
    WORKER_LOCK_DURATION_MS: '1000',
    WORKER_STALLED_INTERVAL_MS: '500',
  });
  const briefing = env.service.service.brief({ storyId: 'freedonia' });
  await child.waitForLine(/^brief-started$/);
  child.child.kill('SIGTERM');
  const exit = await child.exit;
  assert.notEqual(exit.code, 0);
  assert.match(child.output(), /closed timedOut=true/);

  // Another worker (short locks, so recovery is quick) picks the job up.
  const rescuer = await spawnChildWorker({
    REDIS_URL: redisUrlOf(env.config),
    REDIS_KEY_PREFIX: env.prefix,
    WORKER_LOCK_DURATION_MS: '1000',
    WORKER_STALLED_INTERVAL_MS: '500',
  });
  try {
    const result = await briefing;
    assert.equal(result.briefing.story, 'freedonia');
    await waitFor('rescuer briefed', () => /brief-started/.test(rescuer.output()));
  } finally {
    rescuer.child.kill('SIGTERM');
    assert.equal((await rescuer.exit).code, 0);
  }
});

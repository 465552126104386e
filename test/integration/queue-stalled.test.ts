import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { ORIGINAL, REWRITE_A } from '../helpers/engine.ts';
import { startWorker } from '../../src/main.ts';
import {
  type ChildWorker,
  countingEngine,
  FakeDelivery,
  ingest,
  type QueueTestEnv,
  queueTestEnv,
  redisUrlOf,
  silentLogger,
  spawnChildWorker,
} from './queue-harness.ts';

let env: QueueTestEnv | undefined;
let child: ChildWorker | undefined;
afterEach(async () => {
  if (child && child.child.exitCode === null && child.child.signalCode === null) child.child.kill('SIGKILL');
  await child?.exit;
  await env?.close();
  env = child = undefined;
});

// Short locks so a dead worker's job is noticed in about a second instead of 30 s.
const FAST_STALL = { WORKER_LOCK_DURATION_MS: '1000', WORKER_STALLED_INTERVAL_MS: '500' };

test('a job whose worker is killed mid-job is completed by another worker', async () => {
  // The in-process "other" worker starts only after the kill, so the child surely takes the job.
  env = await queueTestEnv('stalled', { workers: 0, env: FAST_STALL });
  child = await spawnChildWorker({
    REDIS_URL: redisUrlOf(env.config),
    REDIS_KEY_PREFIX: env.prefix,
    CHILD_BRIEF_DELAY_MS: '60000',
    ...FAST_STALL,
  });
  await ingest(env, 'freedonia', [
    { source: 'a.txt', text: ORIGINAL },
    { source: 'b.txt', text: REWRITE_A },
  ]);
  const briefing = env.service.service.brief({ storyId: 'freedonia' });
  await child.waitForLine(/^brief-started$/);
  child.child.kill('SIGKILL');
  assert.equal((await child.exit).signal, 'SIGKILL');

  const rescuer = countingEngine();
  env.workers.push(
    await startWorker(env.config, {
      engine: rescuer.engine,
      logger: silentLogger(),
      deliveries: [{ delivery: new FakeDelivery() }],
      withoutOpsServer: true,
    }),
  );
  const started = Date.now();
  const result = await briefing;
  assert.equal(rescuer.runs.brief, 1, 'the second worker computed the briefing');
  assert.equal(result.briefing.articles.length, 2);
  assert.ok(Date.now() - started < 15_000);
  const [job] = await env.service.queue.queue.getJobs(['completed']).then((jobs) => jobs.filter((j) => j.name === 'brief'));
  assert.equal(job?.attemptsStarted, 2, 'started by the killed worker, then by the rescuer');
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { QueueEvents } from 'bullmq';
import { generateArticleSet } from '../../bench/generate.ts';
import { createRedisSummitService } from '../../src/app/create-redis-service.ts';
import { bullConnections } from '../../src/queue/connection.ts';
import { QUEUE_NAME } from '../../src/queue/jobs.ts';
import { createStores } from '../../src/store/stores.ts';
import { cleanPrefix, REDIS_URL, silentLogger, testConfig, testPrefix } from './queue-harness.ts';
import { probeHealth, type SummitWorkerProcess, startSummitWorkerProcess } from './summit-worker-process.ts';

// Large enough that the engine runs for several lock durations on a loaded 2-core machine.
const ARTICLES = 5000;
// A blocked loop could neither renew this lock nor answer /healthz.
const SHORT_LOCK = { WORKER_LOCK_DURATION_MS: '2000', WORKER_STALLED_INTERVAL_MS: '1000' };
const HEALTHZ_LIMIT_MS = 1000;

let prefix: string;
let worker: SummitWorkerProcess | undefined;

before(() => {
  prefix = testPrefix('engine-thread');
});

after(async () => {
  await worker?.stop();
  await cleanPrefix(prefix);
});

test('a long briefing runs off the worker loop: /healthz answers throughout and the job completes once', { timeout: 120_000 }, async () => {
  const config = testConfig(prefix, SHORT_LOCK);
  worker = await startSummitWorkerProcess({ REDIS_URL, REDIS_KEY_PREFIX: prefix, ENGINE_THREADS: '1', ...SHORT_LOCK });
  const handle = await createRedisSummitService(config, { logger: silentLogger() });
  const events = new QueueEvents(QUEUE_NAME, { connection: bullConnections({ kind: 'server', url: REDIS_URL }, 'worker').blocking, prefix: `${prefix}:bull` });
  try {
    const stalled: string[] = [];
    events.on('stalled', ({ jobId }) => stalled.push(jobId));
    await events.waitUntilReady();
    const stores = createStores(handle.redis, prefix, { briefingTtlSeconds: 600 });
    await stores.articles.add('big', generateArticleSet(ARTICLES).inputs);

    const started = performance.now();
    const job = await handle.queue.add('brief', { storyId: 'big' });
    const finished = handle.queue.wait(job, 100_000);
    const latencies = await probeHealth(worker.opsPort, 100, finished);
    const result = await finished;
    const briefMs = performance.now() - started;

    assert.equal(result.computed, true);
    assert.ok(latencies.length >= 10, `probed during the brief (${latencies.length} probes in ${briefMs.toFixed(0)} ms)`);
    const slowest = Math.max(...latencies);
    assert.ok(slowest < HEALTHZ_LIMIT_MS, `/healthz took ${slowest.toFixed(0)} ms at worst during a ${briefMs.toFixed(0)} ms brief`);
    assert.deepEqual(stalled, [], 'the job never stalled');
    const done = await handle.queue.queue.getJob(String(job.id));
    assert.equal(done?.attemptsStarted, 1, 'started once');
    const metrics = await (await fetch(`http://127.0.0.1:${worker.opsPort}/metrics`)).text();
    assert.match(metrics, /^summit_engine_runs_total\{kind="brief"\} 1$/m, 'the engine ran once');
    assert.ok(await stores.articlePages.get((await stores.briefings.get(result.briefingId))?.articles[0]?.id ?? ''), 'article pages written');
    console.log(`${ARTICLES} articles: brief ${briefMs.toFixed(0)} ms, /healthz max ${slowest.toFixed(0)} ms over ${latencies.length} probes`);
  } finally {
    await events.close();
    await handle.close();
  }
});

/**
 * `node bench/engine-thread.ts [articles] [path/to/bin/summit.js]`: one uncached brief of a
 * generated story through a real `summit worker` process on Redis (REDIS_URL), probing /healthz
 * every 100 ms. Prints the brief's time and the slowest /healthz answer. ENGINE_THREADS is passed
 * on (0 = the engine on the worker's loop); another checkout's bin compares before and after.
 */
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { createRedisSummitService } from '../src/app/create-redis-service.ts';
import { loadQueueConfig } from '../src/config/queue.ts';
import { createStores } from '../src/store/stores.ts';
import { BIN, probeHealth, startSummitWorkerProcess } from '../test/integration/summit-worker-process.ts';
import { cleanPrefix } from '../test/integration/queue-harness.ts';
import { generateArticleSet } from './generate.ts';

const articles = Number(process.argv[2] ?? 10_000);
const bin = process.argv[3] ?? BIN;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `summit-bench.${randomUUID().slice(0, 8)}`;
const env = { REDIS_URL, REDIS_KEY_PREFIX: prefix, ...(process.env.ENGINE_THREADS ? { ENGINE_THREADS: process.env.ENGINE_THREADS } : {}) };
const config = loadQueueConfig({ REDIS_URL, REDIS_KEY_PREFIX: prefix, LOG_LEVEL: 'silent', BRIEF_TIMEOUT_MS: '600000' });

const worker = await startSummitWorkerProcess(env, bin);
const handle = await createRedisSummitService(config, { logger: pino({ level: 'silent' }) });
try {
  const stores = createStores(handle.redis, prefix, { briefingTtlSeconds: 600 });
  await stores.articles.add('big', generateArticleSet(articles).inputs);
  const started = performance.now();
  const job = await handle.queue.add('brief', { storyId: 'big' });
  const finished = handle.queue.wait(job, 600_000);
  const failures: string[] = [];
  const latencies = await probeHealth(worker.opsPort, 100, finished, failures);
  await finished;
  const ms = performance.now() - started;
  const done = await handle.queue.queue.getJob(String(job.id));
  const sorted = [...latencies].sort((a, b) => a - b);
  const p50 = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  console.log(
    `${articles} articles, ${bin}, ENGINE_THREADS=${process.env.ENGINE_THREADS ?? 'default'}: brief ${(ms / 1000).toFixed(1)} s, ` +
      `/healthz max ${Math.max(...latencies).toFixed(0)} ms, p50 ${p50.toFixed(0)} ms over ${latencies.length} probes (${failures.length} failed), attempts started ${done?.attemptsStarted}`,
  );
} finally {
  await handle.close();
  await worker.stop();
  await cleanPrefix(prefix, REDIS_URL);
}

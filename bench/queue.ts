/**
 * `npm run bench:queue`: the queue worker against a real Redis (REDIS_URL, default
 * 127.0.0.1:6379), workers run as real `summit worker` processes. Prints a table:
 *   - cached brief round trip (request → result) p50/p95 over 1,000 requests
 *   - uncached brief of the bundled seed set through the queue (first, p50, p95)
 *   - jobs/s (thread answers on the seed set) with 1 and 2 worker processes
 * Everything lives under a fresh key prefix that is deleted afterwards.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { createRedisSummitService } from '../src/app/create-redis-service.ts';
import { BUNDLED_SET } from '../src/cli/article-set.ts';
import { loadQueueConfig } from '../src/config/queue.ts';
import { readArticles } from '../src/ingest/read-articles.ts';
import { enqueueIngest, waitForIngest } from '../src/queue/ingest-client.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `summit-bench.${randomUUID().slice(0, 8)}`;
const workerEnv = { ...process.env, REDIS_URL, REDIS_KEY_PREFIX: prefix, LOG_LEVEL: 'info', SEED_ARTICLES: 'none', OPS_PORT: '0', OPS_HOST: '127.0.0.1' };
const config = loadQueueConfig({ REDIS_URL, REDIS_KEY_PREFIX: prefix, LOG_LEVEL: 'silent', BRIEF_TIMEOUT_MS: '120000' });
const CACHED_REQUESTS = 1000;
const UNCACHED_STORIES = 10;
const THROUGHPUT_JOBS = 600;

const rows: [string, string][] = [];
const workers: ChildProcess[] = [];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

async function startWorkers(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const child = spawn(process.execPath, ['bin/summit.js', 'worker'], { cwd: REPO, env: workerEnv, stdio: ['ignore', 'pipe', 'inherit'] });
    workers.push(child);
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        if (out.includes('ops server listening')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`worker exited (${code}) before it was ready:\n${out}`)));
    });
  }
}

async function stopWorkers(): Promise<void> {
  await Promise.all(
    workers.splice(0).map(
      (child) =>
        new Promise((resolve) => {
          child.once('exit', resolve);
          child.kill('SIGTERM');
        }),
    ),
  );
}

async function cleanup(): Promise<void> {
  const redis = new Redis(REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}

const handle = await createRedisSummitService(config, { logger: pino({ level: 'silent' }) });
const { service, queue } = handle;
try {
  const { articles } = await readArticles(BUNDLED_SET);
  await startWorkers(1);

  // Uncached: each story holds the seed set, so every first brief runs the engine on a worker.
  const uncached: number[] = [];
  for (let i = 0; i < UNCACHED_STORIES; i++) {
    await waitForIngest(queue, await enqueueIngest(queue, `bench-${i}`, articles), 60_000);
    const started = performance.now();
    await service.brief({ storyId: `bench-${i}` });
    uncached.push(performance.now() - started);
  }
  const first = uncached[0] ?? Number.NaN;
  const warm = uncached.slice(1).sort((a, b) => a - b);
  rows.push(['uncached brief, seed set, first (cold worker)', ms(first)]);
  rows.push([`uncached brief, seed set, p50 / p95 (n=${warm.length})`, `${ms(percentile(warm, 50))} / ${ms(percentile(warm, 95))}`]);

  // Cached: request → result for a briefing already in the cache.
  const cached: number[] = [];
  for (let i = 0; i < CACHED_REQUESTS; i++) {
    const started = performance.now();
    await service.brief({ storyId: 'bench-0' });
    cached.push(performance.now() - started);
  }
  cached.sort((a, b) => a - b);
  rows.push([`cached brief round trip, p50 / p95 (n=${CACHED_REQUESTS})`, `${ms(percentile(cached, 50))} / ${ms(percentile(cached, 95))}`]);

  // Throughput: thread answers on the seed set (light engine work plus Redis round trips).
  for (const count of [1, 2]) {
    await stopWorkers();
    await startWorkers(count);
    const answer = (i: number) => ({
      name: 'answer',
      data: { threadId: `bench:${i}`, storyId: 'bench-0', question: 'What will Japan buy from the United States?' },
      opts: { removeOnComplete: { count: 10_000 }, removeOnFail: { count: 10_000 } },
    });
    // Warm-up: every worker analyses the set once before timing.
    const warmUp = await queue.queue.addBulk(Array.from({ length: count * 8 }, (_, i) => answer(i)));
    await Promise.all(warmUp.map((job) => queue.wait(job as never, 60_000)));
    const started = performance.now();
    const jobs = await queue.queue.addBulk(Array.from({ length: THROUGHPUT_JOBS }, (_, i) => answer(i)));
    await Promise.all(jobs.map((job) => queue.wait(job as never, 120_000)));
    const seconds = (performance.now() - started) / 1000;
    rows.push([`jobs/s, ${count} worker process${count > 1 ? 'es' : ''} (${THROUGHPUT_JOBS} answers, concurrency ${config.concurrency})`, `${(THROUGHPUT_JOBS / seconds).toFixed(0)}`]);
  }
} finally {
  await stopWorkers();
  await handle.close();
  await cleanup();
}

const width = Math.max(...rows.map(([label]) => label.length));
process.stdout.write(`summit queue bench — Redis ${REDIS_URL}, ${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}\n\n`);
process.stdout.write(`${'measure'.padEnd(width)}  result\n${'-'.repeat(width)}  ------\n`);
for (const [label, value] of rows) process.stdout.write(`${label.padEnd(width)}  ${value}\n`);

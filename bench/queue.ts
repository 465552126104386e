/**
 * `npm run bench:queue`: the queue worker against a real Redis (REDIS_URL, REDIS_CLUSTER_NODES
 * or REDIS_SENTINELS as for the worker; default 127.0.0.1:6379), workers run as real
 * `summit worker` processes. Prints a table:
 *   - uncached brief of the bundled seed set through the queue (first, p50, p95), 1 worker
 *   - per worker count (1 and 2 processes): cached brief round trip (request → result) p50/p95
 *     over 1,000 requests, and asks per second (thread questions through `service.ask`, as the
 *     chat adapters send them, 32 in flight)
 * Everything lives under a fresh key prefix that is deleted afterwards.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Cluster } from 'ioredis';
import { pino } from 'pino';
import { createRedisSummitService } from '../src/app/create-redis-service.ts';
import { BUNDLED_SET } from '../src/cli/article-set.ts';
import { loadQueueConfig } from '../src/config/queue.ts';
import { describeRedisTarget } from '../src/config/redis.ts';
import { readArticles } from '../src/ingest/read-articles.ts';
import { closeRedis, storeRedis } from '../src/queue/connection.ts';
import { enqueueIngest, waitForIngest } from '../src/queue/ingest-client.ts';
import type { RedisClient } from '../src/store/redis-client.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const prefix = `summit-bench.${randomUUID().slice(0, 8)}`;
const workerEnv = { ...process.env, REDIS_KEY_PREFIX: prefix, LOG_LEVEL: 'info', SEED_ARTICLES: 'none', OPS_PORT: '0', OPS_HOST: '127.0.0.1' };
const config = loadQueueConfig({ ...process.env, REDIS_KEY_PREFIX: prefix, LOG_LEVEL: 'silent', BRIEF_TIMEOUT_MS: '120000' });
const CACHED_REQUESTS = 1000;
const UNCACHED_STORIES = 10;
const ASKS = 600;
const ASKS_IN_FLIGHT = 32;
const QUESTION = 'What will Japan buy from the United States?';

const rows: string[][] = [];
let uncachedLine = '';
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

/** Deletes the bench's keys (SCAN on every primary of a cluster; never KEYS or FLUSH). */
async function cleanup(): Promise<void> {
  const client = storeRedis(config.redis, 'producer', 'summit-bench-cleanup');
  await client.ping(); // a cluster knows its primaries once connected
  const nodes: RedisClient[] = client.isCluster ? (client as Cluster).nodes('master') : [client];
  for (const pattern of [`${prefix}:*`, `{${prefix}-bull}:*`]) {
    for (const node of nodes) {
      let cursor = '0';
      do {
        const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        // One DEL per key: on a cluster a multi-key DEL must stay within a slot.
        await Promise.all(keys.map((key) => client.del(key)));
        cursor = next;
      } while (cursor !== '0');
    }
  }
  await closeRedis(client);
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
  uncachedLine = `uncached brief, seed set, 1 worker: first (cold) ${ms(first)}, p50 ${ms(percentile(warm, 50))}, p95 ${ms(percentile(warm, 95))} (n=${warm.length})`;

  for (const count of [1, 2]) {
    if (count > 1) {
      await stopWorkers();
      await startWorkers(count);
    }
    // Warm-up: every worker analyses the set once, and every connection is open, before timing.
    await Promise.all(Array.from({ length: count * 8 }, (_, i) => service.ask({ threadId: `bench:warm:${count}:${i}`, storyId: 'bench-0', question: QUESTION })));

    // Cached: request → result for a briefing already in the cache (two Redis reads, no job).
    const cached: number[] = [];
    for (let i = 0; i < CACHED_REQUESTS; i++) {
      const started = performance.now();
      await service.brief({ storyId: 'bench-0' });
      cached.push(performance.now() - started);
    }
    cached.sort((a, b) => a - b);

    // Asks: thread questions through the queue, as chat sends them, ASKS_IN_FLIGHT at a time.
    let next = 0;
    const asker = async () => {
      for (let i = next++; i < ASKS; i = next++) await service.ask({ threadId: `bench:${count}:${i % 50}`, storyId: 'bench-0', question: QUESTION });
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: ASKS_IN_FLIGHT }, asker));
    const seconds = (performance.now() - started) / 1000;
    rows.push([
      `${count} worker process${count > 1 ? 'es' : ''}`,
      ms(percentile(cached, 50)),
      ms(percentile(cached, 95)),
      (ASKS / seconds).toFixed(0),
    ]);
  }
} finally {
  await stopWorkers();
  await handle.close();
  await cleanup();
}

const header = ['workers', `cached brief p50 (n=${CACHED_REQUESTS})`, 'cached brief p95', `asks/s (${ASKS}, ${ASKS_IN_FLIGHT} in flight, concurrency ${config.concurrency})`];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |\n`;
process.stdout.write(`summit queue bench — Redis ${describeRedisTarget(config.redis)}, ${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}\n\n`);
process.stdout.write(`${uncachedLine}\n\n`);
process.stdout.write(line(header) + line(widths.map((w) => '-'.repeat(w))) + rows.map(line).join(''));

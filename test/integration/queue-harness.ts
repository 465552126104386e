/**
 * Shared set-up for the queue and store tests: a fresh key prefix per test on the real Redis
 * (REDIS_URL, default 127.0.0.1:6379), an engine that counts its runs, a fake ChatDelivery, and
 * cleanup of every key under the prefix afterwards. Never FLUSHALL: other suites share Redis.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { type BriefingEngine, offlineEngine } from '../../src/app/briefing-engine.ts';
import { createRedisSummitService } from '../../src/app/create-redis-service.ts';
import type { ChatDelivery } from '../../src/app/summit-service.ts';
import { loadQueueConfig, type QueueConfig } from '../../src/config/queue.ts';
import type { ArticleInput, Digest, Subscription, Topic } from '../../src/core/types.ts';
import { englishWords } from '../../src/lexicon/english-words.ts';
import { type RunningWorker, startWorker } from '../../src/main.ts';
import { enqueueIngest, waitForIngest } from '../../src/queue/ingest-client.ts';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export const TOPICS: Topic[] = [
  { id: 'economy', label: 'Economy', description: '', terms: ['tariff', 'trade', 'budget', 'factory', 'jobs', 'steel'] },
  { id: 'security', label: 'Security', description: '', terms: ['army', 'military', 'troops', 'missile'] },
];

/** The REDIS_URL of a single-server test config (these tests never run on a cluster). */
export function redisUrlOf(config: QueueConfig): string {
  if (config.redis.kind !== 'server') throw new Error(`expected a REDIS_URL config, got ${config.redis.kind}`);
  return config.redis.url;
}

export const silentLogger = () => pino({ level: 'silent' });

export function testPrefix(name: string): string {
  return `summit-test.${name}.${randomUUID().slice(0, 8)}`;
}

export function testConfig(prefix: string, env: Record<string, string> = {}): QueueConfig {
  return loadQueueConfig({
    REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    LOG_LEVEL: 'silent',
    SEED_ARTICLES: 'none',
    OPS_PORT: '0',
    BRIEF_TIMEOUT_MS: '20000',
    SHUTDOWN_TIMEOUT_MS: '10000',
    DELIVERY_BACKOFF_MS: '100',
    DELIVERY_ATTEMPTS: '3',
    ...env,
  });
}

/** Deletes every key under the prefix (SCAN, never KEYS or FLUSH). */
export async function cleanPrefix(prefix: string, url = REDIS_URL): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, retryStrategy: () => null });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export interface EngineRuns {
  analyse: number;
  brief: number;
  answer: number;
}

/** The offline engine with run counters and an optional delay per briefing (to widen races). */
export function countingEngine(options: { briefDelayMs?: number; now?: () => Date } = {}) {
  const base = offlineEngine({ topics: TOPICS, dictionary: englishWords(), now: options.now ?? (() => new Date('2026-03-01T07:00:00Z')) });
  const runs: EngineRuns = { analyse: 0, brief: 0, answer: 0 };
  const engine: BriefingEngine = {
    ...base,
    analyse: (storyId, articles) => {
      runs.analyse++;
      return base.analyse(storyId, articles);
    },
    brief: async (analysis, request) => {
      runs.brief++;
      if (options.briefDelayMs) await sleep(options.briefDelayMs);
      return base.brief(analysis, request);
    },
    answer: async (analysis, question, turns) => {
      runs.answer++;
      return base.answer(analysis, question, turns);
    },
  };
  return { engine, runs };
}

/** A ChatDelivery that records posts and fails on demand (it is our own port). */
export class FakeDelivery implements ChatDelivery {
  readonly platform: Subscription['platform'];
  readonly posts: { channelId: string; digest: Digest; threadId: string }[] = [];
  failures: Error[] = [];
  delayMs = 0;
  attempts = 0;

  constructor(platform: Subscription['platform'] = 'slack') {
    this.platform = platform;
  }

  async postDigest(subscription: Subscription, digest: Digest): Promise<{ threadId: string }> {
    this.attempts++;
    if (this.delayMs) await sleep(this.delayMs);
    const failure = this.failures.shift();
    if (failure) throw failure;
    const threadId = `${this.platform}:${subscription.channelId}:${1_700_000_000 + this.posts.length}.0001`;
    this.posts.push({ channelId: subscription.channelId, digest, threadId });
    return { threadId };
  }
}

export const subscription = (change: Partial<Subscription> = {}): Subscription => ({
  platform: 'slack',
  workspaceId: 'T1',
  channelId: 'C1',
  storyId: 'freedonia',
  time: '08:30',
  timeZone: 'Europe/Berlin',
  topics: [],
  createdBy: 'U1',
  ...change,
});

export interface QueueTestEnv {
  prefix: string;
  config: QueueConfig;
  runs: EngineRuns;
  delivery: FakeDelivery;
  workers: RunningWorker[];
  service: Awaited<ReturnType<typeof createRedisSummitService>>;
  close(): Promise<void>;
}

/** A service and `workers` in-process workers on a fresh prefix, with a counting engine. */
export async function queueTestEnv(
  name: string,
  options: { workers?: number; env?: Record<string, string>; briefDelayMs?: number; now?: () => Date } = {},
): Promise<QueueTestEnv> {
  const prefix = testPrefix(name);
  const config = testConfig(prefix, options.env);
  const { engine, runs } = countingEngine({
    ...(options.briefDelayMs ? { briefDelayMs: options.briefDelayMs } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const delivery = new FakeDelivery();
  const workers: RunningWorker[] = [];
  for (let i = 0; i < (options.workers ?? 1); i++) {
    workers.push(
      await startWorker(config, {
        engine,
        logger: silentLogger(),
        deliveries: [{ delivery }],
        withoutOpsServer: true,
        ...(options.now ? { now: options.now } : {}),
      }),
    );
  }
  const service = await createRedisSummitService(config, { engine, logger: silentLogger() });
  return {
    prefix: config.keyPrefix,
    config,
    runs,
    delivery,
    workers,
    service,
    async close() {
      await service.close();
      for (const w of workers) await w.close();
      // Cluster and Sentinel tests run on servers of their own, which they throw away.
      if (config.redis.kind === 'server') await cleanPrefix(config.keyPrefix, config.redis.url);
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until the check returns a value other than undefined/false, or fails after the timeout. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

/** Adds articles through ingest jobs, as `summit ingest` does, and waits for the worker. */
export async function ingest(env: QueueTestEnv, storyId: string, articles: ArticleInput[]) {
  const jobs = await enqueueIngest(env.service.queue, storyId, articles);
  return waitForIngest(env.service.queue, jobs, 15_000);
}

export interface ChildWorker {
  child: ChildProcess;
  /** Resolves when the child printed a line matching the pattern. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

/** Starts queue-child-worker.ts with the given environment; resolves once it is taking jobs. */
export async function spawnChildWorker(env: Record<string, string>): Promise<ChildWorker> {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./queue-child-worker.ts', import.meta.url))], {
    env: { ...process.env, LOG_LEVEL: 'silent', SEED_ARTICLES: 'none', OPS_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const lineWaiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const line of chunk.split('\n')) {
      for (const w of lineWaiters.filter((w) => w.pattern.test(line))) {
        lineWaiters.splice(lineWaiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const worker: ChildWorker = {
    child,
    exit,
    output: () => `stdout:\n${stdout}\nstderr:\n${stderr}`,
    waitForLine(pattern, timeoutMs = 20_000) {
      const seen = stdout.split('\n').find((l) => pattern.test(l));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`child never printed ${pattern}\n${worker.output()}`)), timeoutMs);
        lineWaiters.push({
          pattern,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
        void exit.then(() => {
          clearTimeout(timer);
          reject(new Error(`child exited before printing ${pattern}\n${worker.output()}`));
        });
      });
    },
  };
  await worker.waitForLine(/^ready$/);
  return worker;
}

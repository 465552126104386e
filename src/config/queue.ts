import { z } from 'zod';
import { type LlmConfig, loadLlmConfig } from './llm.ts';
import { blankAsUnset, ConfigError, int, parseEnv } from './parse-env.ts';
import { loadRedisTarget, type RedisTarget } from './redis.ts';

/** Environment of the queue worker and of every process that talks to it (chat adapters, CLI). */
export const QueueEnvSchema = z.object({
  /** Namespaces every key (store and BullMQ). On Redis Cluster summit adds its own hash tags. */
  REDIS_KEY_PREFIX: blankAsUnset(
    z
      .string()
      .regex(/^[A-Za-z0-9_{}.-]{1,64}$/, 'letters, digits, "_", "-", ".", "{", "}" only (max 64)')
      .default('summit'),
  ),
  WORKER_CONCURRENCY: blankAsUnset(int(1, 256).default(4)),
  /** Threads the engine (analysis, offline briefs and answers) runs on, off the worker's event loop; 0 = on it. */
  ENGINE_THREADS: blankAsUnset(int(0, 64).default(1)),
  /** Port of the ops HTTP server (/healthz, /metrics, Bull Board); 0 picks a free port. */
  OPS_PORT: blankAsUnset(int(0, 65535).default(9090)),
  OPS_HOST: blankAsUnset(z.string().default('0.0.0.0')),
  /** Guards Bull Board; without it the board is disabled. */
  ADMIN_TOKEN: blankAsUnset(z.string().min(16, 'must be at least 16 characters').optional()),
  LOG_LEVEL: blankAsUnset(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  DEFAULT_STORY: blankAsUnset(
    z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, "_", "-", "." only (max 64)')
      .default('summit-2025'),
  ),
  /** Articles seeded into the default story when it is empty; "none" disables seeding. */
  SEED_ARTICLES: blankAsUnset(z.string().optional()),
  TOPICS_FILE: blankAsUnset(z.string().optional()),
  /** How long a chat request waits for a queued briefing or answer. */
  BRIEF_TIMEOUT_MS: blankAsUnset(int(1000, 600_000).default(60_000)),
  /** On SIGTERM, how long active jobs may run before the worker exits anyway. */
  SHUTDOWN_TIMEOUT_MS: blankAsUnset(int(0, 600_000).default(20_000)),
  WORKER_LOCK_DURATION_MS: blankAsUnset(int(500, 600_000).default(30_000)),
  WORKER_STALLED_INTERVAL_MS: blankAsUnset(int(500, 600_000).default(30_000)),
  DELIVERY_ATTEMPTS: blankAsUnset(int(1, 50).default(8)),
  /** First retry delay of a failed delivery; doubles on each attempt. */
  DELIVERY_BACKOFF_MS: blankAsUnset(int(100, 3_600_000).default(10_000)),
  BRIEFING_TTL_DAYS: blankAsUnset(int(1, 3650).default(30)),
  /** How often each feed or page source is polled (its job scheduler's interval). */
  SOURCE_POLL_MINUTES: blankAsUnset(int(1, 7 * 24 * 60).default(15)),
});

export interface QueueConfig {
  /** REDIS_URL, REDIS_CLUSTER_NODES or REDIS_SENTINELS (config/redis.ts). */
  redis: RedisTarget;
  keyPrefix: string;
  concurrency: number;
  /** Engine threads; 0 runs the engine on the worker's own event loop (blocking it while it runs). */
  engineThreads: number;
  ops: { port: number; host: string; adminToken?: string };
  logLevel: z.infer<typeof QueueEnvSchema>['LOG_LEVEL'];
  defaultStory: string;
  /** Undefined: the bundled set. Null: seeding disabled. */
  seedArticles: string | null | undefined;
  topicsFile?: string;
  briefTimeoutMs: number;
  shutdownTimeoutMs: number;
  lockDurationMs: number;
  stalledIntervalMs: number;
  deliveryAttempts: number;
  deliveryBackoffMs: number;
  briefingTtlSeconds: number;
  sourcePollEveryMs: number;
  /** LLM settings (engine choice, OpenAI-compatible server); offline when absent. */
  llm?: LlmConfig;
}

/** Reads and validates the queue settings once; throws ConfigError naming each bad variable. */
export function loadQueueConfig(env: Record<string, string | undefined>): QueueConfig {
  const [e, redis] = bothOrConfigError(
    () => parseEnv(QueueEnvSchema, env),
    () => loadRedisTarget(env),
  );
  if (redis.kind === 'cluster' && /[{}]/.test(e.REDIS_KEY_PREFIX)) {
    // A tag in the prefix would put every key in one slot; summit tags each story's keys itself.
    throw new ConfigError([
      { variable: 'REDIS_KEY_PREFIX', message: 'no "{" or "}" with REDIS_CLUSTER_NODES: summit adds its own hash tags (per story, per thread, …)' },
    ]);
  }
  const llm = loadLlmConfig(env);
  return {
    llm,
    redis,
    keyPrefix: e.REDIS_KEY_PREFIX,
    concurrency: e.WORKER_CONCURRENCY,
    engineThreads: e.ENGINE_THREADS,
    ops: { port: e.OPS_PORT, host: e.OPS_HOST, ...(e.ADMIN_TOKEN ? { adminToken: e.ADMIN_TOKEN } : {}) },
    logLevel: e.LOG_LEVEL,
    defaultStory: e.DEFAULT_STORY,
    seedArticles: e.SEED_ARTICLES === 'none' ? null : e.SEED_ARTICLES,
    ...(e.TOPICS_FILE ? { topicsFile: e.TOPICS_FILE } : {}),
    briefTimeoutMs: e.BRIEF_TIMEOUT_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    lockDurationMs: e.WORKER_LOCK_DURATION_MS,
    stalledIntervalMs: e.WORKER_STALLED_INTERVAL_MS,
    deliveryAttempts: e.DELIVERY_ATTEMPTS,
    deliveryBackoffMs: e.DELIVERY_BACKOFF_MS,
    briefingTtlSeconds: e.BRIEFING_TTL_DAYS * 86_400,
    sourcePollEveryMs: e.SOURCE_POLL_MINUTES * 60_000,
  };
}

/** Runs both loaders; when either fails, one ConfigError names the variables of both. */
function bothOrConfigError<A, B>(first: () => A, second: () => B): [A, B] {
  const problems: ConfigError[] = [];
  const attempt = <T>(load: () => T): T | undefined => {
    try {
      return load();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(error);
      return undefined;
    }
  };
  const a = attempt(first);
  const b = attempt(second);
  if (problems.length > 0) throw new ConfigError(problems.flatMap((p) => p.problems));
  return [a as A, b as B];
}

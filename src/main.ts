import type { Worker } from 'bullmq';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import type { BriefingEngine } from './app/briefing-engine.ts';
import { Briefings } from './app/briefings.ts';
import { createEngineRunner } from './app/create-engine-runner.ts';
import type { DeliveryProvider } from './app/delivery-provider.ts';
import { DeliveryRegistry } from './app/delivery-registry.ts';
import { InlineEngineRunner } from './app/inline-engine-runner.ts';
import { seedDefaultStory } from './app/seed.ts';
import type { QueueConfig } from './config/queue.ts';
import { describeRedisTarget } from './config/redis.ts';
import { createLogger } from './ops/logger.ts';
import { createLlmMetrics } from './ops/llm-metrics.ts';
import { createWorkerMetrics } from './ops/metrics.ts';
import { type OpsServer, startOpsServer } from './ops/server.ts';
import { bullConnections, closeRedis, storeRedis } from './queue/connection.ts';
import { SummitQueue } from './queue/summit-queue.ts';
import type { Fetcher } from './sources/collect.ts';
import { createSummitWorker } from './queue/worker.ts';
import { createStores, type Stores } from './store/stores.ts';

export interface WorkerOptions {
  deliveries?: DeliveryProvider[];
  /** Runs on the worker's own loop (tests that count engine runs); default: the configured engine on ENGINE_THREADS threads. */
  engine?: BriefingEngine;
  logger?: Logger;
  now?: () => Date;
  /** Skip the ops HTTP server (tests that run several workers in one process). */
  withoutOpsServer?: boolean;
  /** Polling feed and page sources; without it poll jobs fail with a reason and no schedulers are set. */
  sources?: { fetcher: Fetcher; maxItemsPerPoll: number };
}

export interface RunningWorker {
  worker: Worker;
  queue: SummitQueue;
  stores: Stores;
  logger: Logger;
  opsPort?: number;
  /** Stops taking jobs, waits up to the shutdown timeout for active ones, closes connections. */
  close(): Promise<{ timedOut: boolean }>;
}

/** Composition root of `summit worker`: store, queue, processors, schedulers, seed, ops server. */
export async function startWorker(config: QueueConfig, options: WorkerOptions = {}): Promise<RunningWorker> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const now = options.now ?? (() => new Date());
  // The engine first: a bad topics file or LLM setting fails before any connection is opened.
  const registry = new Registry();
  const engine = options.engine
    ? new InlineEngineRunner(options.engine)
    : await createEngineRunner(config, { logger, metrics: createLlmMetrics(registry), now });
  const redis = storeRedis(config.redis, 'worker', 'summit-worker-store');
  redis.on('error', (error) => logger.warn({ err: error }, 'store connection error (reconnecting)'));
  const stores = createStores(redis, config.keyPrefix, { briefingTtlSeconds: config.briefingTtlSeconds });
  const connections = bullConnections(config.redis, 'worker');
  const queue = new SummitQueue({
    connections,
    prefix: stores.keys.bull(),
    deliveryAttempts: config.deliveryAttempts,
    deliveryBackoffMs: config.deliveryBackoffMs,
    onError: (error) => logger.warn({ err: error }, 'queue connection error (reconnecting)'),
  });
  const providers = options.deliveries ?? [];
  const deliveries = new DeliveryRegistry(providers.map((p) => p.delivery));
  const metrics = createWorkerMetrics(queue.queue, stores.counters, registry);
  const briefings = new Briefings({
    articles: stores.articles,
    cache: stores.briefings,
    runner: engine,
    pages: stores.articlePages,
    stories: stores.stories,
  });

  const worker = createSummitWorker(
    {
      connection: connections.blocking,
      prefix: stores.keys.bull(),
      concurrency: config.concurrency,
      lockDurationMs: config.lockDurationMs,
      stalledIntervalMs: config.stalledIntervalMs,
    },
    { stores, briefings, deliveries, queue, logger, metrics: metrics.processor, now, ...(options.sources ? { sources: options.sources } : {}) },
    metrics.jobs,
  );
  await worker.waitUntilReady();
  logger.info(
    {
      concurrency: config.concurrency,
      engineThreads: options.engine ? 0 : config.engineThreads,
      deliveries: deliveries.platforms(),
      engine: engine.engine,
      redis: describeRedisTarget(config.redis),
    },
    'worker started',
  );
  if (deliveries.platforms().length === 0) {
    logger.warn('no chat platform configured: digests are built but their deliveries wait in the failed set');
  }

  // Schedulers live in Redis next to the subscriptions; re-upserting is idempotent and repairs
  // any subscription whose scheduler went missing.
  for (const record of await stores.subscriptions.all()) await queue.upsertDigestScheduler(record);
  // Same for sources, which also applies a changed SOURCE_POLL_MINUTES.
  if (options.sources) {
    for (const { source } of await stores.sources.all()) await queue.upsertSourceScheduler(source.id, config.sourcePollEveryMs);
  }
  await seedDefaultStory({ articles: stores.articles, queue, logger }, config.defaultStory, config.seedArticles);

  let ops: OpsServer | undefined;
  let healthRedis: typeof redis | undefined;
  if (!options.withoutOpsServer) {
    // Its own connection: a PING queued behind a large briefing or page write would time out.
    healthRedis = storeRedis(config.redis, 'producer', 'summit-worker-health');
    healthRedis.on('error', () => {}); // reported by /healthz itself
    ops = await startOpsServer({
      port: config.ops.port,
      host: config.ops.host,
      ...(config.ops.adminToken ? { adminToken: config.ops.adminToken } : {}),
      redis: healthRedis,
      workerRunning: () => worker.isRunning() && !worker.closing,
      registry: metrics.registry,
      queues: [queue.queue],
      logger,
    });
  }

  return {
    worker,
    queue,
    stores,
    logger,
    ...(ops ? { opsPort: ops.port } : {}),
    async close() {
      logger.info({ timeoutMs: config.shutdownTimeoutMs }, 'shutting down: no new jobs; waiting for active ones');
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        worker.close().then(() => false),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(true), config.shutdownTimeoutMs);
        }),
      ]);
      clearTimeout(timer);
      if (timedOut) {
        // Their locks lapse and another worker's stalled check takes them over.
        logger.warn('active jobs did not finish in time; leaving them to be recovered by another worker');
      }
      await ops?.close();
      await queue.close();
      // After the jobs: an engine call still running when the timeout passed fails its job here.
      await engine.close();
      for (const p of providers) await p.close?.().catch((error) => logger.warn({ err: error }, 'delivery close failed'));
      await closeRedis(redis);
      if (healthRedis) await closeRedis(healthRedis);
      logger.info({ timedOut }, 'worker stopped');
      return { timedOut };
    },
  };
}

/**
 * Runs until SIGTERM or SIGINT, then shuts the worker down gracefully. If active jobs outlast
 * the shutdown timeout the process exits at once (their own timers would keep it alive); their
 * locks lapse and another worker's stalled-job check takes them over. A second signal exits at once.
 */
export async function serveUntilSignal(
  running: RunningWorker,
  hooks: { onSignal?(signal: NodeJS.Signals): void; onClosed?(result: { timedOut: boolean }): void } = {},
): Promise<void> {
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  running.logger.info({ signal }, 'signal received');
  hooks.onSignal?.(signal);
  const now = () => process.exit(1);
  process.once('SIGTERM', now);
  process.once('SIGINT', now);
  const result = await running.close();
  process.off('SIGTERM', now);
  process.off('SIGINT', now);
  hooks.onClosed?.(result);
  if (result.timedOut) process.exit(1);
}

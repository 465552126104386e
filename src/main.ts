import type { Worker } from 'bullmq';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import { AnalysisCache } from './app/analysis-cache.ts';
import type { BriefingEngine } from './app/briefing-engine.ts';
import { Briefings } from './app/briefings.ts';
import type { DeliveryProvider } from './app/delivery-provider.ts';
import { createEngine } from './app/default-engine.ts';
import { DeliveryRegistry } from './app/delivery-registry.ts';
import { seedDefaultStory } from './app/seed.ts';
import type { QueueConfig } from './config/queue.ts';
import { createLogger } from './ops/logger.ts';
import { createLlmMetrics } from './ops/llm-metrics.ts';
import { createWorkerMetrics } from './ops/metrics.ts';
import { type OpsServer, startOpsServer } from './ops/server.ts';
import { bullConnection, storeRedis } from './queue/connection.ts';
import { SummitQueue } from './queue/summit-queue.ts';
import type { Fetcher } from './sources/collect.ts';
import { createSummitWorker } from './queue/worker.ts';
import { createStores, type Stores } from './store/stores.ts';

export interface WorkerOptions {
  deliveries?: DeliveryProvider[];
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
  const engine =
    options.engine ?? (await createEngine(config, now, { logger, metrics: createLlmMetrics(registry) }));
  const redis = storeRedis(config.redisUrl, 'worker', 'summit-worker-store');
  redis.on('error', (error) => logger.warn({ err: error }, 'store connection error (reconnecting)'));
  const stores = createStores(redis, config.keyPrefix, { briefingTtlSeconds: config.briefingTtlSeconds });
  const connection = bullConnection(config.redisUrl, 'worker');
  const queue = new SummitQueue({
    connection,
    prefix: stores.keys.bull(),
    deliveryAttempts: config.deliveryAttempts,
    deliveryBackoffMs: config.deliveryBackoffMs,
    onError: (error) => logger.warn({ err: error }, 'queue connection error (reconnecting)'),
  });
  const providers = options.deliveries ?? [];
  const deliveries = new DeliveryRegistry(providers.map((p) => p.delivery));
  const metrics = createWorkerMetrics(queue.queue, stores.counters, registry);
  const briefings = new Briefings({ articles: stores.articles, cache: stores.briefings, engine, analyses: new AnalysisCache(), pages: stores.articlePages, stories: stores.stories });

  const worker = createSummitWorker(
    {
      connection,
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
    { concurrency: config.concurrency, deliveries: deliveries.platforms(), engine: engine.engine },
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
  if (!options.withoutOpsServer) {
    ops = await startOpsServer({
      port: config.ops.port,
      host: config.ops.host,
      ...(config.ops.adminToken ? { adminToken: config.ops.adminToken } : {}),
      redis,
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
      for (const p of providers) await p.close?.().catch((error) => logger.warn({ err: error }, 'delivery close failed'));
      await redis.quit().catch(() => redis.disconnect());
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

import type { Logger } from 'pino';
import type { QueueConfig } from '../config/queue.ts';
import { createLogger } from '../ops/logger.ts';
import { bullConnections, closeRedis, storeRedis } from '../queue/connection.ts';
import { SummitQueue } from '../queue/summit-queue.ts';
import { createStores } from '../store/stores.ts';
import type { BriefingEngine } from './briefing-engine.ts';
import { createEngine } from './default-engine.ts';
import { RedisSummitService, type RedisServiceHandle } from './redis-service.ts';

/**
 * Builds the Redis-backed SummitService from config, for the chat adapters' processes
 * (`summit slack`, `summit discord`). Call `close()` on shutdown.
 */
export async function createRedisSummitService(
  config: QueueConfig,
  options: { engine?: BriefingEngine; now?: () => Date; logger?: Logger } = {},
): Promise<RedisServiceHandle> {
  const engine = options.engine ?? (await createEngine(config));
  const logger = options.logger ?? createLogger(config.logLevel, 'summit-service');
  const redis = storeRedis(config.redis, 'producer', 'summit-service');
  // Without listeners ioredis prints every failed reconnect; requests still fail with their own errors.
  redis.on('error', (error) => logger.warn({ err: error }, 'store connection error (reconnecting)'));
  const stores = createStores(redis, config.keyPrefix, { briefingTtlSeconds: config.briefingTtlSeconds });
  const queue = new SummitQueue({
    connections: bullConnections(config.redis, 'producer'),
    prefix: stores.keys.bull(),
    deliveryAttempts: config.deliveryAttempts,
    deliveryBackoffMs: config.deliveryBackoffMs,
    onError: (error) => logger.warn({ err: error }, 'queue connection error (reconnecting)'),
  });
  const service = new RedisSummitService({
    stores,
    queue,
    topics: engine.topics,
    engine: { engine: engine.engine, generator: engine.generator },
    defaultStory: config.defaultStory,
    timeoutMs: config.briefTimeoutMs,
    sourcePollEveryMs: config.sourcePollEveryMs,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    service,
    redis,
    queue,
    async close() {
      await queue.close();
      await closeRedis(redis);
    },
  };
}

import type { ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';

type Role = 'worker' | 'producer';

/**
 * Retry rules by role. Workers and QueueEvents block on Redis and must wait out a restart
 * (BullMQ forces `maxRetriesPerRequest: null` for them); producers in chat adapters fail fast
 * instead, so a user hears "try again" rather than waiting on a dead Redis.
 */
function retryOptions(role: Role) {
  return {
    maxRetriesPerRequest: role === 'worker' ? null : 3,
    // Reconnect quickly at first, then every 2 s at most, forever.
    retryStrategy: (times: number) => Math.min(100 * 2 ** Math.min(times, 5), 2000),
  };
}

/** Connection settings for BullMQ. */
export function bullConnection(redisUrl: string, role: Role): ConnectionOptions {
  return { url: redisUrl, ...retryOptions(role) };
}

/** An ioredis client for the store, with the same retry rules as the queue connections of its role. */
export function storeRedis(redisUrl: string, role: Role, name: string): Redis {
  return new Redis(redisUrl, { connectionName: name, ...retryOptions(role) });
}

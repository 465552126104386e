import type { RedisOptions as BullRedisOptions, ConnectionOptions } from 'bullmq';
import { Cluster, type ClusterOptions, Redis, type RedisOptions } from 'ioredis';
import type { RedisAuth, RedisTarget } from '../config/redis.ts';
import type { RedisClient } from '../store/redis-client.ts';

/**
 * The one place Redis connections are made (worker, chat adapters, web, CLI), for a single
 * server (REDIS_URL), a Sentinel-managed primary or a Redis Cluster.
 */
export type Role = 'worker' | 'producer';

/**
 * Retry rules by role. Workers and QueueEvents block on Redis and must wait out a restart
 * (BullMQ forces `maxRetriesPerRequest: null` for them); producers in chat adapters fail fast
 * instead, so a user hears "try again" rather than waiting on a dead Redis.
 */
function maxRetries(role: Role): number | null {
  return role === 'worker' ? null : 3;
}

/** Reconnect quickly at first, then every 2 s at most, forever. */
const reconnectDelay = (times: number) => Math.min(100 * 2 ** Math.min(times, 5), 2000);

function authOptions(auth: RedisAuth): RedisOptions {
  return {
    ...(auth.username ? { username: auth.username } : {}),
    ...(auth.password ? { password: auth.password } : {}),
    ...(auth.tls ? { tls: {} } : {}),
  };
}

function sentinelOptions(target: Extract<RedisTarget, { kind: 'sentinel' }>, role: Role, name: string): RedisOptions {
  return {
    sentinels: target.sentinels,
    name: target.masterName,
    ...(target.sentinelPassword ? { sentinelPassword: target.sentinelPassword } : {}),
    ...authOptions(target.auth),
    ...(target.auth.tls ? { enableTLSForSentinelMode: true, sentinelTLS: {} } : {}),
    connectionName: name,
    maxRetriesPerRequest: maxRetries(role),
    retryStrategy: reconnectDelay,
    sentinelRetryStrategy: reconnectDelay,
  };
}

function createCluster(target: Extract<RedisTarget, { kind: 'cluster' }>, role: Role, name: string, lazy = false): Cluster {
  const options: ClusterOptions = {
    redisOptions: { ...authOptions(target.auth), connectionName: name, maxRetriesPerRequest: maxRetries(role) },
    clusterRetryStrategy: reconnectDelay,
    lazyConnect: lazy,
  };
  return new Cluster(target.nodes, options);
}

/** An ioredis client for the store, with the same retry rules as the queue connections of its role. */
export function storeRedis(target: RedisTarget, role: Role, name: string): RedisClient {
  switch (target.kind) {
    case 'server':
      return new Redis(target.url, { connectionName: name, maxRetriesPerRequest: maxRetries(role), retryStrategy: reconnectDelay });
    case 'sentinel':
      return new Redis(sentinelOptions(target, role, name));
    case 'cluster':
      return createCluster(target, role, name);
  }
}

/** What BullMQ's Queue, Worker and QueueEvents connect with; `close` ends the clients made here. */
export interface BullConnections {
  /** For a Queue: the role's retry rules. */
  readonly commands: ConnectionOptions;
  /** For a Worker and QueueEvents, which block and so wait out restarts whatever the role. */
  readonly blocking: ConnectionOptions;
  close(): Promise<void>;
}

/**
 * BullMQ connections. For a server or Sentinel these are options and BullMQ owns its clients;
 * for a cluster BullMQ needs a `Cluster` instance (it duplicates it for blocking commands), and
 * those instances are closed by `close()` after the queue and worker.
 */
export function bullConnections(target: RedisTarget, role: Role): BullConnections {
  if (target.kind === 'server') {
    const base = { url: target.url, retryStrategy: reconnectDelay };
    return { commands: { ...base, maxRetriesPerRequest: maxRetries(role) }, blocking: { ...base, maxRetriesPerRequest: null }, close: async () => {} };
  }
  if (target.kind === 'sentinel') {
    // ioredis's own options type is stricter than BullMQ's copy of it; the values are the same.
    const options = (r: Role) => sentinelOptions(target, r, 'summit-bull') as BullRedisOptions;
    return { commands: options(role), blocking: options('worker'), close: async () => {} };
  }
  const commands = createCluster(target, role, 'summit-bull');
  // Lazy: a producer that never waits for a job result never opens it (QueueEvents uses a duplicate).
  const blocking = role === 'worker' ? commands : createCluster(target, 'worker', 'summit-bull', true);
  return {
    commands,
    blocking,
    async close() {
      for (const cluster of new Set([commands, blocking])) await closeRedis(cluster);
    },
  };
}

/** QUIT when connected, else just drop the (lazy or reconnecting) client. */
export async function closeRedis(client: RedisClient): Promise<void> {
  if (client.status === 'wait' || client.status === 'end') {
    client.disconnect();
    return;
  }
  await client.quit().catch(() => client.disconnect());
}

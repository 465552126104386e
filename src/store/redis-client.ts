import type { Cluster, Redis } from 'ioredis';

/**
 * The store's connection: one server (also a Sentinel-managed primary) or a Redis Cluster. Both
 * take the same commands; on a cluster every multi-key command, MULTI and script must stay within
 * one hash slot, which the key layout (keys.ts) and the batching helpers (exec.ts) ensure.
 */
export type RedisClient = Redis | Cluster;

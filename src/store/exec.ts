import type { ChainableCommander } from 'ioredis';
import type { RedisClient } from './redis-client.ts';

type Results = [error: Error | null, result: unknown][];

/** Runs a MULTI or pipeline; ioredis reports errors per command, so the first one is thrown here. */
export async function execOrThrow(batch: ChainableCommander): Promise<Results> {
  const results = (await batch.exec()) ?? [];
  for (const [error] of results) if (error) throw error;
  return results;
}

/**
 * Sends groups of commands, each group's keys in one slot: one pipeline on a single server; on a
 * cluster one pipeline per group (a pipeline there may not span slots), all in flight at once.
 * Returns each group's replies. Not atomic across groups.
 */
export async function execGroups(redis: RedisClient, groups: ((batch: ChainableCommander) => void)[]): Promise<Results[]> {
  if (groups.length === 0) return [];
  if (!redis.isCluster) {
    const batch = redis.pipeline();
    const sizes = groups.map((add) => {
      const before = batch.length;
      add(batch);
      return batch.length - before;
    });
    const results = await execOrThrow(batch);
    let at = 0;
    return sizes.map((size) => results.slice(at, (at += size)));
  }
  return Promise.all(
    groups.map((add) => {
      const batch = redis.pipeline();
      add(batch);
      return execOrThrow(batch);
    }),
  );
}

const MGET_CHUNK = 500;

/** GET of many keys: MGET in chunks on a single server, one GET per key (all in flight) on a cluster. */
export async function getMany(redis: RedisClient, keys: string[]): Promise<(string | null)[]> {
  if (redis.isCluster) return Promise.all(keys.map((key) => redis.get(key)));
  const values: (string | null)[] = [];
  for (let i = 0; i < keys.length; i += MGET_CHUNK) values.push(...(await redis.mget(keys.slice(i, i + MGET_CHUNK))));
  return values;
}

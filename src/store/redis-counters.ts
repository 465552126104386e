import type { StoreKeys } from './keys.ts';
import type { RedisClient } from './redis-client.ts';

export type CounterName = 'briefing_cache_hit' | 'briefing_cache_miss';

/**
 * Counters shared by every process (chat adapters count cache hits, the worker exports them on
 * /metrics), kept in one Redis hash. Approximate by design: an HINCRBY resent after a reconnect
 * counts twice, and callers drop failed increments; they feed a hit ratio, not a ledger.
 */
export class RedisCounters {
  readonly #redis: RedisClient;
  readonly #keys: StoreKeys;

  constructor(redis: RedisClient, keys: StoreKeys) {
    this.#redis = redis;
    this.#keys = keys;
  }

  async increment(name: CounterName): Promise<void> {
    await this.#redis.hincrby(this.#keys.counters(), name, 1);
  }

  async read(): Promise<Record<CounterName, number>> {
    const raw = await this.#redis.hgetall(this.#keys.counters());
    return {
      briefing_cache_hit: Number(raw.briefing_cache_hit ?? 0),
      briefing_cache_miss: Number(raw.briefing_cache_miss ?? 0),
    };
  }
}

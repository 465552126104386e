import type { RedisClient } from '../../store/redis-client.ts';
import type { EventDedupe } from './dedupe.ts';

/**
 * Dedupe shared by every `summit slack` instance on one Redis: a retry that reaches another
 * instance is still recognised. SET NX EX claims a key atomically; the key expires by itself.
 */
export class RedisEventDedupe implements EventDedupe {
  readonly #redis: RedisClient;
  readonly #prefix: string;
  readonly #ttlSeconds: number;

  constructor(redis: RedisClient, keyPrefix: string, ttlSeconds = 3600) {
    this.#redis = redis;
    this.#prefix = `${keyPrefix}:slack:seen:`;
    this.#ttlSeconds = ttlSeconds;
  }

  async claim(key: string): Promise<boolean> {
    return (await this.#redis.set(`${this.#prefix}${key}`, '1', 'EX', this.#ttlSeconds, 'NX')) === 'OK';
  }
}

import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { EventDedupe } from './dedupe.ts';

/**
 * Dedupe shared by every `summit slack` instance on one Redis: a retry that reaches another
 * instance is still recognised. SET NX EX claims a key atomically; the key expires by itself.
 * Each claim writes a token of its own and reads back what was there (GET, Redis 7): a claim
 * resent after a reconnect finds its own token and still wins, instead of dropping the event.
 */
export class RedisEventDedupe implements EventDedupe {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #ttlSeconds: number;

  constructor(redis: Redis, keyPrefix: string, ttlSeconds = 3600) {
    this.#redis = redis;
    this.#prefix = `${keyPrefix}:slack:seen:`;
    this.#ttlSeconds = ttlSeconds;
  }

  async claim(key: string): Promise<boolean> {
    const token = randomUUID();
    const previous = await this.#redis.call('SET', `${this.#prefix}${key}`, token, 'EX', this.#ttlSeconds, 'NX', 'GET');
    return previous === null || previous === token;
  }
}

import { randomUUID } from 'node:crypto';
import type { BriefingCache } from '../core/ports/briefing-cache.ts';
import type { Briefing } from '../core/types.ts';
import { execOrThrow } from './exec.ts';
import type { StoreKeys } from './keys.ts';
import type { RedisClient } from './redis-client.ts';

const WRITE_SLICE = 4 * 1024 * 1024;
const PARTIAL_TTL_SECONDS = 600;

/**
 * Briefings by id, each kept for a TTL: an ingest gives the story a new fingerprint and so new
 * ids, while links already posted to chat (to a briefing page) keep working until the TTL ends.
 */
export class RedisBriefingCache implements BriefingCache {
  readonly #redis: RedisClient;
  readonly #keys: StoreKeys;
  readonly #ttlSeconds: number;

  constructor(redis: RedisClient, keys: StoreKeys, ttlSeconds: number) {
    this.#redis = redis;
    this.#keys = keys;
    this.#ttlSeconds = ttlSeconds;
  }

  async get(briefingId: string): Promise<Briefing | undefined> {
    const json = await this.#redis.get(this.#keys.briefing(briefingId));
    return json === null ? undefined : (JSON.parse(json) as Briefing);
  }

  async put(briefingId: string, briefing: Briefing): Promise<void> {
    await this.#redis.set(this.#keys.briefing(briefingId), JSON.stringify(briefing), 'EX', this.#ttlSeconds);
  }

  /**
   * Large briefings are written in slices to a temporary key, then renamed: each slice is a small
   * copy on this thread, and readers see the whole briefing or none.
   */
  async putEncoded(briefingId: string, json: Uint8Array): Promise<void> {
    const key = this.#keys.briefing(briefingId);
    // Buffer views over the same bytes: ioredis writes them without another copy of the whole.
    const slice = (from: number) => Buffer.from(json.buffer, json.byteOffset + from, Math.min(WRITE_SLICE, json.byteLength - from));
    if (json.byteLength <= WRITE_SLICE) {
      await this.#redis.set(key, slice(0), 'EX', this.#ttlSeconds);
      return;
    }
    const partial = `${key}:writing:${randomUUID()}`;
    // A writer that dies midway leaves a partial key that expires on its own.
    await this.#redis.set(partial, slice(0), 'EX', PARTIAL_TTL_SECONDS);
    for (let from = WRITE_SLICE; from < json.byteLength; from += WRITE_SLICE) await this.#redis.append(partial, slice(from));
    await execOrThrow(this.#redis.multi().rename(partial, key).expire(key, this.#ttlSeconds));
  }

  async has(briefingId: string): Promise<boolean> {
    return (await this.#redis.exists(this.#keys.briefing(briefingId))) === 1;
  }
}

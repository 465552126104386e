import {
  PENDING_STATE,
  type Source,
  type SourceRecord,
  type SourceRepository,
  type SourceState,
} from '../core/ports/source-repository.ts';
import { execOrThrow } from './exec.ts';
import type { StoreKeys } from './keys.ts';
import type { RedisClient } from './redis-client.ts';

/** Feed item URLs remembered per source; older ones are forgotten (feeds list recent items only). */
const SEEN_KEPT = 5000;
/** Polls refresh it; a set left behind by a poll that ended after its source was removed expires. */
const SEEN_TTL_SECONDS = 30 * 86_400;

/** Sources as JSON by id, indexed per story and globally; seen item URLs as a sorted set by time. */
export class RedisSourceRepository implements SourceRepository {
  readonly #redis: RedisClient;
  readonly #keys: StoreKeys;

  constructor(redis: RedisClient, keys: StoreKeys) {
    this.#redis = redis;
    this.#keys = keys;
  }

  async put(source: Source): Promise<{ created: boolean }> {
    const k = this.#keys;
    const previous = await this.#redis.get(k.source(source.id));
    const before = previous ? (JSON.parse(previous) as Source) : undefined;
    const write = this.#redis
      .multi()
      // The first add's author and time stay; later adds only change the keywords.
      .set(k.source(source.id), JSON.stringify(before ? { ...before, keywords: source.keywords } : source))
      .set(k.sourceState(source.id), JSON.stringify(PENDING_STATE), 'NX')
      .sadd(k.storySources(source.storyId), source.id)
      .sadd(k.sources(), source.id);
    // New keywords must be applied to items the old ones filtered out: forget the items seen, and
    // the validators too, or the next poll's 304 would hide the unchanged feed.
    if (before && before.keywords.join('\n') !== source.keywords.join('\n')) {
      write.del(k.sourceSeen(source.id));
      const state = await this.#redis.get(k.sourceState(source.id));
      if (state) {
        const parsed = JSON.parse(state) as SourceState;
        delete parsed.etag;
        delete parsed.lastModified;
        write.set(k.sourceState(source.id), JSON.stringify(parsed));
      }
    }
    await execOrThrow(write);
    return { created: !before };
  }

  async remove(id: string): Promise<boolean> {
    const k = this.#keys;
    const json = await this.#redis.get(k.source(id));
    if (!json) return false;
    const source = JSON.parse(json) as Source;
    await execOrThrow(
      this.#redis
        .multi()
        .del(k.source(id), k.sourceState(id), k.sourceSeen(id))
        .srem(k.storySources(source.storyId), id)
        .srem(k.sources(), id),
    );
    return true;
  }

  async get(id: string): Promise<SourceRecord | undefined> {
    return (await this.#records([id]))[0];
  }

  async forStory(storyId: string): Promise<SourceRecord[]> {
    return this.#records(await this.#redis.smembers(this.#keys.storySources(storyId)));
  }

  async all(): Promise<SourceRecord[]> {
    return this.#records(await this.#redis.smembers(this.#keys.sources()));
  }

  async saveState(id: string, state: SourceState): Promise<void> {
    // XX: a poll that finishes after the source was removed must not bring its state back.
    await this.#redis.set(this.#keys.sourceState(id), JSON.stringify(state), 'XX');
  }

  async seen(id: string, urls: string[]): Promise<Set<string>> {
    if (urls.length === 0) return new Set();
    const scores = await this.#redis.zmscore(this.#keys.sourceSeen(id), ...urls);
    return new Set(urls.filter((_, i) => scores[i] !== null));
  }

  async markSeen(id: string, urls: string[], at: Date): Promise<void> {
    const key = this.#keys.sourceSeen(id);
    if (urls.length === 0) {
      await this.#redis.expire(key, SEEN_TTL_SECONDS);
      return;
    }
    const members = urls.flatMap((url) => [at.getTime(), url]);
    await execOrThrow(this.#redis.multi().zadd(key, ...members).zremrangebyrank(key, 0, -SEEN_KEPT - 1).expire(key, SEEN_TTL_SECONDS));
  }

  async #records(ids: string[]): Promise<SourceRecord[]> {
    if (ids.length === 0) return [];
    const k = this.#keys;
    const bodies = await this.#redis.mget(ids.flatMap((id) => [k.source(id), k.sourceState(id)]));
    const records: SourceRecord[] = [];
    for (let i = 0; i < ids.length; i++) {
      const source = bodies[2 * i];
      if (!source) continue;
      const state = bodies[2 * i + 1];
      records.push({ source: JSON.parse(source) as Source, state: state ? (JSON.parse(state) as SourceState) : PENDING_STATE });
    }
    return records.sort((a, b) => a.source.addedAt.localeCompare(b.source.addedAt) || a.source.url.localeCompare(b.source.url));
  }
}

import { randomUUID } from 'node:crypto';
import type {
  DayClaim,
  DeliveredDigest,
  DeliveredSoFar,
  DigestLog,
  DigestRecord,
  PostingStart,
} from '../core/ports/digest-log.ts';
import type { StoreKeys } from './keys.ts';
import type { RedisClient } from './redis-client.ts';
import { runScript } from './scripts.ts';

/** Day markers outlive any local day (and retries of its delivery) by a wide margin. */
const DAY_MARKER_TTL_SECONDS = 14 * 86_400;
const HISTORY_LENGTH = 100;

/**
 * Per subscription: a marker per local day (claimed → posting → done) and the sets of claims,
 * cited sentences and disagreements delivered so far. State changes are Lua scripts, so two
 * workers can never both move a day forward.
 */
export class RedisDigestLog implements DigestLog {
  readonly #redis: RedisClient;
  readonly #keys: StoreKeys;

  constructor(redis: RedisClient, keys: StoreKeys) {
    this.#redis = redis;
    this.#keys = keys;
  }

  async delivered(subscriptionId: string): Promise<DeliveredSoFar> {
    const [claims, refs, disagreements] = await Promise.all([
      this.#redis.smembers(this.#keys.digestClaims(subscriptionId)),
      this.#redis.smembers(this.#keys.digestRefs(subscriptionId)),
      this.#redis.smembers(this.#keys.digestDisagreements(subscriptionId)),
    ]);
    return { claimIds: new Set(claims), sentenceRefs: new Set(refs), disagreementSignatures: new Set(disagreements) };
  }

  async claimDay(subscriptionId: string, localDate: string, owner: string): Promise<DayClaim> {
    const key = this.#keys.digestDay(subscriptionId, localDate);
    return (await runScript(this.#redis, 'digestClaimDay', [key], [owner, DAY_MARKER_TTL_SECONDS])) as DayClaim;
  }

  async beginPosting(subscriptionId: string, localDate: string): Promise<PostingStart> {
    const key = this.#keys.digestDay(subscriptionId, localDate);
    // A token per call: the same call resent after a reconnect still gets 'post', not 'interrupted'.
    return (await runScript(this.#redis, 'digestBeginPosting', [key], [DAY_MARKER_TTL_SECONDS, randomUUID()])) as PostingStart;
  }

  async abortPosting(subscriptionId: string, localDate: string): Promise<void> {
    const key = this.#keys.digestDay(subscriptionId, localDate);
    await runScript(this.#redis, 'digestAbortPosting', [key], []);
  }

  async commit(subscriptionId: string, localDate: string, record: DigestRecord, entry: DeliveredDigest): Promise<boolean> {
    const result = await runScript(
      this.#redis,
      'digestCommit',
      [
        this.#keys.digestDay(subscriptionId, localDate),
        this.#keys.digestClaims(subscriptionId),
        this.#keys.digestRefs(subscriptionId),
        this.#keys.digestDisagreements(subscriptionId),
        this.#keys.digestHistory(subscriptionId),
      ],
      [
        JSON.stringify(entry),
        DAY_MARKER_TTL_SECONDS,
        HISTORY_LENGTH,
        record.claimIds.length,
        record.sentenceRefs.length,
        ...record.claimIds,
        ...record.sentenceRefs,
        ...record.disagreementSignatures,
      ],
    );
    return result === 1;
  }

  async history(subscriptionId: string, limit = 20): Promise<DeliveredDigest[]> {
    const entries = await this.#redis.lrange(this.#keys.digestHistory(subscriptionId), 0, limit - 1);
    return entries.map((e) => JSON.parse(e) as DeliveredDigest);
  }
}

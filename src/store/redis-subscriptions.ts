import {
  type SubscriptionFlag,
  type SubscriptionRecord,
  type SubscriptionRepository,
  subscriptionId,
} from '../core/ports/subscription-repository.ts';
import type { Subscription } from '../core/types.ts';
import type { StoreKeys } from './keys.ts';
import type { RedisClient } from './redis-client.ts';

/**
 * One JSON record per channel, an index set of ids, and the flag in its own key so flagging never
 * rewrites (and so never races with) the subscription itself. Every write sets or deletes whole
 * values, so a resend after a reconnect changes nothing (a resent remove only reports false).
 */
export class RedisSubscriptionRepository implements SubscriptionRepository {
  readonly #redis: RedisClient;
  readonly #keys: StoreKeys;

  constructor(redis: RedisClient, keys: StoreKeys) {
    this.#redis = redis;
    this.#keys = keys;
  }

  async put(subscription: Subscription, now: Date): Promise<SubscriptionRecord> {
    const id = subscriptionId(subscription.platform, subscription.channelId);
    const record: SubscriptionRecord = { id, subscription, createdAt: now.toISOString() };
    await this.#redis
      .multi()
      .set(this.#keys.subscription(id), JSON.stringify(record))
      .del(this.#keys.subscriptionFlag(id))
      .sadd(this.#keys.subscriptions(), id)
      .exec();
    return record;
  }

  async remove(id: string): Promise<boolean> {
    const results = await this.#redis
      .multi()
      .del(this.#keys.subscription(id))
      .del(this.#keys.subscriptionFlag(id))
      .srem(this.#keys.subscriptions(), id)
      .exec();
    return results?.[0]?.[1] === 1;
  }

  async get(id: string): Promise<SubscriptionRecord | undefined> {
    return (await this.#read([id]))[0];
  }

  async all(): Promise<SubscriptionRecord[]> {
    return this.#read((await this.#redis.smembers(this.#keys.subscriptions())).sort());
  }

  async flag(id: string, flag: SubscriptionFlag): Promise<void> {
    await this.#redis.set(this.#keys.subscriptionFlag(id), JSON.stringify(flag));
  }

  async unflag(id: string): Promise<void> {
    await this.#redis.del(this.#keys.subscriptionFlag(id));
  }

  async #read(ids: string[]): Promise<SubscriptionRecord[]> {
    if (ids.length === 0) return [];
    const values = await this.#redis.mget(...ids.flatMap((id) => [this.#keys.subscription(id), this.#keys.subscriptionFlag(id)]));
    const records: SubscriptionRecord[] = [];
    for (let i = 0; i < values.length; i += 2) {
      const json = values[i];
      if (json === null || json === undefined) continue;
      const flag = values[i + 1];
      const record = JSON.parse(json) as SubscriptionRecord;
      records.push(flag ? { ...record, flag: JSON.parse(flag) as SubscriptionFlag } : record);
    }
    return records;
  }
}

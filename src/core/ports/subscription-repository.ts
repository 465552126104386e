import type { Subscription } from '../types.ts';

/** Why deliveries to a subscription's channel stopped working (kept until a delivery succeeds). */
export interface SubscriptionFlag {
  code: string;
  reason: string;
  at: string;
}

export interface SubscriptionRecord {
  /** `platform:channelId`: a channel has at most one subscription. */
  id: string;
  subscription: Subscription;
  createdAt: string;
  flag?: SubscriptionFlag;
}

export function subscriptionId(platform: Subscription['platform'], channelId: string): string {
  return `${platform}:${channelId}`;
}

export interface SubscriptionRepository {
  /** Creates or replaces the channel's subscription (clearing any flag). */
  put(subscription: Subscription, now: Date): Promise<SubscriptionRecord>;
  /** False when there was none. */
  remove(id: string): Promise<boolean>;
  get(id: string): Promise<SubscriptionRecord | undefined>;
  all(): Promise<SubscriptionRecord[]>;
  /** Marks a subscription whose channel is gone or closed to the bot; the subscription is kept. */
  flag(id: string, flag: SubscriptionFlag): Promise<void>;
  unflag(id: string): Promise<void>;
}

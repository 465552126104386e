import type { RedisTarget } from '../config/redis.ts';

/**
 * 'single': one server or Sentinel; the layout summit has always used, so existing data stays
 * readable. 'cluster': the same keys with a hash tag around the part that must share a slot,
 * e.g. `summit:{story:<id>}:articles`, so stories (threads, digests, articles) spread over the
 * cluster while every multi-key script or MULTI stays within one slot.
 */
export type KeyLayout = 'single' | 'cluster';

export function keyLayoutFor(target: RedisTarget): KeyLayout {
  return target.kind === 'cluster' ? 'cluster' : 'single';
}

/**
 * Every Redis key the store uses, under one prefix. The slot groups on a cluster:
 * - `{story:<id>}`: articles, sequence, fingerprint (add-articles.lua);
 * - `{article:<hash>}`: an article body and where it was seen (one MULTI per article);
 * - `{digest:<subscription>}`: day markers and what was delivered (digest-*.lua);
 * - `{thread:<id>}`: a thread's link and turns;
 * - `{subscriptions}`: every subscription, its flag and the index (MULTI put/remove, MGET);
 * - `{sources}`: every source, its state and seen items, the per-story and global indexes;
 * - single keys (briefings, article pages, stories index, counters) hash on their own name.
 */
export class StoreKeys {
  readonly prefix: string;
  readonly layout: KeyLayout;

  constructor(prefix: string, layout: KeyLayout = 'single') {
    this.prefix = prefix;
    this.layout = layout;
  }

  /** `<prefix>:<group>:<rest>`, with `{<group>}` on a cluster. */
  #tagged(group: string, rest?: string): string {
    const head = this.layout === 'cluster' ? `${this.prefix}:{${group}}` : `${this.prefix}:${group}`;
    return rest === undefined ? head : `${head}:${rest}`;
  }

  /** `<prefix>:<rest>`, or `<prefix>:{<tag>}:<rest>` on a cluster (keys that join a shared group). */
  #within(tag: string, rest: string): string {
    return this.layout === 'cluster' ? `${this.prefix}:{${tag}}:${rest}` : `${this.prefix}:${rest}`;
  }

  article = (hash: string) => this.#tagged(`article:${hash}`);
  articleSightings = (hash: string) => this.#tagged(`article:${hash}`, 'seen');
  stories = () => `${this.prefix}:stories`;
  storyArticles = (storyId: string) => this.#tagged(`story:${storyId}`, 'articles');
  storySequence = (storyId: string) => this.#tagged(`story:${storyId}`, 'seq');
  storyFingerprint = (storyId: string) => this.#tagged(`story:${storyId}`, 'fingerprint');
  /** Tagged on a cluster: a large briefing is written to a temporary key renamed onto this one. */
  briefing = (briefingId: string) => this.#tagged(`briefing:${briefingId}`);
  subscription = (id: string) => this.#within('subscriptions', `subscription:${id}`);
  subscriptionFlag = (id: string) => this.#within('subscriptions', `subscription:${id}:flag`);
  subscriptions = () => this.#tagged('subscriptions');
  digestDay = (subscriptionId: string, localDate: string) => this.#tagged(`digest:${subscriptionId}`, `day:${localDate}`);
  digestClaims = (subscriptionId: string) => this.#tagged(`digest:${subscriptionId}`, 'claims');
  digestRefs = (subscriptionId: string) => this.#tagged(`digest:${subscriptionId}`, 'refs');
  digestDisagreements = (subscriptionId: string) => this.#tagged(`digest:${subscriptionId}`, 'disagreements');
  digestHistory = (subscriptionId: string) => this.#tagged(`digest:${subscriptionId}`, 'history');
  thread = (threadId: string) => this.#tagged(`thread:${threadId}`);
  threadTurns = (threadId: string) => this.#tagged(`thread:${threadId}`, 'turns');
  /** Ids of the kept turns; built on threadTurns so it stays in that key's Cluster slot. */
  threadTurnIds = (threadId: string) => `${this.threadTurns(threadId)}:ids`;
  counters = () => `${this.prefix}:counters`;
  source = (id: string) => this.#within('sources', `source:${id}`);
  sourceState = (id: string) => this.#within('sources', `source:${id}:state`);
  sourceSeen = (id: string) => this.#within('sources', `source:${id}:seen`);
  /** In the sources' slot, not the story's: source put/remove update it in the same MULTI. */
  storySources = (storyId: string) => this.#within('sources', `story:${storyId}:sources`);
  sources = () => this.#tagged('sources');
  articlePage = (articleId: string) => `${this.prefix}:article-page:${articleId}`;
  // Stories as records: a story's own keys share its slot; the index and channel links have their own.
  storyRecord = (storyId: string) => this.#tagged(`story:${storyId}`, 'record');
  storyUpdatedAt = (storyId: string) => this.#tagged(`story:${storyId}`, 'updated-at');
  storyRecords = () => this.#tagged('story-records');
  channelStory = (channelKey: string) => this.#tagged(`channel:${channelKey}`, 'story');
  /** Prefix handed to BullMQ; on a cluster its own tag, as BullMQ needs all of a queue's keys in one slot. */
  bull = () => (this.layout === 'cluster' ? `{${this.prefix}-bull}` : `${this.prefix}:bull`);
}

/**
 * Every Redis key the store uses, under one prefix. With a hash-tagged prefix such as `{summit}`
 * all keys land in one Redis Cluster slot, which the multi-key scripts need.
 */
export class StoreKeys {
  readonly prefix: string;

  constructor(prefix: string) {
    this.prefix = prefix;
  }

  article = (hash: string) => `${this.prefix}:article:${hash}`;
  articleSightings = (hash: string) => `${this.prefix}:article:${hash}:seen`;
  stories = () => `${this.prefix}:stories`;
  storyArticles = (storyId: string) => `${this.prefix}:story:${storyId}:articles`;
  storySequence = (storyId: string) => `${this.prefix}:story:${storyId}:seq`;
  storyFingerprint = (storyId: string) => `${this.prefix}:story:${storyId}:fingerprint`;
  briefing = (briefingId: string) => `${this.prefix}:briefing:${briefingId}`;
  subscription = (id: string) => `${this.prefix}:subscription:${id}`;
  subscriptionFlag = (id: string) => `${this.prefix}:subscription:${id}:flag`;
  subscriptions = () => `${this.prefix}:subscriptions`;
  digestDay = (subscriptionId: string, localDate: string) => `${this.prefix}:digest:${subscriptionId}:day:${localDate}`;
  digestClaims = (subscriptionId: string) => `${this.prefix}:digest:${subscriptionId}:claims`;
  digestRefs = (subscriptionId: string) => `${this.prefix}:digest:${subscriptionId}:refs`;
  digestDisagreements = (subscriptionId: string) => `${this.prefix}:digest:${subscriptionId}:disagreements`;
  digestHistory = (subscriptionId: string) => `${this.prefix}:digest:${subscriptionId}:history`;
  thread = (threadId: string) => `${this.prefix}:thread:${threadId}`;
  threadTurns = (threadId: string) => `${this.prefix}:thread:${threadId}:turns`;
  counters = () => `${this.prefix}:counters`;
  source = (id: string) => `${this.prefix}:source:${id}`;
  sourceState = (id: string) => `${this.prefix}:source:${id}:state`;
  sourceSeen = (id: string) => `${this.prefix}:source:${id}:seen`;
  storySources = (storyId: string) => `${this.prefix}:story:${storyId}:sources`;
  sources = () => `${this.prefix}:sources`;
  articlePage = (articleId: string) => `${this.prefix}:article-page:${articleId}`;
  // Stories as records (issue 15): built like the other story keys.
  storyRecord = (storyId: string) => `${this.prefix}:story:${storyId}:record`;
  storyUpdatedAt = (storyId: string) => `${this.prefix}:story:${storyId}:updated-at`;
  storyRecords = () => `${this.prefix}:story-records`;
  channelStory = (channelKey: string) => `${this.prefix}:channel:${channelKey}:story`;
  /** Prefix handed to BullMQ, so queues live in the same namespace. */
  bull = () => `${this.prefix}:bull`;
}

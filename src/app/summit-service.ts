import type { SourceRecord } from '../core/ports/source-repository.ts';
import type { Answer, Briefing, BriefingArticle, Digest, Subscription, ThreadLink } from '../core/types.ts';

/** A feed or page to follow, as an admin asks for it in chat or on the command line. */
export interface AddSourceRequest {
  storyId: string;
  url: string;
  /** Keep only articles mentioning one of these; empty = all. */
  keywords: string[];
  /** `slack:U123`, `discord:…`, `cli`. */
  addedBy: string;
}

/**
 * What the chat adapters ask of summit. Adapters stay thin: they parse a platform event, call
 * one of these, and render the result. Implementations: the Redis/BullMQ service (production,
 * heavy work on the queue) and the in-process service (tests, single-process dev).
 */
export interface SummitService {
  /** The briefing of a story (cached when the article set has not changed). */
  brief(request: { storyId: string; topic?: string }): Promise<{ briefingId: string; briefing: Briefing }>;
  sources(storyId: string): Promise<BriefingArticle[]>;
  /** Answers a question asked in a thread, using the thread's earlier turns as context. */
  ask(request: { threadId: string; storyId: string; question: string }): Promise<Answer>;
  subscribe(subscription: Subscription): Promise<void>;
  /** Returns false when the channel had no subscription. */
  unsubscribe(platform: Subscription['platform'], channelId: string): Promise<boolean>;
  subscriptions(platform: Subscription['platform'], channelId: string): Promise<Subscription[]>;
  /** Remembers that a posted briefing/digest opened this thread, so follow-ups find their story. */
  linkThread(link: Omit<ThreadLink, 'turns'>): Promise<void>;
  thread(threadId: string): Promise<ThreadLink | undefined>;
  /** The story a channel follows when a command names none. */
  defaultStory(): string;
  /** Topic ids and labels, for command choices and help. */
  topics(): { id: string; label: string }[];
  /**
   * Follows a feed or page for a story (adding it again updates its keywords); the first poll
   * starts at once. Throws InvalidSourceError (`source:invalid`) for bad input.
   */
  addSource(request: AddSourceRequest): Promise<{ record: SourceRecord; created: boolean }>;
  /** The story's sources with what their polls found (status, last error, articles added). */
  listSources(storyId: string): Promise<SourceRecord[]>;
  /** Stops following a URL; false when the story did not follow it. */
  removeSource(storyId: string, url: string): Promise<boolean>;
}

/** What the queue's delivery job asks of a chat platform. */
export interface ChatDelivery {
  readonly platform: Subscription['platform'];
  /** Posts a digest to a channel; returns the id of the thread it opened for follow-ups. */
  postDigest(subscription: Subscription, digest: Digest): Promise<{ threadId: string }>;
}

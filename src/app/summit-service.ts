import type { SourceRecord } from '../core/ports/source-repository.ts';
import type { StoryChannel, StoryOwner, StoryRecord, StorySummary } from '../core/ports/story-repository.ts';
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
  /** DEFAULT_STORY: the story of channels that follow none. */
  defaultStory(): string;
  /** The deployment's topic ids and labels (what new stories start with), for help. */
  topics(): { id: string; label: string }[];
  /** A story's topic ids and labels: its own, else the deployment's. */
  storyTopics(storyId: string): Promise<{ id: string; label: string }[]>;
  /** The story a channel's commands use: the one it follows, else its subscription's, else DEFAULT_STORY. */
  channelStory(channel: StoryChannel): Promise<string>;
  /** The stories a workspace may use (its own and shared ones), with article counts and last update. */
  stories(owner: StoryOwner): Promise<StorySummary[]>;
  /** A story the workspace may use, by id or title; StoryNotFoundError (`story:not-found`) otherwise. */
  findStory(owner: StoryOwner, ref: string): Promise<StoryRecord>;
  /** `topics`: a topic list as typed in chat (see stories/topics-input.ts); default the deployment's. */
  createStory(request: { owner: StoryOwner; title: string; topics?: string; createdBy: string }): Promise<StoryRecord>;
  renameStory(owner: StoryOwner, ref: string, title: string): Promise<StoryRecord>;
  archiveStory(owner: StoryOwner, ref: string): Promise<StoryRecord>;
  /** Sets the topics of one of the workspace's stories from a typed topic list. */
  setStoryTopics(owner: StoryOwner, ref: string, topics: string): Promise<StoryRecord>;
  /** Points a channel at a story; its digest subscription, if any, moves to that story too. */
  follow(channel: StoryChannel, ref: string): Promise<{ story: StoryRecord; subscriptionMoved: boolean }>;
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

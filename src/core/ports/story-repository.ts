import type { Topic } from '../types.ts';

/** Who a story belongs to: a Slack workspace (team id) or a Discord guild. */
export interface StoryOwner {
  platform: 'slack' | 'discord';
  workspaceId: string;
}

/** A channel of one workspace; `/summit follow` points it at a story. */
export interface StoryChannel extends StoryOwner {
  channelId: string;
}

/**
 * A story as people created it: its articles live in the ArticleRepository and its feeds in the
 * SourceRepository, both under `id`. Ids are global (one namespace per deployment) and not secret:
 * access is decided by `owner`, never by knowing an id.
 */
export interface StoryRecord {
  /** Letters, digits, "_", "-", "." (max 64), as `summit ingest --story` takes. */
  id: string;
  /** The display title (headers, thread names, digests, pages). */
  title: string;
  /** The topics its briefings and digests are cut by (a copy of the deployment's at creation). */
  topics: Topic[];
  /** Undefined: shared by every workspace and guild the deployment serves (created from the CLI). */
  owner?: StoryOwner;
  /** `slack:U123`, `discord:123…`, `cli`. */
  createdBy: string;
  createdAt: string;
  /** Archived stories are hidden from lists and cannot be followed; their data stays. */
  archivedAt?: string;
}

/** A story as `/summit stories` lists it. */
export interface StorySummary {
  story: StoryRecord;
  articles: number;
  /** When an article last joined it, if known. */
  updatedAt?: string;
}

export function channelKey(channel: Pick<StoryChannel, 'platform' | 'channelId'>): string {
  return `${channel.platform}:${channel.channelId}`;
}

export interface StoryRepository {
  /** Stores a new story; false when the id is taken (nothing is changed then). */
  create(record: StoryRecord): Promise<boolean>;
  get(id: string): Promise<StoryRecord | undefined>;
  /** Replaces an existing story's record (rename, topics, archive). */
  save(record: StoryRecord): Promise<void>;
  all(): Promise<StoryRecord[]>;
  /** The story a channel (`channelKey`) follows, when it follows one. */
  followed(channelKey: string): Promise<string | undefined>;
  follow(channelKey: string, storyId: string): Promise<void>;
}

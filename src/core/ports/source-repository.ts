import { createHash } from 'node:crypto';

/** A feed or article page a story follows; polled on a schedule, its new articles join the story. */
export interface Source {
  /** `sourceId(storyId, url)`: one source per URL and story. */
  id: string;
  storyId: string;
  /** Absolute http(s) URL, without tracking parameters or fragment. */
  url: string;
  /** Articles are kept only when one occurs (see KeywordFilter); empty = all. */
  keywords: string[];
  /** Who added it: `slack:U123`, `discord:123…`, `cli`. */
  addedBy: string;
  addedAt: string;
}

export interface SourceProblem {
  /** A feed item's URL, or the source's own. */
  url: string;
  code: string;
  reason: string;
}

/** What the polls of a source found so far. */
export interface SourceState {
  status: 'pending' | 'ok' | 'failing';
  /** What the URL turned out to be on its first successful poll. */
  kind?: 'feed' | 'html';
  /** Validators for the next conditional GET. */
  etag?: string;
  lastModified?: string;
  lastPolledAt?: string;
  lastSuccessAt?: string;
  /** Why the last poll failed (kept until a poll succeeds). */
  lastError?: SourceProblem & { at: string };
  consecutiveFailures: number;
  /** Articles this source brought into its story, over all polls. */
  articlesAdded: number;
  /** Items of the last poll that could not be read (a few, newest poll only). */
  lastProblems: SourceProblem[];
  /**
   * Feed items still to fetch (beyond the per-poll limit, or failed transiently). While there
   * are any, the next poll asks unconditionally: a 304 would hide them until the feed changes.
   */
  pendingItems?: number;
}

export interface SourceRecord {
  source: Source;
  state: SourceState;
}

export const PENDING_STATE: SourceState = { status: 'pending', consecutiveFailures: 0, articlesAdded: 0, lastProblems: [] };

export function sourceId(storyId: string, url: string): string {
  return createHash('sha256').update(`source/v1\u0000${storyId}\u0000${url}`).digest('hex').slice(0, 24);
}

export interface SourceRepository {
  /** Adds or updates (keywords) a source; its poll state is kept, except that changed keywords forget the items seen. */
  put(source: Source): Promise<{ created: boolean }>;
  /** False when there was none. */
  remove(id: string): Promise<boolean>;
  get(id: string): Promise<SourceRecord | undefined>;
  forStory(storyId: string): Promise<SourceRecord[]>;
  all(): Promise<SourceRecord[]>;
  /** Ignored when the source was removed meanwhile (a poll finishing after `remove`). */
  saveState(id: string, state: SourceState): Promise<void>;
  /** Of these feed item URLs, the ones handled by earlier polls. */
  seen(id: string, urls: string[]): Promise<Set<string>>;
  markSeen(id: string, urls: string[], at: Date): Promise<void>;
}

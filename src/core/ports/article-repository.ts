import type { ArticleInput } from '../types.ts';

/** What one `add` did to a story. */
export interface AddArticlesResult {
  /** Articles stored for the first time (new content hash). */
  stored: number;
  /** Articles that joined the story (new to the story, possibly already stored for another story). */
  addedToStory: number;
  /** Articles the story already had (same content, maybe seen at another place). */
  alreadyInStory: number;
  /** Article count and fingerprint of the story after the add. */
  total: number;
  fingerprint: string;
}

/** A story's articles in ingestion order, with the fingerprint of exactly that list. */
export interface StorySnapshot {
  storyId: string;
  fingerprint: string;
  articles: ArticleInput[];
}

/**
 * Articles stored once per content hash, with every place each was seen, and the stories they
 * belong to. A story's fingerprint changes whenever an article joins it, so anything cached under
 * the fingerprint is invalidated by the add itself.
 */
export interface ArticleRepository {
  add(storyId: string, articles: ArticleInput[]): Promise<AddArticlesResult>;
  /** Undefined when the story has no articles. */
  snapshot(storyId: string): Promise<StorySnapshot | undefined>;
  /** The current fingerprint (one read, for cache lookups); undefined when the story is empty. */
  fingerprint(storyId: string): Promise<string | undefined>;
  count(storyId: string): Promise<number>;
  /** When an article last joined the story (ISO time); undefined when none has since this was recorded. */
  lastAddedAt(storyId: string): Promise<string | undefined>;
  stories(): Promise<string[]>;
  /** Every source (file name or URL) an article with this text was seen at. */
  sightings(article: Pick<ArticleInput, 'text'>): Promise<string[]>;
}

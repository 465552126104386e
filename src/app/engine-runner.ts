import type { Answer, ArticleInput, ThreadLink, Topic } from '../core/types.ts';
import type { BriefingEngine } from './briefing-engine.ts';

/** One article set of a story: what an analysis is held by. */
export interface StoryKey {
  storyId: string;
  fingerprint: string;
}

/** Which briefing of an article set: one topic of it, and the story's own topics (default: the engine's). */
export interface BriefCut {
  topic?: string;
  topics?: Topic[];
}

/** Which engine writes briefings: the part of every briefing id and the topics it knows. */
export type EngineIdentity = Pick<BriefingEngine, 'engine' | 'generator' | 'topics'>;

export interface EngineRun<T> {
  result: T;
  /**
   * The cleaned, numbered articles (`encodeArticles`) whenever the articles were passed in: article
   * pages are written from them.
   */
  analysed?: Uint8Array;
}

/**
 * Where the engine runs and its analyses are kept (on this thread, or a pool of engine threads).
 * Each call names the article set; without `articles` it resolves `undefined` when no analysis
 * of that set is held, and the caller passes the articles on the second call.
 */
export interface EngineRunner extends EngineIdentity {
  /** The briefing as UTF-8 JSON (built and serialised where the engine runs, never re-parsed here). */
  brief(key: StoryKey, cut: BriefCut, articles?: ArticleInput[]): Promise<EngineRun<Uint8Array> | undefined>;
  answer(key: StoryKey, question: string, turns: ThreadLink['turns'], articles?: ArticleInput[]): Promise<EngineRun<Answer> | undefined>;
  /** Drops a held analysis (its article pages could not be written). */
  forget(key: StoryKey): Promise<void>;
  close(): Promise<void>;
}

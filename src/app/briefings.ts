import type { Analysis } from '../core/engine.ts';
import type { ArticlePageRepository } from '../core/ports/article-page-repository.ts';
import type { ArticleRepository } from '../core/ports/article-repository.ts';
import { type BriefingCache, briefingId, topicsDigest } from '../core/ports/briefing-cache.ts';
import type { StoryRepository } from '../core/ports/story-repository.ts';
import type { Briefing, Topic } from '../core/types.ts';
import type { AnalysisCache } from './analysis-cache.ts';
import type { BriefingEngine } from './briefing-engine.ts';
import { UnknownStoryError } from './local-service.ts';

export interface BriefingResult {
  briefingId: string;
  briefing: Briefing;
  /** True when the engine ran (the cache had no briefing for this article set). */
  computed: boolean;
}

/** Briefings and analyses of stored stories, through the cache: what the jobs build on. */
export class Briefings {
  readonly #articles: ArticleRepository;
  readonly #cache: BriefingCache;
  readonly #engine: BriefingEngine;
  readonly #analyses: AnalysisCache;
  readonly #pages: ArticlePageRepository | undefined;
  readonly #stories: StoryRepository | undefined;

  /**
   * `pages`: where the cleaned, numbered articles go that `/articles/<id>#s<n>` citations link to.
   * `stories`: story records, whose topics and title a story's briefings use (else the engine's topics).
   */
  constructor(deps: {
    articles: ArticleRepository;
    cache: BriefingCache;
    engine: BriefingEngine;
    analyses: AnalysisCache;
    pages?: ArticlePageRepository;
    stories?: StoryRepository;
  }) {
    this.#articles = deps.articles;
    this.#cache = deps.cache;
    this.#engine = deps.engine;
    this.#analyses = deps.analyses;
    this.#pages = deps.pages;
    this.#stories = deps.stories;
  }

  /** The topics a story is briefed by: its record's, else the engine's (the deployment's). */
  async topicsOf(storyId: string): Promise<Topic[]> {
    return (await this.#stories?.get(storyId))?.topics ?? this.#engine.topics;
  }

  get engine(): BriefingEngine {
    return this.#engine;
  }

  /** The id a briefing of the story's current (or given) article set has, cut by these topics. */
  idFor(storyId: string, fingerprint: string, topics: Topic[], topic?: string): string {
    return briefingId({
      storyId,
      fingerprint,
      ...(topic ? { topic } : {}),
      engine: this.#engine.engine,
      generator: this.#engine.generator,
      topics: topicsDigest(topics),
    });
  }

  /** The story's briefing by its own topics, titled with its record's title (applied on read: a rename needs no new briefing). */
  async briefing(storyId: string, topic?: string): Promise<BriefingResult> {
    const record = await this.#stories?.get(storyId);
    const topics = record?.topics ?? this.#engine.topics;
    const titled = (briefing: Briefing) => (record ? { ...briefing, title: record.title } : briefing);
    const fingerprint = await this.#articles.fingerprint(storyId);
    if (fingerprint === undefined) throw new UnknownStoryError(storyId);
    const cachedId = this.idFor(storyId, fingerprint, topics, topic);
    const cached = await this.#cache.get(cachedId);
    if (cached) return { briefingId: cachedId, briefing: titled(cached), computed: false };

    // Brief exactly the articles read here; an ingest in between simply yields the newer id.
    const { analysis, fingerprint: current } = await this.analysis(storyId);
    const id = this.idFor(storyId, current, topics, topic);
    const again = current === fingerprint ? undefined : await this.#cache.get(id);
    if (again) return { briefingId: id, briefing: titled(again), computed: false };
    const briefing = await this.#engine.brief(analysis, { storyId, topics, ...(topic ? { topic } : {}) });
    await this.#cache.put(id, briefing);
    return { briefingId: id, briefing: titled(briefing), computed: true };
  }

  async analysis(storyId: string): Promise<{ analysis: Analysis; fingerprint: string }> {
    const fingerprint = await this.#articles.fingerprint(storyId);
    if (fingerprint === undefined) throw new UnknownStoryError(storyId);
    const known = this.#analyses.get(storyId, fingerprint);
    if (known) return { analysis: known, fingerprint };
    const snapshot = await this.#articles.snapshot(storyId);
    if (!snapshot) throw new UnknownStoryError(storyId);
    const analysis = this.#engine.analyse(storyId, snapshot.articles);
    // Before any briefing or answer citing these sentences is handed out.
    await this.#pages?.put(analysis.articles);
    this.#analyses.set(storyId, snapshot.fingerprint, analysis);
    return { analysis, fingerprint: snapshot.fingerprint };
  }
}

import type { ArticlePageRepository } from '../core/ports/article-page-repository.ts';
import type { ArticleRepository } from '../core/ports/article-repository.ts';
import { type BriefingCache, briefingId, topicsDigest } from '../core/ports/briefing-cache.ts';
import type { StoryRepository } from '../core/ports/story-repository.ts';
import type { Answer, ArticleInput, Briefing, ThreadLink, Topic } from '../core/types.ts';
import { decodeArticles } from './encoded-articles.ts';
import type { EngineIdentity, EngineRun, EngineRunner, StoryKey } from './engine-runner.ts';
import { UnknownStoryError } from './local-service.ts';

const PAGE_SLICE = 100;

export interface BriefResult {
  briefingId: string;
  /** True when the engine ran (the cache had no briefing for this article set). */
  computed: boolean;
}

export interface BriefingResult extends BriefResult {
  briefing: Briefing;
}

/** Briefings and answers of stored stories, through the cache: what the jobs build on. */
export class Briefings {
  readonly #articles: ArticleRepository;
  readonly #cache: BriefingCache;
  readonly #runner: EngineRunner;
  readonly #pages: ArticlePageRepository | undefined;
  readonly #stories: StoryRepository | undefined;

  /**
   * `pages`: where the cleaned, numbered articles go that `/articles/<id>#s<n>` citations link to.
   * `stories`: story records, whose topics and title a story's briefings use (else the engine's topics).
   */
  constructor(deps: {
    articles: ArticleRepository;
    cache: BriefingCache;
    runner: EngineRunner;
    pages?: ArticlePageRepository;
    stories?: StoryRepository;
  }) {
    this.#articles = deps.articles;
    this.#cache = deps.cache;
    this.#runner = deps.runner;
    this.#pages = deps.pages;
    this.#stories = deps.stories;
  }

  /** The topics a story is briefed by: its record's, else the engine's (the deployment's). */
  async topicsOf(storyId: string): Promise<Topic[]> {
    return (await this.#stories?.get(storyId))?.topics ?? this.#runner.topics;
  }

  get engine(): EngineIdentity {
    return this.#runner;
  }

  /** The id a briefing of the story's current (or given) article set has, cut by these topics. */
  idFor(storyId: string, fingerprint: string, topics: Topic[], topic?: string): string {
    return briefingId({
      storyId,
      fingerprint,
      ...(topic ? { topic } : {}),
      engine: this.#runner.engine,
      generator: this.#runner.generator,
      topics: topicsDigest(topics),
    });
  }

  /** Makes sure the story's briefing by its own topics is cached; the briefing itself is never parsed on this thread. */
  async brief(storyId: string, topic?: string): Promise<BriefResult> {
    const topics = await this.topicsOf(storyId);
    const cut = { ...(topic ? { topic } : {}), topics };
    const fingerprint = await this.#fingerprint(storyId);
    const cachedId = this.idFor(storyId, fingerprint, topics, topic);
    if (await this.#cache.has(cachedId)) return { briefingId: cachedId, computed: false };
    const held = await this.#runner.brief({ storyId, fingerprint }, cut);
    if (held) return this.#store(cachedId, held.result);

    // Brief exactly the articles read here; an ingest in between simply yields the newer id.
    const snapshot = await this.#snapshot(storyId);
    const id = this.idFor(storyId, snapshot.key.fingerprint, topics, topic);
    if (id !== cachedId && (await this.#cache.has(id))) return { briefingId: id, computed: false };
    const run = await this.#runner.brief(snapshot.key, cut, snapshot.articles);
    return this.#store(id, await this.#withPages(snapshot.key, run));
  }

  /**
   * The briefing itself (digests build on it): `brief`, then read from the cache, titled with the
   * story record's title (applied on read: a rename needs no new briefing).
   */
  async briefing(storyId: string, topic?: string): Promise<BriefingResult> {
    const result = await this.brief(storyId, topic);
    const briefing = await this.#cache.get(result.briefingId);
    if (!briefing) throw new Error(`briefing ${result.briefingId} of story ${storyId} vanished from the cache`);
    const record = await this.#stories?.get(storyId);
    return { ...result, briefing: record ? { ...briefing, title: record.title } : briefing };
  }

  async answer(storyId: string, question: string, turns: ThreadLink['turns']): Promise<Answer> {
    const fingerprint = await this.#fingerprint(storyId);
    const held = await this.#runner.answer({ storyId, fingerprint }, question, turns);
    if (held) return held.result;
    const snapshot = await this.#snapshot(storyId);
    return this.#withPages(snapshot.key, await this.#runner.answer(snapshot.key, question, turns, snapshot.articles));
  }

  async #store(id: string, json: Uint8Array): Promise<BriefResult> {
    await this.#cache.putEncoded(id, json);
    return { briefingId: id, computed: true };
  }

  async #snapshot(storyId: string): Promise<{ key: StoryKey; articles: ArticleInput[] }> {
    const snapshot = await this.#articles.snapshot(storyId);
    if (!snapshot) throw new UnknownStoryError(storyId);
    return { key: { storyId, fingerprint: snapshot.fingerprint }, articles: snapshot.articles };
  }

  /** Writes the article pages of a fresh analysis, before anything citing their sentences is handed out. */
  async #withPages<T>(key: StoryKey, run: EngineRun<T> | undefined): Promise<T> {
    if (!run) throw new Error(`the engine returned nothing for story ${key.storyId} although it was given the articles`);
    if (run.analysed && this.#pages) {
      try {
        // A slice at a time: each is parsed while the previous one's write is on its way.
        for (const slice of decodeArticles(run.analysed, PAGE_SLICE)) await this.#pages.put(slice);
      } catch (error) {
        // The set is analysed again next time, and its pages written then.
        await this.#runner.forget(key).catch(() => {});
        throw error;
      }
    }
    return run.result;
  }

  async #fingerprint(storyId: string): Promise<string> {
    const fingerprint = await this.#articles.fingerprint(storyId);
    if (fingerprint === undefined) throw new UnknownStoryError(storyId);
    return fingerprint;
  }
}

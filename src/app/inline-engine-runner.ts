import type { Analysis } from '../core/engine.ts';
import type { Answer, ArticleInput, Briefing, ThreadLink } from '../core/types.ts';
import { AnalysisCache } from './analysis-cache.ts';
import type { BriefingEngine } from './briefing-engine.ts';
import { encodeArticles } from './encoded-articles.ts';
import type { BriefCut, EngineRun, EngineRunner, StoryKey } from './engine-runner.ts';

const encoder = new TextEncoder();

export function encodeBriefing(briefing: Briefing): Uint8Array {
  return encoder.encode(JSON.stringify(briefing));
}

/**
 * Runs the engine on the calling thread, keeping recent analyses in an AnalysisCache. Inside an
 * engine thread this is the whole engine; on a worker's own loop (ENGINE_THREADS=0, tests that
 * count engine runs) it blocks that loop while it runs.
 */
export class InlineEngineRunner implements EngineRunner {
  readonly engine: string;
  readonly generator: string;
  readonly topics: BriefingEngine['topics'];
  readonly #engine: BriefingEngine;
  readonly #analyses: AnalysisCache;

  constructor(engine: BriefingEngine, analyses = new AnalysisCache()) {
    this.engine = engine.engine;
    this.generator = engine.generator;
    this.topics = engine.topics;
    this.#engine = engine;
    this.#analyses = analyses;
  }

  async brief(key: StoryKey, cut: BriefCut, articles?: ArticleInput[]): Promise<EngineRun<Uint8Array> | undefined> {
    const analysis = this.#analysis(key, articles);
    if (!analysis) return undefined;
    const briefing = await this.#engine.brief(analysis, {
      storyId: key.storyId,
      ...(cut.topic ? { topic: cut.topic } : {}),
      ...(cut.topics ? { topics: cut.topics } : {}),
    });
    return withArticles(encodeBriefing(briefing), analysis, articles);
  }

  async answer(key: StoryKey, question: string, turns: ThreadLink['turns'], articles?: ArticleInput[]): Promise<EngineRun<Answer> | undefined> {
    const analysis = this.#analysis(key, articles);
    if (!analysis) return undefined;
    return withArticles(await this.#engine.answer(analysis, question, turns), analysis, articles);
  }

  async forget(key: StoryKey): Promise<void> {
    this.#analyses.delete(key.storyId, key.fingerprint);
  }

  async close(): Promise<void> {}

  #analysis(key: StoryKey, articles: ArticleInput[] | undefined): Analysis | undefined {
    const known = this.#analyses.get(key.storyId, key.fingerprint);
    if (known || !articles) return known;
    const analysis = this.#engine.analyse(key.storyId, articles);
    this.#analyses.set(key.storyId, key.fingerprint, analysis);
    return analysis;
  }
}

// Whoever passed the articles writes their pages, even if a concurrent call analysed them first.
function withArticles<T>(result: T, analysis: Analysis, articles: ArticleInput[] | undefined): EngineRun<T> {
  return articles ? { result, analysed: encodeArticles(analysis.articles) } : { result };
}

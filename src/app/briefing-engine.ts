import { answerQuestion } from '../core/answer.ts';
import type { WordList } from '../core/clean/headings.ts';
import { type Analysis, analyse, briefingFromAnalysis, ENGINE_NAME, ENGINE_VERSION } from '../core/engine.ts';
import type { Answer, ArticleInput, Briefing, ThreadLink, Topic } from '../core/types.ts';
import type { Writer } from '../llm/writer.ts';

/**
 * What the queue's jobs ask of the briefing engine. The offline engine implements it here; the
 * LLM path wraps it (same analysis, its own `brief`/`answer`) and sets `generator` to its model
 * and prompt version, which is part of every briefing cache key.
 */
export interface BriefingEngine {
  /** Engine name and version, e.g. "summit-offline/3". */
  readonly engine: string;
  /** Model and prompt version when an LLM writes briefings; "" for the offline engine. */
  readonly generator: string;
  readonly topics: Topic[];
  analyse(storyId: string, articles: ArticleInput[]): Analysis;
  /** `topics`: the story's own (default: the engine's, i.e. the deployment's). */
  brief(analysis: Analysis, request: { storyId: string; topic?: string; topics?: Topic[] }): Promise<Briefing>;
  answer(analysis: Analysis, question: string, earlierTurns: ThreadLink['turns']): Promise<Answer>;
}

export interface OfflineEngineOptions {
  topics: Topic[];
  dictionary: WordList;
  now?: () => Date;
}

export function offlineEngine(options: OfflineEngineOptions): BriefingEngine {
  const base = { topics: options.topics, dictionary: options.dictionary, ...(options.now ? { now: options.now } : {}) };
  return {
    engine: `${ENGINE_NAME}/${ENGINE_VERSION}`,
    generator: '',
    topics: options.topics,
    analyse: (storyId, articles) => analyse(articles, { ...base, story: storyId }),
    brief: async (analysis, request) =>
      briefingFromAnalysis(analysis, {
        ...base,
        story: request.storyId,
        ...(request.topics ? { topics: request.topics } : {}),
        ...(request.topic ? { topic: request.topic } : {}),
      }),
    // The offline engine answers from the articles alone; earlier turns matter to the LLM path.
    answer: async (analysis, question) => answerQuestion(analysis, question),
  };
}

/**
 * An engine whose briefings and answers are written by a Writer (the LLM path): the same
 * analysis as the offline engine, verified output, offline fallback with a note on failure.
 */
export function writerEngine(options: OfflineEngineOptions, writer: Writer): BriefingEngine {
  const base = { topics: options.topics, dictionary: options.dictionary, ...(options.now ? { now: options.now } : {}) };
  return {
    engine: writer.engine,
    generator: writer.cacheKeyPart,
    topics: options.topics,
    analyse: (storyId, articles) => analyse(articles, { ...base, story: storyId }),
    brief: (analysis, request) =>
      writer.brief({
        analysis,
        options: {
          ...base,
          story: request.storyId,
          ...(request.topics ? { topics: request.topics } : {}),
          ...(request.topic ? { topic: request.topic } : {}),
        },
      }),
    answer: (analysis, question, earlierTurns) => writer.answer({ analysis, question, history: earlierTurns }),
  };
}

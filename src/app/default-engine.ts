import { readTopicsFile } from '../ingest/topics-file.ts';
import type { LlmConfig } from '../config/llm.ts';
import { englishWords } from '../lexicon/english-words.ts';
import { createWriter } from '../llm/create-writer.ts';
import type { ChatModel } from '../llm/chat-model.ts';
import type { LlmLogger, LlmMetrics } from '../llm/metrics.ts';
import { type BriefingEngine, offlineEngine, writerEngine } from './briefing-engine.ts';

export interface EngineConfig {
  topicsFile?: string;
  llm?: LlmConfig;
}

/**
 * The engine every process builds from config: workers run it, and chat processes take its
 * topics and cache identity from it, so both compute the same briefing ids. With an LLM
 * configured, the writer (model + prompt version) becomes part of that identity.
 */
export async function createEngine(
  config: EngineConfig,
  now?: () => Date,
  deps: { logger?: LlmLogger; metrics?: LlmMetrics; model?: ChatModel } = {},
): Promise<BriefingEngine> {
  const topics = await readTopicsFile(config.topicsFile);
  const base = { topics, dictionary: englishWords(), ...(now ? { now } : {}) };
  if (!config.llm || config.llm.engine === 'offline') return offlineEngine(base);
  const writer = await createWriter(config.llm, { dictionary: base.dictionary, ...deps });
  return writerEngine(base, writer);
}

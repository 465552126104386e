import { type LlmConfig, OPENAI_DEFAULT_BASE_URL, type OpenAiConfig } from '../config/llm.ts';
import type { WordList } from '../core/clean/headings.ts';
import { llmCacheKey, LlmWriter } from './llm-writer.ts';
import type { ChatModel } from './chat-model.ts';
import type { LlmLogger, LlmMetrics } from './metrics.ts';
import { OfflineWriter } from './offline-writer.ts';
import { createOpenAiChatModel, type OpenAiChatDeps, openAiModelName } from './openai-chat.ts';
import { loadPromptSet, type PromptSet } from './prompt-loader.ts';
import type { Writer } from './writer.ts';

export interface WriterDeps {
  dictionary: WordList;
  logger?: LlmLogger;
  metrics?: LlmMetrics;
  /** Default: the repository's prompts/ directory. */
  prompts?: PromptSet;
  fetch?: OpenAiChatDeps['fetch'];
  /** The model to call instead of building one from the config (an engine thread's stand-in for the parent's). */
  model?: ChatModel;
}

/** The chat model the configuration asks for; undefined for the offline engine. */
export function createChatModel(config: LlmConfig, deps: Omit<WriterDeps, 'dictionary' | 'prompts' | 'model'>): ChatModel | undefined {
  if (config.engine === 'offline' || !config.openai) return undefined;
  return createOpenAiChatModel(config.openai, {
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
}

/** The writer the configuration asks for: offline, or OpenAI (or a compatible server). */
export async function createWriter(config: LlmConfig, deps: WriterDeps): Promise<Writer> {
  if (config.engine === 'offline' || !config.openai) return new OfflineWriter();
  const prompts = deps.prompts ?? (await loadPromptSet());
  const model = deps.model ?? (createChatModel(config, deps) as ChatModel);
  return new LlmWriter({
    model,
    prompts,
    dictionary: deps.dictionary,
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
    ...serverScope(config.openai),
  });
}

/**
 * The part of the briefing cache key that names the writer: engine, model, prompt version and
 * prompt content (and the server, when not OpenAI's). The queue includes it, so changing any of
 * them re-briefs while a repeated brief with the same settings makes no LLM call.
 */
export async function llmCacheKeyPart(config: LlmConfig, prompts?: PromptSet): Promise<string> {
  if (config.engine === 'offline' || !config.openai) return new OfflineWriter().cacheKeyPart;
  return llmCacheKey(
    openAiModelName(config.openai),
    prompts ?? (await loadPromptSet()),
    serverScope(config.openai).cacheScope,
  );
}

function serverScope(config: OpenAiConfig): { cacheScope?: string } {
  return config.baseUrl === OPENAI_DEFAULT_BASE_URL ? {} : { cacheScope: new URL(config.baseUrl).host };
}

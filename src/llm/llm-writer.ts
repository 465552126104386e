import type { WordList } from '../core/clean/headings.ts';
import type { ChatModel } from './chat-model.ts';
import { writeLlmAnswer } from './llm-answer.ts';
import { writeLlmBriefing } from './llm-briefing.ts';
import type { LlmDeps } from './llm-deps.ts';
import { type LlmLogger, type LlmMetrics, SILENT_LOGGER } from './metrics.ts';
import type { PromptSet } from './prompt-loader.ts';
import type { AnswerRequest, BriefingRequest, Writer } from './writer.ts';

/** "openai:gpt-4o-mini/prompt-v1": what wrote a briefing, as shown to readers. */
export function llmEngineName(modelName: string, prompts: PromptSet): string {
  return `${modelName}/prompt-v${prompts.version}`;
}

/** The writer's part of the briefing cache key; the content hash catches a prompt edited without a version bump. */
export function llmCacheKey(modelName: string, prompts: PromptSet, cacheScope?: string): string {
  return `${llmEngineName(modelName, prompts)}#${prompts.contentHash}${cacheScope ? `@${cacheScope}` : ''}`;
}

/** Briefings and answers written by a chat model from the engine's claims, verified before use. */
export class LlmWriter implements Writer {
  readonly engine: string;
  readonly cacheKeyPart: string;
  readonly #deps: LlmDeps;

  constructor(deps: {
    model: ChatModel;
    prompts: PromptSet;
    dictionary: WordList;
    logger?: LlmLogger;
    metrics?: LlmMetrics;
    /** Anything else that changes output for the same model name (e.g. a non-default server). */
    cacheScope?: string;
  }) {
    this.engine = llmEngineName(deps.model.name, deps.prompts);
    this.cacheKeyPart = llmCacheKey(deps.model.name, deps.prompts, deps.cacheScope);
    this.#deps = {
      model: deps.model,
      prompts: deps.prompts,
      dictionary: deps.dictionary,
      engine: this.engine,
      logger: deps.logger ?? SILENT_LOGGER,
      metrics: deps.metrics,
    };
  }

  brief({ analysis, options }: BriefingRequest) {
    return writeLlmBriefing(this.#deps, analysis, options);
  }

  answer({ analysis, question, history }: AnswerRequest) {
    return writeLlmAnswer(this.#deps, analysis, question, history);
  }
}

import type { WordList } from '../core/clean/headings.ts';
import type { ChatModel } from './chat-model.ts';
import type { LlmLogger, LlmMetrics } from './metrics.ts';
import type { PromptSet } from './prompt-loader.ts';

/** What the LLM briefing and answer flows need, built once by LlmWriter. */
export interface LlmDeps {
  model: ChatModel;
  prompts: PromptSet;
  dictionary: WordList;
  engine: string;
  logger: LlmLogger;
  metrics?: LlmMetrics | undefined;
}

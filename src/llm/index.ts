/** What the rest of summit uses from the LLM layer (the composition root, the queue, ops). */
export type { TokenUsage } from './chat-model.ts';
export { createWriter, llmCacheKeyPart, type WriterDeps } from './create-writer.ts';
export type { LlmFailureCode } from './llm-error.ts';
export type { LlmCallEvent, LlmFallbackEvent, LlmLogger, LlmMetrics, LlmVerificationEvent } from './metrics.ts';
export { OFFLINE_ENGINE, OfflineWriter } from './offline-writer.ts';
export { PromptFileError } from './prompt-file-error.ts';
export { loadPromptSet, type PromptSet } from './prompt-loader.ts';
export type { AnswerRequest, AnswerWriter, BriefingRequest, BriefingWriter, Writer } from './writer.ts';

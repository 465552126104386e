import type { CallPurpose, TokenUsage } from './chat-model.ts';
import type { LlmFailureCode } from './llm-error.ts';

/** One LLM call, successful or not (usage is zero when the service returned none). */
export interface LlmCallEvent {
  purpose: CallPurpose;
  model: string;
  outcome: 'ok' | LlmFailureCode;
  durationMs: number;
  usage: TokenUsage;
}

/** What verification did to one reply. */
export interface LlmVerificationEvent {
  purpose: CallPurpose;
  proposed: number;
  dropped: number;
}

/** A briefing or answer that fell back to the offline engine. */
export interface LlmFallbackEvent {
  kind: 'briefing' | 'answer';
  code: LlmFailureCode;
  /** For operators (logs), not readers: what exactly failed. */
  detail: string;
}

/**
 * Hooks the ops layer wires to its metrics (e.g. prom-client counters for tokens by model and
 * purpose, a histogram of durations, counters of fallbacks). Every method is optional.
 */
export interface LlmMetrics {
  call?(event: LlmCallEvent): void;
  verification?(event: LlmVerificationEvent): void;
  fallback?(event: LlmFallbackEvent): void;
}

/** The slice of a pino-style logger the LLM layer uses. */
export interface LlmLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export const SILENT_LOGGER: LlmLogger = { info: () => {}, warn: () => {} };

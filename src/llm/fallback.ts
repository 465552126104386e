import { LlmError } from './llm-error.ts';
import type { LlmLogger, LlmMetrics } from './metrics.ts';

/**
 * Records why the LLM path gave up and returns the note the reader sees with the offline result.
 * Anything thrown (a bug included) ends here: a model problem never reaches the channel as an error.
 */
export function fallbackNote(
  deps: { logger: LlmLogger; metrics?: LlmMetrics | undefined },
  kind: 'briefing' | 'answer',
  error: unknown,
): string {
  const failure =
    error instanceof LlmError ? error : new LlmError('llm:invalid-output', String(error), { cause: error });
  deps.logger.warn({ kind, code: failure.code, detail: failure.message }, 'llm: fell back to the offline engine');
  deps.metrics?.fallback?.({ kind, code: failure.code, detail: failure.message });
  return `${kind === 'briefing' ? 'Written' : 'Answered'} by the offline engine: ${failure.readerReason}.`;
}

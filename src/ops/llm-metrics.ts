import { Counter, Histogram, type Registry } from 'prom-client';
import type { LlmMetrics } from '../llm/metrics.ts';

/** Prometheus counters for the LLM path: tokens by model and purpose, call outcomes, fallbacks. */
export function createLlmMetrics(registry: Registry): LlmMetrics {
  const tokens = new Counter({
    name: 'summit_llm_tokens_total',
    help: 'Tokens used by LLM calls, by model, purpose and kind (prompt or completion)',
    labelNames: ['model', 'purpose', 'kind'],
    registers: [registry],
  });
  const calls = new Histogram({
    name: 'summit_llm_call_duration_seconds',
    help: 'LLM call durations by model, purpose and outcome',
    labelNames: ['model', 'purpose', 'outcome'],
    buckets: [0.25, 0.5, 1, 2, 5, 10, 20, 40, 60],
    registers: [registry],
  });
  const dropped = new Counter({
    name: 'summit_llm_points_dropped_total',
    help: 'Model statements dropped by verification, by purpose',
    labelNames: ['purpose'],
    registers: [registry],
  });
  const fallbacks = new Counter({
    name: 'summit_llm_fallbacks_total',
    help: 'Briefings and answers that fell back to the offline engine, by reason',
    labelNames: ['kind', 'code'],
    registers: [registry],
  });
  return {
    call(event) {
      calls.observe({ model: event.model, purpose: event.purpose, outcome: event.outcome }, event.durationMs / 1000);
      tokens.inc({ model: event.model, purpose: event.purpose, kind: 'prompt' }, event.usage.promptTokens);
      tokens.inc({ model: event.model, purpose: event.purpose, kind: 'completion' }, event.usage.completionTokens);
    },
    verification(event) {
      dropped.inc({ purpose: event.purpose }, event.dropped);
    },
    fallback(event) {
      fallbacks.inc({ kind: event.kind, code: event.code });
    },
  };
}

import type { LlmLogger, LlmMetrics } from '../llm/metrics.ts';
import { createChatModel } from '../llm/create-writer.ts';
import { createEngine, type EngineConfig } from './default-engine.ts';
import { startEngineThreads } from './engine-thread/thread-engine-runner.ts';
import type { EngineRunner } from './engine-runner.ts';
import { InlineEngineRunner } from './inline-engine-runner.ts';

/**
 * The worker's engine: on `engineThreads` threads, or on the caller's loop when 0. The engine is
 * also built here first, so a bad topics file or prompt fails before any thread starts; `now`
 * applies to that loop-run engine only (threads use the clock).
 */
export async function createEngineRunner(
  config: EngineConfig & { engineThreads: number },
  deps: { logger: LlmLogger; metrics?: LlmMetrics; now?: () => Date },
): Promise<EngineRunner> {
  const llmDeps = { logger: deps.logger, ...(deps.metrics ? { metrics: deps.metrics } : {}) };
  const model = config.llm ? createChatModel(config.llm, llmDeps) : undefined;
  const engine = await createEngine(config, deps.now, { ...llmDeps, ...(model ? { model } : {}) });
  if (config.engineThreads === 0) return new InlineEngineRunner(engine);
  return startEngineThreads({
    threads: config.engineThreads,
    config: { ...(config.topicsFile ? { topicsFile: config.topicsFile } : {}), ...(config.llm ? { llm: config.llm } : {}) },
    identity: engine,
    ...(model ? { model } : {}),
    ...llmDeps,
  });
}

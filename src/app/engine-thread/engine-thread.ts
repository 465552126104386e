/**
 * Entry of an engine thread: the engine the worker's config asks for, with its analyses held here
 * (InlineEngineRunner), serving brief/answer/forget calls from the worker's loop. With an LLM, the
 * writer runs here too (condense, verify, assemble) but each model call is made by the parent,
 * which holds the API key and the OpenAI client; logs and LLM metrics go to the parent as well.
 */
import { workerData } from 'node:worker_threads';
import type { BriefCut, EngineRun, StoryKey } from '../engine-runner.ts';
import { createEngine, type EngineConfig } from '../default-engine.ts';
import { InlineEngineRunner } from '../inline-engine-runner.ts';
import type { ArticleInput, ThreadLink } from '../../core/types.ts';
import type { ChatModel, ChatReply, ChatRequest, TokenUsage } from '../../llm/chat-model.ts';
import { LlmError, type LlmFailureCode } from '../../llm/llm-error.ts';
import type { LlmLogger, LlmMetrics } from '../../llm/metrics.ts';
import { EngineThreadError } from './errors.ts';
import { callParent, notifyParent, serveParent, Transfer } from './parent-port.ts';

export interface EngineThreadData {
  engine: EngineConfig;
  /** Name of the parent's chat model, when an LLM writes briefings. */
  modelName?: string;
}

const data = workerData as EngineThreadData;

const model: ChatModel | undefined = data.modelName
  ? {
      name: data.modelName,
      complete: (request: ChatRequest) =>
        (callParent('chat', [request]) as Promise<ChatReply>).catch((error: unknown) => {
          throw asLlmError(error);
        }),
    }
  : undefined;
const logger: LlmLogger = {
  info: (fields, message) => notifyParent('log', ['info', fields, message]),
  warn: (fields, message) => notifyParent('log', ['warn', fields, message]),
};
// `call` is recorded by the parent's model; what the writer itself observes is sent there.
const metrics: LlmMetrics = {
  verification: (event) => notifyParent('metric', ['verification', event]),
  fallback: (event) => notifyParent('metric', ['fallback', event]),
};

const engine = await createEngine(data.engine, undefined, { logger, metrics, ...(model ? { model } : {}) });
const runner = new InlineEngineRunner(engine);

// Articles arrive a slice at a time (ThreadEngineRunner) and are taken by the call naming their upload.
const uploads = new Map<number, ArticleInput[]>();
const take = (upload: number | undefined) => {
  if (upload === undefined) return undefined;
  const articles = uploads.get(upload);
  uploads.delete(upload);
  if (!articles) throw new Error(`no articles were uploaded as ${upload}`);
  return articles;
};

serveParent(
  {
    upload: (upload: number, slice: ArticleInput[]) => {
      const articles = uploads.get(upload) ?? [];
      for (const article of slice) articles.push(article);
      uploads.set(upload, articles);
    },
    brief: async (key: StoryKey, cut: BriefCut, upload?: number) => {
      const run = await runner.brief(key, cut, take(upload));
      return run ? withTransfer(run, run.result) : undefined;
    },
    answer: async (key: StoryKey, question: string, turns: ThreadLink['turns'], upload?: number) => {
      const run = await runner.answer(key, question, turns, take(upload));
      return run ? withTransfer(run) : undefined;
    },
    forget: (key: StoryKey) => runner.forget(key),
  },
  { engine: engine.engine, generator: engine.generator },
);

/** The encoded briefing and articles move to the parent rather than being copied. */
function withTransfer<T>(run: EngineRun<T>, ...bytes: Uint8Array[]): Transfer<EngineRun<T>> {
  const buffers = [...bytes, ...(run.analysed ? [run.analysed] : [])].map((b) => b.buffer as ArrayBuffer);
  return new Transfer(run, [...new Set(buffers)]);
}

/** The writer falls back by LlmError code, so a failed call keeps its code across the thread boundary. */
function asLlmError(error: unknown): Error {
  if (!(error instanceof EngineThreadError)) return error as Error;
  if (error.remoteName !== 'LlmError' || !error.code) return error;
  const usage = error.remote.usage as TokenUsage | undefined;
  return new LlmError(error.code as LlmFailureCode, error.message, usage ? { usage } : {});
}

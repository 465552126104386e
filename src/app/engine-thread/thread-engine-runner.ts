import type { Answer, ArticleInput, ThreadLink } from '../../core/types.ts';
import type { ChatModel, ChatRequest } from '../../llm/chat-model.ts';
import type { LlmCallEvent, LlmFallbackEvent, LlmLogger, LlmMetrics, LlmVerificationEvent } from '../../llm/metrics.ts';
import type { EngineConfig } from '../default-engine.ts';
import type { BriefCut, EngineIdentity, EngineRun, EngineRunner, StoryKey } from '../engine-runner.ts';
import type { EngineThreadData } from './engine-thread.ts';
import { ThreadPool } from './thread-pool.ts';

const UPLOAD_SLICE = 250;

export const ENGINE_THREAD_FILE = new URL('./engine-thread.ts', import.meta.url);

export interface EngineThreadsOptions {
  threads: number;
  config: EngineConfig;
  /** The engine as built on this thread: the threads must build the same one. */
  identity: EngineIdentity;
  /** This thread's chat model, which makes every LLM call the threads' writers ask for. */
  model?: ChatModel;
  logger: LlmLogger;
  metrics?: LlmMetrics;
}

/** Starts the engine threads; resolves once each has built its engine. */
export async function startEngineThreads(options: EngineThreadsOptions): Promise<EngineRunner> {
  const { model, logger, metrics } = options;
  const workerData: EngineThreadData = {
    engine: withoutApiKey(options.config),
    ...(model ? { modelName: model.name } : {}),
  };
  const { pool, info } = await ThreadPool.start({
    file: ENGINE_THREAD_FILE,
    size: options.threads,
    workerData,
    parentMethods: {
      chat: (request: ChatRequest) => {
        if (!model) throw new Error('no chat model is configured on the worker');
        return model.complete(request);
      },
      log: (level: 'info' | 'warn', fields: Record<string, unknown>, message: string) => logger[level](fields, message),
      metric: (kind: 'call' | 'verification' | 'fallback', event: LlmCallEvent & LlmVerificationEvent & LlmFallbackEvent) =>
        metrics?.[kind]?.(event),
    },
    onCrash: (index, reason) => logger.warn({ thread: index, reason }, 'engine thread stopped; its jobs fail and a new thread takes the next'),
  });
  for (const announced of info) {
    const { engine, generator } = announced as Pick<EngineIdentity, 'engine' | 'generator'>;
    if (engine !== options.identity.engine || generator !== options.identity.generator) {
      await pool.close();
      throw new Error(`an engine thread built "${engine}" (${generator}), the worker "${options.identity.engine}" (${options.identity.generator})`);
    }
  }
  return new ThreadEngineRunner(pool, options.identity);
}

/** The engine on a pool of threads; a story's calls all go to one thread, which holds its analyses. */
class ThreadEngineRunner implements EngineRunner {
  readonly engine: string;
  readonly generator: string;
  readonly topics: EngineIdentity['topics'];
  readonly #pool: ThreadPool;
  #lastUpload = 0;

  constructor(pool: ThreadPool, identity: EngineIdentity) {
    this.engine = identity.engine;
    this.generator = identity.generator;
    this.topics = identity.topics;
    this.#pool = pool;
  }

  async brief(key: StoryKey, cut: BriefCut, articles?: ArticleInput[]): Promise<EngineRun<Uint8Array> | undefined> {
    return this.#pool.run(key.storyId, 'brief', [key, cut, await this.#upload(key, articles)]);
  }

  async answer(key: StoryKey, question: string, turns: ThreadLink['turns'], articles?: ArticleInput[]): Promise<EngineRun<Answer> | undefined> {
    return this.#pool.run(key.storyId, 'answer', [key, question, turns, await this.#upload(key, articles)]);
  }

  /**
   * Sends the articles a slice per message, so no single copy into the thread holds up this loop;
   * the thread keeps them under the returned id until the call that uses them.
   */
  async #upload(key: StoryKey, articles: ArticleInput[] | undefined): Promise<number | undefined> {
    if (!articles) return undefined;
    const id = ++this.#lastUpload;
    for (let i = 0; i < articles.length; i += UPLOAD_SLICE) {
      await this.#pool.run(key.storyId, 'upload', [id, articles.slice(i, i + UPLOAD_SLICE)]);
    }
    if (articles.length === 0) await this.#pool.run(key.storyId, 'upload', [id, []]);
    return id;
  }

  forget(key: StoryKey): Promise<void> {
    return this.#pool.run(key.storyId, 'forget', [key]);
  }

  close(): Promise<void> {
    return this.#pool.close();
  }
}

// The key stays on this thread, whose model makes every call.
function withoutApiKey(config: EngineConfig): EngineConfig {
  const openai = config.llm?.openai;
  return openai && config.llm ? { ...config, llm: { ...config.llm, openai: { ...openai, apiKey: '' } } } : config;
}

import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import type { OpenAiConfig } from '../config/llm.ts';
import type { ChatModel, ChatReply, ChatRequest, TokenUsage } from './chat-model.ts';
import { guardedFetch } from './guarded-fetch.ts';
import { LlmError } from './llm-error.ts';
import { type LlmLogger, type LlmMetrics, SILENT_LOGGER } from './metrics.ts';

export interface OpenAiChatDeps {
  logger?: LlmLogger;
  metrics?: LlmMetrics;
  /** The HTTP client under the SDK (tests and proxies); default global fetch. */
  fetch?: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
}

const NO_USAGE: TokenUsage = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };

export function openAiModelName(config: Pick<OpenAiConfig, 'model'>): string {
  return `openai:${config.model}`;
}

/** A ChatModel on the official `openai` client: Chat Completions with a strict JSON schema. */
export function createOpenAiChatModel(config: OpenAiConfig, deps: OpenAiChatDeps = {}): ChatModel {
  const logger = deps.logger ?? SILENT_LOGGER;
  const client = new OpenAI({
    apiKey: config.apiKey,
    baseURL: config.baseUrl,
    timeout: config.timeoutMs,
    maxRetries: config.maxRetries,
    // Everything comes from our validated config; stop the SDK reading other variables itself.
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    logLevel: 'off',
    fetch: guardedFetch({ maxRetryWaitMs: config.maxRetryWaitMs, logger, ...(deps.fetch ? { inner: deps.fetch } : {}) }),
  });
  const name = openAiModelName(config);

  async function call(request: ChatRequest): Promise<ChatReply> {
    const completion = await client.chat.completions.create({
      model: config.model,
      messages: request.messages,
      response_format: {
        type: 'json_schema',
        json_schema: { name: request.output.name, strict: true, schema: request.output.schema },
      },
      max_completion_tokens: config.maxOutputTokens,
    });
    const usage: TokenUsage = completion.usage
      ? {
          promptTokens: completion.usage.prompt_tokens,
          completionTokens: completion.usage.completion_tokens,
          totalTokens: completion.usage.total_tokens,
        }
      : NO_USAGE;
    const choice = completion.choices[0];
    const fail = (code: LlmError['code'], detail: string) => new LlmError(code, detail, { usage });
    if (!choice) throw fail('llm:invalid-output', 'the reply has no choices');
    if (choice.message.refusal) throw fail('llm:refusal', `refused: ${choice.message.refusal}`);
    if (choice.finish_reason === 'content_filter') throw fail('llm:refusal', 'stopped by the content filter');
    if (choice.finish_reason === 'length') throw fail('llm:truncated', 'finish_reason "length": output cut off');
    const content = choice.message.content;
    if (!content) throw fail('llm:invalid-output', 'the reply has no content');
    let json: unknown;
    try {
      json = JSON.parse(content);
    } catch (error) {
      throw fail('llm:invalid-output', `content is not JSON: ${(error as Error).message}`);
    }
    return { json, usage };
  }

  return {
    name,
    async complete(request) {
      const started = Date.now();
      try {
        const reply = await call(request);
        record(request, 'ok', started, reply.usage);
        return reply;
      } catch (error) {
        const failure = toLlmError(error);
        record(request, failure.code, started, failure.usage ?? NO_USAGE);
        throw failure;
      }
    },
  };

  function record(request: ChatRequest, outcome: 'ok' | LlmError['code'], started: number, usage: TokenUsage) {
    const event = { purpose: request.purpose, model: config.model, outcome, durationMs: Date.now() - started, usage };
    deps.metrics?.call?.(event);
    if (outcome === 'ok') logger.info(event, 'llm: call finished');
    else logger.warn(event, 'llm: call failed');
  }
}

/** Maps what the SDK throws to our failure codes (after its own retries are used up). */
export function toLlmError(error: unknown): LlmError {
  if (error instanceof LlmError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof APIConnectionTimeoutError) return new LlmError('llm:timeout', detail, { cause: error });
  if (error instanceof APIConnectionError) return new LlmError('llm:connection', detail, { cause: error });
  if (error instanceof APIError && typeof error.status === 'number') {
    if (error.status === 429) return new LlmError('llm:rate-limited', detail, { cause: error });
    if (error.status === 408) return new LlmError('llm:timeout', detail, { cause: error });
    if (error.status >= 500) return new LlmError('llm:server-error', detail, { cause: error });
    return new LlmError('llm:rejected', `HTTP ${error.status}: ${detail}`, { cause: error });
  }
  // A 200 whose body is not a chat completion (a misconfigured proxy, a non-OpenAI server).
  return new LlmError('llm:invalid-output', detail, { cause: error });
}

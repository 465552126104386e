import { z } from 'zod';
import { ConfigError, int, parseEnv } from './parse-env.ts';

export const ENGINE_CHOICES = ['auto', 'offline', 'llm'] as const;
export type EngineChoice = (typeof ENGINE_CHOICES)[number];

/** Empty strings count as unset, so `OPENAI_BASE_URL=` in a .env file means "default". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const LlmEnvSchema = z.object({
  /** auto = the LLM when OPENAI_API_KEY is set, else the offline engine. */
  SUMMIT_ENGINE: optional(z.enum(ENGINE_CHOICES)).default('auto'),
  OPENAI_API_KEY: optional(z.string().min(1)),
  /** Any OpenAI-compatible server (Ollama, vLLM, llama.cpp server); default api.openai.com. */
  OPENAI_BASE_URL: optional(z.url({ protocol: /^https?$/ })),
  OPENAI_MODEL: optional(z.string().min(1)).default('gpt-4o-mini'),
  /** Per attempt; the SDK aborts the request after this long. */
  OPENAI_TIMEOUT_MS: optional(int(100, 600_000)).default(30_000),
  /** Retries after the first attempt for connection errors, 408/409/429 and 5xx. */
  OPENAI_MAX_RETRIES: optional(int(0, 10)).default(2),
  /** A Retry-After longer than this is not waited for: the call fails over to the offline engine. */
  OPENAI_MAX_RETRY_WAIT_MS: optional(int(0, 600_000)).default(20_000),
  OPENAI_MAX_OUTPUT_TOKENS: optional(int(64, 100_000)).default(2_000),
});

export interface OpenAiConfig {
  apiKey: string;
  baseUrl: string;
  model: string;
  timeoutMs: number;
  maxRetries: number;
  maxRetryWaitMs: number;
  maxOutputTokens: number;
}

/** Which writer to use; `openai` is present exactly when the LLM path is chosen. */
export interface LlmConfig {
  engine: 'offline' | 'llm';
  openai?: OpenAiConfig;
}

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/**
 * Reads the LLM settings once. `override` (e.g. the CLI's --engine) wins over SUMMIT_ENGINE.
 * Asking for the LLM without a key is a configuration error, never a silent offline run.
 */
export function loadLlmConfig(env: Record<string, string | undefined>, override?: EngineChoice): LlmConfig {
  const parsed = parseEnv(LlmEnvSchema, env);
  const choice = override ?? parsed.SUMMIT_ENGINE;
  if (choice === 'offline' || (choice === 'auto' && !parsed.OPENAI_API_KEY)) return { engine: 'offline' };
  if (!parsed.OPENAI_API_KEY) {
    throw new ConfigError([
      {
        variable: 'OPENAI_API_KEY',
        message: 'required for the LLM engine (any non-empty value for local servers that ignore keys)',
      },
    ]);
  }
  return {
    engine: 'llm',
    openai: {
      apiKey: parsed.OPENAI_API_KEY,
      baseUrl: (parsed.OPENAI_BASE_URL ?? OPENAI_DEFAULT_BASE_URL).replace(/\/+$/, ''),
      model: parsed.OPENAI_MODEL,
      timeoutMs: parsed.OPENAI_TIMEOUT_MS,
      maxRetries: parsed.OPENAI_MAX_RETRIES,
      maxRetryWaitMs: parsed.OPENAI_MAX_RETRY_WAIT_MS,
      maxOutputTokens: parsed.OPENAI_MAX_OUTPUT_TOKENS,
    },
  };
}

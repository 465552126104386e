import type { TokenUsage } from './chat-model.ts';

/** Why an LLM call produced nothing usable. Each ends in the offline fallback, never in the channel. */
export type LlmFailureCode =
  | 'llm:timeout'
  | 'llm:rate-limited'
  | 'llm:server-error'
  | 'llm:connection'
  | 'llm:rejected'
  | 'llm:invalid-output'
  | 'llm:refusal'
  | 'llm:truncated'
  | 'llm:unverified';

/** Written for the reader of the fallback note; the error message keeps the detail for logs. */
const READER_REASON: Record<LlmFailureCode, string> = {
  'llm:timeout': 'the language model did not answer in time',
  'llm:rate-limited': 'the language model service is rate-limiting requests',
  'llm:server-error': 'the language model service had an error',
  'llm:connection': 'the language model service could not be reached',
  'llm:rejected': 'the language model service rejected the request',
  'llm:invalid-output': 'the language model replied in an unusable format',
  'llm:refusal': 'the language model declined to answer',
  'llm:truncated': "the language model's reply was cut off",
  'llm:unverified': 'the articles did not support enough of what the language model wrote',
};

export class LlmError extends Error {
  readonly code: LlmFailureCode;
  /** Tokens the failed call still used (a refusal or a cut-off reply is billed). */
  readonly usage: TokenUsage | undefined;

  constructor(code: LlmFailureCode, detail: string, options: { cause?: unknown; usage?: TokenUsage } = {}) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LlmError';
    this.code = code;
    this.usage = options.usage;
  }

  get readerReason(): string {
    return READER_REASON[this.code];
  }
}

/** The port the LLM writers use: one structured-output chat completion. */

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** A JSON schema for `response_format: json_schema` (strict mode). */
export interface OutputSchema {
  name: string;
  schema: Record<string, unknown>;
}

export type CallPurpose = 'briefing' | 'answer' | 'repair';

export interface ChatRequest {
  purpose: CallPurpose;
  messages: ChatMessage[];
  output: OutputSchema;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export interface ChatReply {
  /** The parsed JSON content (not yet checked against the schema by us). */
  json: unknown;
  usage: TokenUsage;
}

export interface ChatModel {
  /** "<provider>:<model>", e.g. "openai:gpt-4o-mini". */
  readonly name: string;
  /** Resolves with the reply or rejects with an LlmError. */
  complete(request: ChatRequest): Promise<ChatReply>;
}

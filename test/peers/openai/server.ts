import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { conformanceProblems, strictSchemaProblems } from './json-schema.ts';

/**
 * A local OpenAI-compatible server: POST /v1/chat/completions with the response shapes, error
 * bodies and headers the real service uses, scripted per request, recording every request.
 */

export interface ChatCompletionBody {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: Record<string, unknown> } };
  max_completion_tokens?: number;
  [key: string]: unknown;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Parsed body; undefined when it was not JSON. */
  body: ChatCompletionBody | undefined;
  receivedAt: number;
}

export type Behaviour =
  /** A normal reply whose content is this value as JSON; checked against the request's schema. */
  | { kind: 'json'; content: unknown }
  /** Content sent as is, unchecked: malformed JSON, made-up ids a non-strict server lets through. */
  | { kind: 'raw'; content: string; finishReason?: 'stop' | 'length' | 'content_filter' }
  | { kind: 'refusal'; refusal: string }
  | { kind: 'error'; status: number; headers?: Record<string, string>; message?: string }
  /** Waits before answering (beyond the client's timeout, the client has gone by then). */
  | { kind: 'slow'; delayMs: number; then: Behaviour };

export type Script = (request: RecordedRequest & { body: ChatCompletionBody }, index: number) => Behaviour;

export interface OpenAiPeer {
  /** The base URL to give the client, ending in /v1. */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Scripted replies that did not conform to the request's schema: a broken test, not a client bug. */
  scriptProblems: string[];
  setScript(script: Script | Behaviour[]): void;
  close(): Promise<void>;
}

export const PEER_API_KEY = 'sk-peer-test';

export async function startOpenAiPeer(script: Script | Behaviour[] = []): Promise<OpenAiPeer> {
  const requests: RecordedRequest[] = [];
  const scriptProblems: string[] = [];
  let current = toScript(script);
  let served = 0;
  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      scriptProblems.push(`peer crashed: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) sendError(res, 500, 'peer crashed', 'server_error');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const raw = await readBody(req);
    let body: ChatCompletionBody | undefined;
    try {
      body = JSON.parse(raw) as ChatCompletionBody;
    } catch {
      body = undefined;
    }
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    const recorded: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers, body, receivedAt: Date.now() };
    requests.push(recorded);
    if (recorded.method !== 'POST' || recorded.path !== '/v1/chat/completions') {
      return sendError(res, 404, `Unknown request URL: ${recorded.method} ${recorded.path}`, 'invalid_request_error');
    }
    if (headers.authorization !== `Bearer ${PEER_API_KEY}`) {
      return sendError(res, 401, 'Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key');
    }
    const invalid = body ? requestProblems(body) : ['body is not valid JSON'];
    if (invalid.length > 0 || !body) return sendError(res, 400, invalid.join('; '), 'invalid_request_error');
    await play(current({ ...recorded, body }, served++), body, res);
  }

  async function play(behaviour: Behaviour, body: ChatCompletionBody, res: ServerResponse): Promise<void> {
    switch (behaviour.kind) {
      case 'slow':
        await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs));
        if (res.destroyed || res.req.destroyed) return; // the client gave up
        return play(behaviour.then, body, res);
      case 'error':
        for (const [k, v] of Object.entries(behaviour.headers ?? {})) res.setHeader(k, v);
        return sendError(
          res,
          behaviour.status,
          behaviour.message ?? (behaviour.status === 429 ? 'Rate limit reached for requests' : 'The server had an error while processing your request.'),
          behaviour.status === 429 ? 'requests' : 'server_error',
          behaviour.status === 429 ? 'rate_limit_exceeded' : null,
        );
      case 'refusal':
        return sendCompletion(res, body, { content: null, refusal: behaviour.refusal, finishReason: 'stop' });
      case 'raw':
        return sendCompletion(res, body, { content: behaviour.content, refusal: null, finishReason: behaviour.finishReason ?? 'stop' });
      case 'json': {
        const schema = body.response_format?.json_schema?.schema;
        const problems = schema ? conformanceProblems(behaviour.content, schema) : [];
        if (problems.length > 0) {
          scriptProblems.push(...problems);
          return sendError(res, 500, `peer script reply does not match the schema: ${problems.join('; ')}`, 'server_error');
        }
        return sendCompletion(res, body, { content: JSON.stringify(behaviour.content), refusal: null, finishReason: 'stop' });
      }
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    scriptProblems,
    setScript(next) {
      current = toScript(next);
      served = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A list plays in order, then keeps repeating its last entry. */
function toScript(script: Script | Behaviour[]): Script {
  if (typeof script === 'function') return script;
  return (_request, index) => {
    const behaviour = script[Math.min(index, script.length - 1)];
    if (!behaviour) throw new Error('the peer has no script for this request');
    return behaviour;
  };
}

/** What the real service rejects with 400 before generating anything. */
function requestProblems(body: ChatCompletionBody): string[] {
  const problems: string[] = [];
  if (typeof body.model !== 'string' || body.model === '') problems.push("'model' is required");
  if (!Array.isArray(body.messages) || body.messages.length === 0) problems.push("'messages' must be a non-empty array");
  for (const m of body.messages ?? []) {
    if (!['system', 'developer', 'user', 'assistant'].includes(m.role)) problems.push(`invalid role ${JSON.stringify(m.role)}`);
    if (typeof m.content !== 'string') problems.push('message content must be a string');
  }
  const format = body.response_format;
  if (format && format.type === 'json_schema') {
    const spec = format.json_schema;
    if (!spec || !/^[a-zA-Z0-9_-]{1,64}$/.test(spec.name ?? '')) problems.push("'response_format.json_schema.name' is invalid");
    else if (spec.strict) problems.push(...strictSchemaProblems(spec.schema).map((p) => `Invalid schema for response_format '${spec.name}': ${p}`));
  } else if (format && !['text', 'json_object'].includes(format.type)) {
    problems.push(`invalid response_format.type ${JSON.stringify(format.type)}`);
  }
  return problems;
}

function sendCompletion(
  res: ServerResponse,
  body: ChatCompletionBody,
  reply: { content: string | null; refusal: string | null; finishReason: string },
) {
  const promptTokens = Math.ceil(body.messages.reduce((n, m) => n + m.content.length, 0) / 4);
  const completionTokens = Math.ceil((reply.content ?? reply.refusal ?? '').length / 4);
  sendJson(res, 200, {
    id: `chatcmpl-peer${Date.now()}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: body.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: reply.content, refusal: reply.refusal, annotations: [] },
        logprobs: null,
        finish_reason: reply.finishReason,
      },
    ],
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    system_fingerprint: 'fp_peer',
  });
}

function sendError(res: ServerResponse, status: number, message: string, type: string, code: string | null = null) {
  sendJson(res, status, { error: { message, type, param: null, code } });
}

function sendJson(res: ServerResponse, status: number, value: unknown) {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `req_peer_${Date.now()}` });
  res.end(JSON.stringify(value));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

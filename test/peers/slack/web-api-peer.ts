/**
 * A local Slack Web API: `POST /api/<method>` with Slack's auth rules, required fields, Block Kit
 * limits and `ok:false` errors, 429 with Retry-After on demand, and the response_urls it hands
 * out with commands and interactions. Everything it receives is recorded for assertions.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_TOKEN_METHODS, messageContent, METHODS, type MethodHost, SlackFailure } from './web-api-methods.ts';
import {
  PEER_IDS,
  defaultChannels,
  defaultUsers,
  type Failure,
  type PeerCall,
  type PeerChannel,
  type PeerEphemeral,
  type PeerMessage,
  type PeerUser,
  type ResponsePost,
} from './state.ts';

const MAX_RESPONSE_URL_USES = 5;

export class SlackWebApiPeer implements MethodHost {
  readonly botToken = `xoxb-peer-${randomBytes(6).toString('hex')}`;
  readonly appToken = `xapp-1-peer-${randomBytes(6).toString('hex')}`;
  readonly channels = new Map<string, PeerChannel>(defaultChannels().map((c) => [c.id, c]));
  readonly users = new Map<string, PeerUser>(defaultUsers().map((u) => [u.id, u]));
  readonly messages: PeerMessage[] = [];
  /** chat.postEphemeral messages: each seen only by its user, in no channel's history. */
  readonly ephemerals: PeerEphemeral[] = [];
  readonly calls: PeerCall[] = [];
  readonly responses: ResponsePost[] = [];
  readonly #failures = new Map<string, Failure[]>();
  readonly #responseUrls = new Map<string, { channel: string; user: string; uses: number; messageTs?: string }>();
  readonly #revoked = new Set<string>();
  #socketModeUrl: (() => string) | undefined;
  #tsCounter = 0;
  readonly #server: Server;
  port = 0;

  private constructor() {
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
  }

  static async start(): Promise<SlackWebApiPeer> {
    const peer = new SlackWebApiPeer();
    await new Promise<void>((resolve) => peer.#server.listen(0, '127.0.0.1', resolve));
    peer.port = (peer.#server.address() as AddressInfo).port;
    return peer;
  }

  /** What SLACK_API_URL / clientOptions.slackApiUrl should be. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** Later calls with this token get `token_revoked`, as after an uninstall. */
  revoke(token: string) {
    this.#revoked.add(token);
  }

  /** The next calls of `method` fail like this, in order, before it behaves normally again. */
  failNext(method: string, ...failures: Failure[]) {
    this.#failures.set(method, [...(this.#failures.get(method) ?? []), ...failures]);
  }

  /** A response_url for a command or interaction in `channel` by `user` (optionally on a message). */
  issueResponseUrl(channel: string, user: string, messageTs?: string): string {
    const id = randomBytes(8).toString('hex');
    this.#responseUrls.set(id, { channel, user, uses: 0, ...(messageTs ? { messageTs } : {}) });
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  attachSocketMode(url: () => string) {
    this.#socketModeUrl = url;
  }

  socketModeUrl() {
    return this.#socketModeUrl?.();
  }

  nextTs(): string {
    this.#tsCounter += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.#tsCounter).padStart(6, '0')}`;
  }

  /** Messages the app posted (users' messages are recorded too, as Slack has them). */
  botMessages(): PeerMessage[] {
    return this.messages.filter((m) => m.user === PEER_IDS.botUser);
  }

  /** A user's message, as it exists in Slack before its event is delivered. */
  recordUserMessage(m: { channel: string; user: string; text: string; ts: string; threadTs?: string }) {
    if (this.messages.some((x) => x.channel === m.channel && x.ts === m.ts)) return;
    this.messages.push({ channel: m.channel, ts: m.ts, user: m.user, text: m.text, ...(m.threadTs ? { threadTs: m.threadTs } : {}), params: {}, history: [] });
  }

  callsOf(method: string): PeerCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async close() {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://peer');
    const raw = await readBody(req);
    if (url.pathname.startsWith('/response/')) return this.#responseUrl(url.pathname.slice(10), req, raw, res);
    const method = /^\/api\/([a-zA-Z.]+)$/.exec(url.pathname)?.[1];
    if (!method || req.method !== 'POST') return send(res, 404, { ok: false, error: 'unknown_method' });
    const params = parseParams(req.headers['content-type'], raw);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ?? (typeof params?.token === 'string' ? params.token : undefined);
    const call: PeerCall = { method, params: params ?? {}, ...(token ? { token } : {}), status: 200, ok: false, at: Date.now() };
    this.calls.push(call);
    const reply = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) => {
      call.status = status;
      call.ok = body.ok === true;
      if (typeof body.error === 'string') call.error = body.error;
      send(res, status, body, headers);
    };

    const failure = this.#failures.get(method)?.shift();
    if (failure && 'status' in failure) {
      return reply(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(failure.retryAfter) });
    }
    if (!params) return reply(200, { ok: false, error: 'invalid_form_data' });
    const authError = this.#authError(method, token);
    if (authError) return reply(200, { ok: false, error: authError });
    if (failure) return reply(200, { ok: false, error: failure.error });
    const handler = METHODS[method];
    if (!handler) return reply(200, { ok: false, error: 'unknown_method' });
    try {
      reply(200, { ok: true, ...handler(this, params) });
    } catch (error) {
      if (!(error instanceof SlackFailure)) throw error;
      reply(200, { ok: false, error: error.error, ...error.extra });
    }
  }

  #authError(method: string, token: string | undefined): string | undefined {
    if (!token) return 'not_authed';
    if (this.#revoked.has(token)) return 'token_revoked';
    if (token !== this.botToken && token !== this.appToken) return 'invalid_auth';
    const wantsAppToken = APP_TOKEN_METHODS.has(method);
    if (wantsAppToken !== (token === this.appToken)) return 'not_allowed_token_type';
    return undefined;
  }

  /** response_url: JSON only, at most five uses, same message rules as chat.postMessage. */
  #responseUrl(id: string, req: IncomingMessage, raw: string, res: ServerResponse) {
    const entry = this.#responseUrls.get(id);
    if (!entry || req.method !== 'POST') return send(res, 404, { ok: false, error: 'expired_url' });
    if (entry.uses >= MAX_RESPONSE_URL_USES) return send(res, 404, { ok: false, error: 'used_url' });
    if (!String(req.headers['content-type']).startsWith('application/json')) return send(res, 400, { ok: false, error: 'invalid_payload' });
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
      messageContent(body);
    } catch (error) {
      const code = error instanceof SlackFailure ? error.error : 'invalid_payload';
      return send(res, 400, { ok: false, error: code });
    }
    entry.uses += 1;
    this.responses.push({ responseUrl: id, channel: entry.channel, user: entry.user, body, at: Date.now() });
    send(res, 200, { ok: true });
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Form-encoded (what @slack/web-api sends) or JSON; undefined when neither parses. */
function parseParams(contentType: string | undefined, raw: string): Record<string, unknown> | undefined {
  if (contentType?.startsWith('application/json')) {
    try {
      const parsed: unknown = JSON.parse(raw || '{}');
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }
  if (contentType?.startsWith('application/x-www-form-urlencoded') || !raw) return Object.fromEntries(new URLSearchParams(raw));
  return undefined;
}

function send(res: ServerResponse, status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

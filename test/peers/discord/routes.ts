import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_VERSION } from './constants.ts';
import { ApiError } from './errors.ts';
import type { DiscordPeer } from './peer.ts';
import { gatewayBot, putCommands } from './routes-application.ts';
import { createChannelMessage, startThreadFromMessage } from './routes-channels.ts';
import { editWebhookMessage, executeWebhook, interactionCallback } from './routes-interactions.ts';
import { createDm } from './routes-users.ts';

export interface RouteRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /** e.g. `POST /channels/:channel/messages` */
  route: string;
}

export type RouteHandler = (peer: DiscordPeer, request: RouteRequest) => { status: number; body?: unknown };

/** Every endpoint summit may call; the rest answer 404 and are recorded as problems. */
const ROUTES: { method: string; pattern: string; auth: boolean; handler: RouteHandler }[] = [
  { method: 'GET', pattern: '/gateway/bot', auth: true, handler: gatewayBot },
  { method: 'PUT', pattern: '/applications/:app/commands', auth: true, handler: putCommands },
  { method: 'PUT', pattern: '/applications/:app/guilds/:guild/commands', auth: true, handler: putCommands },
  // Interaction callbacks and webhooks are authorised by the token in the path, not the bot token.
  { method: 'POST', pattern: '/interactions/:id/:token/callback', auth: false, handler: interactionCallback },
  { method: 'PATCH', pattern: '/webhooks/:app/:token/messages/:message', auth: false, handler: editWebhookMessage },
  { method: 'POST', pattern: '/webhooks/:app/:token', auth: false, handler: executeWebhook },
  { method: 'POST', pattern: '/channels/:channel/messages', auth: true, handler: createChannelMessage },
  { method: 'POST', pattern: '/channels/:channel/messages/:message/threads', auth: true, handler: startThreadFromMessage },
  { method: 'POST', pattern: '/users/@me/channels', auth: true, handler: createDm },
];

function match(method: string, path: string) {
  const parts = path.split('/');
  for (const route of ROUTES) {
    const pattern = route.pattern.split('/');
    if (route.method !== method || pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    if (pattern.every((p, i) => (p.startsWith(':') ? ((params[p.slice(1)] = decodeURIComponent(parts[i] ?? '')), true) : p === parts[i]))) {
      return { ...route, params, route: `${method} ${route.pattern}` };
    }
  }
  return undefined;
}

async function readBody(request: IncomingMessage): Promise<{ body: unknown; raw: string }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if (raw.length === 0) return { body: undefined, raw };
  return { body: JSON.parse(raw), raw };
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const json = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, { ...(json ? { 'content-type': 'application/json' } : {}), ...headers });
  response.end(json);
}

/** One REST request: version, user agent, auth, injected faults, then the endpoint. */
export async function handleRest(peer: DiscordPeer, request: IncomingMessage, response: ServerResponse) {
  const url = new URL(request.url ?? '/', 'http://peer');
  const method = request.method ?? 'GET';
  const prefix = `/api/v${API_VERSION}`;
  const path = url.pathname.startsWith(`${prefix}/`) ? url.pathname.slice(prefix.length) : undefined;
  const found = path === undefined ? undefined : match(method, path);
  const route = found?.route ?? `${method} ${url.pathname}`;
  const record = { method, path: path ?? url.pathname, route, status: 0, at: Date.now(), body: undefined as unknown };
  peer.requests.push(record);
  const reply = (status: number, body?: unknown, headers?: Record<string, string>) => {
    record.status = status;
    send(response, status, body, headers);
    peer.changed();
  };
  try {
    const contentType = request.headers['content-type'] ?? '';
    if (contentType && !contentType.startsWith('application/json')) peer.problem(`${route}: unexpected content-type ${contentType}`);
    record.body = (await readBody(request)).body;
    if (!/^DiscordBot \(/.test(request.headers['user-agent'] ?? '')) peer.problem(`${route}: User-Agent must start with "DiscordBot (" (got ${request.headers['user-agent']})`);
    if (!found) {
      peer.problem(`unexpected request ${method} ${url.pathname}`);
      return reply(404, { message: '404: Not Found', code: 0 });
    }
    if (found.auth && request.headers.authorization !== `Bot ${peer.token}`) return reply(401, { message: '401: Unauthorized', code: 0 });
    const fault = peer.takeFault(found.route);
    if (fault) return reply(fault.status, fault.body, fault.headers);
    const result = found.handler(peer, { params: found.params, query: url.searchParams, body: record.body, route: found.route });
    return reply(result.status, result.body, { 'x-ratelimit-bucket': found.route, 'x-ratelimit-limit': '50', 'x-ratelimit-remaining': '49', 'x-ratelimit-reset-after': '1' });
  } catch (error) {
    if (error instanceof ApiError) return reply(error.status, error.body);
    if (error instanceof SyntaxError) return reply(400, { message: '400: Bad Request', code: 0 });
    peer.problem(`peer error on ${route}: ${(error as Error).stack}`);
    return reply(500, { message: '500: Internal Server Error', code: 0 });
  }
}

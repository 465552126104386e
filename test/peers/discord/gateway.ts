import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { deflateSync } from 'node:zlib';
import { type WebSocket, WebSocketServer } from 'ws';
import { API_VERSION, OP, PRIVILEGED_INTENTS } from './constants.ts';
import type { Json } from './state.ts';

export interface GatewaySession {
  id: string;
  intents: number;
  identified: boolean;
  heartbeats: number;
  /** Identify asked for zlib-compressed payloads. */
  compress: boolean;
}

export interface GatewayOptions {
  token: string;
  heartbeatIntervalMs: number;
  /** Whether the application has the privileged intents enabled in the Developer Portal. */
  privilegedIntents: boolean;
  ready(session: GatewaySession): Json;
  /** GUILD_CREATE payloads sent after READY (Guilds intent). */
  guilds(): Json[];
  problem(message: string): void;
  /** Called when a session identifies or closes, so waiters re-check. */
  changed(): void;
}

/**
 * A Discord gateway (https://discord.com/developers/docs/events/gateway): Hello with the
 * heartbeat interval, Identify checked (token, intents, privileged intents), READY then
 * GUILD_CREATE, heartbeat acks, and dispatches filtered by each session's intents.
 */
export class PeerGateway {
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #sessions = new Map<WebSocket, GatewaySession & { seq: number }>();
  readonly #options: GatewayOptions;
  #nextSession = 1;

  constructor(options: GatewayOptions) {
    this.#options = options;
  }

  get sessions(): GatewaySession[] {
    return [...this.#sessions.values()];
  }

  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
    const url = new URL(request.url ?? '/', 'ws://peer');
    this.#wss.handleUpgrade(request, socket, head, (ws) => {
      if (url.searchParams.get('v') !== API_VERSION) {
        this.#options.problem(`gateway connected with v=${url.searchParams.get('v')}, expected ${API_VERSION}`);
        return ws.close(4012, 'Invalid API version');
      }
      if (url.searchParams.get('encoding') !== 'json') return ws.close(4002, 'Decode error');
      const session = { id: `session-${this.#nextSession++}`, intents: 0, identified: false, heartbeats: 0, compress: false, seq: 0 };
      this.#sessions.set(ws, session);
      ws.on('close', () => {
        this.#sessions.delete(ws);
        this.#options.changed();
      });
      ws.on('message', (data, isBinary) => this.#receive(ws, session, data.toString(), isBinary));
      this.#send(ws, session, { op: OP.Hello, d: { heartbeat_interval: this.#options.heartbeatIntervalMs }, s: null, t: null });
    });
  }

  #receive(ws: WebSocket, session: GatewaySession & { seq: number }, text: string, isBinary: boolean) {
    let payload: { op?: number; d?: unknown };
    try {
      if (isBinary) throw new Error('binary');
      payload = JSON.parse(text);
    } catch {
      return ws.close(4002, 'Decode error');
    }
    switch (payload.op) {
      case OP.Heartbeat:
        session.heartbeats++;
        return this.#send(ws, session, { op: OP.HeartbeatAck });
      case OP.Identify:
        return this.#identify(ws, session, payload.d as Json);
      case OP.PresenceUpdate:
        return;
      case OP.Resume:
        // No resumable sessions here: Discord answers with a non-resumable Invalid Session.
        return this.#send(ws, session, { op: OP.InvalidSession, d: false, s: null, t: null });
      default:
        this.#options.problem(`gateway: unexpected opcode ${payload.op}`);
        return ws.close(4001, 'Unknown opcode');
    }
  }

  #identify(ws: WebSocket, session: GatewaySession & { seq: number }, d: Json) {
    if (session.identified) return ws.close(4005, 'Already authenticated');
    // The gateway takes the bare token (no "Bot " prefix, unlike REST).
    if (d?.token !== this.#options.token) return ws.close(4004, 'Authentication failed');
    const intents = d.intents;
    if (typeof intents !== 'number' || !Number.isInteger(intents) || intents < 0) return ws.close(4013, 'Invalid intent(s)');
    if (!this.#options.privilegedIntents && (intents & PRIVILEGED_INTENTS) !== 0) return ws.close(4014, 'Disallowed intent(s)');
    const properties = d.properties as Json | undefined;
    if (!properties || typeof properties.os !== 'string' || typeof properties.browser !== 'string') {
      this.#options.problem('gateway: identify without properties.os/browser/device');
    }
    session.intents = intents;
    session.compress = d.compress === true;
    session.identified = true;
    this.#dispatchTo(ws, session, 'READY', this.#options.ready(session));
    if (intents & 1) for (const guild of this.#options.guilds()) this.#dispatchTo(ws, session, 'GUILD_CREATE', guild);
    this.#options.changed();
  }

  /**
   * Sends an event to every identified session that has `intent` (0 = none needed);
   * `data` may depend on the session (message content is hidden without the intent).
   */
  dispatch(t: string, data: Json | ((session: GatewaySession) => Json), intent = 0): number {
    let sent = 0;
    for (const [ws, session] of this.#sessions) {
      if (!session.identified || (intent !== 0 && (session.intents & intent) === 0)) continue;
      this.#dispatchTo(ws, session, t, typeof data === 'function' ? data(session) : data);
      sent++;
    }
    return sent;
  }

  #dispatchTo(ws: WebSocket, session: GatewaySession & { seq: number }, t: string, d: Json) {
    this.#send(ws, session, { op: OP.Dispatch, t, s: ++session.seq, d });
  }

  #send(ws: WebSocket, session: GatewaySession, payload: Json) {
    const json = JSON.stringify(payload);
    // Identify compression: each payload zlib-deflated on its own, sent as a binary frame.
    ws.send(session.compress ? deflateSync(json) : json);
  }

  async close() {
    for (const ws of this.#sessions.keys()) ws.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }
}

/**
 * A local Socket Mode endpoint. apps.connections.open (on the Web API peer) hands out a one-time
 * `ws://` URL here; on connection the peer sends `hello`, then envelopes (slash_commands,
 * events_api, interactive), and checks that each is acknowledged with its envelope_id in 3 s.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { PEER_IDS } from './state.ts';
import type { SlackWebApiPeer } from './web-api-peer.ts';

export interface Ack {
  envelope_id: string;
  payload?: Record<string, unknown>;
  /** How long after sending the envelope the ack arrived. */
  elapsedMs: number;
}

type EnvelopeType = 'slash_commands' | 'events_api' | 'interactive';

const ACK_DEADLINE_MS = 3000;

export class SocketModePeer {
  readonly #server: WebSocketServer;
  readonly #tickets = new Set<string>();
  readonly #pending = new Map<string, { sentAt: number; resolve: (ack: Ack) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  readonly acks: Ack[] = [];
  /** Messages that were not acks of an envelope we sent (should stay empty). */
  readonly strayMessages: string[] = [];
  #socket: WebSocket | undefined;
  #connectedWaiters: (() => void)[] = [];
  connections = 0;
  #pinger: NodeJS.Timeout | undefined;

  private constructor(server: WebSocketServer) {
    this.#server = server;
    server.on('connection', (socket, req) => this.#onConnection(socket, req.url ?? ''));
  }

  static async start(web: SlackWebApiPeer): Promise<SocketModePeer> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const peer = new SocketModePeer(server);
    web.attachSocketMode(() => peer.#issueUrl());
    return peer;
  }

  #issueUrl(): string {
    const ticket = randomBytes(12).toString('hex');
    this.#tickets.add(ticket);
    const { port } = this.#server.address() as AddressInfo;
    return `ws://127.0.0.1:${port}/link/?ticket=${ticket}&app_id=${PEER_IDS.appId}`;
  }

  #onConnection(socket: WebSocket, url: string) {
    const ticket = new URL(url, 'ws://peer').searchParams.get('ticket') ?? '';
    if (!this.#tickets.delete(ticket)) {
      socket.close(1008, 'invalid or reused ticket');
      return;
    }
    this.connections += 1;
    this.#socket = socket;
    socket.on('message', (data) => this.#onMessage(String(data)));
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'peer', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: PEER_IDS.appId },
      }),
    );
    clearInterval(this.#pinger);
    this.#pinger = setInterval(() => socket.ping(), 5000);
    for (const waiter of this.#connectedWaiters.splice(0)) waiter();
  }

  #onMessage(text: string) {
    let message: { envelope_id?: unknown; payload?: unknown };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      this.strayMessages.push(text);
      return;
    }
    const id = typeof message.envelope_id === 'string' ? message.envelope_id : '';
    const pending = this.#pending.get(id);
    if (!pending) {
      this.strayMessages.push(text);
      return;
    }
    clearTimeout(pending.timer);
    this.#pending.delete(id);
    const ack: Ack = {
      envelope_id: id,
      ...(typeof message.payload === 'object' && message.payload !== null ? { payload: message.payload as Record<string, unknown> } : {}),
      elapsedMs: performance.now() - pending.sentAt,
    };
    this.acks.push(ack);
    pending.resolve(ack);
  }

  /** Resolves once a client has connected and been sent `hello`. */
  connected(): Promise<void> {
    if (this.#socket) return Promise.resolve();
    return new Promise((resolve) => this.#connectedWaiters.push(resolve));
  }

  /** Sends one envelope; resolves with the client's ack, rejects when none comes within 3 s. */
  send(type: EnvelopeType, payload: Record<string, unknown>, options: { retryAttempt?: number } = {}): Promise<Ack> {
    const socket = this.#socket;
    if (!socket) return Promise.reject(new Error('no Socket Mode client connected'));
    const envelopeId = randomUUID();
    const envelope = {
      envelope_id: envelopeId,
      type,
      payload,
      accepts_response_payload: type !== 'events_api',
      ...(type === 'events_api' ? { retry_attempt: options.retryAttempt ?? 0, retry_reason: options.retryAttempt ? 'timeout' : '' } : {}),
    };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(envelopeId);
        reject(new Error(`envelope ${envelopeId} (${type}) was not acknowledged within ${ACK_DEADLINE_MS} ms`));
      }, ACK_DEADLINE_MS);
      this.#pending.set(envelopeId, { sentAt: performance.now(), resolve, reject, timer });
      socket.send(JSON.stringify(envelope));
    });
  }

  async close() {
    clearInterval(this.#pinger);
    for (const { timer } of this.#pending.values()) clearTimeout(timer);
    for (const client of this.#server.clients) client.terminate();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

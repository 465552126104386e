/**
 * The Slack side of an e2e test: the Web API peer (plus the Socket Mode peer in that mode) and
 * the real Bolt app started by `startSlackApp` from SLACK_* variables pointing at the peers.
 * Requests reach the app as Slack sends them: signed HTTP, or Socket Mode envelopes.
 */
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import type { SummitService } from '../../../src/app/summit-service.ts';
import { type RunningSlackApp, startSlackApp } from '../../../src/chat/slack/app.ts';
import type { EventDedupe } from '../../../src/chat/slack/dedupe.ts';
import { loadSlackConfig } from '../../../src/config/slack.ts';
import { blockActionsPayload, eventCallback, slashCommandPayload } from './payloads.ts';
import { type SendOptions, SignedRequestSender } from './signed-request.ts';
import { SocketModePeer } from './socket-mode-peer.ts';
import { PEER_IDS, type PeerMessage } from './state.ts';
import { SlackWebApiPeer } from './web-api-peer.ts';

export interface Delivered {
  /** HTTP status (200 in Socket Mode once acknowledged). */
  status: number;
  /** What the app put in its acknowledgement (response body or ack payload), if anything. */
  ack: Record<string, unknown> | undefined;
  elapsedMs: number;
}

export interface SlackStack {
  peer: SlackWebApiPeer;
  socket: SocketModePeer | undefined;
  app: RunningSlackApp;
  signingSecret: string;
  /** Signed HTTP sender (HTTP mode only). */
  sender: SignedRequestSender | undefined;
  command(text: string, options?: { channel?: string; user?: string; team?: string; send?: SendOptions }): Promise<Delivered & { responseUrl: string }>;
  event(event: Record<string, unknown>, options?: { eventId?: string; retryNum?: number }): Promise<Delivered>;
  press(message: PeerMessage, actionId: string, options?: { user?: string }): Promise<Delivered & { responseUrl: string }>;
  close(): Promise<void>;
}

export async function startSlackStack(options: {
  service: SummitService;
  mode?: 'http' | 'socket';
  env?: Record<string, string>;
  dedupe?: EventDedupe;
}): Promise<SlackStack> {
  const mode = options.mode ?? 'http';
  const peer = await SlackWebApiPeer.start();
  const socket = mode === 'socket' ? await SocketModePeer.start(peer) : undefined;
  const signingSecret = randomBytes(16).toString('hex');
  const config = loadSlackConfig({
    SLACK_BOT_TOKEN: peer.botToken,
    SLACK_API_URL: peer.apiUrl,
    SLACK_PORT: '0',
    ...(mode === 'http' ? { SLACK_SIGNING_SECRET: signingSecret } : { SLACK_APP_TOKEN: peer.appToken }),
    ...options.env,
  });
  const logger = pino({ level: process.env.SUMMIT_TEST_LOG ?? 'silent' });
  let app: RunningSlackApp;
  try {
    app = await startSlackApp(config, { service: options.service, logger, ...(options.dedupe ? { dedupe: options.dedupe } : {}) });
  } catch (error) {
    await socket?.close();
    await peer.close();
    throw error;
  }
  const sender = app.port === undefined ? undefined : new SignedRequestSender(`http://127.0.0.1:${app.port}/slack/events`, signingSecret);

  async function deliver(
    http: (s: SignedRequestSender) => Promise<{ status: number; body: string; elapsedMs: number }>,
    envelope: () => Promise<{ payload?: Record<string, unknown>; elapsedMs: number }>,
  ): Promise<Delivered> {
    if (sender) {
      const r = await http(sender);
      const ack = r.body ? (safeJson(r.body) ?? { text: r.body }) : undefined;
      return { status: r.status, ack, elapsedMs: r.elapsedMs };
    }
    const a = await envelope();
    const ack = a.payload && Object.keys(a.payload).length > 0 ? a.payload : undefined;
    return { status: 200, ack, elapsedMs: a.elapsedMs };
  }

  return {
    peer,
    socket,
    app,
    signingSecret,
    sender,
    async command(text, o = {}) {
      const channel = o.channel ?? PEER_IDS.general;
      const user = o.user ?? PEER_IDS.alice;
      const responseUrl = peer.issueResponseUrl(channel, user);
      const payload = slashCommandPayload({ text, channel, user, responseUrl, ...(o.team ? { team: o.team } : {}) });
      const delivered = await deliver(
        (s) => s.slashCommand(payload, o.send),
        () => (socket as SocketModePeer).send('slash_commands', payload),
      );
      return { ...delivered, responseUrl };
    },
    async event(event, o = {}) {
      const { type, channel, user, text, ts, thread_ts: threadTs } = event as Record<string, string | undefined>;
      if ((type === 'message' || type === 'app_mention') && channel && user && ts && !event.subtype && !event.bot_id) {
        peer.recordUserMessage({ channel, user, text: text ?? '', ts, ...(threadTs ? { threadTs } : {}) });
      }
      const callback = eventCallback(event, o.eventId);
      return deliver(
        (s) => s.event(callback, o.retryNum === undefined ? {} : { retryNum: o.retryNum }),
        () => (socket as SocketModePeer).send('events_api', callback, o.retryNum === undefined ? {} : { retryAttempt: o.retryNum }),
      );
    },
    async press(message, actionId, o = {}) {
      const user = o.user ?? PEER_IDS.alice;
      const responseUrl = peer.issueResponseUrl(message.channel, user, message.ts);
      const actions = (message.blocks ?? []).find((b) => (b as { type?: string }).type === 'actions') as
        | { block_id: string; elements: { action_id: string; value: string }[] }
        | undefined;
      const button = actions?.elements.find((e) => e.action_id === actionId);
      if (!actions || !button) throw new Error(`message ${message.ts} has no button ${actionId}`);
      const payload = blockActionsPayload({
        channel: message.channel,
        user,
        message: { ts: message.ts, text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) },
        actionId,
        blockId: actions.block_id,
        value: button.value,
        responseUrl,
      });
      const delivered = await deliver(
        (s) => s.interaction(payload),
        () => (socket as SocketModePeer).send('interactive', payload),
      );
      return { ...delivered, responseUrl };
    },
    async close() {
      await app.stop();
      await socket?.close();
      await peer.close();
    },
  };
}

function safeJson(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Polls until `probe` returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Waits a little and proves nothing more happened (for "no second post" checks). */
export const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { INTENT, P } from './constants.ts';
import { PeerGateway } from './gateway.ts';
import { channelJson, memberJson, roleJson, userJson } from './payloads.ts';
import { handleRest } from './routes.ts';
import { snowflakeFactory } from './snowflake.ts';
import {
  FULL_BOT_PERMISSIONS,
  MEMBER_PERMISSIONS,
  newChannel,
  type PeerChannel,
  type PeerInteraction,
  type PeerUser,
  type RegisteredCommand,
  type RequestRecord,
  type StoredMessage,
} from './state.ts';
import { PeerUsers } from './users.ts';

export interface PeerOptions {
  /** Clock for snowflakes, the 3-second acknowledgement and the 15-minute token. */
  now?: () => number;
  /** Whether the application has privileged intents (Message Content) enabled. */
  privilegedIntents?: boolean;
  heartbeatIntervalMs?: number;
}

interface Fault {
  route: string;
  remaining: number;
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/**
 * A local Discord: REST under /api/v10 and a WebSocket gateway, one guild with a #news channel,
 * the bot, an admin (Manage Channels), a member and another bot. Tests drive it (commands,
 * buttons, user messages, faults) and read what the client did (messages, threads, requests,
 * protocol problems).
 */
export class DiscordPeer {
  readonly token = `peer.${randomBytes(18).toString('base64url')}`;
  readonly now: () => number;
  readonly nextId: () => string;
  readonly applicationId: string;
  readonly guildId: string;
  readonly adminRoleId: string;
  readonly channelId: string;
  readonly botUser: PeerUser;
  readonly users: PeerUsers;
  readonly channels = new Map<string, PeerChannel>();
  readonly messages = new Map<string, StoredMessage>();
  readonly interactions = new Map<string, PeerInteraction>();
  readonly commands: RegisteredCommand[] = [];
  readonly requests: RequestRecord[] = [];
  readonly problems: string[] = [];
  readonly gateway: PeerGateway;
  readonly #server: Server;
  readonly #faults: Fault[] = [];
  readonly #waiters = new Set<() => void>();
  #port = 0;

  private constructor(options: PeerOptions) {
    this.now = options.now ?? Date.now;
    this.nextId = snowflakeFactory(this.now);
    this.applicationId = this.nextId();
    this.guildId = this.nextId();
    this.adminRoleId = this.nextId();
    this.botUser = { id: this.applicationId, username: 'summit', bot: true };
    this.users = new PeerUsers(this);
    this.channelId = this.addChannel('news');
    this.gateway = new PeerGateway({
      token: this.token,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      privilegedIntents: options.privilegedIntents ?? true,
      ready: (session) => ({
        v: 10,
        user: { ...userJson(this.botUser), verified: true, mfa_enabled: false, flags: 0 },
        guilds: [{ id: this.guildId, unavailable: true }],
        session_id: session.id,
        resume_gateway_url: this.gatewayUrl,
        shard: [0, 1],
        application: { id: this.applicationId, flags: 0 },
        private_channels: [],
        relationships: [],
      }),
      guilds: () => [this.guildCreate()],
      problem: (message) => this.problem(message),
      changed: () => this.changed(),
    });
    this.#server = createServer((req, res) => void handleRest(this, req, res));
    this.#server.on('upgrade', (req, socket, head) => {
      if (new URL(req.url ?? '/', 'http://peer').pathname === '/gateway') this.gateway.upgrade(req, socket, head);
      else socket.destroy();
    });
  }

  static async start(options: PeerOptions = {}): Promise<DiscordPeer> {
    const peer = new DiscordPeer(options);
    await new Promise<void>((resolve) => peer.#server.listen(0, '127.0.0.1', resolve));
    peer.#port = (peer.#server.address() as AddressInfo).port;
    return peer;
  }

  /** The REST base for `DISCORD_API_URL` (discord.js appends /v10). */
  get apiUrl() {
    return `http://127.0.0.1:${this.#port}/api`;
  }

  get gatewayUrl() {
    return `ws://127.0.0.1:${this.#port}/gateway`;
  }

  /** A new text channel; connected clients hear of it (CHANNEL_CREATE), as from Discord. */
  addChannel(name: string, botPermissions = FULL_BOT_PERMISSIONS): string {
    const id = this.nextId();
    const channel = newChannel(id, name, this.now(), botPermissions);
    this.channels.set(id, channel);
    // Before start() the gateway does not exist yet; the channel then arrives in GUILD_CREATE.
    this.gateway?.dispatch('CHANNEL_CREATE', channelJson(channel, this.guildId), INTENT.Guilds);
    return id;
  }

  deleteChannel(id: string) {
    const channel = this.channels.get(id);
    if (!channel) return;
    this.channels.delete(id);
    this.gateway.dispatch('CHANNEL_DELETE', channelJson(channel, this.guildId), INTENT.Guilds);
  }

  guildCreate() {
    const everyone = MEMBER_PERMISSIONS;
    return {
      id: this.guildId,
      name: 'Summit Test Server',
      icon: null,
      owner_id: this.users.admin.id,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 1,
      explicit_content_filter: 0,
      roles: [roleJson(this.guildId, '@everyone', everyone, 0), roleJson(this.adminRoleId, 'summit admins', everyone, 1)],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      joined_at: new Date(this.now()).toISOString(),
      large: false,
      unavailable: false,
      member_count: 4,
      voice_states: [],
      members: [memberJson(this.botUser, [], this.now())],
      channels: [...this.channels.values()].filter((c) => !c.parentId).map((c) => channelJson(c, this.guildId)),
      threads: [...this.channels.values()].filter((c) => c.parentId).map((c) => channelJson(c, this.guildId)),
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      premium_tier: 0,
      preferred_locale: 'en-US',
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
    };
  }

  problem(message: string) {
    this.problems.push(message);
  }

  /** The next `count` requests to `route` (e.g. `POST /channels/:channel/messages`) get 429. */
  rateLimitNext(route: string, options: { retryAfter: number; global?: boolean; count?: number }) {
    const { retryAfter, global = false } = options;
    this.#faults.push({
      route,
      remaining: options.count ?? 1,
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: retryAfter, global, code: 0 },
      headers: {
        'retry-after': String(Math.ceil(retryAfter)),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String((Date.now() / 1000 + retryAfter).toFixed(3)),
        'x-ratelimit-reset-after': retryAfter.toFixed(3),
        'x-ratelimit-bucket': `bucket:${route}`,
        'x-ratelimit-scope': global ? 'global' : 'user',
        ...(global ? { 'x-ratelimit-global': 'true' } : {}),
      },
    });
  }

  /** The next `count` requests to `route` fail with this Discord error. */
  failNext(route: string, options: { status: number; code: number; message: string; count?: number }) {
    this.#faults.push({ route, remaining: options.count ?? 1, status: options.status, body: { message: options.message, code: options.code }, headers: {} });
  }

  takeFault(route: string): Fault | undefined {
    const fault = this.#faults.find((f) => f.route === route && f.remaining > 0);
    if (fault) fault.remaining--;
    return fault;
  }

  /** Wakes `waitFor` checks; called after every request and dispatch. */
  changed() {
    for (const wake of [...this.#waiters]) wake();
  }

  /** Resolves with the first truthy value of `check`, re-checked whenever the peer's state changes. */
  waitFor<T>(check: () => T | undefined | null | false, what: string, timeoutMs = 5000): Promise<T> {
    return new Promise((resolve, reject) => {
      const done = () => {
        const value = check();
        if (!value) return;
        clearTimeout(timer);
        this.#waiters.delete(done);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(done);
        reject(new Error(`timed out waiting for ${what}; problems: ${JSON.stringify(this.problems)}`));
      }, timeoutMs);
      this.#waiters.add(done);
      done();
    });
  }

  messagesIn(channelId: string): StoredMessage[] {
    return [...this.messages.values()].filter((m) => m.channelId === channelId);
  }

  requestsTo(route: string): RequestRecord[] {
    return this.requests.filter((r) => r.route === route);
  }

  async close() {
    await this.gateway.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  static readonly MANAGE_CHANNELS = MEMBER_PERMISSIONS | P.ManageChannels;
}

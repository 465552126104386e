import { once } from 'node:events';
import { type Client, Events, RESTEvents } from 'discord.js';
import type { SummitService } from '../../app/summit-service.ts';
import type { DiscordConfig } from '../../config/discord.ts';
import { createDiscordClient } from './client.ts';
import type { DiscordContext, DiscordLogger } from './context.ts';
import { DiscordDelivery } from './delivery.ts';
import { createFollowUpHandler } from './follow-ups.ts';
import { handleInteraction } from './interactions.ts';

export interface DiscordBot {
  client: Client;
  /** For the delivery job: posts digests through this bot's REST client. */
  delivery: DiscordDelivery;
  stop(): Promise<void>;
}

export interface StartOptions {
  config: DiscordConfig;
  service: SummitService;
  logger: DiscordLogger;
  now?: () => number;
  /** How long to wait for the gateway's READY and guilds. */
  readyTimeoutMs?: number;
}

/** Logs in, wires the handlers, and resolves once the gateway is ready. */
export async function startDiscordBot(options: StartOptions): Promise<DiscordBot> {
  const { config, service, logger } = options;
  const client = createDiscordClient(config);
  const ctx: DiscordContext = {
    service,
    client,
    rest: client.rest,
    logger,
    now: options.now ?? Date.now,
    settings: {
      messageContent: config.messageContent,
      ...(config.publicBaseUrl ? { publicBaseUrl: config.publicBaseUrl } : {}),
      ...(config.adminRoleId ? { adminRoleId: config.adminRoleId } : {}),
    },
  };
  const onMessage = createFollowUpHandler(ctx);
  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, ctx));
  client.on(Events.MessageCreate, (message) => void onMessage(message));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({}, message));
  client.on(Events.ShardDisconnect, (event, shardId) => logger.warn({ code: event.code, shardId }, 'gateway disconnected'));
  // discord.js waits out 429s itself; the log shows when and for how long.
  client.rest.on(RESTEvents.RateLimited, (info) =>
    logger.warn({ route: info.route, method: info.method, retryAfterMs: info.retryAfter, global: info.global, scope: info.scope }, 'rate limited by Discord; waiting'),
  );

  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  const giveUp = new AbortController();
  const timer = setTimeout(() => giveUp.abort(new Error(`no READY from the gateway within ${readyTimeoutMs} ms`)), readyTimeoutMs);
  const ready = once(client, Events.ClientReady, { signal: giveUp.signal });
  ready.catch(() => {}); // awaited below; login may fail first
  try {
    await client.login(config.token);
    await ready;
  } catch (error) {
    giveUp.abort();
    await client.destroy();
    throw new DiscordLoginError(error);
  } finally {
    clearTimeout(timer);
  }
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size, messageContent: config.messageContent }, 'discord bot ready');
  return {
    client,
    delivery: new DiscordDelivery({ rest: client.rest, logger, linkThreadsWith: service, ...(config.publicBaseUrl ? { publicBaseUrl: config.publicBaseUrl } : {}) }),
    stop: () => client.destroy(),
  };
}

/** Login failed: bad token, a privileged intent not enabled in the portal, or the gateway unreachable. */
export class DiscordLoginError extends Error {
  readonly code = 'discord:login';

  constructor(cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const hint = /intent/i.test(reason)
      ? ' — enable the Message Content intent under Bot → Privileged Gateway Intents, or set DISCORD_MESSAGE_CONTENT=false'
      : /token/i.test(reason)
        ? ' — check DISCORD_TOKEN (Developer Portal → Bot → Reset Token)'
        : '';
    super(`could not connect to Discord: ${reason}${hint}`, { cause });
    this.name = 'DiscordLoginError';
  }
}

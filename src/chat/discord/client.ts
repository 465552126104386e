import { Client, GatewayIntentBits, Partials } from 'discord.js';
import type { DiscordConfig } from '../../config/discord.ts';

/** Guilds (channels, threads), guild messages (thread follow-ups) and, when enabled, their content. */
export function discordIntents(messageContent: boolean): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];
  if (messageContent) intents.push(GatewayIntentBits.MessageContent);
  return intents;
}

/**
 * The discord.js client, unmodified: REST goes to `DISCORD_API_URL` (discord.js adds `/v10`),
 * and the gateway address comes from that API's `GET /gateway/bot`. Nothing it sends may ping:
 * `allowedMentions` parses nothing by default, and summit's messages say so explicitly too.
 */
export function createDiscordClient(config: Pick<DiscordConfig, 'apiUrl' | 'messageContent'>): Client {
  return new Client({
    intents: discordIntents(config.messageContent),
    // Interactions carry their channel; caching it partially lets handlers tell threads from channels.
    partials: [Partials.Channel],
    allowedMentions: { parse: [], repliedUser: false },
    failIfNotExists: false,
    rest: { api: config.apiUrl },
  });
}

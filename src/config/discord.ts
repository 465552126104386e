import { z } from 'zod';
import { flag, parseEnv } from './parse-env.ts';

export const DISCORD_DEFAULT_API_URL = 'https://discord.com/api';

/** Empty strings count as unset, so `DISCORD_GUILD_ID=` in a .env file means "not given". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** Discord ids are snowflakes: 17 to 20 decimal digits. */
const snowflake = (what: string, where = 'Developer Portal') =>
  z.string({ message: `required: the ${what} id (${where})` }).regex(/^\d{17,20}$/, `must be a Discord ${what} id (17–20 digits)`);

const DiscordEnvSchema = z.object({
  DISCORD_TOKEN: z.string({ message: 'required: the bot token (Developer Portal → Bot → Reset Token)' }).min(20, 'too short for a bot token'),
  DISCORD_APPLICATION_ID: snowflake('application', 'Developer Portal → General Information → Application ID'),
  /** The REST base: Discord's by default; a shared rate-limit proxy or a test peer needs another. */
  DISCORD_API_URL: optional(
    z.url({ protocol: /^https?$/ }).refine((url) => !/\/v\d+\/?$/.test(url), 'leave out the API version (/v10): discord.js adds it'),
  ).default(DISCORD_DEFAULT_API_URL),
  /** Where `summit discord deploy` registers /summit when --guild is not given; unset = globally. */
  DISCORD_GUILD_ID: optional(snowflake('guild (server)')),
  /** The privileged Message Content intent: answer every message in a briefing thread, not only mentions. */
  DISCORD_MESSAGE_CONTENT: optional(flag).default(false),
  /** Members with this role may subscribe/unsubscribe channels besides those with Manage Channels. */
  DISCORD_ADMIN_ROLE_ID: optional(snowflake('role')),
  /** Where the web pages live; turns relative article/briefing links into absolute ones. */
  PUBLIC_BASE_URL: optional(z.url({ protocol: /^https?$/ })),
  REDIS_URL: optional(z.url({ protocol: /^rediss?$/ })),
});

export interface DiscordConfig {
  token: string;
  applicationId: string;
  /** REST base without a trailing slash and without the version (discord.js appends `/v10`). */
  apiUrl: string;
  guildId?: string;
  messageContent: boolean;
  adminRoleId?: string;
  /** Without a trailing slash. */
  publicBaseUrl?: string;
  redisUrl?: string;
}

/** Reads the Discord settings once; a bad or missing variable is a ConfigError naming it. */
export function loadDiscordConfig(env: Record<string, string | undefined>): DiscordConfig {
  const parsed = parseEnv(DiscordEnvSchema, env);
  return {
    token: parsed.DISCORD_TOKEN,
    applicationId: parsed.DISCORD_APPLICATION_ID,
    apiUrl: parsed.DISCORD_API_URL.replace(/\/+$/, ''),
    messageContent: parsed.DISCORD_MESSAGE_CONTENT,
    ...(parsed.DISCORD_GUILD_ID ? { guildId: parsed.DISCORD_GUILD_ID } : {}),
    ...(parsed.DISCORD_ADMIN_ROLE_ID ? { adminRoleId: parsed.DISCORD_ADMIN_ROLE_ID } : {}),
    ...(parsed.PUBLIC_BASE_URL ? { publicBaseUrl: parsed.PUBLIC_BASE_URL.replace(/\/+$/, '') } : {}),
    ...(parsed.REDIS_URL ? { redisUrl: parsed.REDIS_URL } : {}),
  };
}

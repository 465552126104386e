import { z } from 'zod';
import { ConfigError, flag, parseEnv } from './parse-env.ts';

export const SLACK_DEFAULT_API_URL = 'https://slack.com/api/';

/** Empty strings count as unset, so `SLACK_APP_TOKEN=` in a .env file means "not given". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const SlackEnvSchema = z.object({
  SLACK_BOT_TOKEN: z
    .string({ message: 'required: the bot token (xoxb-…) from OAuth & Permissions' })
    .regex(/^xoxb-/, 'must be a bot token starting with xoxb-'),
  SLACK_SIGNING_SECRET: optional(z.string().min(8, 'too short for a signing secret')),
  SLACK_APP_TOKEN: optional(z.string().regex(/^xapp-/, 'must be an app-level token starting with xapp-')),
  /** Unset = Socket Mode exactly when an app token is given. */
  SLACK_SOCKET_MODE: optional(flag),
  /** The Web API base: Slack's by default; GovSlack workspaces and local test peers need another. */
  SLACK_API_URL: optional(z.url({ protocol: /^https?$/ })).default(SLACK_DEFAULT_API_URL),
  SLACK_PORT: optional(z.coerce.number().int().min(0).max(65535)).default(3000),
  /** Member ids (U…/W…) allowed to subscribe/unsubscribe besides workspace admins and owners. */
  SLACK_ADMIN_USERS: optional(z.string()).default(''),
  /** Where the web pages live; turns relative article/briefing links into absolute ones. */
  PUBLIC_BASE_URL: optional(z.url({ protocol: /^https?$/ })),
});

export interface SlackConfig {
  mode: 'http' | 'socket';
  botToken: string;
  /** Present in HTTP mode (required there). */
  signingSecret?: string;
  /** Present in Socket Mode (required there). */
  appToken?: string;
  /** Always ends with a slash, as the Web API client expects. */
  apiUrl: string;
  port: number;
  adminUsers: string[];
  publicBaseUrl?: string;
}

/** REDIS_URL, REDIS_KEY_PREFIX and LOG_LEVEL are shared with the worker: see config/queue.ts. */

/**
 * Reads the Slack settings once. The mode decides which secrets are required, and a missing
 * one is a configuration error naming the variable, never a half-started app.
 */
export function loadSlackConfig(env: Record<string, string | undefined>): SlackConfig {
  const parsed = parseEnv(SlackEnvSchema, env);
  const mode = (parsed.SLACK_SOCKET_MODE ?? parsed.SLACK_APP_TOKEN !== undefined) ? 'socket' : 'http';
  if (mode === 'socket' && !parsed.SLACK_APP_TOKEN) {
    throw new ConfigError([
      { variable: 'SLACK_APP_TOKEN', message: 'required for Socket Mode: an app-level token (xapp-…) with connections:write' },
    ]);
  }
  if (mode === 'http' && !parsed.SLACK_SIGNING_SECRET) {
    throw new ConfigError([
      {
        variable: 'SLACK_SIGNING_SECRET',
        message: 'required in HTTP mode (Basic Information → Signing Secret); or set SLACK_APP_TOKEN for Socket Mode',
      },
    ]);
  }
  const badUsers = splitList(parsed.SLACK_ADMIN_USERS).filter((id) => !/^[UW][A-Z0-9]+$/.test(id));
  if (badUsers.length > 0) {
    throw new ConfigError([
      { variable: 'SLACK_ADMIN_USERS', message: `not Slack member ids (U…/W…): ${badUsers.join(', ')}` },
    ]);
  }
  return {
    mode,
    botToken: parsed.SLACK_BOT_TOKEN,
    ...(mode === 'http' ? { signingSecret: parsed.SLACK_SIGNING_SECRET } : {}),
    ...(mode === 'socket' ? { appToken: parsed.SLACK_APP_TOKEN } : {}),
    apiUrl: parsed.SLACK_API_URL.endsWith('/') ? parsed.SLACK_API_URL : `${parsed.SLACK_API_URL}/`,
    port: parsed.SLACK_PORT,
    adminUsers: splitList(parsed.SLACK_ADMIN_USERS),
    ...(parsed.PUBLIC_BASE_URL ? { publicBaseUrl: parsed.PUBLIC_BASE_URL.replace(/\/+$/, '') } : {}),
  };
}

function splitList(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const DeliveryEnvSchema = SlackEnvSchema.pick({ SLACK_BOT_TOKEN: true, SLACK_API_URL: true, PUBLIC_BASE_URL: true });

/** What the worker needs to post digests: the bot token and where the Web API is, no secrets for receiving. */
export function loadSlackDeliveryConfig(
  env: Record<string, string | undefined>,
): Pick<SlackConfig, 'botToken' | 'apiUrl' | 'publicBaseUrl'> {
  const parsed = parseEnv(DeliveryEnvSchema, env);
  return {
    botToken: parsed.SLACK_BOT_TOKEN,
    apiUrl: parsed.SLACK_API_URL.endsWith('/') ? parsed.SLACK_API_URL : `${parsed.SLACK_API_URL}/`,
    ...(parsed.PUBLIC_BASE_URL ? { publicBaseUrl: parsed.PUBLIC_BASE_URL.replace(/\/+$/, '') } : {}),
  };
}

/**
 * Secrets never reach a log line: tokens in URLs (Discord webhooks and interaction callbacks,
 * Slack response URLs), token formats (Slack, OpenAI, bearer and bot authorization) and the
 * deployment's own secret values from the environment, wherever they appear in the line
 * (messages, stacks, request URLs and bodies of API errors).
 */
const SECRET_ENV = [
  'DISCORD_TOKEN',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'OPENAI_API_KEY',
  'ADMIN_TOKEN',
  'WEB_ACCESS_TOKEN',
  'REDIS_PASSWORD',
  'REDIS_SENTINEL_PASSWORD',
];

export const REDACTED = '[redacted]';

const PATTERNS: [RegExp, string][] = [
  // https://discord.com/api/v10/webhooks/<application id>/<interaction token>/messages/@original
  [/(\/webhooks\/\d+\/)[\w.-]+/g, `$1${REDACTED}`],
  // https://discord.com/api/v10/interactions/<id>/<token>/callback
  [/(\/interactions\/\d+\/)[\w.-]+/g, `$1${REDACTED}`],
  // https://hooks.slack.com/commands/T.../123/abc, /actions/..., /services/...
  [/(https?:\/\/hooks\.slack\.com\/)[^\s"'\\]+/g, `$1${REDACTED}`],
  [/\bxox[a-z]-[\w-]+/gi, REDACTED],
  [/\bxapp-[\w-]+/gi, REDACTED],
  [/\bsk-[\w-]{12,}/g, REDACTED],
  [/\b(Bearer|Bot)\s+[\w.~+/=-]{8,}/g, `$1 ${REDACTED}`],
];

/** The secret values configured for this process (at least 6 characters, so no common word). */
export function secretValues(env: NodeJS.ProcessEnv = process.env): string[] {
  return SECRET_ENV.map((name) => env[name]?.trim() ?? '').filter((value) => value.length >= 6);
}

/** The text with every secret replaced by REDACTED. */
export function redactSecrets(text: string, values: readonly string[] = []): string {
  let out = text;
  for (const value of values) out = out.split(value).join(REDACTED);
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** Fields of logged objects that carry whole requests (message bodies, credentials): never logged. */
export const REDACTED_PATHS = [
  'err.requestBody',
  'err.request.body',
  'err.headers.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'config.headers.Authorization',
];

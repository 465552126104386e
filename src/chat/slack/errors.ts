/**
 * A failed Slack Web API call, classified so callers can act on it: tell the person how to fix
 * it (invite the bot), flag a subscription for attention (and keep it), or retry later.
 */
export type SlackErrorCode =
  | 'slack:not_in_channel'
  | 'slack:channel_not_found'
  | 'slack:is_archived'
  | 'slack:auth'
  | 'slack:rate_limited'
  | 'slack:invalid_blocks'
  | 'slack:unreachable'
  | 'slack:api';

/** Codes meaning the channel or the installation needs a person's attention; retrying won't help. */
const NEEDS_ATTENTION = new Set<SlackErrorCode>([
  'slack:not_in_channel',
  'slack:channel_not_found',
  'slack:is_archived',
  'slack:auth',
]);

const AUTH_ERRORS = new Set(['invalid_auth', 'token_revoked', 'account_inactive', 'not_authed', 'token_expired', 'missing_scope', 'team_access_not_granted']);

export class SlackApiError extends Error {
  readonly code: SlackErrorCode;
  /** Slack's own error string (`not_in_channel`, `token_revoked`, …) or the HTTP failure. */
  readonly slackError: string;
  readonly method: string;
  /** True when a person must act (invite the bot, unarchive, reinstall); false for transient failures. */
  readonly needsAttention: boolean;

  constructor(method: string, slackError: string, code: SlackErrorCode, options?: ErrorOptions) {
    super(`Slack ${method} failed: ${slackError}`, options);
    this.name = 'SlackApiError';
    this.method = method;
    this.slackError = slackError;
    this.code = code;
    this.needsAttention = NEEDS_ATTENTION.has(code);
  }
}

function codeFor(slackError: string): SlackErrorCode {
  if (slackError === 'not_in_channel') return 'slack:not_in_channel';
  if (slackError === 'channel_not_found') return 'slack:channel_not_found';
  if (slackError === 'is_archived') return 'slack:is_archived';
  if (AUTH_ERRORS.has(slackError)) return 'slack:auth';
  if (slackError === 'ratelimited' || slackError === 'rate_limited') return 'slack:rate_limited';
  if (slackError === 'invalid_blocks' || slackError === 'msg_blocks_too_long' || slackError === 'msg_too_long')
    return 'slack:invalid_blocks';
  return 'slack:api';
}

/** Converts whatever @slack/web-api threw into a SlackApiError (other errors pass through). */
export function toSlackApiError(method: string, error: unknown): unknown {
  if (error instanceof SlackApiError || typeof error !== 'object' || error === null) return error;
  const e = error as { code?: unknown; data?: { error?: unknown }; statusCode?: unknown; message?: unknown };
  switch (e.code) {
    case 'slack_webapi_platform_error': {
      const slackError = typeof e.data?.error === 'string' ? e.data.error : 'unknown_error';
      return new SlackApiError(method, slackError, codeFor(slackError), { cause: error });
    }
    case 'slack_webapi_rate_limited_error':
      return new SlackApiError(method, 'ratelimited', 'slack:rate_limited', { cause: error });
    case 'slack_webapi_http_error':
      return new SlackApiError(method, `HTTP ${String(e.statusCode)}`, 'slack:unreachable', { cause: error });
    case 'slack_webapi_request_error':
      // The client reports 429s it has stopped retrying as request errors with this message.
      if (String(e.message).includes('A rate limit was exceeded'))
        return new SlackApiError(method, 'ratelimited', 'slack:rate_limited', { cause: error });
      return new SlackApiError(method, String(e.message), 'slack:unreachable', { cause: error });
    default:
      return error;
  }
}

/** Runs a Web API call and rethrows its failure as a SlackApiError. */
export async function callSlack<T>(method: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toSlackApiError(method, error);
  }
}

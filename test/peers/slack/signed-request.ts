/**
 * Sends requests to the app's HTTP endpoint signed exactly as Slack signs them:
 * `v0=` + hex HMAC-SHA256(signing secret, `v0:<timestamp>:<raw body>`), with the timestamp in
 * X-Slack-Request-Timestamp; slash commands and interactions form-encoded, events as JSON.
 */
import { createHmac } from 'node:crypto';

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  /** Seconds since the epoch; default now (Slack rejects more than 5 minutes off). */
  timestamp?: number;
  /** Send this instead of the correct signature. */
  signature?: string;
  /** Slack's redelivery headers. */
  retryNum?: number;
  retryReason?: string;
}

export interface SentResponse {
  status: number;
  body: string;
  /** Time until the app answered (Slack gives up after 3 s). */
  elapsedMs: number;
}

export class SignedRequestSender {
  readonly #url: string;
  readonly #secret: string;

  constructor(url: string, signingSecret: string) {
    this.#url = url;
    this.#secret = signingSecret;
  }

  slashCommand(fields: Record<string, string>, options?: SendOptions) {
    return this.send(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options);
  }

  interaction(payload: Record<string, unknown>, options?: SendOptions) {
    return this.send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', options);
  }

  event(callback: Record<string, unknown>, options?: SendOptions) {
    return this.send(JSON.stringify(callback), 'application/json', options);
  }

  async send(body: string, contentType: string, options: SendOptions = {}): Promise<SentResponse> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': contentType,
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? slackSignature(this.#secret, timestamp, body),
    };
    if (options.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(options.retryNum);
      headers['x-slack-retry-reason'] = options.retryReason ?? 'http_timeout';
    }
    const started = performance.now();
    const response = await fetch(this.#url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
    const text = await response.text();
    return { status: response.status, body: text, elapsedMs: performance.now() - started };
  }
}

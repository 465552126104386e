import type { LlmLogger } from './metrics.ts';

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** How long a response asks the client to wait before retrying, in ms (undefined: it does not say). */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms)) return Math.max(0, ms);
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/**
 * The fetch the OpenAI SDK uses. The SDK's own retries honour Retry-After however long it is;
 * a service asking for minutes would hold a briefing that long, so such a response is marked
 * `x-should-retry: false` (which the SDK obeys) and the writer falls back at once. Each attempt
 * is logged, which is the only place retries are visible.
 */
export function guardedFetch(options: { maxRetryWaitMs: number; logger: LlmLogger; inner?: Fetch }): Fetch {
  const inner = options.inner ?? globalThis.fetch;
  return async (input, init) => {
    const response = await inner(input, init);
    if (response.ok) return response;
    const wait = retryAfterMs(response.headers);
    const tooLong = wait !== undefined && wait > options.maxRetryWaitMs;
    options.logger.warn(
      { status: response.status, retryAfterMs: wait, willWait: !tooLong },
      'llm: model service answered with an error',
    );
    if (!tooLong) return response;
    const headers = new Headers(response.headers);
    headers.set('x-should-retry', 'false');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

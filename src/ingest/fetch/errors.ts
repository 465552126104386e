/**
 * Why a fetch did not produce a body. `transient` failures (timeouts, 5xx, 429, dropped
 * connections) may succeed on a later poll; the others will not until the source changes.
 */
export type FetchErrorCode =
  | 'fetch:invalid-url'
  | 'fetch:scheme'
  | 'fetch:blocked-address'
  | 'fetch:dns'
  | 'fetch:connection'
  | 'fetch:timeout'
  | 'fetch:too-large'
  | 'fetch:too-many-redirects'
  | 'fetch:redirect-loop'
  | 'fetch:http-status'
  | 'fetch:content-type'
  | 'fetch:decode';

const TRANSIENT: ReadonlySet<FetchErrorCode> = new Set(['fetch:dns', 'fetch:connection', 'fetch:timeout']);

/** A fetch refused or failed; the message is a reason a person can act on, naming the URL's host. */
export class FetchError extends Error {
  readonly code: FetchErrorCode;
  readonly url: string;
  readonly status: number | undefined;
  readonly transient: boolean;

  constructor(code: FetchErrorCode, url: string, reason: string, options: { status?: number; cause?: unknown } = {}) {
    super(reason, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'FetchError';
    this.code = code;
    this.url = url;
    this.status = options.status;
    const retryableStatus = options.status !== undefined && (options.status === 408 || options.status === 429 || options.status >= 500);
    this.transient = TRANSIENT.has(code) || retryableStatus;
  }
}

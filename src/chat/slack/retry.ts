/**
 * How the Web API client retries: a 429 waits for its Retry-After and counts as one retry;
 * connection errors and 5xx back off exponentially. Bounded, so a command's response_url and
 * a delivery job's own retry (the queue) are not outlived by a client stuck retrying.
 */
export const SLACK_RETRY_CONFIG = { retries: 4, factor: 2, minTimeout: 500, maxTimeout: 10_000, randomize: true };

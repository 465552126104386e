import assert from 'node:assert/strict';
import { test } from 'node:test';
import { guardedFetch, retryAfterMs } from '../../src/llm/guarded-fetch.ts';
import { SILENT_LOGGER } from '../../src/llm/metrics.ts';

test('retryAfterMs reads retry-after-ms, seconds and HTTP dates', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  assert.equal(retryAfterMs(new Headers({ 'retry-after-ms': '250' }), now), 250);
  assert.equal(retryAfterMs(new Headers({ 'retry-after': '2' }), now), 2000);
  assert.equal(retryAfterMs(new Headers({ 'retry-after': '0.5' }), now), 500);
  assert.equal(retryAfterMs(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }), now), 30_000);
  assert.equal(retryAfterMs(new Headers({ 'retry-after': 'soon' }), now), undefined);
  assert.equal(retryAfterMs(new Headers(), now), undefined);
});

test('a Retry-After longer than the limit is marked not to be retried; others pass unchanged', async () => {
  const answer = (status: number, headers: Record<string, string>) => async () =>
    new Response('{"error":{}}', { status, headers });
  const limited = (inner: () => Promise<Response>) => guardedFetch({ maxRetryWaitMs: 5_000, logger: SILENT_LOGGER, inner });

  const long = await limited(answer(429, { 'retry-after': '60' }))('http://x');
  assert.equal(long.status, 429);
  assert.equal(long.headers.get('x-should-retry'), 'false');
  assert.equal(long.headers.get('retry-after'), '60');
  assert.equal(await long.text(), '{"error":{}}');

  const short = await limited(answer(429, { 'retry-after': '1' }))('http://x');
  assert.equal(short.headers.get('x-should-retry'), null);
  const ok = await limited(answer(200, { 'retry-after': '600' }))('http://x');
  assert.equal(ok.headers.get('x-should-retry'), null);
});

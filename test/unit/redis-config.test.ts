import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../../src/config/parse-env.ts';
import { loadQueueConfig } from '../../src/config/queue.ts';
import { describeRedisTarget, loadRedisTarget } from '../../src/config/redis.ts';

/** The ConfigError's message, or a failure when the env loads. */
function problem(env: Record<string, string>): string {
  try {
    loadRedisTarget(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.message;
  }
  assert.fail(`expected a ConfigError for ${JSON.stringify(env)}`);
}

test('no Redis variable: the local server; blank values count as unset', () => {
  assert.deepEqual(loadRedisTarget({}), { kind: 'server', url: 'redis://127.0.0.1:6379' });
  assert.deepEqual(loadRedisTarget({ REDIS_URL: '', REDIS_CLUSTER_NODES: ' ' }), { kind: 'server', url: 'redis://127.0.0.1:6379' });
  assert.deepEqual(loadRedisTarget({ REDIS_URL: 'rediss://u:p@cache:6380/2' }), { kind: 'server', url: 'rediss://u:p@cache:6380/2' });
});

test('REDIS_CLUSTER_NODES: host:port list, IPv6 in brackets, credentials and TLS apart', () => {
  assert.deepEqual(loadRedisTarget({ REDIS_CLUSTER_NODES: '10.0.0.5:7000, cache-2.internal:7001,[::1]:7002', REDIS_PASSWORD: 'pw', REDIS_TLS: 'true' }), {
    kind: 'cluster',
    nodes: [
      { host: '10.0.0.5', port: 7000 },
      { host: 'cache-2.internal', port: 7001 },
      { host: '::1', port: 7002 },
    ],
    auth: { password: 'pw', tls: true },
  });
  assert.match(problem({ REDIS_CLUSTER_NODES: '10.0.0.5' }), /REDIS_CLUSTER_NODES: "10\.0\.0\.5" is not host:port/);
  assert.match(problem({ REDIS_CLUSTER_NODES: 'a:7000,a:99999' }), /"a:99999" is not host:port/);
  assert.match(problem({ REDIS_CLUSTER_NODES: 'a:7000,,b:7001' }), /"" is not host:port/);
  assert.match(problem({ REDIS_CLUSTER_NODES: 'a:7000,a:7000' }), /a:7000 is listed twice/);
  assert.match(problem({ REDIS_CLUSTER_NODES: 'redis://a:7000' }), /is not host:port/);
});

test('REDIS_SENTINELS needs REDIS_SENTINEL_NAME, and the name needs sentinels', () => {
  assert.deepEqual(loadRedisTarget({ REDIS_SENTINELS: 's1:26379,s2:26379', REDIS_SENTINEL_NAME: 'mymaster', REDIS_SENTINEL_PASSWORD: 'spw' }), {
    kind: 'sentinel',
    sentinels: [
      { host: 's1', port: 26379 },
      { host: 's2', port: 26379 },
    ],
    masterName: 'mymaster',
    sentinelPassword: 'spw',
    auth: { tls: false },
  });
  assert.match(problem({ REDIS_SENTINELS: 's1:26379' }), /REDIS_SENTINEL_NAME: required with REDIS_SENTINELS/);
  assert.match(problem({ REDIS_SENTINEL_NAME: 'mymaster' }), /REDIS_SENTINEL_NAME: only used with REDIS_SENTINELS/);
  assert.match(problem({ REDIS_SENTINELS: 's1:26379', REDIS_SENTINEL_NAME: 'my master' }), /REDIS_SENTINEL_NAME: letters, digits/);
});

test('exactly one of REDIS_URL, REDIS_CLUSTER_NODES, REDIS_SENTINELS; credentials of a URL go in the URL', () => {
  const both = problem({ REDIS_URL: 'redis://a:6379', REDIS_CLUSTER_NODES: 'a:7000' });
  assert.match(both, /REDIS_URL: set only one of/);
  assert.match(both, /REDIS_CLUSTER_NODES: set only one of/);
  assert.match(problem({ REDIS_CLUSTER_NODES: 'a:7000', REDIS_SENTINELS: 's:26379', REDIS_SENTINEL_NAME: 'm' }), /got REDIS_CLUSTER_NODES and REDIS_SENTINELS/);
  assert.match(problem({ REDIS_URL: 'redis://a:6379', REDIS_PASSWORD: 'pw' }), /REDIS_PASSWORD: only used with REDIS_CLUSTER_NODES or REDIS_SENTINELS; with REDIS_URL put it in the URL/);
  assert.match(problem({ REDIS_TLS: 'maybe', REDIS_CLUSTER_NODES: 'a:7000' }), /REDIS_TLS/);
});

test('queue config: a hash tag in the prefix is refused on a cluster, kept on a single server; errors are reported together', () => {
  assert.throws(() => loadQueueConfig({ REDIS_CLUSTER_NODES: 'a:7000', REDIS_KEY_PREFIX: '{summit}' }), /REDIS_KEY_PREFIX: no "\{" or "\}" with REDIS_CLUSTER_NODES/);
  assert.equal(loadQueueConfig({ REDIS_KEY_PREFIX: '{summit}' }).keyPrefix, '{summit}');
  assert.throws(
    () => loadQueueConfig({ REDIS_URL: 'http://x', WORKER_CONCURRENCY: 'many' }),
    (error: unknown) => error instanceof ConfigError && error.variables.includes('REDIS_URL') && error.variables.includes('WORKER_CONCURRENCY'),
  );
});

test('the target is described for logs without credentials', () => {
  assert.equal(describeRedisTarget(loadRedisTarget({ REDIS_URL: 'redis://user:secret@cache:6380/1' })), 'redis://cache:6380/1');
  assert.equal(describeRedisTarget(loadRedisTarget({ REDIS_CLUSTER_NODES: 'a:7000,b:7001', REDIS_PASSWORD: 'secret' })), 'cluster a:7000,b:7001');
  assert.equal(describeRedisTarget(loadRedisTarget({ REDIS_SENTINELS: 's:26379', REDIS_SENTINEL_NAME: 'm' })), 'sentinel m@s:26379');
});

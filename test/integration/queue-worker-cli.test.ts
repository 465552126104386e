import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { Redis } from 'ioredis';
import { REPO } from '../helpers/cli.ts';
import { cleanPrefix, REDIS_URL, testPrefix, waitFor } from './queue-harness.ts';

const TOKEN = 'test-admin-token-0123456789';
const prefix = testPrefix('worker-cli');
const env = { ...process.env, REDIS_URL, REDIS_KEY_PREFIX: prefix, OPS_PORT: '0', OPS_HOST: '127.0.0.1', LOG_LEVEL: 'info' };

let worker: ChildProcess;
let logs = '';
let base = '';

before(async () => {
  worker = spawn(process.execPath, ['bin/summit.js', 'worker'], { cwd: REPO, env: { ...env, ADMIN_TOKEN: TOKEN }, stdio: ['ignore', 'pipe', 'pipe'] });
  worker.stdout?.setEncoding('utf8').on('data', (chunk: string) => (logs += chunk));
  worker.stderr?.setEncoding('utf8').on('data', (chunk: string) => (logs += chunk));
  const port = await waitFor('the ops server to listen', () => /"port":(\d+)[^\n]*ops server listening/.exec(logs)?.[1], 20_000);
  base = `http://127.0.0.1:${port}`;
});
after(async () => {
  if (worker.exitCode === null) worker.kill('SIGKILL');
  await cleanPrefix(prefix);
  await cleanPrefix(`${prefix}-nobody`);
});

test('`summit worker` logs JSON, seeds the bundled story and reports healthy', async () => {
  const first = JSON.parse(logs.split('\n')[0] ?? '') as { level: number; msg: string; time: string };
  assert.equal(first.msg, 'worker started');
  assert.match(first.time, /^\d{4}-\d\d-\d\dT/);
  const redis = new Redis(REDIS_URL);
  try {
    await waitFor('the seed ingest', async () => (await redis.zcard(`${prefix}:story:summit-2025:articles`)) === 5);
  } finally {
    redis.disconnect();
  }
  const health = await fetch(`${base}/healthz`);
  assert.equal(health.status, 200);
  assert.deepEqual(await health.json(), { ok: true, redis: 'ok', worker: 'running' });
});

test('`summit ingest` adds articles through the running worker', () => {
  const run = spawnSync(process.execPath, ['bin/summit.js', 'ingest', 'test/fixtures/hostile', '--story', 'freedonia'], {
    cwd: REPO,
    env,
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /freedonia: 2 article\(s\) added \(2 new to the store\), 0 already in the story; the story has 2 article\(s\)/);
  const again = spawnSync(process.execPath, ['bin/summit.js', 'ingest', 'test/fixtures/hostile/001-hostile.txt', '--story', 'freedonia'], {
    cwd: REPO,
    env,
    encoding: 'utf8',
  });
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /0 article\(s\) added \(0 new to the store\), 1 already in the story; the story has 2/);
});

test('`summit ingest` reports bad input and a missing worker clearly', () => {
  const missing = spawnSync(process.execPath, ['bin/summit.js', 'ingest', 'no/such/dir'], { cwd: REPO, env, encoding: 'utf8' });
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /no such file or directory: no\/such\/dir/);
  const badStory = spawnSync(process.execPath, ['bin/summit.js', 'ingest', 'test/fixtures/hostile', '--story', 'a b'], { cwd: REPO, env, encoding: 'utf8' });
  assert.equal(badStory.status, 2);
  assert.match(badStory.stderr, /story id "a b"/);
  const noWorker = spawnSync(
    process.execPath,
    ['bin/summit.js', 'ingest', 'test/fixtures/hostile', '--timeout', '1'],
    { cwd: REPO, env: { ...env, REDIS_KEY_PREFIX: `${prefix}-nobody` }, encoding: 'utf8' },
  );
  assert.equal(noWorker.status, 1);
  assert.match(noWorker.stderr, /no worker finished the ingest within 1 s .*is `summit worker` running\?/);
});

test('/metrics exports queue depth, job durations, failures and cache counters', async () => {
  const response = await fetch(`${base}/metrics`);
  assert.equal(response.status, 200);
  const text = await response.text();
  assert.match(text, /summit_queue_jobs\{state="completed"\} [1-9]/);
  assert.match(text, /summit_job_duration_seconds_count\{job="ingest",status="completed"\} [1-9]/);
  assert.match(text, /# TYPE summit_job_failures_total counter/);
  assert.match(text, /summit_briefing_cache_requests_total\{result="hit"\} 0/);
  assert.match(text, /process_resident_memory_bytes/);
});

test('Bull Board is behind the admin token (Bearer header or ?token=, then a cookie)', async () => {
  assert.equal((await fetch(`${base}/admin/queues`)).status, 401);
  assert.equal((await fetch(`${base}/admin/queues?token=wrong`)).status, 401);
  assert.equal((await fetch(`${base}/admin/queues/api/queues`, { headers: { authorization: 'Bearer nope' } })).status, 401);
  const api = await fetch(`${base}/admin/queues/api/queues`, { headers: { authorization: `Bearer ${TOKEN}` } });
  assert.equal(api.status, 200);
  assert.match(JSON.stringify(await api.json()), /"name":"summit"/);

  const page = await fetch(`${base}/admin/queues?token=${TOKEN}`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<html/i);
  const cookie = page.headers.get('set-cookie') ?? '';
  assert.match(cookie, /summit_admin=.*HttpOnly/i);
  const viaCookie = await fetch(`${base}/admin/queues/api/queues`, { headers: { cookie: cookie.split(';')[0] ?? '' } });
  assert.equal(viaCookie.status, 200, 'the page’s own API calls carry the cookie');
});

test('SIGTERM stops the worker cleanly (exit 0)', async () => {
  const exited = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)));
  worker.kill('SIGTERM');
  assert.equal(await exited, 0, logs);
  assert.match(logs, /"msg":"worker stopped"/);
});

test('without ADMIN_TOKEN the board is disabled, and bad config names the variable', async () => {
  const bad = spawnSync(process.execPath, ['bin/summit.js', 'worker'], {
    cwd: REPO,
    env: { ...env, REDIS_URL: 'http://localhost', WORKER_CONCURRENCY: 'many' },
    encoding: 'utf8',
  });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /REDIS_URL: expected a redis:\/\/ or rediss:\/\/ URL/);
  assert.match(bad.stderr, /WORKER_CONCURRENCY/);

  const open = spawn(process.execPath, ['bin/summit.js', 'worker'], { cwd: REPO, env: { ...env, SEED_ARTICLES: 'none' }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  open.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  try {
    const port = await waitFor('ops server', () => /"port":(\d+)[^\n]*ops server listening/.exec(out)?.[1], 20_000);
    assert.match(out, /ADMIN_TOKEN not set: Bull Board at \/admin\/queues is disabled/);
    assert.equal((await fetch(`http://127.0.0.1:${port}/admin/queues`)).status, 404);
  } finally {
    const exited = new Promise((resolve) => open.once('exit', resolve));
    open.kill('SIGTERM');
    await exited;
  }
});

test('a bad TOPICS_FILE stops the worker at start with the file named, before it connects', () => {
  const bad = spawnSync(process.execPath, ['bin/summit.js', 'worker'], {
    cwd: REPO,
    env: { ...env, TOPICS_FILE: '/no/such/topics.json' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  assert.equal(bad.status, 1, bad.stderr);
  assert.match(bad.stderr, /cannot read topics file \/no\/such\/topics\.json/);
});

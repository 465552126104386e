import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { Redis } from 'ioredis';
import { createRedisSummitService } from '../../src/app/create-redis-service.ts';
import { REPO } from '../helpers/cli.ts';
import { WebSourcesPeer } from '../peers/web-sources/server.ts';
import { cleanPrefix, REDIS_URL, silentLogger, testConfig, testPrefix, waitFor } from './queue-harness.ts';

const prefix = testPrefix('ingest-url');
const env = { ...process.env, REDIS_URL, REDIS_KEY_PREFIX: prefix, OPS_PORT: '0', OPS_HOST: '127.0.0.1', LOG_LEVEL: 'info', SEED_ARTICLES: 'none', FETCH_ALLOW_NETWORKS: '127.0.0.0/8', FETCH_TIMEOUT_MS: '3000' };
let peer: WebSourcesPeer;
let worker: ChildProcess;
let logs = '';
const redis = new Redis(REDIS_URL);

before(async () => {
  peer = await WebSourcesPeer.start();
  worker = spawn(process.execPath, ['bin/summit.js', 'worker'], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  worker.stdout?.setEncoding('utf8').on('data', (chunk: string) => (logs += chunk));
  worker.stderr?.setEncoding('utf8').on('data', (chunk: string) => (logs += chunk));
  await waitFor('the worker to start', () => logs.includes('"worker started"'), 20_000);
});
after(async () => {
  if (worker.exitCode === null) worker.kill('SIGKILL');
  redis.disconnect();
  await peer.close();
  await cleanPrefix(prefix);
});

/** The real CLI, asynchronously (the worker in the other process must keep running). */
function summit(args: string[], extraEnv: Record<string, string | undefined> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/summit.js', ...args], { cwd: REPO, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const articles = (story: string) => redis.zcard(`${prefix}:story:${story}:articles`);

test('`summit ingest FEED` reads every item through the safe fetcher, filters by keyword and queues the articles', async () => {
  const run = await summit(['ingest', peer.url('/feeds/rss.xml'), '--story', 'cli-feed', '--keywords', 'tariff*']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, new RegExp(`${peer.url('/feeds/rss.xml').replace(/[.?]/g, '\\$&')} is a feed: 4 article\\(s\\) read, 1 without any keyword`));
  // The steel story arrives twice (campaign link and AMP copy) and is stored once.
  assert.match(run.stdout, /^cli-feed: 3 article\(s\) added \(3 new to the store\), 1 already in the story; the story has 3 article\(s\)\.$/m);
  assert.doesNotMatch(run.stderr, /\u001b\[/, 'no progress bar when stderr is not a terminal');
  assert.equal(await articles('cli-feed'), 3);
});

test('`summit ingest URL` of an article page adds that one article', async () => {
  const run = await summit(['ingest', peer.url('/news/steel-makers?utm_source=newsletter'), '--story', 'cli-page']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /cli-page: 1 article\(s\) added/);
  assert.equal(await articles('cli-page'), 1);
});

test('refusals and failures say why, and exit non-zero', async () => {
  const cases: [string[], Record<string, string | undefined>, RegExp, number][] = [
    [['ingest', peer.url('/feeds/rss.xml')], { FETCH_ALLOW_NETWORKS: '' }, /could not read .*: 127\.0\.0\.1 is a loopback \(127\.0\.0\.0\/8\) address; summit only fetches from the public internet/, 1],
    [['ingest', peer.url('/hostile/to-metadata')], {}, /169\.254\.169\.254 is a link-local \(cloud metadata service\)/, 1],
    [['ingest', peer.url('/hostile/wrong-type')], {}, /sent "image\/png"; expected an RSS\/Atom feed or a web page/, 1],
    [['ingest', peer.url('/hostile/empty.html')], {}, /could not read .*empty\.html: no article text found on the page \(127\.0\.0\.1:\d+\)/, 1],
    [['ingest', peer.url('/feeds/atom.xml'), '--keywords', 'volcano'], {}, /nothing to ingest from .*atom\.xml: nothing there mentions volcano/, 1],
    [['ingest', 'ftp://example.com/feed'], {}, /only http and https addresses can be followed, not ftp:/, 2],
    [['ingest', peer.url('/feeds/rss.xml'), '--keywords', '***'], {}, /--keywords: “\*\*\*” has no letters or digits/, 2],
    [['ingest', peer.url('/feeds/rss.xml')], { FETCH_ALLOW_NETWORKS: 'localhost' }, /FETCH_ALLOW_NETWORKS: comma-separated IP addresses or CIDR ranges/, 1],
  ];
  for (const [args, extra, reason, code] of cases) {
    const run = await summit(args, extra);
    assert.equal(run.code, code, `${args.join(' ')}\n${run.stderr}`);
    assert.match(run.stderr, reason, args.join(' '));
  }
});

test('`summit worker` polls sources added through the service, with the FETCH_* settings of its environment', async () => {
  const handle = await createRedisSummitService(testConfig(prefix), { logger: silentLogger() });
  try {
    const { record } = await handle.service.addSource({ storyId: 'worker-polled', url: peer.url('/feeds/atom.xml'), keywords: [], addedBy: 'cli' });
    const polled = await waitFor('the worker process to poll', async () => {
      const [found] = await handle.service.listSources('worker-polled');
      return found?.state.status === 'ok' ? found : undefined;
    });
    assert.equal(polled.source.id, record.source.id);
    assert.equal(polled.state.articlesAdded, 2);
    // The state is saved before the worker's log line is flushed: wait for the line, not just the state.
    await waitFor('the poll to be logged', async () => (/"msg":"source polled"/.test(logs) ? true : undefined));
  } finally {
    await handle.close();
  }
});

import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ORIGINAL, REWRITE_A } from '../helpers/engine.ts';
import { ingest, type QueueTestEnv, queueTestEnv, sleep, subscription, waitFor } from './queue-harness.ts';
import { freePort, waitForPing } from './redis-servers.ts';

/** Our own redis-server on a spare port, with AOF persistence, that the test can kill and restart. */
class TestRedis {
  readonly dir = mkdtempSync(join(tmpdir(), 'summit-redis-'));
  port = 0;
  #process: ChildProcess | undefined;

  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.#process !== undefined && this.#process.exitCode === null && this.#process.signalCode === null;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.port ||= await freePort();
    // appendfsync always: a SIGKILL loses nothing, so the test checks our code, not fsync timing.
    this.#process = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--dir', this.dir],
      { stdio: 'ignore' },
    );
    await waitForPing(this.port);
  }

  async kill(): Promise<void> {
    const p = this.#process;
    if (!p || !this.running) return;
    const exited = new Promise((resolve) => p.once('exit', resolve));
    p.kill('SIGKILL');
    await exited;
  }

  async dispose(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const redis = new TestRedis();
let env: QueueTestEnv;

before(async () => {
  await redis.start();
  env = await queueTestEnv('redis-restart', { env: { REDIS_URL: redis.url } });
});
after(async () => {
  await redis.start(); // cleanup needs it, should the test have failed while it was down
  await env?.close();
  await redis.dispose();
});

test('Redis restarts under a running worker: it reconnects and no job or subscription is lost', async () => {
  await ingest(env, 'freedonia', [{ source: 'a.txt', text: ORIGINAL }]);
  await env.service.service.subscribe(subscription());
  // A job that is due while Redis is down.
  const pending = await env.service.queue.queue.add(
    'ingest',
    { storyId: 'freedonia', articles: [{ source: 'b.txt', text: REWRITE_A }] },
    { delay: 1500, attempts: 3 },
  );

  await redis.kill();
  await sleep(1000);
  await redis.start();

  // The same worker (never restarted) reconnects and runs the delayed job.
  await waitFor('the delayed ingest to complete', async () => (await env.service.queue.jobState(String(pending.id))) === 'completed', 20_000);
  assert.equal(await env.workers[0]!.stores.articles.count('freedonia'), 2);
  assert.deepEqual(await env.service.service.subscriptions('slack', 'C1'), [subscription()]);
  assert.ok(await env.service.queue.queue.getJobScheduler('digest:slack:C1'), 'the digest schedule survived');

  // New work flows through the reconnected service and worker.
  const briefing = await env.service.service.brief({ storyId: 'freedonia' });
  assert.equal(briefing.briefing.articles.length, 2);
  const digest = await env.service.queue.add('digest', { subscriptionId: 'slack:C1', scheduledAt: '2026-03-02T07:30:00Z' });
  assert.equal((await env.service.queue.wait(digest, 15_000)).outcome, 'queued');
  await waitFor('the digest to be posted', () => env.delivery.posts.length === 1);
});

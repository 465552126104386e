import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { EngineThreadCrashedError, EngineThreadError, EngineThreadsClosedError } from '../../src/app/engine-thread/errors.ts';
import { ThreadPool, type ThreadPoolOptions } from '../../src/app/engine-thread/thread-pool.ts';

const THREAD = new URL('../helpers/pool-thread.ts', import.meta.url);
let pool: ThreadPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

async function start(options: Partial<ThreadPoolOptions> = {}) {
  const started = await ThreadPool.start({ file: THREAD, size: 1, ...options });
  pool = started.pool;
  return started;
}

test('threads start, announce themselves and answer calls', async () => {
  const { pool, info } = await start({ size: 2 });
  assert.deepEqual(info, [{ started: true }, { started: true }]);
  assert.deepEqual(await pool.run('story', 'echo', [{ a: [1, 2] }]), { a: [1, 2] });
});

test('one route always reaches the same thread, so what it keeps is found again', async () => {
  const { pool } = await start({ size: 3 });
  await pool.run('story-a', 'remember', ['k', 7]);
  for (let i = 0; i < 5; i++) assert.equal(await pool.run('story-a', 'recall', ['k']), 7);
  const threads = new Set(await Promise.all(Array.from({ length: 30 }, (_, i) => pool.run(`story-${i}`, 'threadId', []))));
  assert.ok(threads.size > 1, 'routes spread over the threads');
});

test('an error thrown in a thread comes back typed, with its message, name and code', async () => {
  const { pool } = await start();
  const error = await pool.run('s', 'fail', ['unknown topic "sport"']).catch((e: unknown) => e);
  assert.ok(error instanceof EngineThreadError);
  assert.equal(error.message, 'unknown topic "sport"');
  assert.equal(error.remoteName, 'TopicError');
  assert.equal(error.code, 'topic:unknown');
  assert.equal(await pool.run('s', 'echo', ['still serving']), 'still serving');
});

test('a thread may ask the parent, and a failing parent method reaches it as an error', async () => {
  const { pool } = await start({ parentMethods: { double: (n: number) => n * 2 } });
  assert.equal(await pool.run('s', 'askParent', [21]), 42);
  const { pool: failing } = await ThreadPool.start({
    file: THREAD,
    size: 1,
    parentMethods: {
      double: () => {
        throw new Error('no model configured');
      },
    },
  });
  try {
    await assert.rejects(failing.run('s', 'askParent', [1]), (e: unknown) => e instanceof EngineThreadError && e.message === 'no model configured');
  } finally {
    await failing.close();
  }
});

test('a crashed thread fails its calls with the reason and is replaced, losing what it held', async () => {
  const crashes: string[] = [];
  const { pool } = await start({ onCrash: (_index, reason) => crashes.push(reason) });
  await pool.run('s', 'remember', ['k', 1]);
  const before = await pool.run('s', 'threadId', []);
  const waiting = pool.run('s', 'hang', []);
  const crashed = await pool.run('s', 'crash', []).catch((e: unknown) => e);
  assert.ok(crashed instanceof EngineThreadCrashedError);
  assert.match(crashed.message, /"crash".*Error: thread blew up/);
  await assert.rejects(waiting, (e: unknown) => e instanceof EngineThreadCrashedError && /"hang"/.test(e.message));
  assert.deepEqual(crashes, ['Error: thread blew up']);

  assert.notEqual(await pool.run('s', 'threadId', []), before, 'a new thread');
  assert.equal(await pool.run('s', 'recall', ['k']), undefined);
});

test('close stops every thread; running and later calls fail as closed', async () => {
  const { pool } = await start({ size: 2 });
  const running = pool.run('s', 'hang', []).catch((e: unknown) => e);
  await pool.close();
  assert.ok((await running) instanceof EngineThreadsClosedError);
  await assert.rejects(pool.run('s', 'echo', [1]), EngineThreadsClosedError);
});

test('a thread that cannot start fails the pool start', async () => {
  await assert.rejects(
    ThreadPool.start({ file: new URL('../helpers/no-such-thread.ts', import.meta.url), size: 1 }),
    EngineThreadCrashedError,
  );
});

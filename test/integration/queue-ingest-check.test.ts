import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MAX_ARTICLE_BYTES } from '../../src/ingest/limits.ts';
import { BINARY, EMPTY, tooLarge } from '../../src/ingest/reasons.ts';
import type { JobPayloads } from '../../src/queue/jobs.ts';
import { ORIGINAL } from '../helpers/engine.ts';
import { ingest, type QueueTestEnv, queueTestEnv, waitFor } from './queue-harness.ts';

let env: QueueTestEnv;
before(async () => {
  env = await queueTestEnv('ingest-check');
});
after(() => env.close());

test('an ingest job stores its good articles and reports each refused one, without a retry', async () => {
  const huge = 'word '.repeat(2 * 1024 * 1024); // 10 MB of text
  const result = await ingest(env, 'checked', [
    { source: 'huge.txt', text: huge },
    { source: 'blob.bin', text: '\u0000\u0001\u0002ELF binary' },
    { source: 'blank.txt', text: '   ' },
    { source: 'good.txt', text: ORIGINAL },
  ]);
  assert.equal(result.addedToStory, 1);
  assert.equal(result.total, 1);
  assert.deepEqual(result.refused, [
    { index: 0, source: 'huge.txt', reason: tooLarge(10 * 1024 * 1024, MAX_ARTICLE_BYTES) },
    { index: 1, source: 'blob.bin', reason: BINARY },
    { index: 2, source: 'blank.txt', reason: EMPTY },
  ]);
  const stored = await env.workers[0]!.stores.articles.snapshot('checked');
  assert.deepEqual(stored?.articles.map((a) => a.source), ['good.txt']);
  const [job] = await env.service.queue.queue.getJobs(['completed']);
  assert.equal(job?.attemptsMade, 1, 'done on the first attempt');
});

test('malformed ingest job data fails at once and is not retried', async () => {
  const job = await env.service.queue.add('ingest', { storyId: '../etc', articles: [] } as unknown as JobPayloads['ingest']);
  const failed = await waitFor('the job to fail', async () => ((await job.getState()) === 'failed' ? job : undefined));
  const fresh = await env.service.queue.queue.getJob(failed.id as string);
  assert.equal(fresh?.attemptsMade, 1, 'one attempt of the three allowed');
  assert.match(fresh?.failedReason ?? '', /invalid ingest job data: storyId/);
});

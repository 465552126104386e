import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { UnknownStoryError } from '../../src/app/local-service.ts';
import { InvalidQuestionError, UnknownTopicError } from '../../src/app/service-errors.ts';
import { NOT_COVERED } from '../../src/core/answer.ts';
import { INDEPENDENT, ORIGINAL, REWRITE_A, REWRITE_B } from '../helpers/engine.ts';
import { ingest, type QueueTestEnv, queueTestEnv, waitFor } from './queue-harness.ts';

let env: QueueTestEnv;

before(async () => {
  // Two workers and a slow engine, so concurrent requests really overlap.
  env = await queueTestEnv('brief', { workers: 2, briefDelayMs: 300 });
  await ingest(env, 'freedonia', [
    { source: 'a-original.txt', text: ORIGINAL },
    { source: 'b-rewrite.txt', text: REWRITE_A },
  ]);
});
after(() => env.close());

test('concurrent identical briefs share one job: the engine runs once', async () => {
  const results = await Promise.all(Array.from({ length: 12 }, () => env.service.service.brief({ storyId: 'freedonia' })));
  assert.equal(env.runs.brief, 1, 'one briefing computed for 12 requests on 2 workers');
  assert.equal(new Set(results.map((r) => r.briefingId)).size, 1);
  assert.match(JSON.stringify(results[0]?.briefing.topics), /12,000 factory jobs/);
});

test('a repeated brief is a cache hit: no job, no engine run', async () => {
  const runs = env.runs.brief;
  const before = await env.service.queue.queue.getJobCounts('completed', 'waiting', 'prioritized');
  const again = await env.service.service.brief({ storyId: 'freedonia' });
  assert.equal(env.runs.brief, runs);
  assert.deepEqual(await env.service.queue.queue.getJobCounts('completed', 'waiting', 'prioritized'), before);
  assert.equal(again.briefing.story, 'freedonia');
  const counters = await env.workers[0]!.stores.counters.read();
  assert.ok(counters.briefing_cache_hit >= 1, 'hits are counted');
  assert.ok(counters.briefing_cache_miss >= 1, 'misses are counted');
});

test('one topic is its own cache entry, computed from the same analysis', async () => {
  const analyses = env.runs.analyse;
  const economy = await env.service.service.brief({ storyId: 'freedonia', topic: 'economy' });
  assert.deepEqual(economy.briefing.topics.map((t) => t.id), ['economy']);
  assert.ok(env.runs.analyse <= analyses + 1, 'at most the other worker analyses the set once');
  const all = await env.service.service.brief({ storyId: 'freedonia' });
  assert.notEqual(economy.briefingId, all.briefingId);
});

test('ingesting articles invalidates the cached briefing', async () => {
  const before = await env.service.service.brief({ storyId: 'freedonia' });
  const runs = env.runs.brief;
  const added = await ingest(env, 'freedonia', [
    { source: 'c-rewrite.txt', text: REWRITE_B },
    { source: 'd-independent.txt', text: INDEPENDENT },
  ]);
  assert.equal(added.addedToStory, 2);
  const after = await env.service.service.brief({ storyId: 'freedonia' });
  assert.equal(env.runs.brief, runs + 1, 'recomputed once');
  assert.notEqual(after.briefingId, before.briefingId);
  assert.equal(after.briefing.articles.length, 4);
  // Re-ingesting the same articles changes nothing, so the new briefing stays cached.
  await ingest(env, 'freedonia', [{ source: 'elsewhere.txt', text: INDEPENDENT }]);
  assert.equal((await env.service.service.brief({ storyId: 'freedonia' })).briefingId, after.briefingId);
  assert.equal(env.runs.brief, runs + 1);
  // The old briefing stays readable by id (links already posted keep working).
  assert.ok(await env.workers[0]!.stores.briefings.get(before.briefingId));
});

test('bad requests fail fast with typed errors, before any job', async () => {
  await assert.rejects(env.service.service.brief({ storyId: 'freedonia', topic: 'sport' }), UnknownTopicError);
  await assert.rejects(env.service.service.brief({ storyId: 'atlantis' }), UnknownStoryError);
  await assert.rejects(env.service.service.ask({ threadId: 't', storyId: 'freedonia', question: '  ' }), InvalidQuestionError);
});

test('questions are answered on the worker and remembered in their thread', async () => {
  const threadId = 'slack:C1:1700000000.0001';
  await env.service.service.linkThread({ threadId, storyId: 'freedonia' });
  const answer = await env.service.service.ask({ threadId, storyId: 'freedonia', question: 'How many factory jobs are protected?' });
  assert.equal(answer.supported, true);
  assert.match(answer.answer, /12,000/);
  const unknown = await env.service.service.ask({ threadId, storyId: 'freedonia', question: 'What did they say about Atlantis?' });
  assert.equal(unknown.answer, NOT_COVERED);
  const thread = await env.service.service.thread(threadId);
  assert.deepEqual(thread?.turns.map((t) => t.question), ['How many factory jobs are protected?', 'What did they say about Atlantis?']);
  assert.deepEqual((await env.service.service.sources('freedonia')).length, 4);
});

test('an answer job that runs again (retried, or stalled and handed on) records its turn once', async () => {
  const threadId = 'slack:C1:1700000000.0002';
  await env.service.service.linkThread({ threadId, storyId: 'freedonia' });
  const { queue } = env.service;
  const job = await queue.add('answer', { threadId, storyId: 'freedonia', question: 'How many factory jobs are protected?' }, { jobId: 'answer-run-twice' });
  await queue.wait(job, 15_000);
  const answersBefore = env.runs.answer;
  await job.retry('completed');
  await waitFor('the answer job to run again', async () => env.runs.answer > answersBefore && (await queue.jobState('answer-run-twice')) === 'completed');
  assert.deepEqual((await env.service.service.thread(threadId))?.turns.map((t) => t.question), ['How many factory jobs are protected?']);
});

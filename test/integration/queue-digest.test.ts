import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { ChannelUnavailableError } from '../../src/app/delivery-errors.ts';
import { deliveryJobId } from '../../src/queue/processors/digest.ts';
import { INDEPENDENT, ORIGINAL, REWRITE_A, REWRITE_B } from '../helpers/engine.ts';
import { ingest, type QueueTestEnv, queueTestEnv, subscription, waitFor } from './queue-harness.ts';

let env: QueueTestEnv | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

const NEW_FACTS = [
  'Freedonia will buy 40 new tanks from Sylvania, Defence Minister Chicolini announced on Tuesday.',
  'The tank deal is worth 2 billion dollars and includes training for 300 troops.',
  'Officials said the first tanks would arrive at the army base in Ridgeview next spring.',
].join(' ');

/** Runs the digest job for a local day (as the scheduler would) and returns its delivery job. */
async function runDigest(e: QueueTestEnv, subscriptionId: string, scheduledAt: string) {
  const job = await e.service.queue.add('digest', { subscriptionId, scheduledAt });
  const result = await e.service.queue.wait(job, 15_000);
  return result;
}

async function deliveryFinished(e: QueueTestEnv, subscriptionId: string, localDate: string) {
  const id = deliveryJobId(subscriptionId, localDate);
  return waitFor(`delivery ${id}`, async () => {
    const state = await e.service.queue.jobState(id);
    return state === 'completed' || state === 'failed' ? state : undefined;
  });
}

const pointTexts = (e: QueueTestEnv, i: number) =>
  e.delivery.posts[i]?.digest.topics.flatMap((t) => t.points.map((p) => p.text)) ?? [];

test("digests show what is new since the channel's last one, across days", async () => {
  env = await queueTestEnv('digest-days');
  await ingest(env, 'freedonia', [
    { source: 'a-original.txt', text: ORIGINAL },
    { source: 'b-rewrite.txt', text: REWRITE_A },
  ]);
  await env.service.service.subscribe(subscription());

  // Day 1, 08:30 in Berlin: everything is new.
  assert.deepEqual(await runDigest(env, 'slack:C1', '2026-03-02T07:30:00Z'), { outcome: 'queued', localDate: '2026-03-02', nothingNew: false });
  assert.equal(await deliveryFinished(env, 'slack:C1', '2026-03-02'), 'completed');
  const day1 = env.delivery.posts[0]!.digest;
  assert.equal(day1.localDate, '2026-03-02');
  assert.match(pointTexts(env, 0).join('\n'), /12,000 factory jobs/);
  const day1Claims = new Set(day1.topics.flatMap((t) => t.points.map((p) => p.claimId)));

  // Day 2: a rewrite (nothing new, but it reports a different rate) and a report with new facts.
  await ingest(env, 'freedonia', [
    { source: 'c-rewrite.txt', text: REWRITE_B },
    { source: 'd-independent.txt', text: INDEPENDENT },
    { source: 'e-tanks.txt', text: NEW_FACTS },
  ]);
  await runDigest(env, 'slack:C1', '2026-03-03T07:30:00Z');
  assert.equal(await deliveryFinished(env, 'slack:C1', '2026-03-03'), 'completed');
  const day2 = env.delivery.posts[1]!.digest;
  const day2Texts = pointTexts(env, 1).join('\n');
  assert.equal(day2.nothingNew, false);
  assert.match(day2Texts, /40 new tanks|tank deal/);
  assert.doesNotMatch(day2Texts, /12,000 factory jobs in the northern/, 'already sent on day 1');
  for (const p of day2.topics.flatMap((t) => t.points)) assert.ok(!day1Claims.has(p.claimId), `claim ${p.claimId} repeated`);
  assert.ok(
    day2.disagreements.some((d) => d.variants.some((v) => /\b12 percent\b/.test(v.text))),
    'the new 12 percent figure shows as a disagreement',
  );

  // Day 3: nothing was added, and the digest says so.
  await runDigest(env, 'slack:C1', '2026-03-04T07:30:00Z');
  assert.equal(await deliveryFinished(env, 'slack:C1', '2026-03-04'), 'completed');
  const day3 = env.delivery.posts[2]!.digest;
  assert.equal(day3.nothingNew, true);
  assert.deepEqual(day3.topics, []);
  assert.deepEqual(day3.disagreements, []);

  const history = await env.workers[0]!.stores.digests.history('slack:C1');
  assert.deepEqual(history.map((h) => h.localDate), ['2026-03-04', '2026-03-03', '2026-03-02']);
  const thread = await env.service.service.thread(env.delivery.posts[0]!.threadId);
  assert.equal(thread?.storyId, 'freedonia', 'the digest thread is linked for follow-up questions');
});

test('exactly one digest per subscription and local day, with two workers racing', async () => {
  env = await queueTestEnv('digest-race', { workers: 2 });
  await ingest(env, 'freedonia', [{ source: 'a.txt', text: ORIGINAL }]);
  await env.service.service.subscribe(subscription());
  env.delivery.delayMs = 200; // keep the post in flight while the other jobs arrive

  // Eight runs for the same local day (07:30Z and 22:59Z are both 2 March in Berlin), added at once.
  const times = ['2026-03-02T07:30:00Z', '2026-03-02T22:59:00Z'];
  const results = await Promise.all(Array.from({ length: 8 }, (_, i) => runDigest(env!, 'slack:C1', times[i % 2]!)));
  assert.equal(results.filter((r) => r.outcome === 'queued').length, 1, JSON.stringify(results));
  assert.ok(results.every((r) => ['queued', 'taken', 'already-done'].includes(r.outcome)));
  assert.equal(await deliveryFinished(env, 'slack:C1', '2026-03-02'), 'completed');

  // A late retry of the day (e.g. after a restart) is a no-op too.
  assert.equal((await runDigest(env, 'slack:C1', '2026-03-02T12:00:00Z')).outcome, 'already-done');
  assert.equal(env.delivery.posts.length, 1);
  assert.equal(env.delivery.attempts, 1);
});

test('a failing delivery is retried with backoff and posted once', async () => {
  env = await queueTestEnv('digest-retry');
  await ingest(env, 'freedonia', [{ source: 'a.txt', text: ORIGINAL }]);
  await env.service.service.subscribe(subscription());
  env.delivery.failures.push(new Error('slack said 503'), new Error('socket hang up'));
  await runDigest(env, 'slack:C1', '2026-03-02T07:30:00Z');
  assert.equal(await deliveryFinished(env, 'slack:C1', '2026-03-02'), 'completed');
  assert.equal(env.delivery.attempts, 3);
  assert.equal(env.delivery.posts.length, 1);
});

test('a delivery that keeps failing stays in the failed set and can be retried later', async () => {
  env = await queueTestEnv('digest-failed');
  await ingest(env, 'freedonia', [{ source: 'a.txt', text: ORIGINAL }]);
  await env.service.service.subscribe(subscription());
  env.delivery.failures.push(new Error('down'), new Error('down'), new Error('down'));
  await runDigest(env, 'slack:C1', '2026-03-02T07:30:00Z');
  assert.equal(await deliveryFinished(env, 'slack:C1', '2026-03-02'), 'failed');
  const job = await env.service.queue.queue.getJob(deliveryJobId('slack:C1', '2026-03-02'));
  assert.equal(job?.attemptsMade, 3, 'all attempts used');
  assert.match(job?.failedReason ?? '', /down/);
  assert.equal(env.delivery.posts.length, 0);

  // The platform is back; an operator retries the job (Bull Board does the same).
  await job!.retry();
  assert.equal(await deliveryFinished(env, 'slack:C1', '2026-03-02'), 'completed');
  assert.equal(env.delivery.posts.length, 1);
});

test('a channel the bot lost is flagged, the subscription kept, the delivery not retried blindly', async () => {
  env = await queueTestEnv('digest-gone');
  await ingest(env, 'freedonia', [{ source: 'a.txt', text: ORIGINAL }]);
  await env.service.service.subscribe(subscription());
  env.delivery.failures.push(new ChannelUnavailableError('not_in_channel', 'the bot is not in #news'));
  await runDigest(env, 'slack:C1', '2026-03-02T07:30:00Z');
  assert.equal(await deliveryFinished(env, 'slack:C1', '2026-03-02'), 'failed');
  const job = await env.service.queue.queue.getJob(deliveryJobId('slack:C1', '2026-03-02'));
  assert.equal(job?.attemptsMade, 1, 'no retries for a channel that is gone');
  const stored = await env.workers[0]!.stores.subscriptions.get('slack:C1');
  assert.equal(stored?.flag?.code, 'not_in_channel');
  assert.deepEqual(await env.service.service.subscriptions('slack', 'C1'), [subscription()]);
  assert.ok(await env.service.queue.queue.getJobScheduler('digest:slack:C1'), 'its schedule is kept');

  // The bot is invited back; retrying the delivery posts it and clears the flag.
  await job!.retry();
  assert.equal(await deliveryFinished(env, 'slack:C1', '2026-03-02'), 'completed');
  assert.equal((await env.workers[0]!.stores.subscriptions.get('slack:C1'))?.flag, undefined);
});

test('a platform without a configured delivery keeps its digests in the failed set', async () => {
  env = await queueTestEnv('digest-no-delivery');
  await ingest(env, 'freedonia', [{ source: 'a.txt', text: ORIGINAL }]);
  await env.service.service.subscribe(subscription({ platform: 'discord', channelId: '42' }));
  await runDigest(env, 'discord:42', '2026-03-02T07:30:00Z');
  assert.equal(await deliveryFinished(env, 'discord:42', '2026-03-02'), 'failed');
  const job = await env.service.queue.queue.getJob(deliveryJobId('discord:42', '2026-03-02'));
  assert.match(job?.failedReason ?? '', /no chat delivery configured for discord/);
});

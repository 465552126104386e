import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { digestSchedulerId, nextDigestTimes } from '../../src/queue/digest-schedule.ts';
import { ORIGINAL } from '../helpers/engine.ts';
import { ingest, type QueueTestEnv, queueTestEnv, subscription, waitFor } from './queue-harness.ts';

let env: QueueTestEnv;
const berlin = subscription({ time: '08:30', timeZone: 'Europe/Berlin' });

before(async () => {
  env = await queueTestEnv('scheduler');
  await ingest(env, 'freedonia', [{ source: 'a.txt', text: ORIGINAL }]);
});
after(() => env.close());

/** The delayed job the scheduler holds for its next run. */
async function nextRun(schedulerId: string) {
  const scheduler = await env.service.queue.queue.getJobScheduler(schedulerId);
  assert.ok(scheduler?.next, `scheduler ${schedulerId} has a next run`);
  const job = await env.service.queue.queue.getJob(`repeat:${schedulerId}:${scheduler.next}`);
  assert.ok(job, 'its delayed job exists');
  return { at: new Date(scheduler.next), job };
}

test('subscribing creates a daily scheduler at the local time, in the IANA zone', async () => {
  await env.service.service.subscribe(berlin);
  const scheduler = await env.service.queue.queue.getJobScheduler(digestSchedulerId('slack:C1'));
  assert.equal(scheduler?.pattern, '30 8 * * *');
  assert.equal(scheduler?.tz, 'Europe/Berlin');
  const { at, job } = await nextRun(digestSchedulerId('slack:C1'));
  assert.equal(at.getTime(), nextDigestTimes(berlin, new Date(), 1)[0]?.getTime());
  assert.deepEqual(job.data, { subscriptionId: 'slack:C1' });
  assert.equal(job.opts.attempts, 5);
});

test("BullMQ's scheduler runs at 08:30 Berlin time on each side of the DST change", async () => {
  const record = await env.workers[0]!.stores.subscriptions.get('slack:C1');
  // A controlled start: the scheduler's chain is driven by each run's scheduled time, not the wall clock.
  await env.service.queue.upsertDigestScheduler(record!, { startDate: new Date('2027-03-26T12:00:00Z') });
  const expected = nextDigestTimes(berlin, new Date('2027-03-26T12:00:00Z'), 3).map((d) => d.toISOString());
  assert.deepEqual(expected, ['2027-03-27T07:30:00.000Z', '2027-03-28T06:30:00.000Z', '2027-03-29T06:30:00.000Z']);

  for (const [day, instant] of expected.entries()) {
    const { at, job } = await nextRun(digestSchedulerId('slack:C1'));
    assert.equal(at.toISOString(), instant, `run ${day + 1}`);
    // Run it now instead of waiting for 2027; BullMQ then schedules the following run.
    await job.promote();
    await waitFor('the digest to be posted', () => env.delivery.posts.length === day + 1);
    assert.equal(env.delivery.posts[day]?.digest.localDate, instant.slice(0, 10), 'the digest is for the scheduled local day');
  }
  assert.equal(env.delivery.posts[0]?.digest.nothingNew, false);
  assert.equal(env.delivery.posts[1]?.digest.nothingNew, true, 'the second day says plainly that nothing is new');
  assert.equal((await nextRun(digestSchedulerId('slack:C1'))).at.toISOString(), '2027-03-30T06:30:00.000Z');
});

test('re-subscribing moves the schedule; unsubscribing removes it', async () => {
  await env.service.service.subscribe({ ...berlin, time: '18:05', timeZone: 'America/New_York' });
  const scheduler = await env.service.queue.queue.getJobScheduler(digestSchedulerId('slack:C1'));
  assert.equal(scheduler?.pattern, '5 18 * * *');
  assert.equal(scheduler?.tz, 'America/New_York');
  assert.equal(await env.service.queue.queue.getJobSchedulersCount(), 1);

  assert.equal(await env.service.service.unsubscribe('slack', 'C1'), true);
  assert.equal(await env.service.queue.queue.getJobScheduler(digestSchedulerId('slack:C1')), undefined);
  assert.equal((await env.service.queue.queue.getDelayed()).length, 0);
  assert.equal(await env.service.service.unsubscribe('slack', 'C1'), false);
});

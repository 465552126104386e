import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InvalidSubscriptionError } from '../../src/app/service-errors.ts';
import { dailyCronPattern, validateSubscription } from '../../src/app/subscription-rules.ts';
import { localDateOf } from '../../src/core/digest.ts';
import type { Subscription } from '../../src/core/types.ts';
import { digestRepeat, nextDigestTimes } from '../../src/queue/digest-schedule.ts';

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

test('a subscription time becomes a daily cron pattern in its zone', () => {
  assert.equal(dailyCronPattern('08:30'), '30 8 * * *');
  assert.equal(dailyCronPattern('00:05'), '5 0 * * *');
  assert.deepEqual(digestRepeat({ time: '23:59', timeZone: 'Asia/Tokyo' }), { pattern: '59 23 * * *', tz: 'Asia/Tokyo' });
});

test('08:30 in Berlin stays 08:30 local across spring-forward (UTC shifts by an hour)', () => {
  const times = nextDigestTimes({ time: '08:30', timeZone: 'Europe/Berlin' }, new Date('2027-03-26T12:00:00Z'), 4);
  assert.deepEqual(iso(times), [
    '2027-03-27T07:30:00.000Z', // CET, UTC+1
    '2027-03-28T06:30:00.000Z', // CEST from 28 March, UTC+2
    '2027-03-29T06:30:00.000Z',
    '2027-03-30T06:30:00.000Z',
  ]);
});

test('a time inside the spring-forward gap runs once that day, an hour later', () => {
  const times = nextDigestTimes({ time: '02:30', timeZone: 'Europe/Berlin' }, new Date('2027-03-26T12:00:00Z'), 3);
  assert.deepEqual(iso(times), ['2027-03-27T01:30:00.000Z', '2027-03-28T01:30:00.000Z', '2027-03-29T00:30:00.000Z']);
  assert.deepEqual(
    times.map((t) => localDateOf(t, 'Europe/Berlin')),
    ['2027-03-27', '2027-03-28', '2027-03-29'],
    'one run per local day, none skipped',
  );
});

test('a time inside the repeated fall-back hour runs once that day', () => {
  const times = nextDigestTimes({ time: '02:30', timeZone: 'Europe/Berlin' }, new Date('2027-10-29T12:00:00Z'), 4);
  const days = times.map((t) => localDateOf(t, 'Europe/Berlin'));
  assert.deepEqual(days, ['2027-10-30', '2027-10-31', '2027-11-01', '2027-11-02']);
  assert.equal(new Set(days).size, 4);
});

test('US zones change on their own date', () => {
  const times = nextDigestTimes({ time: '08:30', timeZone: 'America/New_York' }, new Date('2027-03-13T00:00:00Z'), 2);
  assert.deepEqual(iso(times), ['2027-03-13T13:30:00.000Z', '2027-03-14T12:30:00.000Z']);
});

const subscription: Subscription = {
  platform: 'slack',
  workspaceId: 'T1',
  channelId: 'C1',
  storyId: 'summit-2025',
  time: '08:30',
  timeZone: 'Europe/Berlin',
  topics: ['trade'],
  createdBy: 'U1',
};

test('subscriptions are checked before they are stored', () => {
  validateSubscription(subscription, ['trade', 'defence']);
  const rejects = (change: Partial<Subscription>, message: RegExp) =>
    assert.throws(
      () => validateSubscription({ ...subscription, ...change }, ['trade', 'defence']),
      (e: unknown) => e instanceof InvalidSubscriptionError && e.code === 'subscription:invalid' && message.test(e.message),
    );
  rejects({ time: '8:30' }, /HH:MM/);
  rejects({ time: '24:00' }, /HH:MM/);
  rejects({ timeZone: 'Mars/Olympus_Mons' }, /IANA time zone/);
  rejects({ timeZone: '' }, /IANA time zone/);
  rejects({ topics: ['sport'] }, /unknown topic\(s\) sport/);
  rejects({ channelId: '' }, /channel/);
});

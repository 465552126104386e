import { getNextMillis } from 'bullmq';
import type { Subscription } from '../core/types.ts';
import { dailyCronPattern } from '../app/subscription-rules.ts';

/** BullMQ job scheduler id of a subscription's daily digest (one per channel). */
export function digestSchedulerId(subscriptionId: string): string {
  return `digest:${subscriptionId}`;
}

/** The repeat options of a subscription: its local time as a daily cron pattern, in its zone. */
export function digestRepeat(subscription: Pick<Subscription, 'time' | 'timeZone'>): { pattern: string; tz: string } {
  return { pattern: dailyCronPattern(subscription.time), tz: subscription.timeZone };
}

/**
 * The next `count` run times after `from`, computed exactly as BullMQ's scheduler does
 * (its own getNextMillis, i.e. cron-parser with the IANA zone), so DST is handled the same way:
 * a time skipped by spring-forward runs an hour later that day; a repeated hour runs once.
 */
export function nextDigestTimes(
  subscription: Pick<Subscription, 'time' | 'timeZone'>,
  from: Date,
  count: number,
): Date[] {
  const repeat = digestRepeat(subscription);
  const times: Date[] = [];
  let millis = from.getTime();
  for (let i = 0; i < count; i++) {
    const next = getNextMillis(millis, repeat);
    if (next === undefined) break;
    times.push(new Date(next));
    millis = next;
  }
  return times;
}

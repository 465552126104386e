import type { Subscription } from '../core/types.ts';
import { InvalidSubscriptionError } from './service-errors.ts';

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Checks a subscription before it is stored or scheduled; throws InvalidSubscriptionError. */
export function validateSubscription(subscription: Subscription, knownTopics: string[]): void {
  if (!TIME.test(subscription.time)) {
    throw new InvalidSubscriptionError(`time must be HH:MM on a 24-hour clock (e.g. 08:30), not "${subscription.time}"`);
  }
  if (!isTimeZone(subscription.timeZone)) {
    throw new InvalidSubscriptionError(
      `"${subscription.timeZone}" is not an IANA time zone; use a name such as Europe/Berlin or America/New_York`,
    );
  }
  const unknown = subscription.topics.filter((t) => !knownTopics.includes(t));
  if (unknown.length > 0) {
    throw new InvalidSubscriptionError(`unknown topic(s) ${unknown.join(', ')}; topics are: ${knownTopics.join(', ')}`);
  }
  if (!subscription.channelId || !subscription.storyId) {
    throw new InvalidSubscriptionError('a subscription needs a channel and a story');
  }
}

function isTimeZone(name: string): boolean {
  if (!name || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** "HH:MM" → the daily cron pattern "M H * * *". */
export function dailyCronPattern(time: string): string {
  const match = TIME.exec(time);
  if (!match) throw new InvalidSubscriptionError(`time must be HH:MM, not "${time}"`);
  return `${Number(match[2])} ${Number(match[1])} * * *`;
}

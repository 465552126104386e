import { findTopic, resolveTimeZone, timeOfDay } from '../../shared/subscription-input.ts';
import { escapeMrkdwn } from '../render/mrkdwn.ts';

export type SubscribeArgs =
  | { ok: true; time: string; timeZone: string; topics: string[] }
  | { ok: false; message: string };

const USAGE = 'Usage: `/summit subscribe HH:MM [time zone] [topics]`, e.g. `/summit subscribe 08:30 Europe/Berlin trade china`.';

/**
 * The IANA name Intl knows for `name` (any case), or undefined. Only Area/Location names and
 * UTC/GMT count: Intl also accepts abbreviations, and maps "EST" to Panama (no daylight saving).
 */
export function canonicalTimeZone(name: string): string | undefined {
  if (!name.includes('/') && !/^(utc|gmt)$/i.test(name)) return undefined;
  return resolveTimeZone(name);
}

/**
 * `HH:MM [IANA zone] [topic …]`. The zone defaults to the member's Slack time zone (else UTC);
 * topics default to all. Every mistake gets a message saying what was wrong and what is accepted.
 */
export function parseSubscribeArgs(
  args: string[],
  topics: { id: string; label: string }[],
  defaultTimeZone = 'UTC',
): SubscribeArgs {
  const [timeText, ...rest] = args;
  const time = timeText ? timeOfDay(timeText) : undefined;
  if (!time) {
    const said = timeText ? `“${escapeMrkdwn(timeText)}” is not a time of day. ` : '';
    return { ok: false, message: `${said}Give the time as HH:MM (24-hour, 00:00–23:59). ${USAGE}` };
  }
  let timeZone: string | undefined;
  const chosen: string[] = [];
  const topicList = topics.map((t) => `\`${t.id}\``).join(', ');
  for (const word of rest) {
    const topic = findTopic(topics, word);
    if (topic) {
      if (!chosen.includes(topic.id)) chosen.push(topic.id);
      continue;
    }
    const zone = timeZone === undefined ? canonicalTimeZone(word) : undefined;
    if (zone) {
      timeZone = zone;
      continue;
    }
    if (timeZone === undefined && (word.includes('/') || /^[A-Z]{2,5}$/.test(word))) {
      return { ok: false, message: `“${escapeMrkdwn(word)}” is not a time zone I know (abbreviations are ambiguous). Use an IANA name such as \`Europe/Berlin\`, \`America/New_York\` or \`UTC\`.` };
    }
    return { ok: false, message: `“${escapeMrkdwn(word)}” is neither a topic nor a time zone. Topics: ${topicList}.` };
  }
  return { ok: true, time, timeZone: timeZone ?? canonicalTimeZone(defaultTimeZone) ?? 'UTC', topics: chosen };
}

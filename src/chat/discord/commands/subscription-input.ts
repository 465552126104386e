import { findTopic, resolveTimeZone, timeOfDay } from '../../shared/subscription-input.ts';
import type { TopicChoice } from './types.ts';

export interface SubscriptionInput {
  /** "HH:MM", 24-hour. */
  time: string;
  /** Canonical IANA name. */
  timeZone: string;
  /** Topic ids; empty = all topics. */
  topics: string[];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** "7:30" or "07:30" → "07:30"; anything else is refused with an example. */
export function parseTimeOfDay(raw: string): Parsed<string> {
  const value = timeOfDay(raw.trim());
  if (!value) return { ok: false, error: `“${raw}” is not a time of day. Use 24-hour HH:MM, for example 07:30 or 18:00.` };
  return { ok: true, value };
}

/**
 * An IANA zone name as Intl knows it ("europe/berlin" → "Europe/Berlin"). Fixed offsets such
 * as "+02:00" are refused: they do not follow daylight saving, so digests would drift.
 */
export function parseTimeZone(raw: string): Parsed<string> {
  const name = raw.trim();
  const hint = 'Use an IANA time zone such as Europe/Berlin, America/New_York or UTC.';
  if (/^[+-]\d|^(GMT|UTC)[+-]/i.test(name)) return { ok: false, error: `“${name}” is a fixed offset, which ignores daylight saving. ${hint}` };
  const value = resolveTimeZone(name);
  return value ? { ok: true, value } : { ok: false, error: `“${name}” is not a time zone I know. ${hint}` };
}

/** Comma- or space-separated topic ids or labels (any case); empty means all topics. */
export function parseTopics(raw: string, known: TopicChoice[]): Parsed<string[]> {
  const wanted = raw.split(/[\s,]+/).filter((w) => w.length > 0);
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const word of wanted) {
    const topic = findTopic(known, word);
    if (topic) {
      if (!ids.includes(topic.id)) ids.push(topic.id);
    } else unknown.push(word);
  }
  if (unknown.length > 0) {
    return { ok: false, error: `Unknown topic${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `“${u}”`).join(', ')}. Topics are: ${known.map((t) => t.id).join(', ')}.` };
  }
  return { ok: true, value: ids };
}

export function parseSubscriptionInput(raw: { time: string; timeZone?: string | null; topics?: string | null }, known: TopicChoice[]): Parsed<SubscriptionInput> {
  const time = parseTimeOfDay(raw.time);
  if (!time.ok) return time;
  const timeZone = parseTimeZone(raw.timeZone ?? 'UTC');
  if (!timeZone.ok) return timeZone;
  const topics = parseTopics(raw.topics ?? '', known);
  if (!topics.ok) return topics;
  return { ok: true, value: { time: time.value, timeZone: timeZone.value, topics: topics.value } };
}

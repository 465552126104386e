/**
 * Platform-neutral pieces of `/summit subscribe` and topic arguments; each adapter words its own
 * refusals and decides which zone names it accepts.
 */

export interface TopicChoice {
  id: string;
  label: string;
}

/** "7:30" or "07:30" → "07:30" (24-hour); anything else → undefined. */
export function timeOfDay(text: string): string | undefined {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? `${(match[1] as string).padStart(2, '0')}:${match[2]}` : undefined;
}

/** The IANA name Intl knows for `name` ("europe/berlin" → "Europe/Berlin"), or undefined. */
export function resolveTimeZone(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** A topic named by id or label, case-insensitively. */
export function findTopic<T extends TopicChoice>(topics: T[], name: string): T | undefined {
  const wanted = name.trim().toLowerCase();
  return topics.find((t) => t.id.toLowerCase() === wanted || t.label.toLowerCase() === wanted);
}

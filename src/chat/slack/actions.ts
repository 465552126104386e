/** Button action ids and the value they carry (JSON, at most 2,000 characters). */
export const ACTION_IDS = {
  allTopics: 'summit_all_topics',
  /** Followed by the topic's index; the topic id itself travels in the value. */
  topicPrefix: 'summit_topic_',
  sources: 'summit_sources',
} as const;

export const TOPIC_ACTION = /^summit_(all_topics|topic_\d+)$/;

export interface ActionValue {
  story: string;
  topic?: string;
}

export function encodeActionValue(value: ActionValue): string {
  return JSON.stringify(value);
}

/** Parses a button value; undefined for anything summit did not put there. */
export function decodeActionValue(raw: string | undefined): ActionValue | undefined {
  if (!raw) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return undefined;
    const { story, topic } = value as Record<string, unknown>;
    if (typeof story !== 'string' || (topic !== undefined && typeof topic !== 'string')) return undefined;
    return topic === undefined ? { story } : { story, topic };
  } catch {
    return undefined;
  }
}

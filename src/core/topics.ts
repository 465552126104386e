import { z } from 'zod';
import { termsOf } from './text/tokens.ts';
import type { Topic } from './types.ts';

export const TopicListSchema = z
  .array(
    z.object({
      id: z.string().regex(/^[a-z0-9-]+$/, 'topic ids are lower-case words'),
      label: z.string().min(1),
      description: z.string().default(''),
      terms: z.array(z.string().min(1)).min(1),
    }),
  )
  .min(1);

/** A topic's seed terms reduced to matching keys, weighted by how specific each is. */
export interface TopicMatcher {
  topic: Topic;
  /** Multi-term phrases ("rare earth") as key sequences; single terms as one-key sequences. */
  phrases: string[][];
}

export function topicMatchers(topics: Topic[]): TopicMatcher[] {
  return topics.map((topic) => ({
    topic,
    phrases: uniquePhrases([...topic.terms, topic.label].map((term) => termsOf(term))),
  }));
}

/** How strongly a sentence (given as its term list) belongs to a topic: number of seed phrases it contains. */
export function topicScore(terms: readonly string[] | ReadonlySet<string>, matcher: TopicMatcher): number {
  const set = terms instanceof Set ? terms : new Set(terms);
  let score = 0;
  for (const phrase of matcher.phrases) if (phrase.every((key) => set.has(key))) score += 1;
  return score;
}

/** Seed terms that reduce to the same keys ("defence", "military") count once. */
function uniquePhrases(phrases: string[][]): string[][] {
  const seen = new Set<string>();
  return phrases.filter((keys) => {
    const id = keys.join(' ');
    if (keys.length === 0 || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

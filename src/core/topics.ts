import { z } from 'zod';
import { sameStemFamily } from './text/name-forms.ts';
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

/** A topic matcher resolved against one set's vocabulary: compares sorted term ids, no strings. */
export interface TopicIdMatcher {
  /** Single-term seeds by id → their family: a name and its demonym ("China", "Chinese") are one. */
  single: Map<number, number>;
  multi: number[][];
}

export function resolveMatcher(matcher: TopicMatcher, lookup: (term: string) => number | undefined): TopicIdMatcher {
  const single = new Map<number, number>();
  const families: string[] = [];
  const multi: number[][] = [];
  for (const phrase of matcher.phrases) {
    const ids = phrase.map(lookup);
    if (ids.some((id) => id === undefined)) continue; // a phrase the set never uses cannot match
    if (ids.length === 1) {
      const key = phrase[0] as string;
      let family = families.findIndex((head) => sameStemFamily(head, key));
      if (family < 0) family = families.push(key) - 1;
      single.set(ids[0] as number, family);
    } else multi.push(ids as number[]);
  }
  return { single, multi };
}

/** topicScore over a sentence's sorted term ids; seeds of one family count once. */
export function topicScoreIds(termIds: Uint32Array, matcher: TopicIdMatcher): number {
  const matched: number[] = [];
  for (const id of termIds) {
    const family = matcher.single.get(id);
    if (family !== undefined && !matched.includes(family)) matched.push(family);
  }
  let score = matched.length;
  for (const phrase of matcher.multi) if (phrase.every((id) => hasId(termIds, id))) score++;
  return score;
}

function hasId(sorted: Uint32Array, id: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid] as number;
    if (v === id) return true;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

import type { StorySummary } from '../core/ports/story-repository.ts';
import { ago } from '../sources/describe.ts';

/** A story's state as one plain-text line (adapters escape it): articles, last update, topics. */
export function storyStatus(summary: StorySummary, now: Date): string {
  const { story, articles, updatedAt } = summary;
  const count = `${articles} article${articles === 1 ? '' : 's'}`;
  const updated = updatedAt ? `updated ${ago(updatedAt, now)}` : articles > 0 ? 'no update since stories were introduced' : 'no articles yet';
  return [count, updated, `topics: ${story.topics.map((t) => t.id).join(', ')}`, ...(story.owner ? [] : ['shared'])].join(' · ');
}

/** Topic ids with their terms, for replies that show what a story is briefed by. */
export function topicSummary(topics: { id: string; label: string; terms?: string[] }[]): string {
  return topics.map((t) => `${t.label} (${t.id})`).join(', ');
}

/** What the story commands accept, shown by both adapters' help and usage replies. */
export const STORY_TOPICS_HINT = 'topics as `name: term term; name: term`, e.g. `results: seats votes; coalition: cabinet talks`';

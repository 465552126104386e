import type { BriefingArticle } from '../core/types.ts';

const MAX_TITLE = 90;

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.filter((w) => w.length > 3) ?? []);

/**
 * What a story is called where people read it (headers, thread names, digests, pages): the title
 * whoever created it set, else the headline that shares most words with the other headlines (the
 * set's common subject), else the story id. The id stays what commands take.
 */
export function storyTitle(story: { story: string; title?: string; articles: Pick<BriefingArticle, 'title'>[] }): string {
  if (story.title?.trim()) return story.title.trim();
  const headlines = [...new Set(story.articles.map((a) => a.title?.trim()).filter((t): t is string => Boolean(t)))];
  if (headlines.length === 0) return story.story;
  const sets = headlines.map(words);
  const shared = (i: number) => sets.reduce((n, other, j) => (j === i ? n : n + [...(sets[i] ?? [])].filter((w) => other.has(w)).length), 0);
  const best = headlines
    .map((h, i) => ({ h, score: shared(i) }))
    .sort((a, b) => b.score - a.score || a.h.length - b.h.length)[0]?.h as string;
  return best.length > MAX_TITLE ? `${best.slice(0, MAX_TITLE - 1).trimEnd()}…` : best;
}

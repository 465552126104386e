import type { BriefingArticle } from '../core/types.ts';

/** A source's `[n]` by article id. */
export type SourceNumbers = Map<string, number>;

/**
 * Numbers sources 1…n in the briefing's article order: the `[n]` every renderer (terminal,
 * Slack, Discord) shows, so the same source has the same number wherever it is read.
 */
export function sourceNumbers(articles: Pick<BriefingArticle, 'id'>[]): SourceNumbers {
  return new Map(articles.map((a, i) => [a.id, i + 1]));
}

/** Distinct rewrite groups: the "independent sources" of a briefing's counts line. */
export function independentSources(articles: Pick<BriefingArticle, 'group'>[]): number {
  return new Set(articles.map((a) => a.group)).size;
}

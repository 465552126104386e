import type { BriefingArticle, Point } from '../core/types.ts';
import { plural } from './counts.ts';

type GroupedArticle = Pick<BriefingArticle, 'id' | 'group'>;

/**
 * How well a point is backed, in words every renderer shows after its citations:
 * "3 independent reports", "2 independent reports and 2 copies", "1 report and 2 copies of it".
 * Nothing for a point one article states: its single `[n]` already says so, and a label on
 * every such point would tell the reader nothing.
 */
export function backingLabel(point: Pick<Point, 'independentSources' | 'citations'>, articles: GroupedArticle[]): string | undefined {
  const groupOf = new Map(articles.map((a) => [a.id, a.group]));
  const cited = [...new Set(point.citations.map((c) => c.articleId))];
  const reports = Math.max(point.independentSources, 1);
  if (cited.length <= 1 && reports === 1) return undefined;
  const extra = cited.length - reports;
  const groups = new Set(cited.map((id) => groupOf.get(id) ?? id)).size;
  if (reports === 1) {
    // Articles of one rewrite group are copies of one report; anything else (a low-information article) is not.
    return groups === 1 ? `1 report and ${plural(extra, 'copy', 'copies')} of it` : `1 independent report among ${plural(cited.length, 'article')}`;
  }
  const independent = plural(reports, 'independent report');
  if (extra <= 0) return independent;
  return groups === reports ? `${independent} and ${plural(extra, 'copy', 'copies')}` : `${independent} among ${plural(cited.length, 'article')}`;
}

/**
 * Each rewrite's original: the first article of its rewrite group in briefing order (the lowest `[n]`).
 * The source list says "rewrite of [1]" after every later one, so a reader sees which numbers are one report.
 */
export function rewriteOriginals(articles: GroupedArticle[]): Map<string, string> {
  const firstOfGroup = new Map<string, string>();
  const originalOf = new Map<string, string>();
  for (const a of articles) {
    const first = firstOfGroup.get(a.group);
    if (first === undefined) firstOfGroup.set(a.group, a.id);
    else originalOf.set(a.id, first);
  }
  return originalOf;
}

/** "rewrite of [1]" for a rewrite in the source list, numbered as in the points; undefined for an original. */
export function rewriteNote(articleId: string, originals: Map<string, string>, numbers: Map<string, number>): string | undefined {
  const original = originals.get(articleId);
  if (original === undefined) return undefined;
  return `rewrite of [${numbers.get(original) ?? '?'}]`;
}

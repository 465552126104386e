import type { BriefingArticle, Citation } from '../../../core/types.ts';
import { absoluteUrl, maskedLink } from './links.ts';

/**
 * Numbered source references for a point or variant: one per article, `[2](link)` when the
 * citation has a usable link (absolute, or relative with PUBLIC_BASE_URL), else a plain `[2]`.
 */
export function citationRefs(
  citations: Citation[],
  numbers: Map<string, number>,
  publicBaseUrl: string | undefined,
  onlyArticles?: string[],
): string {
  const seen = new Set<string>();
  const refs: string[] = [];
  for (const c of citations) {
    if (seen.has(c.articleId) || (onlyArticles && !onlyArticles.includes(c.articleId))) continue;
    seen.add(c.articleId);
    const n = numbers.get(c.articleId);
    if (n === undefined) continue;
    const url = absoluteUrl(c.link, publicBaseUrl);
    refs.push(url ? maskedLink(String(n), url) : `[${n}]`);
  }
  // Articles named without a citation (disagreement variants) still get their number.
  for (const id of onlyArticles ?? []) {
    const n = numbers.get(id);
    if (!seen.has(id) && n !== undefined) refs.push(`[${n}]`);
  }
  return refs.join(' ');
}

/** Link for an article in source lists: its own URL, or its page on summit's web pages. */
export function articleUrl(article: BriefingArticle, publicBaseUrl: string | undefined): string | undefined {
  return article.url ? absoluteUrl(article.url) : absoluteUrl(`/articles/${encodeURIComponent(article.id)}`, publicBaseUrl);
}

import type { ArticleInput } from '../../core/types.ts';
import { buildArticle } from '../build-article.ts';
import { htmlToArticle } from '../html-to-text.ts';
import { canonicalUrl, stripTracking } from './canonical-url.ts';

/** What a feed said about the item, used where the page itself is silent. */
export interface PageHints {
  title?: string;
  publishedAt?: string;
}

export type PageOutcome =
  | { ok: true; article: ArticleInput; notes: string[] }
  | { ok: false; reason: string };

/**
 * A fetched HTML page → an article: the main text through Readability (`htmlToArticle`), the
 * canonical URL as its `url` (so two addresses of one article cite one place), the address it
 * was fetched from as its `source`. The store keys articles by content hash, so the same text
 * reached through two URLs is stored once, with both places recorded.
 */
export function pageToArticle(page: { url: string; text: string }, hints: PageHints = {}): PageOutcome {
  const extracted = htmlToArticle(page.text, page.url);
  const canonical = canonicalUrl(page.url, extracted.url);
  const fetchedFrom = stripTracking(page.url);
  const title = extracted.title ?? hints.title;
  const publishedAt = extracted.publishedAt ?? hints.publishedAt;
  const article = buildArticle(fetchedFrom.href, {
    ...(title ? { title } : {}),
    url: canonical.url,
    outlet: extracted.outlet ?? fetchedFrom.hostname.replace(/^www\./, ''),
    ...(publishedAt ? { publishedAt } : {}),
    text: extracted.text,
  });
  if (!article) return { ok: false, reason: 'no article text found on the page' };
  return { ok: true, article, notes: canonical.declaredIgnored ? [canonical.declaredIgnored] : [] };
}

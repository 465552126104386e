import type { ArticleInput } from '../core/types.ts';
import type { ArticleRecord } from './article-record.ts';
import { recordMeta } from './article-record.ts';
import { htmlToArticle } from './html-to-text.ts';
import type { ArticleMeta } from './types.ts';

/** Shorter than this after extraction, a "text" is a stub, an error page or a failed extraction. */
export const MIN_TEXT_CHARS = 20;

export interface ExtractedArticle extends ArticleMeta {
  text: string;
}

/** One article read, or why it was not. */
export type ArticleOutcome = { article: ArticleInput } | { reason: string };

/** The article, or undefined when it has no usable text. Unknown fields are left out, not set to undefined. */
export function buildArticle(source: string, extracted: ExtractedArticle): ArticleInput | undefined {
  const text = extracted.text.replace(/\r\n?/g, '\n').trim();
  if (text.length < MIN_TEXT_CHARS) return undefined;
  const { title, url, outlet, publishedAt } = extracted;
  return {
    source,
    ...(title && { title }),
    ...(url && { url }),
    ...(outlet && { outlet }),
    ...(publishedAt && { publishedAt }),
    text,
  };
}

/** A JSON record's own fields win over what its HTML says; given plain text is used as is. */
export function extractRecord(record: ArticleRecord): ExtractedArticle {
  const meta = recordMeta(record);
  if (typeof record.text === 'string') return { ...meta, text: record.text };
  const fromHtml = htmlToArticle(record.html ?? '');
  return {
    title: meta.title ?? fromHtml.title,
    url: meta.url ?? fromHtml.url,
    outlet: meta.outlet ?? fromHtml.outlet,
    publishedAt: meta.publishedAt ?? fromHtml.publishedAt,
    text: fromHtml.text,
  };
}

import { z } from 'zod';
import type { ArticleInput } from '../core/types.ts';
import { isBinaryText } from './decode.ts';
import { MAX_ARTICLE_BYTES } from './limits.ts';
import { BINARY, EMPTY, INVALID_TEXT, invalidArticle, tooLarge } from './reasons.ts';

/** An article the ingest boundary would not store, and why (the file loader's reasons). */
export interface RefusedArticle {
  /** Position in the batch it came in. */
  index: number;
  /** Its source (file name or URL) when it had a readable one. */
  source?: string;
  reason: string;
}

export interface CheckedArticles {
  articles: ArticleInput[];
  refused: RefusedArticle[];
}

const articleShape = z.object({
  source: z.string().trim().min(1).max(2000),
  title: z.string().max(1000).optional(),
  url: z.string().max(4000).optional(),
  outlet: z.string().max(500).optional(),
  publishedAt: z.string().max(100).optional(),
  text: z.string(),
});

const encoder = new TextEncoder();
/** Half of a UTF-16 surrogate pair without its other half: the text is not valid Unicode. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The one check every article passes before it is stored, whoever produced it (files, feeds,
 * chat, the queue): well-formed fields, and a text that is not empty, not binary, valid Unicode
 * and within MAX_ARTICLE_BYTES (UTF-8 bytes). Good articles are kept in order; each bad one is
 * reported with its position and reason, so one bad item never loses the others.
 */
export function checkArticles(items: readonly unknown[], maxBytes = MAX_ARTICLE_BYTES): CheckedArticles {
  const articles: ArticleInput[] = [];
  const refused: RefusedArticle[] = [];
  items.forEach((item, index) => {
    const outcome = checkArticle(item, maxBytes);
    if ('article' in outcome) articles.push(outcome.article);
    else refused.push({ index, ...sourceOf(item), reason: outcome.reason });
  });
  return { articles, refused };
}

function checkArticle(item: unknown, maxBytes: number): { article: ArticleInput } | { reason: string } {
  const parsed = articleShape.safeParse(item);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { reason: invalidArticle(`${issue?.path.join('.') || '(root)'}: ${issue?.message}`) };
  }
  const { text } = parsed.data;
  // Cheap bounds first: a UTF-8 byte is at most one UTF-16 unit, at least a third of one.
  if (text.length > maxBytes) return { reason: tooLarge(encoder.encode(text).length, maxBytes) };
  if (text.length * 3 > maxBytes) {
    const bytes = encoder.encode(text).length;
    if (bytes > maxBytes) return { reason: tooLarge(bytes, maxBytes) };
  }
  if (LONE_SURROGATE.test(text)) return { reason: INVALID_TEXT };
  if (isBinaryText(text)) return { reason: BINARY };
  if (text.trim() === '') return { reason: EMPTY };
  return { article: parsed.data };
}

function sourceOf(item: unknown): { source?: string } {
  const source = typeof item === 'object' && item !== null ? (item as { source?: unknown }).source : undefined;
  return typeof source === 'string' && source.trim() !== '' ? { source: source.slice(0, 2000) } : {};
}

import { createHash } from 'node:crypto';
import type { ArticleInput } from '../core/types.ts';

/**
 * Content hash of an article: its text with Unicode and whitespace normalised, so the same
 * article ingested from two places (or re-saved with other line endings) is stored once.
 */
export function articleHash(article: Pick<ArticleInput, 'text'>): string {
  const text = article.text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** Fingerprint of a story's article list; must match add-articles.lua. */
export function fingerprintOf(hashes: string[]): string {
  return createHash('sha1').update(hashes.join('\n')).digest('hex');
}

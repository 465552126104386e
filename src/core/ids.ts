import { createHash } from 'node:crypto';

/** Short stable id from content (hex of SHA-256). */
export function contentId(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('hex').slice(0, 12);
}

/** The key of one sentence of one article, "articleId:sentenceId". */
export function sentenceRef(ref: { articleId: string; sentenceId: number }): string {
  return `${ref.articleId}:${ref.sentenceId}`;
}

import type { Article } from './types.ts';

/** Percent-encodes text for a URL text fragment (`-`, `,` and `&` are syntax there). */
function fragmentEncode(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

/**
 * Where a citation points: the article URL with a text fragment that highlights the sentence,
 * or the local article page with the sentence anchor when the article has no URL.
 */
export function sentenceLink(
  article: Pick<Article, 'id' | 'url'>,
  sentenceId: number,
  quote: string,
): string {
  if (!article.url) return `/articles/${article.id}#s${sentenceId}`;
  const words = quote.replace(/[.!?"\u201D]+$/, '').split(/\s+/);
  const fragment =
    words.length <= 8
      ? fragmentEncode(words.join(' '))
      : `${fragmentEncode(words.slice(0, 4).join(' '))},${fragmentEncode(words.slice(-4).join(' '))}`;
  const base = article.url.split('#')[0];
  return `${base}#:~:text=${fragment}`;
}

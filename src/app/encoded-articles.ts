import type { Article } from '../core/types.ts';

const NEWLINE = 0x0a;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Cleaned articles as UTF-8 NDJSON: one buffer an engine thread can hand over without a copy,
 * read back a slice at a time, so the worker's loop never rebuilds thousands of articles in one go.
 */
export function encodeArticles(articles: Article[]): Uint8Array {
  return encoder.encode(articles.map((a) => JSON.stringify(a)).join('\n'));
}

/** The articles in slices of `perSlice` (JSON never holds a raw newline, so lines are articles). */
export function* decodeArticles(bytes: Uint8Array, perSlice: number): Generator<Article[]> {
  let slice: Article[] = [];
  for (let start = 0; start < bytes.length; ) {
    const newline = bytes.indexOf(NEWLINE, start);
    const end = newline === -1 ? bytes.length : newline;
    slice.push(JSON.parse(decoder.decode(bytes.subarray(start, end))) as Article);
    start = end + 1;
    if (slice.length === perSlice) {
      yield slice;
      slice = [];
    }
  }
  if (slice.length > 0) yield slice;
}

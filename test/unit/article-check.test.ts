import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkArticles } from '../../src/ingest/article-check.ts';
import { MAX_ARTICLE_BYTES } from '../../src/ingest/limits.ts';
import { BINARY, EMPTY, INVALID_TEXT, tooLarge } from '../../src/ingest/reasons.ts';

const GOOD = { source: 'good.txt', text: 'The port reopened on Monday after a week of strikes, officials said.' };

test('good articles pass in order; each bad one is refused with its position and the file loader\'s reason', () => {
  const big = 'x'.repeat(MAX_ARTICLE_BYTES + 1);
  const { articles, refused } = checkArticles([
    { source: 'empty.txt', text: '  \n ' },
    GOOD,
    { source: 'binary.bin', text: 'PK\u0003\u0004\u0000\u0000 zip bytes' },
    { source: 'huge.txt', text: big },
    { source: 'broken.txt', text: 'half a pair \uD83D here' },
    { ...GOOD, source: 'second.txt' },
  ]);
  assert.deepEqual(articles.map((a) => a.source), ['good.txt', 'second.txt']);
  assert.deepEqual(refused, [
    { index: 0, source: 'empty.txt', reason: EMPTY },
    { index: 2, source: 'binary.bin', reason: BINARY },
    { index: 3, source: 'huge.txt', reason: tooLarge(MAX_ARTICLE_BYTES + 1, MAX_ARTICLE_BYTES) },
    { index: 4, source: 'broken.txt', reason: INVALID_TEXT },
  ]);
});

test('size is counted in UTF-8 bytes, not characters', () => {
  const limit = 100;
  const fits = { source: 'a.txt', text: 'é'.repeat(50) }; // 100 bytes
  const over = { source: 'b.txt', text: 'é'.repeat(51) }; // 102 bytes, 51 characters
  const { articles, refused } = checkArticles([fits, over], limit);
  assert.deepEqual(articles.map((a) => a.source), ['a.txt']);
  assert.deepEqual(refused, [{ index: 1, source: 'b.txt', reason: tooLarge(102, limit) }]);
});

test('items that are not articles are refused with what is wrong, never thrown', () => {
  const { articles, refused } = checkArticles([null, 'text', { text: 'no source' }, { source: 'x.txt', text: 42 }]);
  assert.equal(articles.length, 0);
  assert.deepEqual(refused.map((r) => [r.index, r.source]), [[0, undefined], [1, undefined], [2, undefined], [3, 'x.txt']]);
  for (const r of refused) assert.match(r.reason, /^invalid article: /);
  assert.match(refused[3]?.reason ?? '', /text/);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countsLine, plural } from '../../src/render/counts.ts';
import { diffHunks } from '../../src/core/diff.ts';
import { answerToMarkdown, briefingToMarkdown } from '../../src/render/markdown.ts';
import { brief, STORY } from '../helpers/engine.ts';

const NOTE = 'Written by the offline engine: the language model service had an error.';

test('markdown shows engine notes with the briefing and the answer', () => {
  const md = briefingToMarkdown({ ...brief(STORY), notes: [NOTE] });
  assert.match(md, /^> Note: Written by the offline engine/m);
  const answer = answerToMarkdown(
    { question: 'q', answer: "The articles don't say.", supported: false, citations: [], notes: [NOTE] },
    new Map(),
  );
  assert.match(answer, /^> Note: Written by the offline engine/m);
});

test('diffs of short sentences find the differing words; run-on text is not diffed at all', () => {
  assert.deepEqual(diffHunks(['a', 'b', 'c'], ['a', 'x', 'c']), [{ aStart: 1, aEnd: 2, bStart: 1, bEnd: 2 }]);
  const long = Array.from({ length: 400 }, (_, i) => `w${i}`);
  assert.deepEqual(diffHunks(long, [...long.slice(1), 'end']), []);
});

test('the counts line agrees in number: "1 article, 1 independent source"', () => {
  assert.equal(countsLine([{ group: 'g1' }]), '1 article, 1 independent source');
  assert.equal(countsLine([{ group: 'g1' }, { group: 'g1' }, { group: 'g2' }]), '3 articles, 2 independent sources');
  assert.equal(plural(1200, 'article'), '1,200 articles');
});

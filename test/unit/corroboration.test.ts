import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Briefing, Citation, Point } from '../../src/core/types.ts';
import { backingLabel, rewriteNote, rewriteOriginals } from '../../src/render/corroboration.ts';
import { briefingToMarkdown } from '../../src/render/markdown.ts';
import { sourceNumbers } from '../../src/render/source-numbers.ts';
import { brief, STORY } from '../helpers/engine.ts';

// a1, a2, a4 are one report (g1) and its rewrites; a3 is low information (g2); a5 is independent (g3).
const ARTICLES = [
  { id: 'a1', group: 'g1' },
  { id: 'a2', group: 'g1' },
  { id: 'a3', group: 'g2' },
  { id: 'a4', group: 'g1' },
  { id: 'a5', group: 'g3' },
];
const cite = (articleId: string): Citation => ({ articleId, sentenceId: 1, quote: 'q', link: `/articles/${articleId}#s1` });
const point = (independentSources: number, ids: string[]): Pick<Point, 'independentSources' | 'citations'> => ({
  independentSources,
  citations: ids.map(cite),
});

test('a point of several independent reports shows their count', () => {
  assert.equal(backingLabel(point(2, ['a5', 'a1']), ARTICLES), '2 independent reports');
  assert.equal(backingLabel(point(3, ['a5', 'a1', 'a3']), ARTICLES), '3 independent reports');
});

test('copies beside independent reports are counted apart from them', () => {
  assert.equal(backingLabel(point(2, ['a5', 'a1', 'a2', 'a4']), ARTICLES), '2 independent reports and 2 copies');
  assert.equal(backingLabel(point(2, ['a5', 'a1', 'a2']), ARTICLES), '2 independent reports and 1 copy');
});

test('one report copied by others says so: three citation numbers are not three sources', () => {
  assert.equal(backingLabel(point(1, ['a1', 'a2', 'a4']), ARTICLES), '1 report and 2 copies of it');
  assert.equal(backingLabel(point(1, ['a2', 'a1']), ARTICLES), '1 report and 1 copy of it');
});

test('a point one article states carries no label (its single number says it)', () => {
  assert.equal(backingLabel(point(1, ['a5']), ARTICLES), undefined);
  assert.equal(backingLabel(point(1, ['a5', 'a5']), ARTICLES), undefined, 'two sentences of one article');
});

test('articles of other groups the engine does not count as independent are not called copies', () => {
  // A low-information article never corroborates: it is neither a copy nor an independent report.
  assert.equal(backingLabel(point(1, ['a5', 'a3']), ARTICLES), '1 independent report among 2 articles');
  assert.equal(backingLabel(point(2, ['a5', 'a1', 'a3']), ARTICLES), '2 independent reports among 3 articles');
});

test('the source list marks each rewrite with its original: the first of its group, numbered as in the points', () => {
  const originals = rewriteOriginals(ARTICLES);
  assert.deepEqual([...originals], [['a2', 'a1'], ['a4', 'a1']]);
  const numbers = sourceNumbers(ARTICLES);
  assert.equal(rewriteNote('a4', originals, numbers), 'rewrite of [1]');
  assert.equal(rewriteNote('a1', originals, numbers), undefined, 'the original is not a rewrite');
  assert.equal(rewriteNote('a5', originals, numbers), undefined);
});

test('markdown: no point is marked "(single source)"; copied and independent points say how they are backed', () => {
  const briefing: Briefing = brief(STORY);
  const md = briefingToMarkdown(briefing);
  assert.doesNotMatch(md, /single source/);
  const lines = md.split('\n');
  const points = [...(briefing.overview?.points ?? []), ...briefing.topics.flatMap((t) => t.points)];
  assert.ok(points.some((p) => p.independentSources >= 2), 'the story has a corroborated point');
  for (const p of points) {
    const line = lines.find((l) => l.startsWith(`- ${p.text} [`)) ?? '';
    const articles = new Set(p.citations.map((c) => c.articleId)).size;
    if (p.independentSources >= 2) assert.match(line, new RegExp(`_\\(${p.independentSources} independent reports`), line);
    else if (articles > 1) assert.match(line, new RegExp(`_\\(1 report and ${articles - 1} cop(y|ies) of it\\)_$`), line);
    else assert.match(line, /\]$/, `${line}: no label on a one-article point`);
  }
  const sources = md.slice(md.indexOf('## Sources\n'));
  assert.match(sources, /^\[2\] .* — rewrite of \[1\]$/m, 'the rewrites are marked with their original');
  assert.doesNotMatch(sources, /group g\d/, 'internal group ids are not shown');
});

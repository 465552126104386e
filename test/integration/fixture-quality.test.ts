/**
 * The reader's checks of `npm run bench:quality`, in CI: every committed set with a gold file (the
 * bundled set and test/fixtures/*.gold.json, written in our own words) is briefed by the offline
 * engine and scored by the shared scorer (its copy in bench/quality/scorer/ on a clean clone)
 * against the gold's "min" thresholds; its questions are answered and checked. Real-story sets
 * live in the gitignored cache and are only benchmarked.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkAnswer } from '../../bench/quality/answers.ts';
import { runScorer, scorerPath } from '../../bench/quality/scorer.ts';
import { discoverSets, readQuestions } from '../../bench/quality/sets.ts';
import { loadTopics } from '../../src/cli/topics-file.ts';
import { analyse, briefingFromAnalysis } from '../../src/core/engine.ts';
import { readArticles } from '../../src/ingest/read-articles.ts';
import { englishWords } from '../../src/lexicon/english-words.ts';
import { REPO } from '../helpers/cli.ts';

const scorer = scorerPath(REPO);
const committed = discoverSets(REPO, join(scorer, '..')).filter((s) => s.kind === 'bundled' || s.kind === 'fixture');
const work = mkdtempSync(join(tmpdir(), 'summit-quality-'));

test('every committed gold set is scored (the bundled set and at least two own-words fixtures)', () => {
  assert.ok(committed.some((s) => s.kind === 'bundled'), 'bundled set');
  assert.ok(committed.filter((s) => s.kind === 'fixture').length >= 2, committed.map((s) => s.id).join(', '));
});

for (const set of committed) {
  test(`${set.id}: the scorer's thresholds hold and the questions are answered`, async () => {
    const { articles } = await readArticles(set.articlesDir);
    const options = { story: set.id, topics: await loadTopics(set.topicsPath), dictionary: englishWords() };
    const analysis = analyse(articles, options);
    const path = join(work, `${set.id.replace(/\W+/g, '_')}.json`);
    writeFileSync(path, JSON.stringify(briefingFromAnalysis(analysis, options)));
    const scored = runScorer(scorer, set.goldPath, path, set.articlesDir);
    assert.deepEqual(scored.fails, [], `${scored.summary}\n${scored.lines.join('\n')}`);
    const wrong = readQuestions(set)
      .map((q) => checkAnswer(analysis, q))
      .filter((a) => !a.right && !a.question.pending);
    assert.deepEqual(wrong.map((a) => `${a.question.q} → ${a.answer.slice(0, 120)}`), []);
  });
}

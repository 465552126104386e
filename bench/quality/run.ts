/**
 * `npm run bench:quality`: briefs and asks every article set present (bundled, committed fixtures,
 * cached real sets and their union as one multi-event story), scores each with the shared scorer
 * (../shared/tools/score_briefing.py when present, else its copy in bench/quality/scorer/; SUMMIT_SCORER
 * overrides) and prints one row per set and the totals, with a TextRank baseline of the same length.
 *
 * Options: --set ID (only sets whose id contains ID), --verbose (the scorer's lines per set).
 * Briefings are kept in .cache/quality/<set>.json for reading (SUMMIT_QUALITY_OUT: another folder).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTopics } from '../../src/cli/topics-file.ts';
import { analyse, briefingFromAnalysis } from '../../src/core/engine.ts';
import type { Briefing } from '../../src/core/types.ts';
import { readArticles } from '../../src/ingest/read-articles.ts';
import { englishWords } from '../../src/lexicon/english-words.ts';
import { textRankTop } from '../seed-compare.ts';
import { markdownTable } from '../table.ts';
import { checkAnswer } from './answers.ts';
import { runScorer, type Scored, scorerPath } from './scorer.ts';
import { discoverSets, type QualitySet, readQuestions } from './sets.ts';
import { buildUnion } from './union.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const scorer = process.env.SUMMIT_SCORER ?? scorerPath(repoRoot);
const outDir = process.env.SUMMIT_QUALITY_OUT ?? join(repoRoot, '.cache/quality');
const args = process.argv.slice(2);
const only = args.includes('--set') ? args[args.indexOf('--set') + 1] : undefined;
const verbose = args.includes('--verbose');

interface Row {
  set: QualitySet;
  articles: number;
  engine: Scored;
  baselineFacts: number;
  answersRight: number;
  answersAsked: number;
  unanswerableRight: number;
  unanswerableAsked: number;
  events?: { kept: number; total: number };
}

function score(goldPath: string, briefing: Briefing, sourcesDir: string, name: string): Scored {
  const path = join(outDir, `${name.replace(/[^a-z0-9-]+/gi, '_')}.json`);
  writeFileSync(path, JSON.stringify(briefing, null, 1));
  return runScorer(scorer, goldPath, path, sourcesDir);
}

function withoutOverview(briefing: Briefing): Briefing {
  const copy = { ...briefing };
  delete copy.overview;
  return copy;
}

async function runSet(set: QualitySet): Promise<Row> {
  const { articles } = await readArticles(set.articlesDir);
  const topics = await loadTopics(set.topicsPath);
  const options = { story: set.id, topics, dictionary: englishWords() };
  const analysis = analyse(articles, options);
  const briefing = briefingFromAnalysis(analysis, options);
  const engine = score(set.goldPath, briefing, set.articlesDir, set.id);

  // The baseline: as many TextRank sentences as the engine has points, read by the scorer as if
  // filed under every topic (it has none), from the same cleaned sentences.
  const count = briefing.topics.reduce((n, t) => n + t.points.length, briefing.overview?.points.length ?? 0);
  const cleaned = analysis.articles.map((a) => a.sentences.map((s) => s.text).join('\n')).join('\n');
  const points = textRankTop(cleaned, count).map((p) => ({ text: p.text, independentSources: 1, claimId: '', citations: [] }));
  const baseline: Briefing = { ...withoutOverview(briefing), topics: topics.map((t) => ({ id: t.id, label: t.label, points })), disagreements: [] };
  const baselineFacts = Number(score(set.goldPath, baseline, set.articlesDir, `${set.id}.textrank`).metrics.facts);

  const questions = readQuestions(set);
  let answersRight = 0;
  let unanswerableRight = 0;
  const answerLines: string[] = [];
  for (const q of questions) {
    const { answer, right } = checkAnswer(analysis, q);
    if (q.unanswerable) unanswerableRight += Number(right);
    else answersRight += Number(right);
    answerLines.push(`${right ? 'ok  ' : 'WRONG'} answer: ${q.q} → ${answer.slice(0, 160)}`);
  }
  engine.lines.push(...answerLines);
  const unanswerableAsked = questions.filter((q) => q.unanswerable).length;
  const row: Row = {
    set,
    articles: articles.length,
    engine,
    baselineFacts,
    answersRight,
    answersAsked: questions.length - unanswerableAsked,
    unanswerableRight,
    unanswerableAsked,
  };
  if (set.eventOfFact) row.events = eventsKept(set.eventOfFact, engine.lines);
  return row;
}

/** Union: events that keep at least 3 of their facts (read from the scorer's "ok" lines). */
function eventsKept(eventOfFact: Map<string, string>, lines: string[]): { kept: number; total: number } {
  const found = new Map<string, number>();
  for (const line of lines) {
    const id = /^ok {3}(\S+)/.exec(line)?.[1];
    const event = id ? eventOfFact.get(id) : undefined;
    if (event) found.set(event, (found.get(event) ?? 0) + 1);
  }
  const events = new Set(eventOfFact.values());
  return { kept: [...events].filter((e) => (found.get(e) ?? 0) >= 3).length, total: events.size };
}

const pct = (a: number, b: number) => (b ? `${Math.round((100 * a) / b)}%` : '-');
const n = (m: Scored, k: string) => Number(m.metrics[k]);

async function main(): Promise<void> {
  if (!existsSync(scorer)) throw new Error(`scorer not found at ${scorer} (set SUMMIT_SCORER)`);
  mkdirSync(outDir, { recursive: true });
  const sets = discoverSets(repoRoot, dirname(scorer));
  const union = buildUnion(sets, join(outDir, 'union'));
  if (union) sets.push(union);
  const rows: Row[] = [];
  for (const set of sets.filter((s) => !only || s.id.includes(only))) {
    const row = await runSet(set);
    rows.push(row);
    if (verbose) process.stderr.write(`\n## ${set.id}\n${row.engine.lines.join('\n')}\n${row.engine.summary}\n`);
  }
  const table = rows.map((r) => {
    const m = r.engine;
    return [
      r.set.id,
      String(r.articles),
      `${n(m, 'facts')}/${n(m, 'n_facts')}`,
      `${r.baselineFacts}/${n(m, 'n_facts')}`,
      n(m, 'corroboration').toFixed(2),
      m.metrics.groups ? 'ok' : 'WRONG',
      m.metrics.lowinfo ? 'ok' : 'WRONG',
      String(n(m, 'leaks')),
      `${Math.round(100 * n(m, 'verbatim'))}%`,
      String(n(m, 'repeats')),
      String(n(m, 'redundant')),
      String(n(m, 'artefacts')),
      `${n(m, 'true_disagreements')}/${n(m, 'n_listed')}`,
      `${n(m, 'found_disagreements')}/${n(m, 'n_gold_disagreements')}`,
      `${r.answersRight}/${r.answersAsked}`,
      `${r.unanswerableRight}/${r.unanswerableAsked}`,
      r.events ? `${r.events.kept}/${r.events.total}` : '',
    ];
  });
  const stories = rows.filter((r) => r.set.kind !== 'union');
  const sum = (f: (r: Row) => number, of = stories) => of.reduce((s, r) => s + f(r), 0);
  const facts = sum((r) => n(r.engine, 'facts'));
  const factsTotal = sum((r) => n(r.engine, 'n_facts'));
  const listed = sum((r) => n(r.engine, 'n_listed'));
  const trueD = sum((r) => n(r.engine, 'true_disagreements'));
  const goldD = sum((r) => n(r.engine, 'n_gold_disagreements'));
  const foundD = sum((r) => n(r.engine, 'found_disagreements'));
  const worst = Math.min(...stories.map((r) => n(r.engine, 'facts') / Math.max(1, n(r.engine, 'n_facts'))));
  table.push([
    `total (${stories.length} sets)`,
    String(sum((r) => r.articles)),
    `${facts}/${factsTotal} ${pct(facts, factsTotal)}`,
    `${sum((r) => r.baselineFacts)}/${factsTotal}`,
    (sum((r) => n(r.engine, 'corroboration')) / Math.max(1, stories.length)).toFixed(2),
    `${stories.filter((r) => r.engine.metrics.groups).length}/${stories.length}`,
    `${stories.filter((r) => r.engine.metrics.lowinfo).length}/${stories.length}`,
    String(sum((r) => n(r.engine, 'leaks'))),
    '',
    String(sum((r) => n(r.engine, 'repeats'))),
    String(sum((r) => n(r.engine, 'redundant'))),
    String(sum((r) => n(r.engine, 'artefacts'))),
    `${trueD}/${listed} ${pct(trueD, listed)}`,
    `${foundD}/${goldD} ${pct(foundD, goldD)}`,
    `${sum((r) => r.answersRight)}/${sum((r) => r.answersAsked)}`,
    `${sum((r) => r.unanswerableRight)}/${sum((r) => r.unanswerableAsked)}`,
    `worst set ${Math.round(100 * worst)}%`,
  ]);
  const headers = ['set', 'arts', 'facts', 'TextRank', 'corrob', 'groups', 'lowinfo', 'leaks', 'verbatim', 'repeats',
    'redundant', 'artefacts', 'disagr. true', 'disagr. found', 'answers', "don't say", 'events ≥3'];
  process.stdout.write(`${markdownTable(headers, table, headers.map((_, i) => i > 0))}\n`);
}

await main();

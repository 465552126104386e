import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One article set the quality table scores: where its articles, gold, questions and topics are. */
export interface QualitySet {
  id: string;
  kind: 'bundled' | 'fixture' | 'real' | 'union';
  articlesDir: string;
  goldPath: string;
  questionsPath?: string;
  /** Topics file; absent means the default topics. */
  topicsPath?: string;
  /** Union only: gold fact id → the set (event) it came from. */
  eventOfFact?: Map<string, string>;
}

export interface Question {
  q: string;
  expect?: string[];
  unanswerable?: boolean;
  /** A known gap: answered wrongly today. CI checks every other question; the bench counts all. */
  pending?: boolean;
}

/** Every set present on this machine: bundled, committed fixtures, cached real sets. */
export function discoverSets(repoRoot: string, scorerDir: string): QualitySet[] {
  const sets: QualitySet[] = [];
  const seedsGold = join(scorerDir, 'gold/seeds.json');
  if (existsSync(seedsGold)) {
    sets.push({
      id: 'seeds (bundled)',
      kind: 'bundled',
      articlesDir: join(repoRoot, 'data/summit-2025'),
      goldPath: seedsGold,
      questionsPath: join(repoRoot, 'bench/quality/seeds.questions.json'),
    });
  }
  const fixtures = join(repoRoot, 'test/fixtures');
  for (const name of readdirSync(fixtures).sort()) {
    const dir = join(fixtures, name);
    const gold = `${dir}.gold.json`;
    if (!existsSync(gold)) continue;
    sets.push({ id: name, kind: 'fixture', articlesDir: dir, goldPath: gold, ...optional(`${dir}.questions.json`, `${dir}.topics.json`) });
  }
  const committed = join(repoRoot, 'bench/real-sets');
  const cache = join(repoRoot, '.cache/real-sets');
  if (existsSync(committed)) {
    for (const name of readdirSync(committed).sort()) {
      const meta = join(committed, name);
      const articlesDir = join(cache, name);
      if (!existsSync(join(meta, 'gold.json')) || !existsSync(articlesDir)) continue;
      if (readdirSync(articlesDir).filter((f) => f.endsWith('.json')).length === 0) continue;
      sets.push({
        id: name,
        kind: 'real',
        articlesDir,
        goldPath: join(meta, 'gold.json'),
        ...optional(join(meta, 'questions.json'), join(meta, 'topics.json')),
      });
    }
  }
  return sets;
}

function optional(questionsPath: string, topicsPath: string): Pick<QualitySet, 'questionsPath' | 'topicsPath'> {
  return {
    ...(existsSync(questionsPath) ? { questionsPath } : {}),
    ...(existsSync(topicsPath) ? { topicsPath } : {}),
  };
}

export function readQuestions(set: QualitySet): Question[] {
  if (!set.questionsPath || !existsSync(set.questionsPath)) return [];
  return JSON.parse(readFileSync(set.questionsPath, 'utf8')) as Question[];
}

import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { QualitySet } from './sets.ts';

interface Gold {
  name?: string;
  facts: { id: string; [k: string]: unknown }[];
  groups?: string[][];
  singletons?: string[];
  lowinfo?: string[];
  noise?: string[];
  disagreements?: { id: string; variants: string[] }[];
}

/**
 * One multi-event story from every real set that uses the default topics: articles renumbered
 * 001, 002, … into `dir`, gold facts, groups and disagreements carried over under the new numbers.
 */
export function buildUnion(sets: QualitySet[], dir: string): QualitySet | undefined {
  const members = sets.filter((s) => s.kind === 'real' && !s.topicsPath);
  if (members.length < 2) return undefined;
  const articlesDir = join(dir, 'articles');
  rmSync(articlesDir, { recursive: true, force: true });
  mkdirSync(articlesDir, { recursive: true });
  const union: Required<Omit<Gold, 'name'>> & { name: string } = {
    name: 'union', facts: [], groups: [], singletons: [], lowinfo: [], noise: [], disagreements: [],
  };
  const eventOfFact = new Map<string, string>();
  let next = 1;
  for (const set of members) {
    const gold = JSON.parse(readFileSync(set.goldPath, 'utf8')) as Gold;
    const renumber = new Map<string, string>();
    for (const file of readdirSync(set.articlesDir).filter((f) => /^\d+\.json$/.test(f)).sort()) {
      const n = String(next++).padStart(3, '0');
      renumber.set(file.replace(/\.json$/, ''), n);
      copyFileSync(join(set.articlesDir, file), join(articlesDir, `${n}.json`));
    }
    const map = (keys: string[] = []) => keys.map((k) => renumber.get(k)).filter((k): k is string => k !== undefined);
    for (const fact of gold.facts) {
      const id = `${set.id}:${fact.id}`;
      union.facts.push({ ...fact, id });
      eventOfFact.set(id, set.id);
    }
    union.groups.push(...(gold.groups ?? []).map((g) => map(g)));
    union.singletons.push(...map(gold.singletons));
    union.lowinfo.push(...map(gold.lowinfo));
    union.noise.push(...(gold.noise ?? []));
    union.disagreements.push(...(gold.disagreements ?? []).map((d) => ({ ...d, id: `${set.id}:${d.id}` })));
  }
  const goldPath = join(dir, 'union.gold.json');
  writeFileSync(goldPath, JSON.stringify(union, null, 1));
  return { id: `union (${members.length} stories)`, kind: 'union', articlesDir, goldPath, eventOfFact };
}

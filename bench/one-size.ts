/**
 * Benchmarks one set size in its own process, so the peak memory it reports belongs to that size.
 * usage: node [--expose-gc] bench/one-size.ts N [--profile] [--set FILE]   prints one line of JSON (see SizeResult)
 */
import { readFileSync } from 'node:fs';
import { loadTopics } from '../src/cli/topics-file.ts';
import { analyse, briefingFromAnalysis, buildBriefing } from '../src/core/engine.ts';
import type { Briefing } from '../src/core/types.ts';
import { englishWords } from '../src/lexicon/english-words.ts';
import { type PhaseTime, profilePhases } from './cpu-profile.ts';
import { type GeneratedSet, generateArticleSet } from './generate.ts';

export interface SizeResult {
  articles: number;
  words: number;
  ms: number;
  /** With --profile: time of each step of analyse() and briefingFromAnalysis() (the time includes profiling). */
  phases?: PhaseTime[];
  peakRssMB: number;
  /** Resident memory after generating the set, before the engine runs. */
  rssBeforeMB: number;
  /** Peak resident memory reached while generating the set (so the engine's peak is not the generator's). */
  peakBeforeMB: number;
  groupsFound: number;
  groupsGenerated: number;
  groupsExact: number;
  pairPrecision: number;
  pairRecall: number;
  points: number;
  /** Filled by run.ts when a size ran several times. */
  slowestMs?: number;
  runs?: number;
}

const count = Number(process.argv[2]);
if (!Number.isInteger(count) || count < 1) {
  console.error('usage: node bench/one-size.ts N [--profile]');
  process.exit(2);
}
const profile = process.argv.includes('--profile');

const options = { story: 'bench', topics: await loadTopics(), dictionary: englishWords() };
// With --set FILE (written by write-set.ts) the input is read, not generated in this process.
const setFile = process.argv[process.argv.indexOf('--set') + 1];
const set: GeneratedSet =
  process.argv.includes('--set') && setFile
    ? (JSON.parse(readFileSync(setFile, 'utf8')) as GeneratedSet)
    : generateArticleSet(count);
// Drop the generator's garbage (run.ts passes --expose-gc), so the baseline is the input set itself.
(globalThis as { gc?: () => void }).gc?.();
const rssBeforeMB = process.memoryUsage().rss / 2 ** 20;
const peakBeforeMB = process.resourceUsage().maxRSS / 1024;

let briefing: Briefing;
let phases: PhaseTime[] | undefined;
const start = performance.now();
if (profile) {
  ({ result: briefing, phases } = await profilePhases(
    () => briefingFromAnalysis(analyse(set.inputs, options), options),
    ['analyse', 'briefingFromAnalysis'],
  ));
} else {
  briefing = buildBriefing(set.inputs, options);
}
const ms = performance.now() - start;

const quality = groupQuality(briefing, set.rewriteGroups);
const result: SizeResult = {
  articles: set.inputs.length,
  words: set.words,
  ms,
  ...(phases ? { phases } : {}),
  peakRssMB: process.resourceUsage().maxRSS / 1024,
  rssBeforeMB,
  peakBeforeMB,
  ...quality,
  points: briefing.topics.reduce((n, t) => n + t.points.length, 0),
};
console.log(JSON.stringify(result));

/** How the engine's rewrite groups compare with the generated ones, by group and by article pair. */
function groupQuality(b: Briefing, generated: string[][]) {
  const generatedGroupOf = new Map<string, number>();
  generated.forEach((g, i) => {
    for (const source of g) generatedGroupOf.set(source, i);
  });
  const sourceOf = new Map(b.articles.map((a) => [a.id, a.source]));
  const found = b.groups.filter((g) => g.articleIds.length > 1).map((g) => g.articleIds.map((id) => sourceOf.get(id) ?? id));
  let exact = 0;
  let foundPairs = 0;
  let truePairs = 0;
  for (const group of found) {
    foundPairs += pairs(group.length);
    const labels = new Map<number, number>();
    for (const source of group) {
      const label = generatedGroupOf.get(source);
      if (label !== undefined) labels.set(label, (labels.get(label) ?? 0) + 1);
    }
    for (const c of labels.values()) truePairs += pairs(c);
    const [only] = labels.keys();
    if (labels.size === 1 && only !== undefined && labels.get(only) === group.length && generated[only]?.length === group.length) exact++;
  }
  const generatedPairs = generated.reduce((n, g) => n + pairs(g.length), 0);
  return {
    groupsFound: found.length,
    groupsGenerated: generated.length,
    groupsExact: exact,
    pairPrecision: foundPairs ? truePairs / foundPairs : 1,
    pairRecall: generatedPairs ? truePairs / generatedPairs : 1,
  };
}

function pairs(n: number): number {
  return (n * (n - 1)) / 2;
}

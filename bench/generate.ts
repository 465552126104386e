import type { ArticleInput } from '../src/core/types.ts';
import {
  bottomBoilerplate,
  type Fact,
  fillerSentence,
  HEADINGS,
  makeFact,
  nounPicker,
  renderFact,
  topBoilerplate,
} from './facts.ts';
import { between, buildVocabulary, pick, type Rng, seededRng, type Vocabulary, zipf } from './vocabulary.ts';

/** A synthetic article set with what the engine should find in it. */
export interface GeneratedSet {
  inputs: ArticleInput[];
  /** Sources of the articles in each generated rewrite group (an original and its rewrites). */
  rewriteGroups: string[][];
  words: number;
}

interface Block {
  heading?: string;
  sentences: string[];
}

interface Draft {
  title: string;
  blocks: Block[];
}

/** Share of articles that are rewrites of an earlier article rather than independent reports. */
const REWRITE_SHARE = 0.3;
const MAX_GROUP = 6;

const SYNONYMS: [string, string][] = [
  ['said', 'stated'],
  ['told reporters', 'told journalists'],
  ['talks', 'discussions'],
  ['agreed to', 'consented to'],
  ['pledged', 'promised'],
  ['government', 'administration'],
  ['officials', 'authorities'],
  ['expected', 'anticipated'],
  ['concerns', 'worries'],
  ['approved', 'endorsed'],
  ['purchase', 'acquisition'],
  ['buy', 'acquire'],
  ['about', 'around'],
  ['confirmed', 'verified'],
  ['region', 'area'],
  ['relationship', 'ties'],
  ['negotiations', 'bargaining'],
  ['weeks ahead', 'coming weeks'],
  ['described', 'characterised'],
  ['analysts', 'experts'],
  ['critics', 'opponents'],
  ['markets', 'traders'],
  ['rise', 'climb'],
  ['question', 'matter'],
  ['warned', 'cautioned'],
  ['argued', 'contended'],
  ['suggested', 'hinted'],
  ['districts', 'regions'],
  ['sector', 'industry'],
  ['could', 'might'],
  ['several', 'a number of'],
];

/**
 * Generates `count` articles (~700 words, ~35 sentences each) about one synthetic story.
 * Deterministic: the same count and seed give the same set.
 */
export function generateArticleSet(count: number, seed = 2025): GeneratedSet {
  const rng = seededRng(seed ^ count);
  const vocabulary = buildVocabulary(rng, count);
  const noun = nounPicker(vocabulary);
  const facts = Array.from({ length: 40 + Math.ceil(count / 4) }, () => makeFact(rng, vocabulary, noun));
  const factIndex = zipf(facts.length, 1);

  const inputs: ArticleInput[] = [];
  const drafts: Draft[] = [];
  const groups: string[][] = [];
  const groupOf: number[] = [];
  let words = 0;
  for (let i = 0; i < count; i++) {
    const source = `bench-${String(i).padStart(5, '0')}.txt`;
    let draft: Draft;
    let runTogether = false;
    const original = rng() < REWRITE_SHARE ? recentWithRoom(rng, groups, groupOf) : undefined;
    if (original !== undefined) {
      draft = rewrite(rng, drafts[original] as Draft, vocabulary, noun);
      runTogether = rng() < 0.3;
      const g = groupOf[original] as number;
      groups[g]?.push(source);
      groupOf.push(g);
    } else {
      draft = report(rng, facts, factIndex, vocabulary, noun);
      groupOf.push(groups.length);
      groups.push([source]);
    }
    drafts.push(draft);
    const text = render(rng, draft, runTogether);
    words += text.split(/\s+/).filter(Boolean).length;
    inputs.push({ source, title: draft.title, text });
  }
  return { inputs, rewriteGroups: groups.filter((g) => g.length > 1), words };
}

/** A recent article (rewrites follow their original closely in time) whose group is not full. */
function recentWithRoom(rng: Rng, groups: string[][], groupOf: number[]): number | undefined {
  for (let tries = 0; tries < 5 && groupOf.length > 0; tries++) {
    const j = Math.max(0, groupOf.length - 1 - Math.floor(rng() * 200));
    if ((groups[groupOf[j] as number]?.length ?? MAX_GROUP) < MAX_GROUP) return j;
  }
  return undefined;
}

/** An independent report: its own choice of facts and its own wording of each, plus filler. */
function report(
  rng: Rng,
  facts: Fact[],
  factIndex: (rng: Rng) => number,
  vocabulary: Vocabulary,
  noun: (rng: Rng) => string,
): Draft {
  const chosen = new Set<number>();
  const wanted = between(rng, 10, 14);
  for (let tries = 0; chosen.size < wanted && tries < 100; tries++) chosen.add(factIndex(rng));
  const factSentences = [...chosen].map((f) => renderFact(rng, facts[f] as Fact));
  const fillers = Array.from({ length: between(rng, 33, 37) - factSentences.length }, () =>
    fillerSentence(rng, vocabulary, noun),
  );
  // The lede states a fact; the rest is a mix, as in a real report.
  const [lede, ...rest] = factSentences;
  const body = shuffle(rng, [...rest, ...fillers]);
  const sentences = lede ? [lede, ...body] : body;
  const blocks: Block[] = [];
  for (let i = 0; i < sentences.length; ) {
    const size = between(rng, 2, 4);
    const block: Block = { sentences: sentences.slice(i, i + size) };
    if (i > 0 && rng() < 0.15) block.heading = pick(rng, HEADINGS);
    blocks.push(block);
    i += size;
  }
  const [person, person2, city] = [pick(rng, vocabulary.people), pick(rng, vocabulary.people), pick(rng, vocabulary.cities)];
  return { title: `${person} and ${person2} meet in ${city} as ${noun(rng)} talks begin`, blocks };
}

/** A paraphrase of another article: synonym swaps, reordered and dropped sentences, a little new filler. */
function rewrite(rng: Rng, original: Draft, vocabulary: Vocabulary, noun: (rng: Rng) => string): Draft {
  const blocks = original.blocks.map((block) => {
    const sentences = block.sentences.filter(() => rng() >= 0.08).map((s) => paraphrase(rng, s));
    for (let i = 0; i + 1 < sentences.length; i++) {
      if (rng() < 0.25) [sentences[i], sentences[i + 1]] = [sentences[i + 1] as string, sentences[i] as string];
    }
    if (rng() < 0.1) sentences.push(fillerSentence(rng, vocabulary, noun));
    return { ...block, sentences };
  });
  return { title: paraphrase(rng, original.title), blocks: blocks.filter((b) => b.sentences.length > 0) };
}

function paraphrase(rng: Rng, sentence: string): string {
  let out = sentence;
  for (const [from, to] of SYNONYMS) {
    if (rng() < 0.7) out = out.replace(new RegExp(`\\b${from}\\b`, 'gi'), (m) => matchCase(m, to));
  }
  return out;
}

function matchCase(original: string, replacement: string): string {
  const first = original.charAt(0);
  return first === first.toUpperCase() ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

/** Paragraphs separated by blank lines, or everything run together with headings glued in. */
function render(rng: Rng, draft: Draft, runTogether: boolean): string {
  const parts = runTogether
    ? [draft.blocks.flatMap((b) => (b.heading ? [b.heading, ...b.sentences] : b.sentences)).join(' ')]
    : draft.blocks.flatMap((b) => (b.heading ? [b.heading, b.sentences.join(' ')] : [b.sentences.join(' ')]));
  return [...topBoilerplate(rng), ...parts, ...bottomBoilerplate(rng)].join('\n\n');
}

function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

import { type RankedClaim, reportedClaims } from './claim-ranking.ts';
import { compressSentence } from './compress.ts';
import type { SentenceFeatures, TermWeights } from './features.ts';
import { resolveMatcher, type TopicMatcher, topicScoreIds } from './topics.ts';
import type { Citation, Point, TopicBriefing } from './types.ts';

export interface BriefingBudget {
  pointsPerTopic: number;
  wordsPerPoint: number;
}

export const DEFAULT_BUDGET: BriefingBudget = { pointsPerTopic: 8, wordsPerPoint: 40 };

/** Picks each topic's points: the most salient claims on the topic, never two near-identical ones. */
export function topicBriefings(
  claims: RankedClaim[],
  matchers: TopicMatcher[],
  budget: BriefingBudget,
  cite: (s: SentenceFeatures) => Citation,
  context: {
    weights: TermWeights;
    /** The sentence a back-referring sentence ("this plan", "It ...") points to, if any. */
    antecedent: (s: SentenceFeatures) => SentenceFeatures | undefined;
    lookup: (term: string) => number | undefined;
    /** A one-topic brief: the id of the topic shown; the others only decide where claims fit best. */
    only?: string;
  },
): TopicBriefing[] {
  const cores = new Map<RankedClaim, Uint32Array>();
  const coreOf = (claim: RankedClaim) => {
    let ids = cores.get(claim);
    if (!ids) cores.set(claim, (ids = coreIds(claim.supporting)));
    return ids;
  };
  const eligible = reportedClaims(claims);
  const perTopic = matchers.map((matcher) => {
    const ids = resolveMatcher(matcher, context.lookup);
    const sentenceScores = new Map<number, number>();
    const sentenceScore = (s: SentenceFeatures) => {
      let score = sentenceScores.get(s.index);
      if (score === undefined) sentenceScores.set(s.index, (score = topicScoreIds(s.termIds, ids)));
      return score;
    };
    const relevance = new Map<RankedClaim, number>();
    for (const claim of eligible) {
      const own =
        claim.supporting.length === 1 ? sentenceScore(claim.display) : topicScoreIds(coreOf(claim), ids);
      if (own === 0) continue;
      // A sentence that refers back ("how this buildup will be funded") is also about what it refers to.
      let inherited = 0;
      for (const m of claim.members) {
        const antecedent = context.antecedent(m);
        if (antecedent) inherited = Math.max(inherited, sentenceScore(antecedent));
      }
      relevance.set(claim, own + Math.min(inherited, 2));
    }
    return relevance;
  });
  // Each topic's candidates, best first (capped relevance: a long sentence touching many seed terms
  // is not more on-topic than a short one naming a few).
  const ranked = perTopic.map((relevance) =>
    [...relevance]
      .map(([claim, r]) => {
        const capped = Math.min(r, MAX_RELEVANCE);
        // Past two, each further seed phrase (two at most) counts half: a tie-break among claims
        // that are all on the topic, not a lead over the headline facts.
        const beyond = Math.min(Math.max(r - MAX_RELEVANCE, 0), 2) / 2;
        return { claim, relevance: capped, score: claim.salience * (capped + beyond) };
      })
      .sort((a, b) => b.score - a.score || (a.claim.id < b.claim.id ? -1 : 1)),
  );
  // In a briefing of several topics a claim is shown once, in the topic it fits best: among the
  // topics it is about nearly as much as its best one, the one where it stands highest (a minerals
  // claim naming Beijing's export curbs leads China rather than trail trade), never one it merely
  // touches (farm purchases are not defence for saying "security" once). A one-topic brief takes
  // every claim that fits its topic.
  const best = new Map<RankedClaim, number>();
  for (const list of ranked) for (const c of list) best.set(c.claim, Math.max(best.get(c.claim) ?? 0, c.relevance));
  const home = new Map<RankedClaim, { topic: number; rank: number; relevance: number }>();
  ranked.forEach((list, t) =>
    list.forEach((c, rank) => {
      if (c.relevance < HOME_SHARE * (best.get(c.claim) ?? 0)) return;
      const current = home.get(c.claim);
      if (!current || rank < current.rank || (rank === current.rank && c.relevance > current.relevance)) {
        home.set(c.claim, { topic: t, rank, relevance: c.relevance });
      }
    }),
  );
  // A one-topic brief (`only`) takes every claim whose home is its topic or that fits it as well as
  // any other (obtaining missiles is not trade for saying "obtain" once); the rest take their home's.
  const onlyIndex = context.only === undefined ? -1 : matchers.findIndex((m) => m.topic.id === context.only);
  const pools = ranked.map((list, t) => {
    if (onlyIndex >= 0 && t !== onlyIndex) return [];
    const fits = (c: (typeof list)[number]) =>
      home.get(c.claim)?.topic === t || (onlyIndex >= 0 && c.relevance >= (best.get(c.claim) ?? 0));
    return list.filter((c) => matchers.length === 1 || fits(c)).slice(0, budget.pointsPerTopic * 6);
  });
  // Greedy selection with a redundancy penalty (maximal marginal relevance), one point per topic
  // in turn, so no topic takes a shared claim just by coming first. A claim close to a point of
  // another topic says the same thing there and is not shown twice.
  const chosen: RankedClaim[][] = matchers.map(() => []);
  const shown = new Set<RankedClaim>();
  for (let progress = true; progress; ) {
    progress = false;
    pools.forEach((pool, t) => {
      const mine = chosen[t] as RankedClaim[];
      if (mine.length >= budget.pointsPerTopic) return;
      let bestIndex = -1;
      let bestScore = 0;
      pool.forEach((c, i) => {
        if (shown.has(c.claim)) return;
        let redundancy = 0;
        let repeatsOther = false;
        for (const [u, others] of chosen.entries()) {
          for (const p of others) {
            const similarity = context.weights.similarity(p.display, c.claim.display);
            const figures = sharedFigures(p.display, c.claim.display);
            const repeated = figures >= 2 || sayTheSame(p.display, c.claim.display, context.weights, similarity);
            if (u !== t) repeatsOther ||= repeated;
            // One shared figure lowers a point's score but never excludes it alone: the second may add to the first.
            else redundancy = Math.max(redundancy, repeated ? 1 : Math.max(similarity, figures ? Math.min(similarity + SHARED_FIGURE, REDUNDANT) : 0));
          }
        }
        const score = redundancy > REDUNDANT || repeatsOther ? 0 : c.score * (1 - redundancy);
        if (score > bestScore) {
          bestScore = score;
          bestIndex = i;
        }
      });
      if (bestIndex < 0) return;
      const claim = (pool.splice(bestIndex, 1)[0] as (typeof pool)[number]).claim;
      mine.push(claim);
      shown.add(claim);
      progress = true;
    });
  }
  return matchers.flatMap((matcher, t) => (onlyIndex >= 0 && t !== onlyIndex ? [] : [{
    id: matcher.topic.id,
    label: matcher.topic.label,
    points: (chosen[t] as RankedClaim[]).map((claim) => toPoint(claim, budget, cite)),
  }]));
}

/**
 * Seed phrases past this many make a claim no more on-topic: two say a claim is about the topic;
 * more only say its sentence is dense with the topic's words, and the headline facts, which name
 * their topic once or twice, would lose to background sentences full of keywords.
 */
const MAX_RELEVANCE = 2;
/** A claim's home topic is one it is about at least this share as much as its best one. */
const HOME_SHARE = 0.5;

/** Claims this similar to one already chosen say the same thing in other words. */
const REDUNDANT = 0.22;
/** Share of the shorter sentence's terms that, found in the other, make it a repeat ... */
const CONTAINED = 0.6;
/** ... when it has this many terms: a short sentence shares most of its few words by chance. */
const CONTAINED_MIN_TERMS = 5;

/** What one shared figure (not a year) adds to two points' redundancy: likely one fact twice. */
const SHARED_FIGURE = 0.15;

/**
 * Figures two sentences both state ("15 percent" twice is likely one fact); years and single
 * digits ("in 2025", "two ships") are shared by chance.
 */
function sharedFigures(a: SentenceFeatures, b: SentenceFeatures): number {
  if (a.numbers.length === 0 || b.numbers.length === 0) return 0;
  const mine = new Set(a.numbers.filter(isTellingFigure));
  return new Set(b.numbers.filter((n) => mine.has(n))).size;
}

const isTellingFigure = (n: string) => !/^(?:(?:19|20)\d\d|\d)$/.test(n);

/**
 * Two shown sentences say the same thing: similar wording, or most of the shorter one's words in
 * the other (one wording inside the other).
 */
export function sayTheSame(
  a: SentenceFeatures,
  b: SentenceFeatures,
  weights: TermWeights,
  similarity = weights.similarity(a, b),
): boolean {
  return similarity > REDUNDANT || containment(a.termIds, b.termIds) >= CONTAINED;
}

/** Shared terms over the shorter list's length (sorted id lists). */
function containment(a: Uint32Array, b: Uint32Array): number {
  if (Math.min(a.length, b.length) < CONTAINED_MIN_TERMS) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / Math.min(a.length, b.length);
}

/**
 * The terms at least half of a claim's sentences use: what its sources say in common, not one
 * copy's aside ("the submarine news landed alongside an agreement on critical minerals").
 */
function coreIds(sentences: SentenceFeatures[]): Uint32Array {
  const counts = new Map<number, number>();
  for (const s of sentences) for (const id of s.termIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const core: number[] = [];
  for (const [id, count] of counts) if (2 * count >= sentences.length) core.push(id);
  return Uint32Array.from(core).sort();
}

export function toPoint(
  claim: RankedClaim,
  budget: BriefingBudget,
  cite: (s: SentenceFeatures) => Citation,
): Point {
  const ordered = [claim.display, ...claim.supporting.filter((m) => m !== claim.display)];
  return {
    text: balanceQuotes(compressSentence(claim.display.text, budget.wordsPerPoint)),
    independentSources: claim.independentSources,
    claimId: claim.id,
    citations: ordered.map(cite),
  };
}

/**
 * A sentence from inside a longer quotation opens or closes a quote it does not contain
 * ("... as you conspire against the United States"): the missing mark is added, so the point
 * reads as the quotation it is part of.
 */
export function balanceQuotes(text: string): string {
  const opening = (text.match(/\u201C/g) ?? []).length;
  const closing = (text.match(/\u201D/g) ?? []).length;
  if (closing > opening) return `\u201C${text}`;
  if (opening > closing) return `${text}\u201D`;
  if ((text.match(/"/g) ?? []).length % 2 === 1) {
    // The lone mark opens a quote (at the start or after a space) or closes one.
    const at = text.lastIndexOf('"');
    return at === 0 || /\s/.test(text[at - 1] ?? '') ? `${text}"` : `"${text}`;
  }
  return text;
}

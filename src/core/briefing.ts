import { type RankedClaim, reportedClaims } from './claim-ranking.ts';
import { compressSentence } from './compress.ts';
import type { SentenceFeatures, TermWeights } from './features.ts';
import { resolveMatcher, type TopicMatcher, topicScoreIds } from './topics.ts';
import type { Citation, Point, TopicBriefing } from './types.ts';

export interface BriefingBudget {
  pointsPerTopic: number;
  wordsPerPoint: number;
}

export const DEFAULT_BUDGET: BriefingBudget = { pointsPerTopic: 6, wordsPerPoint: 40 };

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
  // In a briefing of several topics a claim is shown once, in the topic it fits best; a one-topic
  // brief takes every claim that fits its topic.
  const bestRelevance = new Map<RankedClaim, number>();
  for (const relevance of perTopic) {
    for (const [claim, r] of relevance) bestRelevance.set(claim, Math.max(bestRelevance.get(claim) ?? 0, r));
  }
  // A claim that fits several topics equally goes to the one with the fewest claims of its own.
  const ownClaims = perTopic.map((relevance, t) => {
    let count = 0;
    for (const [claim, r] of relevance) {
      if (r >= (bestRelevance.get(claim) ?? 0) && perTopic.every((other, u) => u === t || (other.get(claim) ?? 0) < r)) count++;
    }
    return count;
  });
  const home = new Map<RankedClaim, number>();
  for (const [claim, best] of bestRelevance) {
    let chosenTopic = -1;
    perTopic.forEach((relevance, t) => {
      if ((relevance.get(claim) ?? 0) < best) return;
      if (chosenTopic < 0 || (ownClaims[t] as number) < (ownClaims[chosenTopic] as number)) chosenTopic = t;
    });
    home.set(claim, chosenTopic);
  }
  const pools = perTopic.map((relevance, t) =>
    [...relevance]
      .filter(([claim]) => matchers.length === 1 || home.get(claim) === t)
      .map(([claim, r]) => ({ claim, score: claim.salience * Math.min(r, 4) ** 1.5 }))
      .sort((a, b) => b.score - a.score || (a.claim.id < b.claim.id ? -1 : 1))
      .slice(0, budget.pointsPerTopic * 6),
  );
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
            if (u === t) redundancy = Math.max(redundancy, similarity);
            else if (similarity > REDUNDANT) repeatsOther = true;
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
  return matchers.map((matcher, t) => ({
    id: matcher.topic.id,
    label: matcher.topic.label,
    points: (chosen[t] as RankedClaim[]).map((claim) => toPoint(claim, budget, cite)),
  }));
}

/** Claims this similar to one already chosen say the same thing in other words. */
const REDUNDANT = 0.22;

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
    text: compressSentence(claim.display.text, budget.wordsPerPoint),
    independentSources: claim.independentSources,
    claimId: claim.id,
    citations: ordered.map(cite),
  };
}

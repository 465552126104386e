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
  return matchers.map((matcher) => {
    const ids = resolveMatcher(matcher, context.lookup);
    const sentenceScores = new Map<number, number>();
    const sentenceScore = (s: SentenceFeatures) => {
      let score = sentenceScores.get(s.index);
      if (score === undefined) sentenceScores.set(s.index, (score = topicScoreIds(s.termIds, ids)));
      return score;
    };
    const relevanceOf = (claim: RankedClaim) => {
      const own =
        claim.supporting.length === 1 ? sentenceScore(claim.display) : topicScoreIds(coreOf(claim), ids);
      if (own === 0) return 0;
      // A sentence that refers back ("how this buildup will be funded") is also about what it refers to.
      let inherited = 0;
      for (const m of claim.members) {
        const antecedent = context.antecedent(m);
        if (antecedent) inherited = Math.max(inherited, sentenceScore(antecedent));
      }
      return own + Math.min(inherited, 2);
    };
    const candidates = eligible
      .map((claim) => ({ claim, relevance: relevanceOf(claim) }))
      .filter((c) => c.relevance > 0)
      .map((c) => ({ ...c, score: c.claim.salience * Math.min(c.relevance, 4) ** 1.5 }))
      .sort((a, b) => b.score - a.score || (a.claim.id < b.claim.id ? -1 : 1));
    // Greedy selection with a redundancy penalty (maximal marginal relevance).
    const chosen: RankedClaim[] = [];
    const pool = candidates.slice(0, budget.pointsPerTopic * 6);
    while (chosen.length < budget.pointsPerTopic && pool.length > 0) {
      let bestIndex = -1;
      let bestScore = 0;
      pool.forEach((c, i) => {
        const redundancy = Math.max(
          0,
          ...chosen.map((p) => context.weights.similarity(p.display, c.claim.display)),
        );
        const score = redundancy > REDUNDANT ? 0 : c.score * (1 - redundancy);
        if (score > bestScore) {
          bestScore = score;
          bestIndex = i;
        }
      });
      if (bestIndex < 0) break;
      chosen.push((pool.splice(bestIndex, 1)[0] as (typeof pool)[number]).claim);
    }
    return {
      id: matcher.topic.id,
      label: matcher.topic.label,
      points: chosen.map((claim) => toPoint(claim, budget, cite)),
    };
  });
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

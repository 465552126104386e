import type { RankedClaim } from './claim-ranking.ts';
import { compressSentence } from './compress.ts';
import type { SentenceFeatures, TermWeights } from './features.ts';
import { type TopicMatcher, topicScore } from './topics.ts';
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
  context: { weights: TermWeights; neighbours: (s: SentenceFeatures) => SentenceFeatures[] },
): TopicBriefing[] {
  const termSets = new Map<number, Set<string>>();
  const termSet = (s: SentenceFeatures) => {
    let set = termSets.get(s.index);
    if (!set) termSets.set(s.index, (set = new Set(s.terms)));
    return set;
  };
  return matchers.map((matcher) => {
    const sentenceScores = new Map<number, number>();
    const sentenceScore = (s: SentenceFeatures) => {
      let score = sentenceScores.get(s.index);
      if (score === undefined) sentenceScores.set(s.index, (score = topicScore(termSet(s), matcher)));
      return score;
    };
    const relevanceOf = (claim: RankedClaim) => {
      const own =
        claim.members.length === 1
          ? sentenceScore(claim.display)
          : topicScore(claimTerms(claim.members), matcher);
      if (own === 0) return 0;
      // A sentence in a paragraph about the topic leans towards it ("how this will be funded").
      let around = 0;
      for (const m of claim.members) for (const n of context.neighbours(m)) around = Math.max(around, sentenceScore(n));
      return own + Math.min(around, 2) * 0.25;
    };
    const candidates = claims
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

function claimTerms(sentences: SentenceFeatures[]): Set<string> {
  const set = new Set<string>();
  for (const s of sentences) for (const t of s.terms) set.add(t);
  return set;
}

export function toPoint(
  claim: RankedClaim,
  budget: BriefingBudget,
  cite: (s: SentenceFeatures) => Citation,
): Point {
  const ordered = [claim.display, ...claim.members.filter((m) => m !== claim.display)];
  return {
    text: compressSentence(claim.display.text, budget.wordsPerPoint),
    independentSources: claim.independentSources,
    claimId: claim.id,
    citations: ordered.map(cite),
  };
}

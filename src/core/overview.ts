import { type BriefingBudget, sayTheSame, toPoint } from './briefing.ts';
import { type RankedClaim, reportedClaims } from './claim-ranking.ts';
import type { SentenceFeatures, TermWeights } from './features.ts';
import type { Citation, Point, TopicBriefing } from './types.ts';

/** The overview's id where sections are named (a disagreement's topicIds, renderers' sections). */
export const OVERVIEW_SECTION_ID = 'overview';

/** Points of the overview at most. */
export const OVERVIEW_POINTS = 3;

/**
 * The story's top developments that no topic section carries: among the claims that rank with
 * the briefing's own points (the most salient, as many as the topics may show in all), those
 * no topic shows and no shown point already says. A story's biggest news may fit no topic (a prize
 * nomination, a walk-out); it leads here instead of appearing nowhere. A point never repeats one
 * below it.
 */
export function overviewPoints(
  ranked: RankedClaim[],
  topics: TopicBriefing[],
  budget: BriefingBudget,
  cite: (s: SentenceFeatures) => Citation,
  weights: TermWeights,
): Point[] {
  const byId = new Map(ranked.map((c) => [c.id, c]));
  const shown = topics.flatMap((t) => t.points.map((p) => byId.get(p.claimId))).filter((c) => c !== undefined);
  const shownIds = new Set(shown.map((c) => c.id));
  const leading = reportedClaims(ranked).slice(0, budget.pointsPerTopic * Math.max(1, topics.length));
  const picked: RankedClaim[] = [];
  for (const claim of leading) {
    if (picked.length >= OVERVIEW_POINTS) break;
    if (shownIds.has(claim.id) || claim.independentSources === 0) continue;
    if ([...shown, ...picked].some((other) => sayTheSame(other.display, claim.display, weights))) continue;
    picked.push(claim);
  }
  return picked.map((claim) => toPoint(claim, budget, cite));
}

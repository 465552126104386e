import { DEFAULT_BUDGET } from '../core/briefing.ts';
import type { RankedClaim } from '../core/claim-ranking.ts';
import { compressSentence } from '../core/compress.ts';
import { sentenceRef } from '../core/ids.ts';
import { type Analysis, briefingFromAnalysis, type EngineOptions } from '../core/engine.ts';
import type { Disagreement } from '../core/types.ts';

/** The claims offered to the model, under short refs ("c1") that are cheap to write and to check. */
export interface ClaimCatalog {
  byRef: Map<string, RankedClaim>;
}

export interface ClaimEntry {
  id: string;
  text: string;
  /** Article numbers (1-based, in the briefing's source order). */
  sources: number[];
  /** Distinct rewrite groups among those articles. */
  independent: number;
}

export interface DisagreementEntry {
  about: string;
  variants: { text: string; sources: number[] }[];
}

export interface BriefingData {
  topics: { id: string; claims: string[] }[];
  claims: ClaimEntry[];
  disagreements: DisagreementEntry[];
}

export interface AnswerData {
  claims: ClaimEntry[];
  disagreements: DisagreementEntry[];
}

/**
 * Candidates per topic beyond the points asked for. None: the engine's budget (8 a topic) already
 * leaves the model room to drop or join claims, and every extra claim is paid for in every prompt.
 */
const EXTRA_CANDIDATES = 0;
const MAX_DISAGREEMENTS = 8;

/**
 * What the model sees for a briefing: per topic, the claims the offline engine would consider
 * (its own topic ranking with a slightly larger budget), in the engine's shortened wording,
 * with source numbers and independence counts, and the disagreements touching them.
 */
export function briefingContext(
  analysis: Analysis,
  options: EngineOptions & { topic?: string },
): { data: BriefingData; catalog: ClaimCatalog } {
  const budget = options.budget ?? DEFAULT_BUDGET;
  const candidates = briefingFromAnalysis(analysis, {
    ...options,
    budget: { ...budget, pointsPerTopic: budget.pointsPerTopic + EXTRA_CANDIDATES },
  });
  const claimById = new Map(analysis.claims.map((c) => [c.id, c]));
  const catalog: ClaimCatalog = { byRef: new Map() };
  const refOf = new Map<string, string>();
  // Topic labels and descriptions are left out: the engine already chose each topic's claims.
  const topics = candidates.topics.map((topic) => {
    const refs = topic.points.map((point) => {
      let ref = refOf.get(point.claimId);
      if (!ref) {
        ref = `c${refOf.size + 1}`;
        refOf.set(point.claimId, ref);
        catalog.byRef.set(ref, claimById.get(point.claimId) as RankedClaim);
      }
      return ref;
    });
    return { id: topic.id, claims: refs };
  });
  return {
    data: {
      topics,
      claims: claimEntries(analysis, catalog, budget.wordsPerPoint),
      disagreements: disagreementEntries(analysis, catalog),
    },
    catalog,
  };
}

/** What the model sees for a question: only the retrieved claims and their disagreements. */
export function answerContext(analysis: Analysis, claims: RankedClaim[]): { data: AnswerData; catalog: ClaimCatalog } {
  const catalog: ClaimCatalog = { byRef: new Map(claims.map((c, i) => [`c${i + 1}`, c])) };
  return {
    data: { claims: claimEntries(analysis, catalog, 60), disagreements: disagreementEntries(analysis, catalog) },
    catalog,
  };
}

function articleNumbers(analysis: Analysis): Map<string, number> {
  return new Map(analysis.articles.map((a, i) => [a.id, i + 1]));
}

function claimEntries(analysis: Analysis, catalog: ClaimCatalog, words: number): ClaimEntry[] {
  const numberOf = articleNumbers(analysis);
  return [...catalog.byRef].map(([ref, claim]) => ({
    id: ref,
    text: compressSentence(claim.display.text, words),
    sources: [...new Set(claim.members.map((m) => numberOf.get(m.articleId) ?? 0))].sort((a, b) => a - b),
    independent: claim.independentSources,
  }));
}

function disagreementEntries(analysis: Analysis, catalog: ClaimCatalog): DisagreementEntry[] {
  const numberOf = articleNumbers(analysis);
  const offered = new Set([...catalog.byRef.values()].flatMap((c) => c.members.map(sentenceRef)));
  const touches = (d: Disagreement) => d.citations.some((c) => offered.has(sentenceRef(c)));
  return analysis.disagreements
    .filter(touches)
    .slice(0, MAX_DISAGREEMENTS)
    .map((d) => ({
      about: d.about,
      variants: d.variants.map((v) => ({
        text: v.text,
        sources: v.articleIds.map((id) => numberOf.get(id) ?? 0).sort((a, b) => a - b),
      })),
    }));
}
